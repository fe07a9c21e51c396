# Português (Brasil). Os mesmos ids e variáveis que en-US.ftl; plurais pelas categorias CLDR do português
# ([one] para 0 e 1, *[other] para o resto; [many] só existe para milhões redondos e cai no *[other]).

number = { $value }
list-comma = { $first }, { $next }
list-and = { $first } e { $last }

## Como uma tarefa termina (no cartão e na menção)
ending-submit-unknown = O serviço de vídeo não confirmou este pedido, então ele pode ter começado ou não. Não vou enviá-lo de novo por conta própria, para não pagar duas vezes, e ele não conta nos seus limites: clique em Tentar novamente para fazê-lo outra vez.
ending-cancelled-by-user = Cancelado. O serviço de vídeo não consegue interromper uma tarefa já iniciada, então ela ainda pode terminar (e ser cobrada) do lado dele, mas parei de esperar por ela e liberei a vaga.
ending-cancelled-queued = Cancelado antes de começar; nada foi enviado ao serviço de vídeo.
ending-timed-out = O serviço de vídeo demorou demais, então parei de esperar por este clipe.
ending-no-clip = O serviço de vídeo disse que o clipe estava pronto, mas nunca o entregou, então parei de esperar por ele.
ending-cancelled-by-api = O serviço de vídeo cancelou esta tarefa.
ending-delivery-failed = O clipe foi feito, mas não consegui baixá-lo do serviço de vídeo a tempo.
ending-gave-up = Algo deu errado do meu lado durante esta tarefa e continuou dando errado, então parei. Isso não conta nos seus limites: clique em Tentar novamente para fazer outra tentativa.
ending-gave-up-before-start = Algo deu errado do meu lado antes de esta tarefa começar, então parei; nada foi enviado ao serviço de vídeo e nada foi cobrado. Tente usar o /video de novo.
ending-card-failed = Algo deu errado do meu lado ao publicar o cartão desta tarefa, então descartei a tarefa; nada foi cobrado. Tente de novo.

## Envios pausados (401/402)
paused-misconfigured = O serviço de vídeo está mal configurado no momento (ele recusa a chave de API deste bot), então nenhum vídeo pode começar até que isso seja corrigido; depois disso, as tarefas em espera começam sozinhas.
paused-out-of-credit = O serviço de vídeo está sem créditos no momento, então nenhum vídeo pode começar até que a conta seja recarregada; depois disso, as tarefas em espera começam sozinhas.
paused-operator-told = { $sentence } O operador já foi avisado.
refusal-shutting-down = Estou reiniciando agora; nada foi cobrado. Tente de novo daqui a um minuto.

## Permissões, com os nomes que o Discord usa na página de Permissões de um canal
permission-view-channel = Ver canal
permission-send-messages = Enviar mensagens
permission-send-messages-in-threads = Enviar mensagens em tópicos
permission-embed-links = Inserir links
permission-attach-files = Anexar arquivos
permission-read-message-history = Ver histórico de mensagens
refusal-missing-permissions = { $where ->
    [thread] Não consigo publicar vídeos aqui: não tenho { $count ->
        [one] a permissão
       *[other] as permissões
    } { $permissions } neste tópico. Um administrador do servidor pode { $count ->
        [one] concedê-la
       *[other] concedê-las
    } nas configurações do canal de origem do tópico (Permissões → { $role }). Nada foi cobrado.
   *[channel] Não consigo publicar vídeos aqui: não tenho { $count ->
        [one] a permissão
       *[other] as permissões
    } { $permissions } neste canal. Um administrador do servidor pode { $count ->
        [one] concedê-la
       *[other] concedê-las
    } nas configurações do canal (Permissões → { $role }). Nada foi cobrado.
}
ending-task-unknown = O serviço de vídeo não reconhece mais esta tarefa.

