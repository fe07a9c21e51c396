# Русский. Те же id и переменные, что в en-US.ftl. Множественное число — по категориям CLDR для русского:
# [one] 1, 21, 31…; [few] 2–4, 22–24…; [many] 0, 5–20, 25–30…; *[other] дробные (1,5).
# Где по-английски числа не склоняются, а по-русски слово согласуется с числом, добавлен свой выбор формы.

number = { $value }
list-comma = { $first }, { $next }
list-and = { $first } и { $last }

## Чем закончилась задача (на карточке и в упоминании)
ending-submit-unknown = Видеосервис не подтвердил этот запрос, поэтому неизвестно, началась ли генерация. Сам я не буду отправлять его повторно, чтобы не заплатить дважды, и в твои лимиты он не засчитывается: нажми «Повторить», чтобы сделать его ещё раз.
ending-cancelled-by-user = Отменено. Видеосервис не может остановить уже начатую задачу, так что на его стороне она ещё может завершиться (и быть оплачена), но я перестал её ждать и освободил место.
ending-cancelled-queued = Отменено до начала; в видеосервис ничего не отправлялось.
ending-timed-out = Видеосервис делал ролик слишком долго, поэтому я перестал его ждать.
ending-no-clip = Видеосервис сообщил, что ролик готов, но так и не отдал его мне, поэтому я перестал его ждать.
ending-cancelled-by-api = Видеосервис отменил эту задачу.
ending-delivery-failed = Ролик был создан, но я не успел вовремя забрать его из видеосервиса.
ending-gave-up = Во время работы над этой задачей у меня что-то пошло не так, и ошибка повторялась, поэтому я остановился. В твои лимиты это не засчитывается: нажми «Повторить», чтобы попробовать снова.
ending-gave-up-before-start = У меня что-то пошло не так ещё до начала этой задачи, поэтому я остановился; в видеосервис ничего не отправлялось, и ничего не списано. Попробуй /video ещё раз.
ending-card-failed = У меня что-то пошло не так при публикации карточки этой задачи, поэтому я отменил задачу; ничего не списано. Попробуй ещё раз.

## Отправка приостановлена (401/402)
paused-misconfigured = Видеосервис сейчас настроен неправильно (он не принимает API-ключ этого бота), поэтому ни одно видео не начнётся, пока это не исправят; после этого ожидающие задачи запустятся сами.
paused-out-of-credit = У видеосервиса сейчас закончились кредиты, поэтому ни одно видео не начнётся, пока счёт не пополнят; после этого ожидающие задачи запустятся сами.
paused-operator-told = { $sentence } Оператор бота уже в курсе.
refusal-shutting-down = Я сейчас перезапускаюсь; ничего не списано. Попробуй ещё раз через минуту.

## Права — так, как их называет Discord на вкладке «Права доступа» канала (в кавычках: они идут в список)
permission-view-channel = «Просмотр канала»
permission-send-messages = «Отправлять сообщения»
permission-send-messages-in-threads = «Отправлять сообщения в ветках»
permission-embed-links = «Встраивать ссылки»
permission-attach-files = «Прикреплять файлы»
permission-read-message-history = «Читать историю сообщений»
refusal-missing-permissions = { $where ->
    [thread] Я не могу публиковать здесь видео: в этой ветке у меня нет { $count ->
        [one] права
       *[other] прав
    } { $permissions }. Администратор сервера может выдать { $count ->
        [one] его
       *[other] их
    } в настройках канала, к которому относится ветка (Права доступа → { $role }). Ничего не списано.
   *[channel] Я не могу публиковать здесь видео: в этом канале у меня нет { $count ->
        [one] права
       *[other] прав
    } { $permissions }. Администратор сервера может выдать { $count ->
        [one] его
       *[other] их
    } в настройках канала (Права доступа → { $role }). Ничего не списано.
}
ending-task-unknown = Видеосервис больше не знает об этой задаче.

## Отказы и ошибки видеосервиса — нашими словами
api-safety = Фильтр безопасности видеосервиса заблокировал этот запрос, поэтому ролик не создан. Попробуй другой промпт или другие референсы.
api-failed = Видеосервису не удалось создать этот ролик. Нажми «Повторить», чтобы попробовать снова.
api-failed-no-reason = Видеосервису не удалось создать этот ролик, и он не объяснил почему. Нажми «Повторить», чтобы попробовать снова.
api-reference-failed = Видеосервис не смог использовать файлы-референсы, поэтому ролик не создан. Попробуй другие изображения или ролики.
api-refused = Видеосервис отклонил этот запрос как некорректный, поэтому ничего не создано и ничего не списано.
api-refused-no-prompt = Чтобы создать ролик, видеосервису нужен промпт или референс.
api-refused-too-many-images = Видеосервис принимает не больше 16 референсных изображений.
api-refused-too-many-videos = Видеосервис принимает только один референсный ролик.
api-refused-video-with-extend = Референсный ролик нельзя использовать вместе с продлением.
api-refused-parent-unfinished = Ролик, который нужно продолжить, в видеосервисе ещё не готов, поэтому продлить его пока нельзя.
api-refused-clip-length = Референсный ролик должен длиться от 1 до 24 секунд.
api-refused-image-format = Видеосервис принимает референсные изображения только в формате PNG или JPEG.
api-refused-model = Видеосервис не предоставляет модель, на которую настроен этот бот; оператору нужно исправить настройки бота.
api-refused-reference = Видеосервис не смог загрузить или прочитать файл-референс. Попробуй прикрепить его ещё раз.
rejected-key-refused = Видеосервис отклонил API-ключ этого бота, поэтому задачу не удалось запустить.
rejected-out-of-credit = У видеосервиса закончились кредиты, поэтому задачу не удалось запустить.
rejected-model-not-allowed = Видеосервис не разрешает этому боту использовать эту модель; оператору нужно это проверить.
rejected-parent-unknown = Видеосервис больше не знает о ролике, который нужно продолжить, поэтому продлить его нельзя.
rejected-reference-too-large = Файл-референс слишком большой для видеосервиса (максимум 20 МБ).
rejected-reference-gone = Файл-референс { $filename } больше не хранится, поэтому повторить это нельзя: прикрепи его снова через /video.
rejected-reference-link-expired = Ссылка на референсный ролик { $filename } больше не действует, а сам ролик слишком большой, чтобы отправить его напрямую: прикрепи его снова через /video.

