# Español (España), también para es-419. Mismos ids, variables y plurales que en-US.ftl.

number = { $value }
list-comma = { $first }, { $next }
list-and = { $first } y { $last }

## Finales de un trabajo
ending-submit-unknown = El servicio de vídeo no confirmó esta petición, así que puede que haya empezado o no. No la volveré a enviar por mi cuenta, para no pagar dos veces, y no cuenta para tus límites: pulsa Reintentar para hacerla de nuevo.
ending-cancelled-by-user = Cancelado. El servicio de vídeo no puede detener un trabajo ya empezado, así que puede que termine (y se cobre) por su lado, pero he dejado de esperarlo y he liberado el hueco.
ending-cancelled-queued = Cancelado antes de empezar; no se envió nada al servicio de vídeo.
ending-timed-out = El servicio de vídeo tardó demasiado, así que dejé de esperar este clip.
ending-no-clip = El servicio de vídeo dijo que el clip estaba terminado, pero nunca me lo entregó, así que dejé de esperarlo.
ending-cancelled-by-api = El servicio de vídeo canceló este trabajo.
ending-delivery-failed = El clip se hizo, pero no pude descargarlo del servicio de vídeo a tiempo.
ending-gave-up = Algo falló por mi parte mientras trabajaba en este trabajo y siguió fallando, así que paré. No cuenta para tus límites: pulsa Reintentar para probar de nuevo.
ending-gave-up-before-start = Algo falló por mi parte antes de que empezara este trabajo, así que paré; no se envió nada al servicio de vídeo y no se cobró nada. Vuelve a probar /video.
ending-card-failed = Algo falló por mi parte al publicar la tarjeta de este trabajo, así que lo descarté; no se cobró nada. Vuelve a intentarlo.
paused-misconfigured = El servicio de vídeo está mal configurado ahora mismo (rechaza la clave de API de este bot), así que no puede empezar ningún vídeo hasta que se arregle; los trabajos en espera empezarán solos.
paused-out-of-credit = El servicio de vídeo se ha quedado sin crédito, así que no puede empezar ningún vídeo hasta que se recargue la cuenta; los trabajos en espera empezarán solos.
paused-operator-told = { $sentence } Ya se ha avisado al operador.
refusal-shutting-down = Me estoy reiniciando ahora mismo; no se cobró nada. Vuelve a intentarlo en un minuto.

## Permisos, como los llama Discord
permission-view-channel = Ver canal
permission-send-messages = Enviar mensajes
permission-send-messages-in-threads = Enviar mensajes en los hilos
permission-embed-links = Insertar enlaces
permission-attach-files = Adjuntar archivos
permission-read-message-history = Leer el historial de mensajes
refusal-missing-permissions = { $where ->
    [thread] No puedo publicar vídeos aquí: me { $count ->
        [one] falta el permiso
       *[other] faltan los permisos
    } { $permissions } en este hilo. Un administrador del servidor { $count ->
        [one] puede concedérmelo
       *[other] puede concedérmelos
    } en los ajustes del canal principal (Permisos → { $role }). No se cobró nada.
   *[channel] No puedo publicar vídeos aquí: me { $count ->
        [one] falta el permiso
       *[other] faltan los permisos
    } { $permissions } en este canal. Un administrador del servidor { $count ->
        [one] puede concedérmelo
       *[other] puede concedérmelos
    } en los ajustes del canal (Permisos → { $role }). No se cobró nada.
}
ending-task-unknown = El servicio de vídeo ya no conoce este trabajo.