## Recusas e falhas do serviço de vídeo, com as nossas palavras
api-safety = O filtro de segurança do serviço de vídeo bloqueou este pedido, então nenhum clipe foi feito. Tente outra descrição ou outras referências.
api-failed = O serviço de vídeo não conseguiu fazer este clipe. Clique em Tentar novamente para fazer outra tentativa.
api-failed-no-reason = O serviço de vídeo não conseguiu fazer este clipe e não informou o motivo. Clique em Tentar novamente para fazer outra tentativa.
api-reference-failed = O serviço de vídeo não conseguiu usar os arquivos de referência, então nenhum clipe foi feito. Tente outras imagens ou outros clipes.
api-refused = O serviço de vídeo recusou este pedido por considerá-lo inválido, então nada foi feito nem cobrado.
api-refused-no-prompt = O serviço de vídeo precisa de uma descrição ou de uma referência para fazer um clipe.
api-refused-too-many-images = O serviço de vídeo aceita no máximo 16 imagens de referência.
api-refused-too-many-videos = O serviço de vídeo aceita apenas um clipe de referência.
api-refused-video-with-extend = Um clipe de referência não pode ser combinado com Estender.
api-refused-parent-unfinished = O clipe a ser continuado ainda não foi concluído no serviço de vídeo, então ainda não pode ser estendido.
api-refused-clip-length = O clipe de referência precisa ter entre 1 e 24 segundos.
api-refused-image-format = O serviço de vídeo só aceita imagens de referência em PNG ou JPEG.
api-refused-model = O serviço de vídeo não oferece o modelo que este bot está configurado para usar; o operador precisa corrigir as configurações do bot.
api-refused-reference = O serviço de vídeo não conseguiu baixar ou ler um arquivo de referência. Tente anexá-lo de novo.
rejected-key-refused = O serviço de vídeo recusou a chave de API deste bot, então esta tarefa não pôde começar.
rejected-out-of-credit = O serviço de vídeo está sem créditos, então esta tarefa não pôde começar.
rejected-model-not-allowed = O serviço de vídeo não permite que este bot use este modelo; o operador precisa verificar isso.
rejected-parent-unknown = O serviço de vídeo não reconhece mais o clipe a ser continuado, então ele não pode ser estendido.
rejected-reference-too-large = Um arquivo de referência é grande demais para o serviço de vídeo (20 MB no máximo).
rejected-reference-gone = O arquivo de referência { $filename } não está mais guardado, então não dá para fazer isto de novo: anexe-o outra vez com /video.
rejected-reference-link-expired = O link do clipe de referência { $filename } expirou e o clipe é grande demais para ser enviado diretamente: anexe-o outra vez com /video.

## Limites (recusas na entrada); { $when } é um carimbo de data/hora do Discord, como <t:1700000000:R>
limit-user-concurrent = { $active ->
    [one] Você já tem { $active } vídeo em andamento (seu limite é { $limit }); comece outro quando ele terminar.
   *[other] Você já tem { $active } vídeos em andamento (seu limite é { $limit }); comece outro quando um deles terminar.
}
limit-user-queue = { $active ->
    [one] Você tem { $active } vídeo em andamento e { $lined } esperando na sua fila (o máximo que este servidor permite); espere até que um deles termine.
   *[other] Você tem { $active } vídeos em andamento e { $lined } esperando na sua fila (o máximo que este servidor permite); espere até que um deles termine.
}
limit-cooldown = Aguarde { $seconds } s entre um vídeo e outro; você pode começar o próximo { $when }.
limit-user-daily = Você chegou ao seu limite de vídeos por hoje ({ $made } de { $limit }); sua cota é renovada { $when }.
limit-guild-daily = Este servidor chegou ao limite de vídeos por hoje ({ $made } de { $limit }); a cota do servidor é renovada { $when }.
limit-budget = O bot já gastou { $used } de { $budget } créditos do orçamento de hoje, e o que sobrou não dá para mais um vídeo; o orçamento é renovado { $when }.

## Quem pode fazer vídeos, e onde
access-banned = Você não tem permissão para fazer vídeos neste servidor.
access-paused = Os moderadores deste servidor pausaram a geração de vídeos.
access-channel = Não é possível fazer vídeos neste canal; use { $channels }.
access-role = Você precisa de um dos cargos de vídeo deste servidor para fazer vídeos aqui.

## Estender, Remixar, Tentar novamente: por que não
extend-unknown = Não tenho mais registro desse clipe, então ele não pode ser estendido.
extend-unfinished = Só um clipe concluído pode ser estendido, e este não foi concluído.
extend-too-old = Este clipe é antigo demais para ser estendido: os clipes podem ser estendidos por até { $hours ->
    [one] { $hours } hora
   *[other] { $hours } horas
} depois de feitos.
repeat-unknown = Não tenho mais registro desse clipe.
repeat-unfinished = Esta tarefa ainda não terminou; espere até que ela termine para fazê-la de novo.
repeat-files-gone = Os arquivos de referência deste clipe não estão mais guardados (eles ficam guardados por { $days ->
    [one] { $days } dia
   *[other] { $days } dias
}): comece um novo /video com eles anexados.
repeat-parent-extend-unknown = Este clipe continua um anterior, que não pode mais ser continuado: não tenho mais registro daquele clipe, então ele não pode ser estendido.
repeat-parent-extend-unfinished = Este clipe continua um anterior, que não pode mais ser continuado: só um clipe concluído pode ser estendido, e aquele não foi concluído.
repeat-parent-extend-too-old = Este clipe continua um anterior, que não pode mais ser continuado: ele é antigo demais para ser estendido (os clipes podem ser estendidos por até { $hours ->
    [one] { $hours } hora
   *[other] { $hours } horas
} depois de feitos).