## Лимиты (отказ при приёме); { $when } — метка времени Discord вида <t:1700000000:R> («через 3 часа»)
limit-user-concurrent = У тебя в работе уже { $active } видео при лимите { $limit }; начни следующее, когда одно из них будет готово.
limit-user-queue = У тебя в работе { $active } видео и ещё { $lined } в очереди — больше на этом сервере нельзя; подожди, пока одно из них будет готово.
limit-cooldown = Между видео нужно подождать { $seconds } с; следующее можно начать { $when }.
limit-user-daily = Твой дневной лимит исчерпан: сегодня создано { $made } видео из { $limit }; он обновится { $when }.
limit-guild-daily = Дневной лимит этого сервера исчерпан: сегодня создано { $made } видео из { $limit }; он обновится { $when }.
limit-budget = Сегодня бот потратил { $used } из { $budget } { $budget ->
    [one] кредита
    [few] кредитов
    [many] кредитов
   *[other] кредита
} — на ещё одно видео не хватит; бюджет обновится { $when }.

## Кто и где может создавать видео
access-banned = Тебе запрещено создавать видео на этом сервере.
access-paused = Модераторы этого сервера приостановили создание видео.
access-channel = В этом канале видео создавать нельзя; для этого есть { $channels }.
access-role = Чтобы создавать здесь видео, нужна одна из ролей, которым это разрешено.

## Продлить, Ремикс, Повторить: почему нельзя
extend-unknown = У меня больше нет данных об этом ролике, поэтому продлить его нельзя.
extend-unfinished = Продлить можно только завершённый ролик, а этот не завершился.
extend-too-old = Этот ролик слишком старый, чтобы его продлить: ролики можно продлевать в течение { $hours } { $hours ->
    [one] часа
    [few] часов
    [many] часов
   *[other] часа
} после создания.
repeat-unknown = У меня больше нет данных об этом ролике.
repeat-unfinished = Эта задача ещё не завершилась; дождись её окончания, прежде чем делать её заново.
repeat-files-gone = Файлы-референсы этого ролика больше не хранятся (они хранятся { $days } { $days ->
    [one] день
    [few] дня
    [many] дней
   *[other] дня
}): запусти /video заново и прикрепи их.
repeat-parent-extend-unknown = Этот ролик продолжает более ранний, а тот продолжить уже нельзя: у меня больше нет данных о том ролике, поэтому продлить его нельзя.
repeat-parent-extend-unfinished = Этот ролик продолжает более ранний, а тот продолжить уже нельзя: продлить можно только завершённый ролик, а тот не завершился.
repeat-parent-extend-too-old = Этот ролик продолжает более ранний, а тот продолжить уже нельзя: он слишком старый (ролики можно продлевать в течение { $hours } { $hours ->
    [one] часа
    [few] часов
    [many] часов
   *[other] часа
} после создания).