## El servicio de vídeo
api-safety = El filtro de seguridad del servicio de vídeo bloqueó esta petición, así que no se hizo ningún clip. Prueba con otra descripción u otras referencias.
api-failed = El servicio de vídeo no pudo hacer este clip. Pulsa Reintentar para probar de nuevo.
api-failed-no-reason = El servicio de vídeo no pudo hacer este clip y no dio ningún motivo. Pulsa Reintentar para probar de nuevo.
api-reference-failed = El servicio de vídeo no pudo usar los archivos de referencia, así que no se hizo ningún clip. Prueba con otras imágenes o clips.
api-refused = El servicio de vídeo rechazó esta petición por no ser válida, así que no se hizo ni se cobró nada.
api-refused-no-prompt = El servicio de vídeo necesita una descripción o una referencia para hacer un clip.
api-refused-too-many-images = El servicio de vídeo admite como mucho 16 imágenes de referencia.
api-refused-too-many-videos = El servicio de vídeo solo admite un clip de referencia.
api-refused-video-with-extend = Un clip de referencia no se puede combinar con Ampliar.
api-refused-parent-unfinished = El clip que quieres continuar aún no está terminado en el servicio de vídeo, así que todavía no se puede ampliar.
api-refused-clip-length = El clip de referencia debe durar entre 1 y 24 segundos.
api-refused-image-format = El servicio de vídeo solo admite imágenes de referencia PNG o JPEG.
api-refused-model = El servicio de vídeo no ofrece el modelo que este bot tiene configurado; el operador tiene que corregir los ajustes del bot.
api-refused-reference = El servicio de vídeo no pudo descargar o leer un archivo de referencia. Prueba a adjuntarlo otra vez.
rejected-key-refused = El servicio de vídeo rechazó la clave de API de este bot, así que este trabajo no pudo empezar.
rejected-out-of-credit = El servicio de vídeo no tiene crédito, así que este trabajo no pudo empezar.
rejected-model-not-allowed = El servicio de vídeo no permite a este bot usar este modelo; el operador tiene que revisarlo.
rejected-parent-unknown = El servicio de vídeo ya no conoce el clip que quieres continuar, así que no se puede ampliar.
rejected-reference-too-large = Un archivo de referencia es demasiado grande para el servicio de vídeo (20 MB como máximo).
rejected-reference-gone = El archivo de referencia { $filename } ya no se conserva, así que esto no se puede volver a hacer: adjúntalo de nuevo con /video.
rejected-reference-link-expired = El enlace del clip de referencia { $filename } ha caducado y el clip es demasiado grande para enviarlo incrustado: adjúntalo de nuevo con /video.

## Límites
limit-user-concurrent = Ya tienes { $active } de tus { $limit } vídeos en curso; empieza otro cuando termine alguno.
limit-user-queue = Tienes { $active } vídeos en curso y { $lined } esperando en tu fila (lo máximo que permite este servidor); espera a que termine uno.
limit-cooldown = Espera { $seconds } s entre vídeos; podrás empezar el siguiente { $when }.
limit-user-daily = Hoy has hecho { $made } de tus { $limit } vídeos; tu cupo se renueva { $when }.
limit-guild-daily = Este servidor ha hecho hoy { $made } de sus { $limit } vídeos; el cupo del servidor se renueva { $when }.
limit-budget = El bot ha gastado hoy { $used } de sus { $budget } créditos y no le alcanza para otro vídeo; el presupuesto se renueva { $when }.
access-banned = No tienes permitido hacer vídeos en este servidor.
access-paused = Los moderadores de este servidor han pausado la creación de vídeos.
access-channel = En este canal no se pueden hacer vídeos; usa { $channels }.
access-role = Necesitas uno de los roles de vídeo de este servidor para hacer vídeos aquí.
extend-unknown = Ya no conozco ese clip, así que no se puede ampliar.
extend-unfinished = Solo se puede ampliar un clip terminado, y este no terminó.
extend-too-old = Este clip es demasiado antiguo para ampliarlo: los clips se pueden ampliar durante { $hours } horas después de hacerse.
repeat-unknown = Ya no conozco ese clip.
repeat-unfinished = Este trabajo aún no ha terminado; espera a que acabe antes de volver a hacerlo.
repeat-files-gone = Los archivos de referencia de este clip ya no se conservan (se guardan { $days } días): empieza un /video nuevo adjuntándolos.
repeat-parent-extend-unknown = Este clip continúa otro anterior, y ese ya no se puede continuar: ya no conozco ese clip, así que no se puede ampliar.
repeat-parent-extend-unfinished = Este clip continúa otro anterior, y ese ya no se puede continuar: solo se puede ampliar un clip terminado, y ese no terminó.
repeat-parent-extend-too-old = Este clip continúa otro anterior, y ese ya no se puede continuar: es demasiado antiguo para ampliarlo (los clips se pueden ampliar durante { $hours } horas después de hacerse).