## Referências: imagens e clipes anexados
size-mb = { NUMBER($mb, minimumFractionDigits: 1, maximumFractionDigits: 1) } MB
media-that-file = Esse arquivo
media-image-too-large = { $name } tem { $size }; as imagens precisam ter no máximo 20 MB.
media-png-too-large = { $name } fica com { $size } depois de convertido para PNG; as imagens precisam ter no máximo 20 MB.
media-not-an-image = { $name } não é uma imagem que eu consiga usar: anexe um PNG, JPEG, WebP ou GIF.
media-image-damaged = { $name } parece estar danificado ou incompleto, então não consegui lê-lo; tente salvá-lo de novo.
media-too-many-pixels = { $name } tem pixels demais para eu abrir com segurança; anexe uma imagem menor.
media-too-many-megapixels = { $name } tem pixels demais para eu abrir com segurança (mais de { $limit } megapixels); anexe uma imagem menor.
media-too-many-pixels-over = { $name } tem pixels demais para eu abrir com segurança (mais de { $limit } pixels); anexe uma imagem menor.
media-not-a-video = { $name } não é um vídeo que eu consiga ler: anexe um vídeo MP4, MOV ou WebM.
media-only-sound = { $name } não tem imagem, só som: anexe um vídeo MP4, MOV ou WebM.
media-picture-not-video = { $name } é uma imagem, não um vídeo: anexe um vídeo MP4, MOV ou WebM.
media-no-duration = { $name } está danificado: não consegui descobrir quanto tempo ele dura.
media-no-picture = { $name } está danificado: não consegui decodificar nem um quadro dele.
media-clip-length = { $name } tem { NUMBER($seconds, minimumFractionDigits: 1, maximumFractionDigits: 1) } s; um vídeo de referência precisa ter de { $min } a { $max } s ({ $best } s ou menos funciona melhor).
media-no-pictures = { $name } não tem nenhum quadro.
media-join-failed = Não foi possível montar { $name } a partir das partes.
refs-too-many-images = Você anexou { $count } imagens; o serviço de vídeo aceita no máximo { $limit }.
refs-too-many-videos = Você anexou { $count } vídeos; o serviço de vídeo aceita no máximo um clipe de referência.
refs-video-with-extend = Um vídeo de referência não pode ser combinado com Estender: estenda o clipe sem vídeo.
refs-link-expired = Não consegui baixar { $filename }: o link expirou. Anexe o arquivo de novo.
refs-download-failed = Não consegui baixar { $filename } do Discord agora; tente de novo.
refs-larger-than = { $filename } tem mais de { $size }, o que é grande demais.
refs-clip-too-large = { $filename } tem { $size }, o que é grande demais para um clipe de referência.