## Референсы: прикреплённые изображения и ролики
size-mb = { NUMBER($mb, minimumFractionDigits: 1, maximumFractionDigits: 1) } МБ
media-that-file = Этот файл
media-image-too-large = { $name } весит { $size }; изображение должно быть не больше 20 МБ.
media-png-too-large = { $name } после преобразования в PNG весит { $size }; изображение должно быть не больше 20 МБ.
media-not-an-image = { $name } не подходит как изображение: прикрепи PNG, JPEG, WebP или GIF.
media-image-damaged = { $name } выглядит повреждённым или неполным, поэтому я не смог его прочитать; попробуй сохранить его заново.
media-too-many-pixels = { $name } содержит слишком много пикселей, чтобы я мог безопасно его открыть; прикрепи изображение поменьше.
media-too-many-megapixels = { $name } содержит слишком много пикселей, чтобы я мог безопасно его открыть (больше { $limit } { $limit ->
    [one] мегапикселя
    [few] мегапикселей
    [many] мегапикселей
   *[other] мегапикселя
}); прикрепи изображение поменьше.
media-too-many-pixels-over = { $name } содержит слишком много пикселей, чтобы я мог безопасно его открыть (больше { $limit } { $limit ->
    [one] пикселя
    [few] пикселей
    [many] пикселей
   *[other] пикселя
}); прикрепи изображение поменьше.
media-not-a-video = { $name } не читается как видео: прикрепи видео в формате MP4, MOV или WebM.
media-only-sound = { $name } содержит только звук, без изображения: прикрепи видео в формате MP4, MOV или WebM.
media-picture-not-video = { $name } — это картинка, а не видео: прикрепи видео в формате MP4, MOV или WebM.
media-no-duration = { $name } повреждён: я не смог определить его длительность.
media-no-picture = { $name } повреждён: мне не удалось декодировать из него ни одного кадра.
media-clip-length = { $name } длится { NUMBER($seconds, minimumFractionDigits: 1, maximumFractionDigits: 1) } с; референсное видео должно длиться { $min }–{ $max } с (лучше всего — { $best } с или меньше).
media-no-pictures = { $name } не содержит ни одного кадра.
media-join-failed = { $name } не удалось собрать из частей.
refs-too-many-images = Прикреплено { $count } { $count ->
    [one] изображение
    [few] изображения
    [many] изображений
   *[other] изображения
}; видеосервис принимает не больше { $limit }.
refs-too-many-videos = Прикреплено { $count } видео; видеосервис принимает только один референсный ролик.
refs-video-with-extend = Референсное видео нельзя использовать вместе с продлением: продли ролик без видео.
refs-link-expired = Не удалось скачать { $filename }: ссылка больше не действует. Прикрепи файл ещё раз.
refs-download-failed = Сейчас не получается скачать { $filename } из Discord; попробуй ещё раз.
refs-larger-than = Файл { $filename } больше { $size } — это слишком много.
refs-clip-too-large = Файл { $filename } весит { $size } — это слишком много для референсного ролика.