## Referencias
size-mb = { NUMBER($mb, minimumFractionDigits: 1, maximumFractionDigits: 1) } MB
media-that-file = Ese archivo
media-image-too-large = { $name } ocupa { $size }; las imágenes deben ocupar 20 MB o menos.
media-png-too-large = { $name } ocupa { $size } al convertirlo a PNG; las imágenes deben ocupar 20 MB o menos.
media-not-an-image = { $name } no es una imagen que pueda usar: adjunta un PNG, JPEG, WebP o GIF.
media-image-damaged = { $name } parece dañado o incompleto, así que no pude leerlo; prueba a guardarlo de nuevo.
media-too-many-pixels = { $name } tiene demasiados píxeles para abrirlo con seguridad; adjunta una imagen más pequeña.
media-too-many-megapixels = { $name } tiene demasiados píxeles para abrirlo con seguridad (más de { $limit } megapíxeles); adjunta una imagen más pequeña.
media-too-many-pixels-over = { $name } tiene demasiados píxeles para abrirlo con seguridad (más de { $limit } píxeles); adjunta una imagen más pequeña.
media-not-a-video = { $name } no es un vídeo que pueda leer: adjunta un vídeo MP4, MOV o WebM.
media-only-sound = { $name } no tiene imagen, solo sonido: adjunta un vídeo MP4, MOV o WebM.
media-picture-not-video = { $name } es una imagen, no un vídeo: adjunta un vídeo MP4, MOV o WebM.
media-no-duration = { $name } está dañado: no pude saber cuánto dura.
media-no-picture = { $name } está dañado: no pude decodificar ni una sola imagen.
media-clip-length = { $name } dura { NUMBER($seconds, minimumFractionDigits: 1, maximumFractionDigits: 1) } s; un vídeo de referencia debe durar entre { $min } y { $max } s ({ $best } s o menos funciona mejor).
media-no-pictures = { $name } no tiene imágenes.
media-join-failed = { $name } no se pudo unir a partir de sus partes.
refs-too-many-images = Has adjuntado { $count } imágenes; el servicio de vídeo admite como mucho { $limit }.
refs-too-many-videos = Has adjuntado { $count } vídeos; el servicio de vídeo admite como mucho un clip de referencia.
refs-video-with-extend = Un vídeo de referencia no se puede combinar con Ampliar: amplía el clip sin vídeo.
refs-link-expired = No pude descargar { $filename }: su enlace ha caducado. Adjunta el archivo otra vez.
refs-download-failed = No pude descargar { $filename } de Discord ahora mismo; inténtalo de nuevo.
refs-larger-than = { $filename } ocupa más de { $size }, demasiado.
refs-clip-too-large = { $filename } ocupa { $size }, demasiado para un clip de referencia.