## O cartão da tarefa (público: no idioma do servidor)
card-status-accepted = ⏳ Na fila
card-status-submitting = ⏳ Iniciando
card-status-submitted = ⏳ Aguardando o serviço de vídeo
card-status-running = 🎬 Gerando
card-status-completed = 📦 Finalizando
card-status-delivering = 📦 Publicando o clipe
card-status-delivered = ✅ Seu vídeo
card-status-rejected = ⚠️ Não iniciado
card-status-submit-unknown = ⚠️ Não confirmado
card-status-failed = ❌ Falhou
card-status-cancelled = 🛑 Cancelado
card-status-timed-out = ⌛ Tempo esgotado
card-title-with-kind = { $title } ({ $kind })
card-kind-extend = extensão
card-kind-remix = remix
card-kind-retry = nova tentativa
card-percent = { $percent }%
card-no-prompt = *(sem descrição: só referências)*
card-asked-by = Pedido por
card-aspect-ratio = Proporção
card-references = Referências
card-refs-images = { $count ->
    [one] { $count } imagem
   *[other] { $count } imagens
}
card-refs-videos = { $count ->
    [one] { $count } vídeo
   *[other] { $count } vídeos
}
card-refs-none = nenhuma
card-credit-title = Origem
card-credit = { $kind ->
    [extend] Continua o clipe de <@{ $user }>
    [remix] Remix do clipe de <@{ $user }>
    [retry] Nova tentativa do clipe de <@{ $user }>
    [animate] Animado a partir da mensagem de <@{ $user }>
   *[other] Baseado no clipe de <@{ $user }>
}
card-credit-from-job = { $kind ->
    [extend] Continua o clipe de <@{ $user }> (tarefa #{ $source_job })
    [remix] Remix do clipe de <@{ $user }> (tarefa #{ $source_job })
    [retry] Nova tentativa do clipe de <@{ $user }> (tarefa #{ $source_job })
    [animate] Animado a partir da mensagem de <@{ $user }> (tarefa #{ $source_job })
   *[other] Baseado no clipe de <@{ $user }> (tarefa #{ $source_job })
}
card-queue = Fila
card-queue-place = Posição { $place } na fila
card-queue-place-slot = Posição { $place } na fila, aguardando uma vaga livre
card-line-place = { $place }º na sua fila — começa quando um dos seus vídeos terminar
card-waiting = Em espera
card-progress = Progresso
card-ready = Fica pronto
card-eta = { $when } (estimativa)
card-what-happened = O que aconteceu
card-download-title = Download
card-download = O clipe é grande demais para ser enviado aqui: [faça o download]({ $link })
card-download-expires = O clipe é grande demais para ser enviado aqui: [faça o download]({ $link }) (o link expira { $when })
card-footer = Tarefa #{ $job }
card-footer-continues = { $footer } · continua a tarefa #{ $parent }
ping-ready = <@{ $user }> seu vídeo está pronto (tarefa #{ $job }).
ping-ended = <@{ $user }> sua tarefa de vídeo #{ $job } terminou: { $why }
ping-no-reason = ela não chegou a ser concluída.
giveup-cannot-post = Não consigo publicar nesse canal.
giveup-cannot-post-any-more = Não consigo mais publicar nesse canal.
giveup-no-clip = O serviço de vídeo terminou, mas não entregou nenhum clipe.
giveup-clip-expired = O clipe expirou no serviço de vídeo antes que eu conseguisse baixá-lo.

## Respostas gerais
refusal-check-failed = Você não pode usar este comando aqui.
refusal-something-wrong = Algo deu errado do meu lado; nada foi cobrado. Tente de novo.

## /video e Animar com IA
video-nothing-to-make = Diga o que fazer: escreva uma descrição ou anexe uma imagem ou um vídeo.
video-prompt-too-long = Sua descrição tem { $length } caracteres; o limite é { $limit }.
animate-nothing = Essa mensagem não tem nenhuma imagem ou vídeo que eu possa usar; escolha uma mensagem com uma imagem ou um clipe.
animate-again = Essa janela de Animar com IA é antiga demais ou já foi usada; use Animar com IA na mensagem de novo.
animate-modal-title = Animar com IA
animate-modal-label = O que deve acontecer?
animate-modal-placeholder = O gato vira a cabeça devagar e dá uma piscadinha

## Comandos, opções e escolhas (nomes: minúsculas, sem espaços, no máximo 32 caracteres; descrições no máximo 100)
cmd-video = video
cmd-video-desc = Cria um vídeo curto com IA a partir de uma descrição e de referências opcionais
cmd-video-opt-prompt = descrição
cmd-video-opt-prompt-desc = O que deve acontecer no vídeo (opcional se você anexar uma referência)
cmd-video-opt-image-n = imagem{ $n }
cmd-video-opt-image-n-desc = Uma imagem de referência (PNG, JPEG, WebP ou GIF)
cmd-video-opt-video = video
cmd-video-opt-video-desc = Um clipe de referência de 1 a 24 s (3 s ou menos funciona melhor)
cmd-video-opt-aspect_ratio = proporção
cmd-video-opt-aspect_ratio-desc = Horizontal 16:9 (padrão) ou vertical 9:16
cmd-video-opt-private = privado
cmd-video-opt-private-desc = Envia o resultado para as suas mensagens diretas em vez de publicar neste canal
choice-16-9 = 16:9 (horizontal)
choice-9-16 = 9:16 (vertical)
cmd-animate-with-ai = Animar com IA
refusal-cannot-post = Não consigo publicar neste canal: preciso das permissões { permission-view-channel }, { permission-send-messages }, { permission-embed-links } e { permission-attach-files } aqui. Nada foi cobrado.
refusal-dms-closed = Não consigo enviar mensagens diretas para você, então não posso entregar um vídeo privado: permita mensagens diretas de membros do servidor (Configurações de privacidade) e tente de novo. Nada foi cobrado.
refusal-no-dms = Os vídeos só podem ser feitos em um servidor.
the-bot = o bot
iterate-private-owner-only = Só quem pediu este clipe privado pode usá-lo como base.
iterate-banned-there = Você não tem permissão para fazer vídeos naquele servidor.
iterate-paused-there = Os moderadores daquele servidor pausaram a geração de vídeos.
iterate-other-server = Esse clipe pertence a outro servidor.
iterate-requester-only = Neste servidor, só quem pediu um clipe pode estendê-lo, remixá-lo ou refazê-lo.
started = Seu vídeo está a caminho (tarefa #{ $job }): { $where }
started-where-dm = nas suas mensagens diretas
started-where-soon = o cartão vai aparecer neste canal em instantes

## Botões embaixo de um cartão e as janelas que eles abrem
button-extend = Estender
button-remix = Remixar
button-retry = Tentar novamente
button-delete = Excluir
button-story = História
button-full-cut = Montagem completa
button-cancel = Cancelar
extend-cannot = Esse clipe não pode ser estendido.
remix-cannot = Esse clipe não pode ser remixado.
retry-cannot = Esse clipe não pode ser feito de novo.
extend-remix-instead = { $problem } Em vez disso, você pode remixá-lo.
extend-modal-title = Estender este clipe
extend-modal-label = O que acontece depois?
extend-no-prompt = Diga o que acontece depois, para eu saber como continuar o clipe.
remix-modal-title = Remixar este clipe
remix-modal-label = Descrição
remix-no-prompt = Dê uma descrição para o remix.
delete-not-yours = Só quem pediu este clipe, ou um moderador, pode excluí-lo.
delete-failed = Não consegui excluir essa mensagem.
delete-done = O clipe da tarefa #{ $job } foi excluído.
cancel-unknown = Não tenho mais registro dessa tarefa.
cancel-not-yours = Só quem pediu este vídeo, ou um moderador, pode cancelá-lo.
cancel-already-ended = A tarefa #{ $job } já terminou, então não há nada para cancelar.
cancel-too-late = A tarefa #{ $job } terminou antes que eu conseguisse cancelá-la.
cancel-done = Cancelado.
story-pick-placeholder = Estender um segmento…
kind-video = vídeo
kind-extend = extensão
kind-remix = remix
kind-retry = nova tentativa
kind-animate = animação
segment-label = #{ $job } { $kind } de { $name }
segment-label-someone = #{ $job } { $kind } de alguém

## História e Montagem completa (só quem clicou vê)
someone = alguém
story-by = por { $name }
story-no-prompt = (sem descrição)
story-clip-gone = clipe já descartado
story-branching-off = { $count ->
    [one] +{ $count } segmento se ramifica daqui
   *[other] +{ $count } segmentos se ramificam daqui
}
story-picture-title = { $count ->
    [one] História da tarefa #{ $job }: { $count } segmento desde o primeiro clipe
   *[other] História da tarefa #{ $job }: { $count } segmentos desde o primeiro clipe
}
story-picture-title-hidden = { $title } · mais { $count } na árvore, fora do desenho
story-alt = Storyboard: { $steps }
story-note-failed = falhou
story-note-timed-out = tempo esgotado
story-note-cancelled = cancelado
story-note-rejected = não iniciado
story-note-submit-unknown = não confirmado
story-note-in-progress = em andamento
story-caption-head = { $count ->
    [one] **História da tarefa #{ $job }**: { $count } segmento desde o primeiro clipe.
   *[other] **História da tarefa #{ $job }**: { $count } segmentos desde o primeiro clipe.
}
story-caption-head-large = { $count ->
    [one] **História da tarefa #{ $job }**: { $count } segmento desde o primeiro clipe (uma árvore grande: a imagem mostra o caminho até este clipe e conta as ramificações).
   *[other] **História da tarefa #{ $job }**: { $count } segmentos desde o primeiro clipe (uma árvore grande: a imagem mostra o caminho até este clipe e conta as ramificações).
}
story-caption-line = { $place }. { $label }
story-caption-line-link = { $place }. { $label } — <{ $link }>
story-caption-line-dm = { $place }. { $label } — nas mensagens diretas
story-caption-more = …e mais { $count }: veja a imagem.
story-caption-hidden = { $count ->
    [one] Mais { $count } segmento desta árvore não aparece no desenho.
   *[other] Mais { $count } segmentos desta árvore não aparecem no desenho.
}
story-unknown-job = Não conheço nenhuma tarefa #{ $job } que você possa ver.
cmd-story = história
cmd-story-desc = Como um clipe surgiu: um storyboard dos seus segmentos
cmd-story-opt-job = tarefa
cmd-story-opt-job-desc = O número da tarefa (o rodapé do cartão mostra Tarefa #N)
fullcut-caption = **Montagem completa da tarefa #{ $job }** ({ $steps }), feita por { $names }.
fullcut-undelivered = Para fazer a montagem completa, todos os clipes até este precisam ter sido entregues.
fullcut-part-gone = O clipe da tarefa #{ $job } não está mais guardado (os clipes ficam guardados enquanto ainda podem ser estendidos), então não consigo fazer a montagem completa.
fullcut-join-failed = Não consegui juntar os clipes deste ramo em um único vídeo.
fullcut-too-long = A montagem completa é longa demais para caber no limite de envio do Discord aqui, mesmo recodificada.

## /cota, /tarefas, /ajuda (só o membro vê)
quota-title = Sua cota de vídeos
quota-right-now = Agora
quota-resets = renova { $when }
quota-user-today = Seus vídeos hoje
quota-user-active = Seus vídeos em andamento
quota-cooldown = Intervalo entre vídeos
quota-guild-today = Vídeos deste servidor hoje
quota-budget = Orçamento de créditos do bot hoje
quota-count-unlimited = { $used } (sem limite)
quota-count = { $left ->
    [one] { $used } de { $limit } usados, { $left } restante
   *[other] { $used } de { $limit } usados, { $left } restantes
}
quota-with-reset = { $text } · { $reset }
quota-cooldown-none = Nenhum
quota-cooldown-wait = { $seconds } s entre um vídeo e outro; o próximo pode começar { $when }
quota-cooldown-ready = { $seconds } s entre um vídeo e outro; você já pode começar um
quota-budget-none = { NUMBER($used, minimumFractionDigits: 1, maximumFractionDigits: 1) } créditos usados (sem orçamento)
quota-budget-left = { NUMBER($used, minimumFractionDigits: 1, maximumFractionDigits: 1) } de { $budget } créditos usados, { NUMBER($left, minimumFractionDigits: 1, maximumFractionDigits: 1) } restantes (cerca de { $videos } vídeos)
jobs-none = Você ainda não tem vídeos.
jobs-title = Seus vídeos recentes
jobs-footer = { $count ->
    [one] Sua tarefa mais recente
   *[other] Suas { $count } tarefas mais recentes, da mais nova para a mais antiga
}
jobs-kind = ({ $kind })
jobs-card-link = [cartão]({ $link })
jobs-status-accepted = ⏳ na fila
jobs-status-submitting = ⏳ iniciando
jobs-status-submitted = ⏳ aguardando o serviço de vídeo
jobs-status-running = 🎬 gerando
jobs-status-completed = 📦 finalizando
jobs-status-delivering = 📦 publicando
jobs-status-delivered = ✅ entregue
jobs-status-rejected = ⚠️ não iniciado
jobs-status-submit-unknown = ⚠️ não confirmado
jobs-status-failed = ❌ falhou
jobs-status-cancelled = 🛑 cancelado
jobs-status-timed-out = ⌛ tempo esgotado
help-title = Como fazer vídeos
help-about = Eu transformo uma descrição — e, se você quiser, imagens de referência ou um clipe curto — em um vídeo curto feito com IA, publicado no canal com botões para continuar a partir dele. Cada vídeo gasta créditos de verdade, por isso existem limites.
help-options-title = Opções do /video
help-options =
    `{ cmd-video-opt-prompt }` — o que deve acontecer (opcional se você anexar uma referência)
    `{ $first_image }` … `{ $last_image }` — imagens de referência (PNG, JPEG, WebP ou GIF)
    `{ cmd-video-opt-video }` — um clipe de referência de 1 a 24 s (3 s ou menos funciona melhor)
    `{ cmd-video-opt-aspect_ratio }` — `16:9` horizontal (padrão) ou `9:16` vertical
    `{ cmd-video-opt-private }` — entrega o clipe nas suas mensagens diretas em vez de no canal
help-buttons-title = Em cada clipe
help-buttons =
    {"**"}Estender** — continua o clipe com o que acontece depois
    {"**"}Remixar** — uma nova versão com a descrição alterada
    {"**"}Tentar novamente** — o mesmo pedido outra vez
    {"**"}Excluir** — apaga o clipe (quem pediu ou um moderador)
    {"**"}História** — uma imagem de como o clipe surgiu (também `/{ cmd-story } { cmd-story-opt-job }:`)
    {"**"}Montagem completa** — todo o caminho do primeiro clipe até este, em um único clipe
    {"**"}Cancelar** — interrompe um vídeo que ainda está em andamento ou esperando na sua fila
    Menu da mensagem **Apps → Animar com IA** — transforma as imagens ou o clipe de uma mensagem em vídeo
help-examples-title = Exemplos
help-examples =
    `/video { cmd-video-opt-prompt }: um barquinho de papel descendo uma rua chuvosa, cinematográfico`
    `/video { cmd-video-opt-prompt }: ela acena para a câmera { $first_image }: (sua foto) { cmd-video-opt-aspect_ratio }: 9:16`
    `/video { cmd-video-opt-video }: (um clipe de 3 s) { cmd-video-opt-prompt }: a câmera sobe voando até as nuvens { cmd-video-opt-private }: True`
help-more-title = Mais comandos
help-more =
    `/{ cmd-quota }` — sua cota · `/{ cmd-jobs }` — seus vídeos recentes · `/videoadmin` — configurações do servidor
    Chegou ao limite de vídeos em andamento? Mais alguns podem esperar na sua própria fila e começam à medida que os seus terminam.
cmd-quota = cota
cmd-quota-desc = Quantos vídeos você ainda pode fazer e quando a cota é renovada
cmd-jobs = tarefas
cmd-jobs-desc = Seus vídeos recentes, com o status e um link para cada um
cmd-help = ajuda
cmd-help-desc = O que este bot faz, como usar o /video e os seus limites

## /videoadmin (só o administrador vê as respostas)
admin-need-manage = Você precisa da permissão Gerenciar servidor para alterar as configurações de vídeo.
admin-and-more = … e mais { $count }
admin-value-no-line = sem fila (recusa ao atingir o limite)
admin-value-seconds = { $seconds } s
admin-value-none = nenhum
admin-value-count = { $count }
admin-value-no-limit = sem limite
admin-limit-user_daily_limit = o limite diário de vídeos por membro
admin-limit-user_concurrent_limit = o limite de vídeos em andamento por membro
admin-limit-user_queue_limit = o limite de vídeos na fila de cada membro
admin-limit-guild_daily_limit = o limite diário de vídeos do servidor
admin-limit-cooldown_seconds = o intervalo entre vídeos
admin-limit-label-user_daily_limit = Vídeos por membro por dia
admin-limit-label-user_concurrent_limit = Vídeos em andamento por membro
admin-limit-label-user_queue_limit = Vídeos esperando na fila de cada membro
admin-limit-label-guild_daily_limit = Vídeos do servidor por dia
admin-limit-label-cooldown_seconds = Intervalo entre vídeos
admin-limit-line = { $label }: **{ $value }** ({ $source })
admin-source-server = configuração deste servidor; padrão do bot: { $default }
admin-source-default = padrão
admin-limit-set-part = { $name } para { $value }
admin-limits-nothing = Nada mudou: informe pelo menos um limite, ou `{ cmd-videoadmin-limits-opt-reset }: True`.
admin-limits-set = Ajustei { $parts } neste servidor.
admin-limits-reset = Os limites deste servidor voltaram aos padrões do bot.
admin-limits-reset-then-set = Os limites deste servidor voltaram aos padrões do bot, e depois ajustei { $parts }.
admin-channel-rule-open = agora é possível fazer vídeos em qualquer canal
admin-channel-rule-closed = agora só é possível fazer vídeos em { $listed }
admin-role-rule-open = agora qualquer pessoa pode fazer vídeos
admin-role-rule-closed = agora só membros com { $listed } (e os moderadores) podem fazer vídeos
admin-list-already-empty = { $kind ->
    [role] A lista de cargos permitidos já está vazia; nada mudou.
   *[channel] A lista de canais permitidos já está vazia; nada mudou.
}
admin-list-cleared = { $kind ->
    [role] Esvaziei a lista de cargos permitidos: { $rule }.
   *[channel] Esvaziei a lista de canais permitidos: { $rule }.
}
admin-list-pick = { $kind ->
    [role] { $action ->
        [allow] Escolha o cargo que deseja permitir; nada mudou.
       *[disallow] Escolha o cargo que deseja remover da lista; nada mudou.
    }
   *[channel] { $action ->
        [allow] Escolha o canal que deseja permitir; nada mudou.
       *[disallow] Escolha o canal que deseja remover da lista; nada mudou.
    }
}
admin-list-already-allowed = { $named } já está permitido; nada mudou.
admin-list-full = { $kind ->
    [role] A lista comporta no máximo { $limit } cargos; nada mudou.
   *[channel] A lista comporta no máximo { $limit } canais; nada mudou.
}
admin-list-allowed = Adicionei { $named } à lista: { $rule }.
admin-list-not-on = { $named } não está na lista, então nada mudou.
admin-list-removed = Removi { $named } da lista: { $rule }.
admin-show-title = Configurações de vídeo deste servidor
admin-show-limits = Limites
admin-show-bot-wide = Para o bot todo (definido pelo operador do bot, não por servidor)
admin-show-bot-wide-value =
    Vídeos sendo gerados ao mesmo tempo, em todos os servidores: **{ $jobs }**
    Orçamento diário de créditos, em todos os servidores: { $budget }
admin-show-budget = **{ $budget } créditos**
admin-show-budget-videos = **{ $budget } créditos** (cerca de { $videos } vídeos)
admin-show-budget-none = **nenhum**
admin-show-channels = Canais
admin-show-any-channel = Qualquer canal
admin-show-roles = Cargos
admin-show-roles-listed = { $roles } (e os moderadores)
admin-show-everyone = Todos
admin-show-generation = Geração
admin-show-paused = ⏸️ pausada
admin-show-running = ▶️ ativa
admin-show-iteration = Estender / Remixar / Tentar novamente
admin-show-requester-only = só quem pediu (e os moderadores)
admin-show-anyone = qualquer pessoa que possa fazer vídeos
admin-show-banned = Membros banidos
admin-show-banned-list = { $count }: { $members }
admin-ban-already = <@{ $user }> já está na lista de banimentos de vídeo deste servidor; nada mudou.
admin-ban-done = <@{ $user }> não pode mais fazer vídeos neste servidor.
admin-unban-not-banned = <@{ $user }> não está na lista de banimentos de vídeo deste servidor; nada mudou.
admin-unban-done = <@{ $user }> pode fazer vídeos neste servidor de novo.
admin-pause-already = A geração de vídeos já está pausada neste servidor; nada mudou.
admin-pause-not-paused = A geração de vídeos não está pausada neste servidor; nada mudou.
admin-pause-done = Pausei a geração de vídeos neste servidor: novos vídeos serão recusados até `/videoadmin { cmd-videoadmin-resume }` (os que já estão em andamento ainda terminam).
admin-resume-done = Retomei a geração de vídeos neste servidor: os membros já podem fazer vídeos de novo.
admin-requester-only-already-on = A opção “só quem pediu” já está ativada; nada mudou.
admin-requester-only-already-off = A opção “só quem pediu” já está desativada; nada mudou.
admin-requester-only-on = Agora só quem pediu um clipe (e os moderadores) pode usar Estender, Remixar ou Tentar novamente nele.
admin-requester-only-off = Agora qualquer pessoa que possa fazer vídeos aqui pode usar Estender, Remixar ou Tentar novamente em qualquer clipe.
admin-usage-none = Nenhum vídeo foi feito neste servidor nos últimos { $days } dias.
admin-usage-day = Dia
admin-usage-member = Membro
admin-usage-clips = Clipes
admin-usage-done = OK
admin-usage-fail = Falha
admin-usage-credits = Créditos
admin-usage-more-rows = { $count ->
    [one] … e mais { $count } linha em usage.csv
   *[other] … e mais { $count } linhas em usage.csv
}
admin-usage-title = Uso de vídeo neste servidor, últimos { $days } dias
admin-usage-totals = Totais
admin-usage-totals-value = { $clips ->
    [one] { $clips } clipe
   *[other] { $clips } clipes
} de { $members ->
    [one] { $members } membro
   *[other] { $members } membros
} · { $delivered ->
    [one] { $delivered } entregue
   *[other] { $delivered } entregues
} · { $failed } com falha · { NUMBER($credits, minimumFractionDigits: 1, maximumFractionDigits: 1) } créditos
admin-usage-footer = Por membro e por dia (UTC).
admin-usage-footer-file = Por membro e por dia (UTC). O relatório completo está anexado como usage.csv.
cmd-videoadmin = videoadmin
cmd-videoadmin-desc = Configurações de vídeo deste servidor (Gerenciar servidor)
cmd-videoadmin-show = mostrar
cmd-videoadmin-show-desc = Mostra os limites e as configurações de vídeo deste servidor
cmd-videoadmin-limits = limites
cmd-videoadmin-limits-desc = Define os limites de vídeo deste servidor (0 = sem limite)
cmd-videoadmin-limits-opt-user_daily = por_membro_por_dia
cmd-videoadmin-limits-opt-user_daily-desc = Vídeos que cada membro pode fazer por dia UTC (0 = sem limite)
cmd-videoadmin-limits-opt-user_concurrent = por_membro_ao_mesmo_tempo
cmd-videoadmin-limits-opt-user_concurrent-desc = Vídeos que cada membro pode ter em andamento ao mesmo tempo (0 = sem limite)
cmd-videoadmin-limits-opt-user_queue = fila_por_membro
cmd-videoadmin-limits-opt-user_queue-desc = Vídeos que um membro no limite pode deixar esperando na própria fila (0 = sem fila: recusar)
cmd-videoadmin-limits-opt-guild_daily = servidor_por_dia
cmd-videoadmin-limits-opt-guild_daily-desc = Vídeos que o servidor inteiro pode fazer por dia UTC (0 = sem limite)
cmd-videoadmin-limits-opt-cooldown = intervalo
cmd-videoadmin-limits-opt-cooldown-desc = Segundos que um membro espera entre um vídeo e outro (0 = nenhum)
cmd-videoadmin-limits-opt-reset = redefinir
cmd-videoadmin-limits-opt-reset-desc = Esquece os limites deste servidor e volta a usar os padrões do bot
cmd-videoadmin-channel = canal
cmd-videoadmin-channel-desc = Define em quais canais é possível fazer vídeos
cmd-videoadmin-channel-opt-action = ação
cmd-videoadmin-channel-opt-action-desc = permitir ou remover um canal, ou esvaziar a lista (aí todos os canais ficam permitidos)
cmd-videoadmin-channel-opt-channel = canal
cmd-videoadmin-channel-opt-channel-desc = O canal (padrão: este)
cmd-videoadmin-role = cargo
cmd-videoadmin-role-desc = Define quais cargos podem fazer vídeos
cmd-videoadmin-role-opt-action = ação
cmd-videoadmin-role-opt-action-desc = permitir ou remover um cargo, ou esvaziar a lista (aí qualquer pessoa pode fazer vídeos)
cmd-videoadmin-role-opt-role = cargo
cmd-videoadmin-role-opt-role-desc = O cargo (necessário para permitir e remover)
choice-allow = permitir (adicionar à lista)
choice-disallow = remover (tirar da lista)
choice-clear = esvaziar (lista vazia: sem restrição)
cmd-videoadmin-ban = banir
cmd-videoadmin-ban-desc = Impede um membro de fazer vídeos neste servidor
cmd-videoadmin-ban-opt-user = membro
cmd-videoadmin-ban-opt-user-desc = O membro que não poderá mais fazer vídeos aqui
cmd-videoadmin-unban = desbanir
cmd-videoadmin-unban-desc = Permite que um membro banido volte a fazer vídeos
cmd-videoadmin-unban-opt-user = membro
cmd-videoadmin-unban-opt-user-desc = O membro que poderá fazer vídeos aqui de novo
cmd-videoadmin-pause = pausar
cmd-videoadmin-pause-desc = Pausa a geração de vídeos neste servidor
cmd-videoadmin-resume = retomar
cmd-videoadmin-resume-desc = Retoma a geração de vídeos neste servidor
cmd-videoadmin-requester_only = apenas_quem_pediu
cmd-videoadmin-requester_only-desc = Se só quem pediu um clipe pode usar Estender, Remixar ou Tentar novamente nele
cmd-videoadmin-requester_only-opt-enabled = ativado
cmd-videoadmin-requester_only-opt-enabled-desc = True: só quem pediu (e os moderadores); False: qualquer pessoa que possa fazer vídeos
cmd-videoadmin-usage = uso
cmd-videoadmin-usage-desc = Vídeos, falhas e créditos por membro e por dia (30 dias)