## Карточка задачи (публичная: на языке сервера)
card-status-accepted = ⏳ В очереди
card-status-submitting = ⏳ Запуск
card-status-submitted = ⏳ Ожидание видеосервиса
card-status-running = 🎬 Генерация
card-status-completed = 📦 Завершение
card-status-delivering = 📦 Публикация ролика
card-status-delivered = ✅ Твоё видео
card-status-rejected = ⚠️ Не запущено
card-status-submit-unknown = ⚠️ Не подтверждено
card-status-failed = ❌ Не удалось
card-status-cancelled = 🛑 Отменено
card-status-timed-out = ⌛ Время истекло
card-title-with-kind = { $title } ({ $kind })
card-kind-extend = продление
card-kind-remix = ремикс
card-kind-retry = повтор
card-percent = { $percent }%
card-no-prompt = *(без промпта: только референсы)*
card-asked-by = Автор запроса
card-aspect-ratio = Соотношение сторон
card-references = Референсы
card-refs-images = { $count ->
    [one] { $count } изображение
    [few] { $count } изображения
    [many] { $count } изображений
   *[other] { $count } изображения
}
card-refs-videos = { $count } видео
card-refs-none = нет
card-credit-title = Источник
card-credit = { $kind ->
    [extend] Продолжение ролика <@{ $user }>
    [remix] Ремикс ролика <@{ $user }>
    [retry] Повтор ролика <@{ $user }>
    [animate] Создано из сообщения <@{ $user }>
   *[other] На основе ролика <@{ $user }>
}
card-credit-from-job = { $kind ->
    [extend] Продолжение ролика <@{ $user }> (задача #{ $source_job })
    [remix] Ремикс ролика <@{ $user }> (задача #{ $source_job })
    [retry] Повтор ролика <@{ $user }> (задача #{ $source_job })
    [animate] Создано из сообщения <@{ $user }> (задача #{ $source_job })
   *[other] На основе ролика <@{ $user }> (задача #{ $source_job })
}
card-queue = Очередь
card-queue-place = Место в очереди: { $place }
card-queue-place-slot = Место в очереди: { $place }, ждёт свободного слота
card-line-place = { $place }-е место в твоей очереди — начнётся, когда одно из твоих видео будет готово
card-waiting = Ожидание
card-progress = Прогресс
card-ready = Будет готово
card-eta = { $when } (примерно)
card-what-happened = Что произошло
card-download-title = Скачать
card-download = Ролик слишком большой, чтобы загрузить его сюда: [скачать]({ $link })
card-download-expires = Ролик слишком большой, чтобы загрузить его сюда: [скачать]({ $link }) (ссылка перестанет работать { $when })
card-footer = Задача #{ $job }
card-footer-continues = { $footer } · продолжает задачу #{ $parent }
ping-ready = <@{ $user }>, твоё видео готово (задача #{ $job }).
ping-ended = <@{ $user }>, твоя задача #{ $job } завершилась: { $why }
ping-no-reason = видео так и не было готово.
giveup-cannot-post = Я не могу публиковать сообщения в том канале.
giveup-cannot-post-any-more = Я больше не могу публиковать сообщения в том канале.
giveup-no-clip = Видеосервис завершил работу, но не отдал ролик.
giveup-clip-expired = Срок хранения ролика в видеосервисе истёк раньше, чем я успел его забрать.

## Общие ответы
refusal-check-failed = Здесь эту команду использовать нельзя.
refusal-something-wrong = У меня что-то пошло не так; ничего не списано. Попробуй ещё раз.

## /video и «Оживить с помощью ИИ»
video-nothing-to-make = Опиши, что нужно сделать: напиши промпт или прикрепи изображение или видео.
video-prompt-too-long = В твоём промпте { $length } { $length ->
    [one] символ
    [few] символа
    [many] символов
   *[other] символа
}; максимум — { $limit }.
animate-nothing = В этом сообщении нет изображения или видео, которое я могу использовать; выбери сообщение с картинкой или роликом.
animate-again = Это окно «Оживить с помощью ИИ» устарело или уже использовано; снова выбери «Оживить с помощью ИИ» в меню сообщения.
animate-modal-title = Оживить с помощью ИИ
animate-modal-label = Что должно произойти?
animate-modal-placeholder = Кот медленно поворачивает голову и подмигивает

## Команды, параметры и варианты (имена: строчные буквы, без пробелов, не больше 32 символов; описания — не больше 100)
cmd-video = video
cmd-video-desc = Создать короткое ИИ-видео по промпту и, если нужно, по референсам
cmd-video-opt-prompt = промпт
cmd-video-opt-prompt-desc = Что должно произойти в видео (необязательно, если прикреплён референс)
cmd-video-opt-image-n = изображение{ $n }
cmd-video-opt-image-n-desc = Референсное изображение (PNG, JPEG, WebP или GIF)
cmd-video-opt-video = видео
cmd-video-opt-video-desc = Референсный ролик, 1–24 с (лучше всего 3 с или меньше)
cmd-video-opt-aspect_ratio = формат
cmd-video-opt-aspect_ratio-desc = Горизонтальный 16:9 (по умолчанию) или вертикальный 9:16
cmd-video-opt-private = приватно
cmd-video-opt-private-desc = Прислать результат тебе в личные сообщения, а не в этот канал
choice-16-9 = 16:9 (горизонтальный)
choice-9-16 = 9:16 (вертикальный)
cmd-animate-with-ai = Оживить с помощью ИИ
refusal-cannot-post = Я не могу публиковать видео в этом канале: мне нужны здесь права { permission-view-channel }, { permission-send-messages }, { permission-embed-links } и { permission-attach-files }. Ничего не списано.
refusal-dms-closed = Я не могу писать тебе в личные сообщения, поэтому не могу прислать приватное видео: разреши личные сообщения от участников сервера (настройки конфиденциальности) и попробуй ещё раз. Ничего не списано.
refusal-no-dms = Видео можно создавать только на сервере.
the-bot = бот
iterate-private-owner-only = Продолжать работу с этим приватным роликом может только тот, кто его запросил.
iterate-banned-there = Тебе запрещено создавать видео на том сервере.
iterate-paused-there = Модераторы того сервера приостановили создание видео.
iterate-other-server = Этот ролик относится к другому серверу.
iterate-requester-only = На этом сервере кнопки «Продлить», «Ремикс» и «Повторить» может использовать только тот, кто запросил ролик.
started = Твоё видео в работе — задача #{ $job }: { $where }
started-where-dm = оно придёт тебе в личные сообщения
started-where-soon = его карточка скоро появится в этом канале

## Кнопки под карточкой и окна, которые они открывают
button-extend = Продлить
button-remix = Ремикс
button-retry = Повторить
button-delete = Удалить
button-story = История
button-full-cut = Полная версия
button-cancel = Отменить
extend-cannot = Этот ролик нельзя продлить.
remix-cannot = Для этого ролика нельзя сделать ремикс.
retry-cannot = Этот ролик нельзя сделать заново.
extend-remix-instead = { $problem } Вместо этого можно сделать ремикс.
extend-modal-title = Продлить этот ролик
extend-modal-label = Что происходит дальше?
extend-no-prompt = Напиши, что происходит дальше, чтобы я знал, как продолжить ролик.
remix-modal-title = Ремикс этого ролика
remix-modal-label = Промпт
remix-no-prompt = Напиши промпт для ремикса.
delete-not-yours = Удалить этот ролик может только тот, кто его запросил, или модератор.
delete-failed = Не удалось удалить это сообщение.
delete-done = Ролик задачи #{ $job } удалён.
cancel-unknown = У меня больше нет данных об этой задаче.
cancel-not-yours = Отменить это видео может только тот, кто его запросил, или модератор.
cancel-already-ended = Задача #{ $job } уже завершилась, отменять нечего.
cancel-too-late = Задача #{ $job } завершилась раньше, чем я успел её отменить.
cancel-done = Отменено.
story-pick-placeholder = Продлить сегмент…
kind-video = видео
kind-extend = продление
kind-remix = ремикс
kind-retry = повтор
kind-animate = оживление
segment-label = #{ $job } { $kind }, автор: { $name }
segment-label-someone = #{ $job } { $kind }, автор неизвестен

## История и Полная версия (видит только тот, кто нажал)
someone = неизвестный
story-by = автор: { $name }
story-no-prompt = (без промпта)
story-clip-gone = ролик больше не хранится
story-branching-off = { $count ->
    [one] +{ $count } сегмент ответвляется
    [few] +{ $count } сегмента ответвляются
    [many] +{ $count } сегментов ответвляются
   *[other] +{ $count } сегмента ответвляются
}
story-picture-title = { $count ->
    [one] История задачи #{ $job }: { $count } сегмент от первого ролика
    [few] История задачи #{ $job }: { $count } сегмента от первого ролика
    [many] История задачи #{ $job }: { $count } сегментов от первого ролика
   *[other] История задачи #{ $job }: { $count } сегмента от первого ролика
}
story-picture-title-hidden = { $title } · { $count ->
    [one] ещё { $count } сегмент дерева не показан
    [few] ещё { $count } сегмента дерева не показаны
    [many] ещё { $count } сегментов дерева не показано
   *[other] ещё { $count } сегмента дерева не показано
}
story-alt = Раскадровка: { $steps }
story-note-failed = не удалось
story-note-timed-out = время истекло
story-note-cancelled = отменено
story-note-rejected = не запущено
story-note-submit-unknown = не подтверждено
story-note-in-progress = в работе
story-caption-head = { $count ->
    [one] **История задачи #{ $job }**: { $count } сегмент от первого ролика.
    [few] **История задачи #{ $job }**: { $count } сегмента от первого ролика.
    [many] **История задачи #{ $job }**: { $count } сегментов от первого ролика.
   *[other] **История задачи #{ $job }**: { $count } сегмента от первого ролика.
}
story-caption-head-large = { $count ->
    [one] **История задачи #{ $job }**: { $count } сегмент от первого ролика (дерево большое: на картинке показан путь к этому ролику, а ответвления только посчитаны).
    [few] **История задачи #{ $job }**: { $count } сегмента от первого ролика (дерево большое: на картинке показан путь к этому ролику, а ответвления только посчитаны).
    [many] **История задачи #{ $job }**: { $count } сегментов от первого ролика (дерево большое: на картинке показан путь к этому ролику, а ответвления только посчитаны).
   *[other] **История задачи #{ $job }**: { $count } сегмента от первого ролика (дерево большое: на картинке показан путь к этому ролику, а ответвления только посчитаны).
}
story-caption-line = { $place }. { $label }
story-caption-line-link = { $place }. { $label } — <{ $link }>
story-caption-line-dm = { $place }. { $label } — в личных сообщениях
story-caption-more = …и ещё { $count }: см. картинку.
story-caption-hidden = { $count ->
    [one] Ещё { $count } сегмент этого дерева не показан на картинке.
    [few] Ещё { $count } сегмента этого дерева не показаны на картинке.
    [many] Ещё { $count } сегментов этого дерева не показано на картинке.
   *[other] Ещё { $count } сегмента этого дерева не показано на картинке.
}
story-unknown-job = Среди доступных тебе задач нет задачи #{ $job }.
cmd-story = история
cmd-story-desc = Как появился ролик: раскадровка его сегментов
cmd-story-opt-job = задача
cmd-story-opt-job-desc = Номер задачи (внизу карточки написано «Задача #N»)
fullcut-caption = **Полная версия задачи #{ $job }** ({ $steps }). Авторы: { $names }.
fullcut-undelivered = Чтобы собрать полную версию, все ролики на пути к этому должны быть опубликованы.
fullcut-part-gone = Ролик задачи #{ $job } больше не хранится (ролики хранятся, пока их можно продлить), поэтому собрать полную версию нельзя.
fullcut-join-failed = Не удалось склеить ролики этой ветви в одно видео.
fullcut-too-long = Полная версия слишком длинная: даже после перекодирования она не укладывается в здешний лимит загрузки Discord.

## /лимиты, /задачи, /помощь (видит только сам участник)
quota-title = Твой лимит видео
quota-right-now = Сейчас
quota-resets = обновится { $when }
quota-user-today = Твои видео сегодня
quota-user-active = Твои видео в работе
quota-cooldown = Интервал между видео
quota-guild-today = Видео этого сервера сегодня
quota-budget = Бюджет кредитов бота на сегодня
quota-count-unlimited = { $used } (без ограничений)
quota-count = Использовано { $used } из { $limit }, осталось { $left }
quota-with-reset = { $text } · { $reset }
quota-cooldown-none = Нет
quota-cooldown-wait = { $seconds } с между видео; следующее можно начать { $when }
quota-cooldown-ready = { $seconds } с между видео; можно начинать прямо сейчас
quota-budget-none = Потрачено кредитов: { NUMBER($used, minimumFractionDigits: 1, maximumFractionDigits: 1) } (бюджет не задан)
quota-budget-left = Потрачено кредитов: { NUMBER($used, minimumFractionDigits: 1, maximumFractionDigits: 1) } из { $budget }, осталось { NUMBER($left, minimumFractionDigits: 1, maximumFractionDigits: 1) } (примерно на { $videos } видео)
jobs-none = У тебя пока нет видео.
jobs-title = Твои последние видео
jobs-footer = Твои последние задачи ({ $count }), сначала новые
jobs-kind = ({ $kind })
jobs-card-link = [карточка]({ $link })
jobs-status-accepted = ⏳ в очереди
jobs-status-submitting = ⏳ запускается
jobs-status-submitted = ⏳ ждёт видеосервис
jobs-status-running = 🎬 генерируется
jobs-status-completed = 📦 завершается
jobs-status-delivering = 📦 публикуется
jobs-status-delivered = ✅ готово
jobs-status-rejected = ⚠️ не запущено
jobs-status-submit-unknown = ⚠️ не подтверждено
jobs-status-failed = ❌ не удалось
jobs-status-cancelled = 🛑 отменено
jobs-status-timed-out = ⌛ время истекло
help-title = Как создавать видео
help-about = Я превращаю промпт — а если хочешь, то и референсные изображения или короткий ролик — в короткое ИИ-видео и публикую его в канале с кнопками, чтобы можно было продолжить. Каждое видео стоит настоящих кредитов, поэтому есть лимиты.
help-options-title = Параметры /video
help-options =
    `{ cmd-video-opt-prompt }` — что должно произойти (необязательно, если прикреплён референс)
    `{ $first_image }` … `{ $last_image }` — референсные изображения (PNG, JPEG, WebP или GIF)
    `{ cmd-video-opt-video }` — референсный ролик, 1–24 с (лучше всего 3 с или меньше)
    `{ cmd-video-opt-aspect_ratio }` — `16:9` горизонтальный (по умолчанию) или `9:16` вертикальный
    `{ cmd-video-opt-private }` — прислать ролик тебе в личные сообщения, а не в канал
help-buttons-title = Под роликом
help-buttons =
    {"**"}Продлить** — продолжить ролик тем, что происходит дальше
    {"**"}Ремикс** — новая версия с изменённым промптом
    {"**"}Повторить** — тот же запрос ещё раз
    {"**"}Удалить** — убрать ролик (может автор запроса или модератор)
    {"**"}История** — картинка о том, как появился ролик (также `/{ cmd-story } { cmd-story-opt-job }:`)
    {"**"}Полная версия** — весь путь от первого ролика до этого одним роликом
    {"**"}Отменить** — остановить видео, которое ещё в работе или ждёт в твоей очереди
    Меню сообщения **Приложения → Оживить с помощью ИИ** — превратить изображения или ролик из сообщения в видео
help-examples-title = Примеры
help-examples =
    `/video { cmd-video-opt-prompt }: бумажный кораблик плывёт по дождливой улице, кинематографично`
    `/video { cmd-video-opt-prompt }: она машет в камеру { $first_image }: (твоё фото) { cmd-video-opt-aspect_ratio }: 9:16`
    `/video { cmd-video-opt-video }: (ролик на 3 с) { cmd-video-opt-prompt }: камера взлетает к облакам { cmd-video-opt-private }: True`
help-more-title = Другие команды
help-more =
    `/{ cmd-quota }` — твой лимит · `/{ cmd-jobs }` — твои последние видео · `/videoadmin` — настройки сервера
    Достигнут лимит видео в работе? Ещё несколько видео могут подождать в твоей личной очереди: они начнутся, как только будут готовы предыдущие.
cmd-quota = лимиты
cmd-quota-desc = Сколько видео ты ещё можешь создать и когда лимит обновится
cmd-jobs = задачи
cmd-jobs-desc = Твои последние видео: статус и ссылка на каждое
cmd-help = помощь
cmd-help-desc = Что умеет этот бот, как пользоваться /video и какие у тебя лимиты

## /videoadmin (ответы видит только администратор)
admin-need-manage = Чтобы менять настройки видео, нужно право «Управлять сервером».
admin-and-more = … и ещё { $count }
admin-value-no-line = без очереди (отказ при достижении лимита)
admin-value-seconds = { $seconds } с
admin-value-none = нет
admin-value-count = { $count }
admin-value-no-limit = без ограничений
admin-limit-user_daily_limit = лимит видео на участника в день
admin-limit-user_concurrent_limit = лимит видео в работе на участника
admin-limit-user_queue_limit = лимит видео в очереди участника
admin-limit-guild_daily_limit = лимит видео на сервер в день
admin-limit-cooldown_seconds = интервал между видео
admin-limit-label-user_daily_limit = Видео на участника в день
admin-limit-label-user_concurrent_limit = Видео в работе на участника
admin-limit-label-user_queue_limit = Видео в очереди участника
admin-limit-label-guild_daily_limit = Видео на сервер в день
admin-limit-label-cooldown_seconds = Интервал между видео
admin-limit-line = { $label }: **{ $value }** ({ $source })
admin-source-server = настройка этого сервера; у бота по умолчанию { $default }
admin-source-default = по умолчанию
admin-limit-set-part = { $name } — { $value }
admin-limits-nothing = Ничего не изменено: укажи хотя бы один лимит или `{ cmd-videoadmin-limits-opt-reset }: True`.
admin-limits-set = Для этого сервера установлено: { $parts }.
admin-limits-reset = Лимиты этого сервера сброшены до значений бота по умолчанию.
admin-limits-reset-then-set = Лимиты этого сервера сброшены до значений бота по умолчанию, затем установлено: { $parts }.
admin-channel-rule-open = теперь видео можно создавать в любом канале
admin-channel-rule-closed = теперь видео можно создавать только в каналах из списка: { $listed }
admin-role-rule-open = теперь видео могут создавать все
admin-role-rule-closed = теперь видео могут создавать только модераторы и участники с ролью из списка: { $listed }
admin-list-already-empty = { $kind ->
    [role] Список разрешённых ролей уже пуст; ничего не изменено.
   *[channel] Список разрешённых каналов уже пуст; ничего не изменено.
}
admin-list-cleared = { $kind ->
    [role] Список разрешённых ролей очищен: { $rule }.
   *[channel] Список разрешённых каналов очищен: { $rule }.
}
admin-list-pick = { $kind ->
    [role] { $action ->
        [allow] Выбери роль, которую нужно разрешить; ничего не изменено.
       *[disallow] Выбери роль, которую нужно убрать из списка; ничего не изменено.
    }
   *[channel] { $action ->
        [allow] Выбери канал, который нужно разрешить; ничего не изменено.
       *[disallow] Выбери канал, который нужно убрать из списка; ничего не изменено.
    }
}
admin-list-already-allowed = { $named } уже в списке разрешённых; ничего не изменено.
admin-list-full = { $kind ->
    [role] В списке может быть не больше { $limit } { $limit ->
        [one] роли
        [few] ролей
        [many] ролей
       *[other] роли
    }; ничего не изменено.
   *[channel] В списке может быть не больше { $limit } { $limit ->
        [one] канала
        [few] каналов
        [many] каналов
       *[other] канала
    }; ничего не изменено.
}
admin-list-allowed = Добавлено в список разрешённых: { $named }; { $rule }.
admin-list-not-on = { $named } не в списке разрешённых, поэтому ничего не изменено.
admin-list-removed = Убрано из списка разрешённых: { $named }; { $rule }.
admin-show-title = Настройки видео на этом сервере
admin-show-limits = Лимиты
admin-show-bot-wide = Для всего бота (задаёт оператор бота, а не сервер)
admin-show-bot-wide-value =
    Одновременных генераций на всех серверах: **{ $jobs }**
    Дневной бюджет кредитов на все серверы: { $budget }
admin-show-budget = **{ $budget } { $budget ->
    [one] кредит
    [few] кредита
    [many] кредитов
   *[other] кредита
}**
admin-show-budget-videos = **{ $budget } { $budget ->
    [one] кредит
    [few] кредита
    [many] кредитов
   *[other] кредита
}** (примерно на { $videos } видео)
admin-show-budget-none = **нет**
admin-show-channels = Каналы
admin-show-any-channel = Любой канал
admin-show-roles = Роли
admin-show-roles-listed = { $roles } (и модераторы)
admin-show-everyone = Все
admin-show-generation = Генерация
admin-show-paused = ⏸️ приостановлена
admin-show-running = ▶️ включена
admin-show-iteration = Продлить / Ремикс / Повторить
admin-show-requester-only = только автор запроса (и модераторы)
admin-show-anyone = все, кому можно создавать видео
admin-show-banned = Без доступа к видео
admin-show-banned-list = { $count }: { $members }
admin-ban-already = <@{ $user }> уже не может создавать здесь видео; ничего не изменено.
admin-ban-done = <@{ $user }> больше не может создавать видео на этом сервере.
admin-unban-not-banned = <@{ $user }> и так может создавать здесь видео; ничего не изменено.
admin-unban-done = <@{ $user }> снова может создавать видео на этом сервере.
admin-pause-already = Создание видео на этом сервере уже приостановлено; ничего не изменено.
admin-pause-not-paused = Создание видео на этом сервере не приостановлено; ничего не изменено.
admin-pause-done = Создание видео на этом сервере приостановлено: новые видео будут отклоняться до `/videoadmin { cmd-videoadmin-resume }` (те, что уже в работе, всё равно будут готовы).
admin-resume-done = Создание видео на этом сервере возобновлено: участники снова могут создавать видео.
admin-requester-only-already-on = Режим «только автор запроса» уже включён; ничего не изменено.
admin-requester-only-already-off = Режим «только автор запроса» уже выключен; ничего не изменено.
admin-requester-only-on = Теперь кнопки «Продлить», «Ремикс» и «Повторить» под роликом может использовать только тот, кто его запросил (и модераторы).
admin-requester-only-off = Теперь кнопки «Продлить», «Ремикс» и «Повторить» под любым роликом может использовать каждый, кому здесь можно создавать видео.
admin-usage-none = { $days ->
    [one] За последний { $days } день на этом сервере не создано ни одного видео.
    [few] За последние { $days } дня на этом сервере не создано ни одного видео.
    [many] За последние { $days } дней на этом сервере не создано ни одного видео.
   *[other] За последние { $days } дня на этом сервере не создано ни одного видео.
}
admin-usage-day = День
admin-usage-member = Участник
admin-usage-clips = Ролики
admin-usage-done = Готово
admin-usage-fail = Сбои
admin-usage-credits = Кредиты
admin-usage-more-rows = … и ещё { $count } { $count ->
    [one] строка
    [few] строки
    [many] строк
   *[other] строки
} в usage.csv
admin-usage-title = { $days ->
    [one] Создание видео на этом сервере за последний { $days } день
    [few] Создание видео на этом сервере за последние { $days } дня
    [many] Создание видео на этом сервере за последние { $days } дней
   *[other] Создание видео на этом сервере за последние { $days } дня
}
admin-usage-totals = Итого
admin-usage-totals-value = { $clips } { $clips ->
    [one] ролик
    [few] ролика
    [many] роликов
   *[other] ролика
} от { $members } { $members ->
    [one] участника
    [few] участников
    [many] участников
   *[other] участника
} · готово: { $delivered } · не удалось: { $failed } · кредитов: { NUMBER($credits, minimumFractionDigits: 1, maximumFractionDigits: 1) }
admin-usage-footer = По участникам и дням (UTC).
admin-usage-footer-file = По участникам и дням (UTC). Полный отчёт — во вложении usage.csv.
cmd-videoadmin = videoadmin
cmd-videoadmin-desc = Настройки видео на этом сервере (право «Управлять сервером»)
cmd-videoadmin-show = показать
cmd-videoadmin-show-desc = Показать лимиты и настройки видео на этом сервере
cmd-videoadmin-limits = лимиты
cmd-videoadmin-limits-desc = Задать лимиты видео на этом сервере (0 = без ограничений)
cmd-videoadmin-limits-opt-user_daily = в_день_на_участника
cmd-videoadmin-limits-opt-user_daily-desc = Сколько видео каждый участник может создать за сутки по UTC (0 = без ограничений)
cmd-videoadmin-limits-opt-user_concurrent = одновременно_на_участника
cmd-videoadmin-limits-opt-user_concurrent-desc = Сколько видео у каждого участника может быть в работе одновременно (0 = без ограничений)
cmd-videoadmin-limits-opt-user_queue = очередь_участника
cmd-videoadmin-limits-opt-user_queue-desc = Сколько видео участник, достигший лимита, может держать в своей очереди (0 = без очереди: отказ)
cmd-videoadmin-limits-opt-guild_daily = в_день_на_сервер
cmd-videoadmin-limits-opt-guild_daily-desc = Сколько видео весь сервер может создать за сутки по UTC (0 = без ограничений)
cmd-videoadmin-limits-opt-cooldown = интервал
cmd-videoadmin-limits-opt-cooldown-desc = Сколько секунд участник ждёт между видео (0 = без ожидания)
cmd-videoadmin-limits-opt-reset = сбросить
cmd-videoadmin-limits-opt-reset-desc = Забыть лимиты этого сервера и снова использовать значения бота по умолчанию
cmd-videoadmin-channel = канал
cmd-videoadmin-channel-desc = Выбрать каналы, в которых можно создавать видео
cmd-videoadmin-channel-opt-action = действие
cmd-videoadmin-channel-opt-action-desc = Разрешить или запретить канал либо очистить список (тогда разрешены все каналы)
cmd-videoadmin-channel-opt-channel = канал
cmd-videoadmin-channel-opt-channel-desc = Канал (по умолчанию — этот)
cmd-videoadmin-role = роль
cmd-videoadmin-role-desc = Выбрать роли, которым можно создавать видео
cmd-videoadmin-role-opt-action = действие
cmd-videoadmin-role-opt-action-desc = Разрешить или запретить роль либо очистить список (тогда видео могут создавать все)
cmd-videoadmin-role-opt-role = роль
cmd-videoadmin-role-opt-role-desc = Роль (нужна, чтобы разрешить или запретить)
choice-allow = разрешить (добавить в список разрешённых)
choice-disallow = запретить (убрать из списка разрешённых)
choice-clear = очистить (пустой список — без ограничений)
cmd-videoadmin-ban = забанить
cmd-videoadmin-ban-desc = Запретить участнику создавать видео на этом сервере
cmd-videoadmin-ban-opt-user = участник
cmd-videoadmin-ban-opt-user-desc = Участник, которому больше нельзя создавать здесь видео
cmd-videoadmin-unban = разбанить
cmd-videoadmin-unban-desc = Снова разрешить забаненному участнику создавать видео
cmd-videoadmin-unban-opt-user = участник
cmd-videoadmin-unban-opt-user-desc = Участник, которому снова можно создавать здесь видео
cmd-videoadmin-pause = приостановить
cmd-videoadmin-pause-desc = Приостановить создание видео на этом сервере
cmd-videoadmin-resume = возобновить
cmd-videoadmin-resume-desc = Возобновить создание видео на этом сервере
cmd-videoadmin-requester_only = только_автор
cmd-videoadmin-requester_only-desc = Продлить, Ремикс и Повторить — только для автора запроса или для всех
cmd-videoadmin-requester_only-opt-enabled = включено
cmd-videoadmin-requester_only-opt-enabled-desc = True: только автор запроса (и модераторы); False: все, кому можно создавать видео
cmd-videoadmin-usage = статистика
cmd-videoadmin-usage-desc = Видео, сбои и кредиты по участникам и дням (30 дней)