## La tarjeta del trabajo
card-status-accepted = ⏳ En cola
card-status-submitting = ⏳ Empezando
card-status-submitted = ⏳ Esperando al servicio de vídeo
card-status-running = 🎬 Generando
card-status-completed = 📦 Terminando
card-status-delivering = 📦 Publicando el clip
card-status-delivered = ✅ Tu vídeo
card-status-rejected = ⚠️ No empezó
card-status-submit-unknown = ⚠️ Sin confirmar
card-status-failed = ❌ Falló
card-status-cancelled = 🛑 Cancelado
card-status-timed-out = ⌛ Tiempo agotado
card-title-with-kind = { $title } ({ $kind })
card-kind-extend = ampliación
card-kind-remix = remezcla
card-kind-retry = reintento
card-percent = { $percent } %
card-no-prompt = *(sin descripción: solo referencias)*
card-asked-by = Pedido por
card-aspect-ratio = Relación de aspecto
card-references = Referencias
card-refs-images = { $count ->
    [one] { $count } imagen
   *[other] { $count } imágenes
}
card-refs-videos = { $count ->
    [one] { $count } vídeo
   *[other] { $count } vídeos
}
card-refs-none = ninguna
card-credit-title = Créditos
card-credit = { $kind ->
    [extend] Continúa el clip de <@{ $user }>
    [remix] Remezcla del clip de <@{ $user }>
    [retry] Reintento del clip de <@{ $user }>
    [animate] Animado a partir del mensaje de <@{ $user }>
   *[other] Basado en el clip de <@{ $user }>
}
card-credit-from-job = { $kind ->
    [extend] Continúa el clip de <@{ $user }> (trabajo #{ $source_job })
    [remix] Remezcla del clip de <@{ $user }> (trabajo #{ $source_job })
    [retry] Reintento del clip de <@{ $user }> (trabajo #{ $source_job })
    [animate] Animado a partir del mensaje de <@{ $user }> (trabajo #{ $source_job })
   *[other] Basado en el clip de <@{ $user }> (trabajo #{ $source_job })
}
card-queue = Cola
card-queue-place = Puesto { $place } en la cola
card-queue-place-slot = Puesto { $place } en la cola, esperando un hueco libre
card-line-place = { $place }.º en tu fila: empieza cuando termine uno de los tuyos
card-waiting = En espera
card-progress = Progreso
card-ready = Listo
card-eta = { $when } (estimación)
card-what-happened = Qué pasó
card-download-title = Descarga
card-download = El clip es demasiado grande para subirlo aquí: [descárgalo]({ $link })
card-download-expires = El clip es demasiado grande para subirlo aquí: [descárgalo]({ $link }) (el enlace caduca { $when })
card-footer = Trabajo #{ $job }
card-footer-continues = { $footer } · continúa el trabajo #{ $parent }
ping-ready = <@{ $user }> tu vídeo está listo (trabajo #{ $job }).
ping-ended = <@{ $user }> tu trabajo de vídeo #{ $job } terminó: { $why }
ping-no-reason = no llegó a terminar.
giveup-cannot-post = No puedo publicar en ese canal.
giveup-cannot-post-any-more = Ya no puedo publicar en ese canal.
giveup-no-clip = El servicio de vídeo terminó, pero no entregó ningún clip.
giveup-clip-expired = El clip caducó en el servicio de vídeo antes de que pudiera descargarlo.
refusal-check-failed = No puedes usar este comando aquí.
refusal-something-wrong = Algo falló por mi parte; no se cobró nada. Vuelve a intentarlo.

## /video y Animar con IA
video-nothing-to-make = Dime qué hacer: escribe una descripción o adjunta una imagen o un vídeo.
video-prompt-too-long = Tu descripción tiene { $length } caracteres; el máximo es { $limit }.
animate-nothing = Ese mensaje no tiene ninguna imagen ni vídeo que pueda usar; elige un mensaje con una imagen o un clip.
animate-again = Ese cuadro de Animar con IA es demasiado antiguo o ya se usó; vuelve a usar Animar con IA en el mensaje.
animate-modal-title = Animar con IA
animate-modal-label = ¿Qué debería pasar?
animate-modal-placeholder = El gato gira la cabeza despacio y guiña un ojo
cmd-video = video
cmd-video-desc = Haz un vídeo corto con IA a partir de una descripción y referencias opcionales
cmd-video-opt-prompt = descripcion
cmd-video-opt-prompt-desc = Qué debería pasar en el vídeo (opcional si adjuntas una referencia)
cmd-video-opt-image-n = imagen{ $n }
cmd-video-opt-image-n-desc = Una imagen de referencia (PNG, JPEG, WebP o GIF)
cmd-video-opt-video = video
cmd-video-opt-video-desc = Un clip de referencia de 1–24 s (3 s o menos funciona mejor)
cmd-video-opt-aspect_ratio = formato
cmd-video-opt-aspect_ratio-desc = Horizontal 16:9 (predeterminado) o vertical 9:16
cmd-video-opt-private = privado
cmd-video-opt-private-desc = Envía el resultado a tus mensajes directos en lugar de a este canal
choice-16-9 = 16:9 (horizontal)
choice-9-16 = 9:16 (vertical)
cmd-animate-with-ai = Animar con IA
refusal-cannot-post = No puedo publicar en este canal: necesito los permisos { permission-view-channel }, { permission-send-messages }, { permission-embed-links } y { permission-attach-files } aquí. No se cobró nada.
refusal-dms-closed = No puedo enviarte mensajes directos, así que no puedo entregarte un vídeo privado: permite los mensajes directos de miembros del servidor (Privacidad) y vuelve a intentarlo. No se cobró nada.
refusal-no-dms = Los vídeos solo se pueden hacer en un servidor.
the-bot = el bot
iterate-private-owner-only = Solo la persona que pidió este clip privado puede usarlo como base.
iterate-banned-there = No tienes permitido hacer vídeos en ese servidor.
iterate-paused-there = Los moderadores de ese servidor han pausado la creación de vídeos.
iterate-other-server = Ese clip pertenece a otro servidor.
iterate-requester-only = En este servidor solo quien pidió un clip puede ampliarlo, remezclarlo o reintentarlo.
started = Tu vídeo está en camino como trabajo #{ $job }: { $where }
started-where-dm = en tus mensajes directos
started-where-soon = su tarjeta aparecerá en este canal en breve

## Botones
button-extend = Ampliar
button-remix = Remezclar
button-retry = Reintentar
button-delete = Eliminar
button-story = Historia
button-full-cut = Montaje completo
button-cancel = Cancelar
extend-cannot = Ese clip no se puede ampliar.
remix-cannot = Ese clip no se puede remezclar.
retry-cannot = Ese clip no se puede volver a hacer.
extend-remix-instead = { $problem } Puedes remezclarlo en su lugar.
extend-modal-title = Ampliar este clip
extend-modal-label = ¿Qué pasa después?
extend-no-prompt = Cuéntame qué pasa después, para saber cómo continuar el clip.
remix-modal-title = Remezclar este clip
remix-modal-label = Descripción
remix-no-prompt = Dale una descripción a la remezcla.
delete-not-yours = Solo quien pidió este clip, o un moderador, puede eliminarlo.
delete-failed = No pude eliminar ese mensaje.
delete-done = Eliminé el clip del trabajo #{ $job }.
cancel-unknown = Ya no conozco ese trabajo.
cancel-not-yours = Solo quien pidió este vídeo, o un moderador, puede cancelarlo.
cancel-already-ended = El trabajo #{ $job } ya terminó, así que no hay nada que cancelar.
cancel-too-late = El trabajo #{ $job } terminó antes de que pudiera cancelarlo.
cancel-done = Cancelado.
story-pick-placeholder = Ampliar un segmento…
kind-video = vídeo
kind-extend = ampliación
kind-remix = remezcla
kind-retry = reintento
kind-animate = animación
segment-label = #{ $job } { $kind } de { $name }
segment-label-someone = #{ $job } { $kind } de alguien
someone = alguien
story-by = de { $name }
story-no-prompt = (sin descripción)
story-clip-gone = el clip ya no se conserva
story-branching-off = { $count ->
    [one] +{ $count } segmento se ramifica aquí
   *[other] +{ $count } segmentos se ramifican aquí
}
story-picture-title = { $count ->
    [one] Historia del trabajo #{ $job }: { $count } segmento desde el primer clip
   *[other] Historia del trabajo #{ $job }: { $count } segmentos desde el primer clip
}
story-picture-title-hidden = { $title } · { $count } más en el árbol sin dibujar
story-alt = Guion gráfico: { $steps }
story-note-failed = falló
story-note-timed-out = tiempo agotado
story-note-cancelled = cancelado
story-note-rejected = no empezó
story-note-submit-unknown = sin confirmar
story-note-in-progress = en curso
story-caption-head = { $count ->
    [one] **Historia del trabajo #{ $job }**: { $count } segmento desde el primer clip.
   *[other] **Historia del trabajo #{ $job }**: { $count } segmentos desde el primer clip.
}
story-caption-head-large = { $count ->
    [one] **Historia del trabajo #{ $job }**: { $count } segmento desde el primer clip (un árbol grande: la imagen muestra el camino hasta este clip y cuenta las ramas).
   *[other] **Historia del trabajo #{ $job }**: { $count } segmentos desde el primer clip (un árbol grande: la imagen muestra el camino hasta este clip y cuenta las ramas).
}
story-caption-line = { $place }. { $label }
story-caption-line-link = { $place }. { $label } — <{ $link }>
story-caption-line-dm = { $place }. { $label } — en mensajes directos
story-caption-more = …y { $count } más: mira la imagen.
story-caption-hidden = { $count ->
    [one] { $count } segmento más de este árbol no está dibujado.
   *[other] { $count } segmentos más de este árbol no están dibujados.
}
story-unknown-job = No conozco ningún trabajo #{ $job } que puedas ver.
cmd-story = historia
cmd-story-desc = Cómo nació un clip: un guion gráfico de sus segmentos
cmd-story-opt-job = trabajo
cmd-story-opt-job-desc = El número del trabajo (el pie de la tarjeta dice Trabajo #N)
fullcut-caption = **Montaje completo del trabajo #{ $job }** ({ $steps }), hecho por { $names }.
fullcut-undelivered = Para un montaje completo, todos los clips hasta este deben haberse entregado.
fullcut-part-gone = El clip del trabajo #{ $job } ya no se conserva (los clips se guardan mientras se pueden ampliar), así que no puedo hacer el montaje completo.
fullcut-join-failed = No pude unir los clips de esta rama en un solo vídeo.
fullcut-too-long = El montaje completo es demasiado largo para el límite de subida de Discord aquí, incluso recodificado.

## /quota, /jobs, /help
quota-title = Tu cupo de vídeos
quota-right-now = Ahora mismo
quota-resets = se renueva { $when }
quota-user-today = Tus vídeos de hoy
quota-user-active = Tus vídeos en curso
quota-cooldown = Espera entre vídeos
quota-guild-today = Vídeos de este servidor hoy
quota-budget = Presupuesto de créditos del bot hoy
quota-count-unlimited = { $used } (sin límite)
quota-count = { $used } de { $limit } usados, quedan { $left }
quota-with-reset = { $text } · { $reset }
quota-cooldown-none = Ninguna
quota-cooldown-wait = { $seconds } s entre vídeos; el siguiente puede empezar { $when }
quota-cooldown-ready = { $seconds } s entre vídeos; puedes empezar uno ya
quota-budget-none = { NUMBER($used, minimumFractionDigits: 1, maximumFractionDigits: 1) } créditos usados (sin presupuesto)
quota-budget-left = { NUMBER($used, minimumFractionDigits: 1, maximumFractionDigits: 1) } de { $budget } créditos usados, quedan { NUMBER($left, minimumFractionDigits: 1, maximumFractionDigits: 1) } (unos { $videos } vídeos)
jobs-none = Todavía no tienes vídeos.
jobs-title = Tus vídeos recientes
jobs-footer = { $count ->
    [one] Tu trabajo más reciente
   *[other] Tus { $count } trabajos más recientes, del más nuevo al más antiguo
}
jobs-kind = ({ $kind })
jobs-card-link = [tarjeta]({ $link })
jobs-status-accepted = ⏳ en cola
jobs-status-submitting = ⏳ empezando
jobs-status-submitted = ⏳ esperando al servicio de vídeo
jobs-status-running = 🎬 generando
jobs-status-completed = 📦 terminando
jobs-status-delivering = 📦 publicando
jobs-status-delivered = ✅ entregado
jobs-status-rejected = ⚠️ no empezó
jobs-status-submit-unknown = ⚠️ sin confirmar
jobs-status-failed = ❌ falló
jobs-status-cancelled = 🛑 cancelado
jobs-status-timed-out = ⌛ tiempo agotado
help-title = Hacer vídeos
help-about = Convierto una descripción —y, si quieres, imágenes de referencia o un clip corto— en un vídeo corto con IA, publicado en el canal con botones para seguir. Cada vídeo cuesta créditos reales, así que hay límites.
help-options-title = Opciones de /video
help-options =
    `{ cmd-video-opt-prompt }` — qué debería pasar (opcional si adjuntas una referencia)
    `{ $first_image }` … `{ $last_image }` — imágenes de referencia (PNG, JPEG, WebP o GIF)
    `{ cmd-video-opt-video }` — un clip de referencia de 1–24 s (3 s o menos funciona mejor)
    `{ cmd-video-opt-aspect_ratio }` — `16:9` horizontal (predeterminado) o `9:16` vertical
    `{ cmd-video-opt-private }` — entrega el clip en tus mensajes directos en lugar del canal
help-buttons-title = En un clip
help-buttons =
    {"**"}Ampliar** — continúa el clip con lo que pasa después
    {"**"}Remezclar** — una versión nueva con otra descripción
    {"**"}Reintentar** — la misma petición otra vez
    {"**"}Eliminar** — quita el clip (quien lo pidió o un moderador)
    {"**"}Historia** — una imagen de cómo nació el clip (también `/{ cmd-story } { cmd-story-opt-job }:`)
    {"**"}Montaje completo** — todo el camino desde el primer clip hasta este, en un solo clip
    {"**"}Cancelar** — detiene un vídeo que sigue en curso o esperando en tu fila
    Menú de mensaje **Aplicaciones → Animar con IA** — convierte las imágenes o el clip de un mensaje en un vídeo
help-examples-title = Ejemplos
help-examples =
    `/video { cmd-video-opt-prompt }: un barco de papel navegando por una calle lluviosa, cinematográfico`
    `/video { cmd-video-opt-prompt }: ella saluda a la cámara { $first_image }: (tu foto) { cmd-video-opt-aspect_ratio }: 9:16`
    `/video { cmd-video-opt-video }: (un clip de 3 s) { cmd-video-opt-prompt }: la cámara sube volando hasta las nubes { cmd-video-opt-private }: True`
help-more-title = Más comandos
help-more =
    `/{ cmd-quota }` — tu cupo · `/{ cmd-jobs }` — tus vídeos recientes · `/videoadmin` — ajustes del servidor
    ¿Has llegado a tu límite de vídeos en curso? Unos cuantos más esperan en tu propia fila y empiezan cuando terminan los tuyos.
cmd-quota = cupo
cmd-quota-desc = Cuántos vídeos puedes hacer todavía y cuándo se renueva
cmd-jobs = trabajos
cmd-jobs-desc = Tus vídeos recientes, con su estado y un enlace a cada uno
cmd-help = ayuda
cmd-help-desc = Qué hace este bot, cómo usar /video y tus límites

## /videoadmin
admin-need-manage = Necesitas el permiso Gestionar servidor para cambiar los ajustes de vídeo.
admin-and-more = … y { $count } más
admin-value-no-line = sin fila (se rechaza al llegar al límite)
admin-value-seconds = { $seconds } s
admin-value-none = ninguno
admin-value-count = { $count }
admin-value-no-limit = sin límite
admin-limit-user_daily_limit = vídeos por miembro al día
admin-limit-user_concurrent_limit = vídeos en curso por miembro
admin-limit-user_queue_limit = vídeos en espera en la fila de un miembro
admin-limit-guild_daily_limit = vídeos por servidor al día
admin-limit-cooldown_seconds = la espera entre vídeos
admin-limit-label-user_daily_limit = Vídeos por miembro al día
admin-limit-label-user_concurrent_limit = Vídeos en curso por miembro
admin-limit-label-user_queue_limit = Vídeos en espera en la fila de un miembro
admin-limit-label-guild_daily_limit = Vídeos por servidor al día
admin-limit-label-cooldown_seconds = Espera entre vídeos
admin-limit-line = { $label }: **{ $value }** ({ $source })
admin-source-server = ajuste de este servidor; valor del bot { $default }
admin-source-default = predeterminado
admin-limit-set-part = { $name } a { $value }
admin-limits-nothing = No cambió nada: indica al menos un límite, o `{ cmd-videoadmin-limits-opt-reset }: True`.
admin-limits-set = Fijado { $parts } en este servidor.
admin-limits-reset = Restablecidos los límites de este servidor a los valores del bot.
admin-limits-reset-then-set = Restablecidos los límites de este servidor a los valores del bot, y fijado { $parts }.
admin-channel-rule-open = ahora se pueden hacer vídeos en cualquier canal
admin-channel-rule-closed = ahora solo se pueden hacer vídeos en { $listed }
admin-role-rule-open = ahora cualquiera puede hacer vídeos
admin-role-rule-closed = ahora solo los miembros con { $listed } (y los moderadores) pueden hacer vídeos
admin-list-already-empty = { $kind ->
    [role] La lista de roles permitidos ya está vacía; no cambió nada.
   *[channel] La lista de canales permitidos ya está vacía; no cambió nada.
}
admin-list-cleared = { $kind ->
    [role] Vaciada la lista de roles permitidos: { $rule }.
   *[channel] Vaciada la lista de canales permitidos: { $rule }.
}
admin-list-pick = { $kind ->
    [role] { $action ->
        [allow] Elige el rol que quieres permitir; no cambió nada.
       *[disallow] Elige el rol que quieres quitar; no cambió nada.
    }
   *[channel] { $action ->
        [allow] Elige el canal que quieres permitir; no cambió nada.
       *[disallow] Elige el canal que quieres quitar; no cambió nada.
    }
}
admin-list-already-allowed = { $named } ya está permitido; no cambió nada.
admin-list-full = { $kind ->
    [role] La lista admite como mucho { $limit } roles; no cambió nada.
   *[channel] La lista admite como mucho { $limit } canales; no cambió nada.
}
admin-list-allowed = Permitido { $named }: { $rule }.
admin-list-not-on = { $named } no está en la lista, así que no cambió nada.
admin-list-removed = Quitado { $named } de la lista: { $rule }.
admin-show-title = Ajustes de vídeo de este servidor
admin-show-limits = Límites
admin-show-bot-wide = Para todo el bot (los fija el operador, no cada servidor)
admin-show-bot-wide-value =
    Vídeos generándose a la vez, todos los servidores: **{ $jobs }**
    Presupuesto diario de créditos, todos los servidores: { $budget }
admin-show-budget = **{ $budget } créditos**
admin-show-budget-videos = **{ $budget } créditos** (unos { $videos } vídeos)
admin-show-budget-none = **ninguno**
admin-show-channels = Canales
admin-show-any-channel = Cualquier canal
admin-show-roles = Roles
admin-show-roles-listed = { $roles } (y los moderadores)
admin-show-everyone = Todos
admin-show-generation = Generación
admin-show-paused = ⏸️ en pausa
admin-show-running = ▶️ activa
admin-show-iteration = Ampliar / Remezclar / Reintentar
admin-show-requester-only = solo quien lo pidió (y los moderadores)
admin-show-anyone = cualquiera que pueda hacer vídeos
admin-show-banned = Miembros vetados
admin-show-banned-list = { $count }: { $members }
admin-ban-already = <@{ $user }> ya tiene vetado hacer vídeos aquí; no cambió nada.
admin-ban-done = <@{ $user }> ya no puede hacer vídeos en este servidor.
admin-unban-not-banned = <@{ $user }> no está vetado aquí; no cambió nada.
admin-unban-done = <@{ $user }> vuelve a poder hacer vídeos en este servidor.
admin-pause-already = La creación de vídeos ya está en pausa en este servidor; no cambió nada.
admin-pause-not-paused = La creación de vídeos no está en pausa en este servidor; no cambió nada.
admin-pause-done = Pausada la creación de vídeos en este servidor: se rechazan los vídeos nuevos hasta `/videoadmin { cmd-videoadmin-resume }` (los que ya están en curso terminan).
admin-resume-done = Reanudada la creación de vídeos en este servidor: los miembros vuelven a poder hacer vídeos.
admin-requester-only-already-on = La opción de solo quien lo pidió ya está activada; no cambió nada.
admin-requester-only-already-off = La opción de solo quien lo pidió ya está desactivada; no cambió nada.
admin-requester-only-on = Ahora solo quien pidió un clip (y los moderadores) puede Ampliarlo, Remezclarlo o Reintentarlo.
admin-requester-only-off = Ahora cualquiera que pueda hacer vídeos aquí puede Ampliar, Remezclar o Reintentar cualquier clip.
admin-usage-none = No se hizo ningún vídeo en este servidor en los últimos { $days } días.
admin-usage-day = Día
admin-usage-member = Miembro
admin-usage-clips = Clips
admin-usage-done = Ok
admin-usage-fail = Fallo
admin-usage-credits = Créditos
admin-usage-more-rows = … y { $count } filas más en usage.csv
admin-usage-title = Uso de vídeo en este servidor, últimos { $days } días
admin-usage-totals = Totales
admin-usage-totals-value = { $clips } clips de { $members } miembros · { $delivered } entregados · { $failed } fallidos · { NUMBER($credits, minimumFractionDigits: 1, maximumFractionDigits: 1) } créditos
admin-usage-footer = Por miembro y día UTC.
admin-usage-footer-file = Por miembro y día UTC. El informe completo va adjunto como usage.csv.
cmd-videoadmin = videoadmin
cmd-videoadmin-desc = Ajustes de vídeo de este servidor (Gestionar servidor)
cmd-videoadmin-show = ver
cmd-videoadmin-show-desc = Muestra los límites y ajustes de vídeo de este servidor
cmd-videoadmin-limits = limites
cmd-videoadmin-limits-desc = Fija los límites de vídeo de este servidor (0 = sin límite)
cmd-videoadmin-limits-opt-user_daily = por_miembro_al_dia
cmd-videoadmin-limits-opt-user_daily-desc = Vídeos que cada miembro puede hacer por día UTC (0 = sin límite)
cmd-videoadmin-limits-opt-user_concurrent = por_miembro_a_la_vez
cmd-videoadmin-limits-opt-user_concurrent-desc = Vídeos que cada miembro puede tener en curso a la vez (0 = sin límite)
cmd-videoadmin-limits-opt-user_queue = fila_por_miembro
cmd-videoadmin-limits-opt-user_queue-desc = Vídeos que un miembro en ese límite puede tener esperando en su fila (0 = sin fila)
cmd-videoadmin-limits-opt-guild_daily = servidor_al_dia
cmd-videoadmin-limits-opt-guild_daily-desc = Vídeos que puede hacer todo el servidor por día UTC (0 = sin límite)
cmd-videoadmin-limits-opt-cooldown = espera
cmd-videoadmin-limits-opt-cooldown-desc = Segundos que un miembro espera entre vídeos (0 = ninguno)
cmd-videoadmin-limits-opt-reset = restablecer
cmd-videoadmin-limits-opt-reset-desc = Olvida los límites de este servidor y vuelve a los valores del bot
cmd-videoadmin-channel = canal
cmd-videoadmin-channel-desc = Elige los canales donde se pueden hacer vídeos
cmd-videoadmin-channel-opt-action = accion
cmd-videoadmin-channel-opt-action-desc = permite o quita un canal, o vacía la lista (entonces se permiten todos los canales)
cmd-videoadmin-channel-opt-channel = canal
cmd-videoadmin-channel-opt-channel-desc = El canal (por defecto, este)
cmd-videoadmin-role = rol
cmd-videoadmin-role-desc = Elige los roles que pueden hacer vídeos
cmd-videoadmin-role-opt-action = accion
cmd-videoadmin-role-opt-action-desc = permite o quita un rol, o vacía la lista (entonces cualquiera puede hacer vídeos)
cmd-videoadmin-role-opt-role = rol
cmd-videoadmin-role-opt-role-desc = El rol (necesario para permitir y quitar)
choice-allow = permitir (añadir a la lista)
choice-disallow = quitar (sacar de la lista)
choice-clear = vaciar (lista vacía: sin restricción)
cmd-videoadmin-ban = vetar
cmd-videoadmin-ban-desc = Impide a un miembro hacer vídeos en este servidor
cmd-videoadmin-ban-opt-user = miembro
cmd-videoadmin-ban-opt-user-desc = El miembro que ya no podrá hacer vídeos aquí
cmd-videoadmin-unban = quitar_veto
cmd-videoadmin-unban-desc = Permite de nuevo hacer vídeos a un miembro vetado
cmd-videoadmin-unban-opt-user = miembro
cmd-videoadmin-unban-opt-user-desc = El miembro que podrá volver a hacer vídeos aquí
cmd-videoadmin-pause = pausar
cmd-videoadmin-pause-desc = Pausa la creación de vídeos en este servidor
cmd-videoadmin-resume = reanudar
cmd-videoadmin-resume-desc = Reanuda la creación de vídeos en este servidor
cmd-videoadmin-requester_only = solo_quien_pide
cmd-videoadmin-requester_only-desc = Si solo quien pidió un clip puede Ampliarlo, Remezclarlo o Reintentarlo
cmd-videoadmin-requester_only-opt-enabled = activado
cmd-videoadmin-requester_only-opt-enabled-desc = True: solo quien lo pidió (y los moderadores); False: cualquiera que pueda hacer vídeos
cmd-videoadmin-usage = uso
cmd-videoadmin-usage-desc = Vídeos, fallos y créditos por miembro y día (30 días)
