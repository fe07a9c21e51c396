# Polski. Te same identyfikatory i zmienne co w en-US.ftl. Liczba mnoga według kategorii CLDR dla polskiego:
# [one] tylko 1; [few] 2–4, 22–24, 32–34… (ale nie 12–14); [many] 0, 5–21, 25–31…, 12–14;
# *[other] ułamki (1,5 → „1,5 kredytu”, dopełniacz liczby pojedynczej).
# Tam, gdzie po angielsku liczba nie odmienia słowa, a po polsku tak, dodano własny wybór formy.
# Słowniczek: video → film (1 film, 2 filmy, 5 filmów; „wideo” nieodmienne tylko w złożeniach i dla plików),
# clip → klip, job → zadanie, request → zlecenie, reference → materiał referencyjny, credit → kredyt,
# Extend / Remix / Retry / Story / Full cut → Przedłuż / Remiks / Ponów / Historia / Pełna wersja.

number = { $value }

## Listy
list-comma = { $first }, { $next }
list-and = { $first } i { $last }

## Jak skończyło się zadanie (na karcie i we wzmiance)
ending-submit-unknown = Serwis wideo nie potwierdził tego zlecenia, więc nie wiadomo, czy generowanie się zaczęło. Nie wyślę go ponownie sam z siebie, żeby nie zapłacić dwa razy, i nie liczy się ono do twoich limitów: naciśnij „Ponów”, żeby zrobić je jeszcze raz.
ending-cancelled-by-user = Anulowano. Serwis wideo nie może zatrzymać zadania, które już się zaczęło, więc po jego stronie może się ono jeszcze zakończyć (i zostać opłacone), ale przestałem na nie czekać i zwolniłem miejsce.
ending-cancelled-queued = Anulowano przed startem; nic nie zostało wysłane do serwisu wideo.
ending-timed-out = Serwis wideo pracował zbyt długo, więc przestałem czekać na ten klip.
ending-no-clip = Serwis wideo zgłosił, że klip jest gotowy, ale nigdy mi go nie przekazał, więc przestałem na niego czekać.
ending-cancelled-by-api = Serwis wideo anulował to zadanie.
ending-delivery-failed = Klip powstał, ale nie udało mi się pobrać go z serwisu wideo na czas.
ending-gave-up = Podczas pracy nad tym zadaniem coś poszło nie tak po mojej stronie i błąd ciągle się powtarzał, więc przerwałem. Nie liczy się to do twoich limitów: naciśnij „Ponów”, żeby spróbować jeszcze raz.
ending-gave-up-before-start = Coś poszło nie tak po mojej stronie, zanim to zadanie się zaczęło, więc przerwałem; nic nie zostało wysłane do serwisu wideo i nic nie naliczono. Spróbuj /video jeszcze raz.
ending-card-failed = Coś poszło nie tak po mojej stronie podczas publikowania karty tego zadania, więc je porzuciłem; nic nie naliczono. Spróbuj jeszcze raz.

## Wysyłanie wstrzymane (401/402)
paused-misconfigured = Serwis wideo jest teraz źle skonfigurowany (odrzuca klucz API tego bota), więc żaden film nie wystartuje, dopóki to nie zostanie naprawione; czekające zadania ruszą wtedy same.
paused-out-of-credit = W serwisie wideo skończyły się teraz kredyty, więc żaden film nie wystartuje, dopóki konto nie zostanie doładowane; czekające zadania ruszą wtedy same.
paused-operator-told = { $sentence } Operator bota już o tym wie.

refusal-shutting-down = Właśnie się restartuję; nic nie naliczono. Spróbuj ponownie za minutę.

## Uprawnienia tak, jak nazywa je Discord na karcie „Uprawnienia” kanału (w cudzysłowie, bo trafiają do listy)
permission-view-channel = „Wyświetlanie kanału”
permission-send-messages = „Wysyłanie wiadomości”
permission-send-messages-in-threads = „Wysyłanie wiadomości w wątkach”
permission-embed-links = „Wyświetlanie podglądu linku”
permission-attach-files = „Załączanie plików”
permission-read-message-history = „Czytanie historii czatu”
refusal-missing-permissions = { $where ->
    [thread] Nie mogę publikować tu filmów: w tym wątku brakuje mi { $count ->
        [one] uprawnienia
       *[other] uprawnień
    } { $permissions }. Administrator serwera może je nadać w ustawieniach kanału, do którego należy ten wątek (Uprawnienia → { $role }). Nic nie naliczono.
   *[channel] Nie mogę publikować tu filmów: na tym kanale brakuje mi { $count ->
        [one] uprawnienia
       *[other] uprawnień
    } { $permissions }. Administrator serwera może je nadać w ustawieniach kanału (Uprawnienia → { $role }). Nic nie naliczono.
}
ending-task-unknown = Serwis wideo nie zna już tego zadania.

## Odmowy i błędy serwisu wideo, naszymi słowami
api-safety = Filtr bezpieczeństwa serwisu wideo zablokował to zlecenie, więc klip nie powstał. Spróbuj innego promptu albo innych materiałów referencyjnych.
api-failed = Serwisowi wideo nie udało się zrobić tego klipu. Naciśnij „Ponów”, żeby spróbować jeszcze raz.
api-failed-no-reason = Serwis wideo nie zdołał zrobić tego klipu i nie podał powodu. Naciśnij „Ponów”, żeby spróbować jeszcze raz.
api-reference-failed = Serwis wideo nie mógł użyć plików referencyjnych, więc klip nie powstał. Spróbuj innych obrazów lub klipów.
api-refused = Serwis wideo odrzucił to zlecenie jako nieprawidłowe, więc nic nie powstało i nic nie naliczono.
api-refused-no-prompt = Serwis wideo potrzebuje promptu albo materiału referencyjnego, żeby zrobić klip.
api-refused-too-many-images = Serwis wideo przyjmuje najwyżej 16 obrazów referencyjnych.
api-refused-too-many-videos = Serwis wideo przyjmuje tylko jeden klip referencyjny.
api-refused-video-with-extend = Klipu referencyjnego nie można połączyć z przedłużeniem.
api-refused-parent-unfinished = Klip, który ma być kontynuowany, nie jest jeszcze gotowy w serwisie wideo, więc na razie nie można go przedłużyć.
api-refused-clip-length = Klip referencyjny musi trwać od 1 do 24 sekund.
api-refused-image-format = Serwis wideo przyjmuje obrazy referencyjne tylko w formacie PNG lub JPEG.
api-refused-model = Serwis wideo nie oferuje modelu, którego ma używać ten bot; operator musi poprawić ustawienia bota.
api-refused-reference = Serwis wideo nie mógł pobrać ani odczytać pliku referencyjnego. Spróbuj załączyć go ponownie.
rejected-key-refused = Serwis wideo odrzucił klucz API tego bota, więc to zadanie nie mogło wystartować.
rejected-out-of-credit = W serwisie wideo skończyły się kredyty, więc to zadanie nie mogło wystartować.
rejected-model-not-allowed = Serwis wideo nie pozwala temu botowi używać tego modelu; operator musi to sprawdzić.
rejected-parent-unknown = Serwis wideo nie zna już klipu, który ma być kontynuowany, więc nie można go przedłużyć.
rejected-reference-too-large = Plik referencyjny jest za duży dla serwisu wideo (najwyżej 20 MB).
rejected-reference-gone = Plik referencyjny { $filename } nie jest już przechowywany, więc nie da się tego zrobić ponownie: załącz go jeszcze raz w /video.
rejected-reference-link-expired = Link do klipu referencyjnego { $filename } wygasł, a klip jest za duży, żeby wysłać go bezpośrednio: załącz go jeszcze raz w /video.

## Limity (odmowy przyjęcia); { $when } to znacznik czasu Discorda, np. <t:1700000000:R> („za 3 godziny”)
limit-user-concurrent = Masz już w toku { $active } { $active ->
    [one] film
    [few] filmy
    [many] filmów
   *[other] filmu
} przy limicie { $limit }; kolejny możesz zacząć, gdy któryś z nich się skończy.
limit-user-queue = Masz w toku { $active } { $active ->
    [one] film
    [few] filmy
    [many] filmów
   *[other] filmu
} i jeszcze { $lined } w swojej kolejce (więcej ten serwer nie pozwala); poczekaj, aż któryś się skończy.
limit-cooldown = Między filmami trzeba odczekać { $seconds } s; następny możesz zacząć { $when }.
limit-user-daily = Twój dzienny limit filmów się wyczerpał (dziś { $made } z { $limit }); odnowi się { $when }.
limit-guild-daily = Dzienny limit filmów tego serwera się wyczerpał (dziś { $made } z { $limit }); odnowi się { $when }.
limit-budget = Bot wykorzystał dziś { $used } z { $budget } { $budget ->
    [one] kredytu
    [few] kredytów
    [many] kredytów
   *[other] kredytu
}, więc zostało za mało na kolejny film; budżet odnowi się { $when }.

## Kto i gdzie może tworzyć filmy
access-banned = Masz zakaz tworzenia filmów na tym serwerze.
access-paused = Moderatorzy tego serwera wstrzymali tworzenie filmów.
access-channel = Na tym kanale nie można tworzyć filmów; użyj { $channels }.
access-role = Aby tworzyć tu filmy, potrzebujesz jednej z ról wideo tego serwera.

## Przedłuż, Remiks, Ponów: dlaczego nie
extend-unknown = Nie znam już tego klipu, więc nie można go przedłużyć.
extend-unfinished = Przedłużyć można tylko ukończony klip, a ten nie został ukończony.
extend-too-old = Ten klip jest za stary, żeby go przedłużyć: klipy można przedłużać przez { $hours } { $hours ->
    [one] godzinę
    [few] godziny
    [many] godzin
   *[other] godziny
} od ich powstania.
repeat-unknown = Nie znam już tego klipu.
repeat-unfinished = To zadanie jeszcze się nie zakończyło; poczekaj na nie, zanim zrobisz je ponownie.
repeat-files-gone = Pliki referencyjne tego klipu nie są już przechowywane (przechowuję je przez { $days } { $days ->
    [one] dzień
    [few] dni
    [many] dni
   *[other] dnia
}): uruchom nowe /video i załącz je.
repeat-parent-extend-unknown = Ten klip kontynuuje wcześniejszy, a tamtego nie da się już kontynuować: nie znam już tamtego klipu, więc nie można go przedłużyć.
repeat-parent-extend-unfinished = Ten klip kontynuuje wcześniejszy, a tamtego nie da się już kontynuować: przedłużyć można tylko ukończony klip, a tamten nie został ukończony.
repeat-parent-extend-too-old = Ten klip kontynuuje wcześniejszy, a tamtego nie da się już kontynuować: tamten jest za stary, żeby go przedłużyć (klipy można przedłużać przez { $hours } { $hours ->
    [one] godzinę
    [few] godziny
    [many] godzin
   *[other] godziny
} od ich powstania).

## Materiały referencyjne: załączone obrazy i klipy
size-mb = { NUMBER($mb, minimumFractionDigits: 1, maximumFractionDigits: 1) } MB
media-that-file = Ten plik
media-image-too-large = { $name } ma { $size }; obrazy mogą mieć najwyżej 20 MB.
media-png-too-large = { $name } po konwersji do PNG ma { $size }; obrazy mogą mieć najwyżej 20 MB.
media-not-an-image = { $name } nie jest obrazem, którego mogę użyć: załącz PNG, JPEG, WebP lub GIF.
media-image-damaged = { $name } wygląda na uszkodzony lub niekompletny, więc nie udało mi się go odczytać; spróbuj zapisać go ponownie.
media-too-many-pixels = { $name } ma za dużo pikseli, żebym mógł go bezpiecznie otworzyć; załącz mniejszy obraz.
media-too-many-megapixels = { $name } ma za dużo pikseli, żebym mógł go bezpiecznie otworzyć (ponad { $limit } { $limit ->
    [one] megapiksel
    [few] megapiksele
    [many] megapikseli
   *[other] megapiksela
}); załącz mniejszy obraz.
media-too-many-pixels-over = { $name } ma za dużo pikseli, żebym mógł go bezpiecznie otworzyć (ponad { $limit } { $limit ->
    [one] piksel
    [few] piksele
    [many] pikseli
   *[other] piksela
}); załącz mniejszy obraz.
media-not-a-video = { $name } nie jest wideo, które potrafię odczytać: załącz wideo MP4, MOV lub WebM.
media-only-sound = { $name } nie ma obrazu, tylko dźwięk: załącz wideo MP4, MOV lub WebM.
media-picture-not-video = { $name } to obraz, a nie wideo: załącz wideo MP4, MOV lub WebM.
media-no-duration = { $name } jest uszkodzony: nie udało mi się ustalić, ile trwa.
media-no-picture = { $name } jest uszkodzony: nie udało mi się zdekodować z niego ani jednej klatki.
media-clip-length = { $name } trwa { NUMBER($seconds, minimumFractionDigits: 1, maximumFractionDigits: 1) } s; wideo referencyjne musi trwać { $min }–{ $max } s (najlepiej { $best } s lub mniej).
media-no-pictures = { $name } nie zawiera żadnych klatek.
media-join-failed = { $name } nie dał się złożyć z części.
refs-too-many-images = Załączono { $count } { $count ->
    [one] obraz
    [few] obrazy
    [many] obrazów
   *[other] obrazu
}; serwis wideo przyjmuje najwyżej { $limit }.
refs-too-many-videos = Załączono { $count } { $count ->
    [one] plik
    [few] pliki
    [many] plików
   *[other] pliku
} wideo; serwis wideo przyjmuje najwyżej jeden klip referencyjny.
refs-video-with-extend = Wideo referencyjnego nie można połączyć z przedłużeniem: przedłuż klip bez wideo.
refs-link-expired = Nie udało mi się pobrać pliku { $filename }: jego link wygasł. Załącz plik ponownie.
refs-download-failed = Nie udało mi się teraz pobrać pliku { $filename } z Discorda; spróbuj ponownie.
refs-larger-than = Plik { $filename } jest większy niż { $size }, czyli za duży.
refs-clip-too-large = Plik { $filename } ma { $size }, a to za dużo na klip referencyjny.

## Karta zadania (publiczna: w języku serwera)
card-status-accepted = ⏳ W kolejce
card-status-submitting = ⏳ Uruchamianie
card-status-submitted = ⏳ Oczekiwanie na serwis wideo
card-status-running = 🎬 Generowanie
card-status-completed = 📦 Kończenie
card-status-delivering = 📦 Publikowanie klipu
card-status-delivered = ✅ Twój film
card-status-rejected = ⚠️ Nie wystartowało
card-status-submit-unknown = ⚠️ Niepotwierdzone
card-status-failed = ❌ Niepowodzenie
card-status-cancelled = 🛑 Anulowano
card-status-timed-out = ⌛ Przekroczono czas
card-title-with-kind = { $title } ({ $kind })
card-kind-extend = przedłużenie
card-kind-remix = remiks
card-kind-retry = ponowienie
card-percent = { $percent }%
card-no-prompt = *(bez promptu: tylko materiały referencyjne)*
card-asked-by = Zlecenie od
card-aspect-ratio = Proporcje obrazu
card-references = Materiały referencyjne
card-refs-images = { $count ->
    [one] { $count } obraz
    [few] { $count } obrazy
    [many] { $count } obrazów
   *[other] { $count } obrazu
}
card-refs-videos = { $count } wideo
card-refs-none = brak
card-credit-title = Źródło
card-credit = { $kind ->
    [extend] Kontynuacja klipu <@{ $user }>
    [remix] Remiks klipu <@{ $user }>
    [retry] Ponowienie klipu <@{ $user }>
    [animate] Animacja z wiadomości <@{ $user }>
   *[other] Na podstawie klipu <@{ $user }>
}
card-credit-from-job = { $kind ->
    [extend] Kontynuacja klipu <@{ $user }> (zadanie #{ $source_job })
    [remix] Remiks klipu <@{ $user }> (zadanie #{ $source_job })
    [retry] Ponowienie klipu <@{ $user }> (zadanie #{ $source_job })
    [animate] Animacja z wiadomości <@{ $user }> (zadanie #{ $source_job })
   *[other] Na podstawie klipu <@{ $user }> (zadanie #{ $source_job })
}
card-queue = Kolejka
card-queue-place = Miejsce { $place } w kolejce
card-queue-place-slot = Miejsce { $place } w kolejce, czeka na wolny slot
card-line-place = { $place }. miejsce w twojej kolejce — wystartuje, gdy skończy się któryś z twoich filmów
card-waiting = Oczekiwanie
card-progress = Postęp
card-ready = Będzie gotowe
card-eta = { $when } (szacunkowo)
card-what-happened = Co się stało
card-download-title = Pobieranie
card-download = Klip jest za duży, żeby przesłać go tutaj: [pobierz go]({ $link })
card-download-expires = Klip jest za duży, żeby przesłać go tutaj: [pobierz go]({ $link }) (link wygaśnie { $when })
card-footer = Zadanie #{ $job }
card-footer-continues = { $footer } · kontynuuje zadanie #{ $parent }
ping-ready = <@{ $user }>, twój film jest gotowy (zadanie #{ $job }).
ping-ended = <@{ $user }>, twoje zadanie wideo #{ $job } zakończyło się: { $why }
ping-no-reason = film nie został ukończony.
giveup-cannot-post = Nie mogę publikować na tamtym kanale.
giveup-cannot-post-any-more = Nie mogę już publikować na tamtym kanale.
giveup-no-clip = Serwis wideo skończył pracę, ale nie przekazał klipu.
giveup-clip-expired = Klip wygasł w serwisie wideo, zanim zdążyłem go pobrać.

## Odpowiedzi ogólne
refusal-check-failed = Nie możesz tu użyć tego polecenia.
refusal-something-wrong = Coś poszło nie tak po mojej stronie; nic nie naliczono. Spróbuj jeszcze raz.

## /video i „Animuj za pomocą AI”
video-nothing-to-make = Powiedz mi, co mam zrobić: podaj prompt albo załącz obraz lub wideo.
video-prompt-too-long = Twój prompt ma { $length } { $length ->
    [one] znak
    [few] znaki
    [many] znaków
   *[other] znaku
}; skróć go do { $limit }.
animate-nothing = Ta wiadomość nie zawiera obrazu ani wideo, którego mogę użyć; wybierz wiadomość z obrazkiem lub klipem.
animate-again = To okno „Animuj za pomocą AI” jest za stare albo zostało już użyte; wybierz ponownie „Animuj za pomocą AI” w menu wiadomości.
animate-modal-title = Animuj za pomocą AI
animate-modal-label = Co ma się wydarzyć?
animate-modal-placeholder = Kot powoli odwraca głowę i puszcza oko

## Polecenia, opcje i wybory (nazwy: małe litery, bez spacji, najwyżej 32 znaki; opisy najwyżej 100)
cmd-video = video
cmd-video-desc = Zrób krótki film AI z promptu i opcjonalnych materiałów referencyjnych
cmd-video-opt-prompt = prompt
cmd-video-opt-prompt-desc = Co ma się wydarzyć w filmie (opcjonalnie, gdy załączasz materiał referencyjny)
cmd-video-opt-image-n = obraz{ $n }
cmd-video-opt-image-n-desc = Obraz referencyjny (PNG, JPEG, WebP lub GIF)
cmd-video-opt-video = wideo
cmd-video-opt-video-desc = Klip referencyjny, 1–24 s (najlepiej 3 s lub mniej)
cmd-video-opt-aspect_ratio = proporcje
cmd-video-opt-aspect_ratio-desc = Poziomo 16:9 (domyślnie) lub pionowo 9:16
cmd-video-opt-private = prywatnie
cmd-video-opt-private-desc = Wyślij wynik do wiadomości bezpośrednich zamiast na ten kanał
choice-16-9 = 16:9 (poziomo)
choice-9-16 = 9:16 (pionowo)
cmd-animate-with-ai = Animuj za pomocą AI
refusal-cannot-post = Nie mogę publikować na tym kanale: potrzebuję tu uprawnień { permission-view-channel }, { permission-send-messages }, { permission-embed-links } i { permission-attach-files }. Nic nie naliczono.
refusal-dms-closed = Nie mogę wysyłać ci wiadomości bezpośrednich, więc nie dostarczę prywatnego filmu: zezwól na wiadomości bezpośrednie od członków serwera (Ustawienia prywatności) i spróbuj ponownie. Nic nie naliczono.
refusal-no-dms = Filmy można tworzyć tylko na serwerze.
the-bot = bot
iterate-private-owner-only = Tylko osoba, która poprosiła o ten prywatny klip, może go dalej rozwijać.
iterate-banned-there = Masz zakaz tworzenia filmów na tamtym serwerze.
iterate-paused-there = Moderatorzy tamtego serwera wstrzymali tworzenie filmów.
iterate-other-server = Ten klip należy do innego serwera.
iterate-requester-only = Na tym serwerze tylko osoba, która poprosiła o klip, może go przedłużyć, zremiksować lub zrobić ponownie.
started = Twój film jest w drodze jako zadanie #{ $job }: { $where }
started-where-dm = trafi do twoich wiadomości bezpośrednich
started-where-soon = jego karta wkrótce pojawi się na tym kanale

## Przyciski pod kartą i okna, które otwierają
button-extend = Przedłuż
button-remix = Remiks
button-retry = Ponów
button-delete = Usuń
button-story = Historia
button-full-cut = Pełna wersja
button-cancel = Anuluj
extend-cannot = Tego klipu nie można przedłużyć.
remix-cannot = Tego klipu nie można zremiksować.
retry-cannot = Tego klipu nie można zrobić ponownie.
extend-remix-instead = { $problem } Zamiast tego możesz zrobić jego remiks.
extend-modal-title = Przedłuż ten klip
extend-modal-label = Co dzieje się dalej?
extend-no-prompt = Napisz, co dzieje się dalej, żebym wiedział, jak kontynuować klip.
remix-modal-title = Remiks tego klipu
remix-modal-label = Prompt
remix-no-prompt = Podaj prompt do remiksu.
delete-not-yours = Tylko osoba, która poprosiła o ten klip, albo moderator może go usunąć.
delete-failed = Nie udało mi się usunąć tej wiadomości.
delete-done = Usunięto klip zadania #{ $job }.
cancel-unknown = Nie znam już tego zadania.
cancel-not-yours = Tylko osoba, która poprosiła o ten film, albo moderator może go anulować.
cancel-already-ended = Zadanie #{ $job } już się zakończyło, więc nie ma czego anulować.
cancel-too-late = Zadanie #{ $job } zakończyło się, zanim zdążyłem je anulować.
cancel-done = Anulowano.
story-pick-placeholder = Przedłuż segment…
kind-video = wideo
kind-extend = przedłużenie
kind-remix = remiks
kind-retry = ponowienie
kind-animate = animacja
segment-label = #{ $job } { $kind }, autor: { $name }
segment-label-someone = #{ $job } { $kind }, autor nieznany

## Historia i Pełna wersja (widzi je tylko osoba, która nacisnęła przycisk)
someone = ktoś
story-by = autor: { $name }
story-no-prompt = (bez promptu)
story-clip-gone = klip nie jest już przechowywany
story-branching-off = { $count ->
    [one] +{ $count } odgałęzienie
    [few] +{ $count } odgałęzienia
    [many] +{ $count } odgałęzień
   *[other] +{ $count } odgałęzienia
}
story-picture-title = { $count ->
    [one] Historia zadania #{ $job }: { $count } segment od pierwszego klipu
    [few] Historia zadania #{ $job }: { $count } segmenty od pierwszego klipu
    [many] Historia zadania #{ $job }: { $count } segmentów od pierwszego klipu
   *[other] Historia zadania #{ $job }: { $count } segmentu od pierwszego klipu
}
story-picture-title-hidden = { $title } · pominięto jeszcze { $count } { $count ->
    [one] segment
    [few] segmenty
    [many] segmentów
   *[other] segmentu
} drzewa
story-alt = Scenorys: { $steps }
story-note-failed = niepowodzenie
story-note-timed-out = przekroczono czas
story-note-cancelled = anulowano
story-note-rejected = nie wystartowało
story-note-submit-unknown = niepotwierdzone
story-note-in-progress = w toku
story-caption-head = { $count ->
    [one] **Historia zadania #{ $job }**: { $count } segment od pierwszego klipu.
    [few] **Historia zadania #{ $job }**: { $count } segmenty od pierwszego klipu.
    [many] **Historia zadania #{ $job }**: { $count } segmentów od pierwszego klipu.
   *[other] **Historia zadania #{ $job }**: { $count } segmentu od pierwszego klipu.
}
story-caption-head-large = { $count ->
    [one] **Historia zadania #{ $job }**: { $count } segment od pierwszego klipu (duże drzewo: obrazek pokazuje drogę do tego klipu, a odgałęzienia tylko zlicza).
    [few] **Historia zadania #{ $job }**: { $count } segmenty od pierwszego klipu (duże drzewo: obrazek pokazuje drogę do tego klipu, a odgałęzienia tylko zlicza).
    [many] **Historia zadania #{ $job }**: { $count } segmentów od pierwszego klipu (duże drzewo: obrazek pokazuje drogę do tego klipu, a odgałęzienia tylko zlicza).
   *[other] **Historia zadania #{ $job }**: { $count } segmentu od pierwszego klipu (duże drzewo: obrazek pokazuje drogę do tego klipu, a odgałęzienia tylko zlicza).
}
story-caption-line = { $place }. { $label }
story-caption-line-link = { $place }. { $label } — <{ $link }>
story-caption-line-dm = { $place }. { $label } — w wiadomościach bezpośrednich
story-caption-more = …i jeszcze { $count }: zobacz obrazek.
story-caption-hidden = { $count ->
    [one] Na obrazku pominięto jeszcze { $count } segment tego drzewa.
    [few] Na obrazku pominięto jeszcze { $count } segmenty tego drzewa.
    [many] Na obrazku pominięto jeszcze { $count } segmentów tego drzewa.
   *[other] Na obrazku pominięto jeszcze { $count } segmentu tego drzewa.
}
story-unknown-job = Nie znam zadania #{ $job }, które byłoby dla ciebie widoczne.
cmd-story = historia
cmd-story-desc = Jak powstał klip: scenorys jego segmentów
cmd-story-opt-job = zadanie
cmd-story-opt-job-desc = Numer zadania (w stopce karty: Zadanie #N)
fullcut-caption = **Pełna wersja zadania #{ $job }** ({ $steps }), autorzy: { $names }.
fullcut-undelivered = Aby zrobić pełną wersję, wszystkie klipy prowadzące do tego muszą być dostarczone.
fullcut-part-gone = Klip zadania #{ $job } nie jest już przechowywany (klipy są przechowywane, dopóki można je przedłużać), więc nie mogę zrobić pełnej wersji.
fullcut-join-failed = Nie udało mi się połączyć klipów tej gałęzi w jeden film.
fullcut-too-long = Pełna wersja jest za długa, żeby zmieścić się tu w limicie przesyłania Discorda, nawet po ponownym zakodowaniu.

## /limity, /zadania, /pomoc (widzi je tylko sam członek)
quota-title = Twój limit filmów
quota-right-now = W tej chwili
quota-resets = odnowi się { $when }
quota-user-today = Twoje filmy dzisiaj
quota-user-active = Twoje filmy w toku
quota-cooldown = Odstęp między filmami
quota-guild-today = Filmy tego serwera dzisiaj
quota-budget = Budżet kredytów bota na dziś
quota-count-unlimited = { $used } (bez limitu)
quota-count = Wykorzystano { $used } z { $limit }, zostało { $left }
quota-with-reset = { $text } · { $reset }
quota-cooldown-none = Brak
quota-cooldown-wait = { $seconds } s między filmami; następny możesz zacząć { $when }
quota-cooldown-ready = { $seconds } s między filmami; możesz zacząć już teraz
quota-budget-none = Wykorzystane kredyty: { NUMBER($used, minimumFractionDigits: 1, maximumFractionDigits: 1) } (bez budżetu)
quota-budget-left = Wykorzystano { NUMBER($used, minimumFractionDigits: 1, maximumFractionDigits: 1) } z { $budget } { $budget ->
    [one] kredytu
    [few] kredytów
    [many] kredytów
   *[other] kredytu
}, zostało { NUMBER($left, minimumFractionDigits: 1, maximumFractionDigits: 1) } (wystarczy na mniej więcej { $videos } { $videos ->
    [one] film
    [few] filmy
    [many] filmów
   *[other] filmu
})
jobs-none = Nie masz jeszcze żadnych filmów.
jobs-title = Twoje ostatnie filmy
jobs-footer = Twoje ostatnie zadania ({ $count }), od najnowszego
jobs-kind = ({ $kind })
jobs-card-link = [karta]({ $link })
jobs-status-accepted = ⏳ w kolejce
jobs-status-submitting = ⏳ uruchamianie
jobs-status-submitted = ⏳ czeka na serwis wideo
jobs-status-running = 🎬 generowanie
jobs-status-completed = 📦 kończenie
jobs-status-delivering = 📦 publikowanie
jobs-status-delivered = ✅ dostarczono
jobs-status-rejected = ⚠️ nie wystartowało
jobs-status-submit-unknown = ⚠️ niepotwierdzone
jobs-status-failed = ❌ niepowodzenie
jobs-status-cancelled = 🛑 anulowano
jobs-status-timed-out = ⌛ przekroczono czas
help-title = Tworzenie filmów
help-about = Zamieniam prompt — a jeśli chcesz, także obrazy referencyjne lub krótki klip — w krótki film AI i publikuję go na kanale z przyciskami do dalszej pracy. Każdy film kosztuje prawdziwe kredyty, dlatego obowiązują limity.
help-options-title = Opcje /video
help-options =
    `{ cmd-video-opt-prompt }` — co ma się wydarzyć (opcjonalnie, gdy załączasz materiał referencyjny)
    `{ $first_image }` … `{ $last_image }` — obrazy referencyjne (PNG, JPEG, WebP lub GIF)
    `{ cmd-video-opt-video }` — klip referencyjny, 1–24 s (najlepiej 3 s lub mniej)
    `{ cmd-video-opt-aspect_ratio }` — `16:9` poziomo (domyślnie) lub `9:16` pionowo
    `{ cmd-video-opt-private }` — klip trafi do twoich wiadomości bezpośrednich, a nie na kanał
help-buttons-title = Pod klipem
help-buttons =
    {"**"}Przedłuż** — kontynuacja klipu tym, co dzieje się dalej
    {"**"}Remiks** — nowe ujęcie ze zmienionym promptem
    {"**"}Ponów** — to samo zlecenie jeszcze raz
    {"**"}Usuń** — usunięcie klipu (może to zrobić osoba, która o niego poprosiła, albo moderator)
    {"**"}Historia** — obrazek pokazujący, jak powstał klip (także `/{ cmd-story } { cmd-story-opt-job }:`)
    {"**"}Pełna wersja** — cała droga od pierwszego klipu do tego jako jeden klip
    {"**"}Anuluj** — zatrzymanie filmu, który jest jeszcze w toku albo czeka w twojej kolejce
    Menu wiadomości **Aplikacje → Animuj za pomocą AI** — zamiana obrazów lub klipu z wiadomości w film
help-examples-title = Przykłady
help-examples =
    `/video { cmd-video-opt-prompt }: papierowa łódka dryfuje deszczową ulicą, kinowe ujęcie`
    `/video { cmd-video-opt-prompt }: macha do kamery { $first_image }: (twoje zdjęcie) { cmd-video-opt-aspect_ratio }: 9:16`
    `/video { cmd-video-opt-video }: (klip 3 s) { cmd-video-opt-prompt }: kamera wzlatuje w chmury { cmd-video-opt-private }: True`
help-more-title = Więcej poleceń
help-more =
    `/{ cmd-quota }` — twój limit · `/{ cmd-jobs }` — twoje ostatnie filmy · `/videoadmin` — ustawienia serwera
    Limit filmów w toku wyczerpany? Kilka kolejnych poczeka w twojej własnej kolejce i wystartuje, gdy poprzednie się skończą.
cmd-quota = limity
cmd-quota-desc = Ile filmów możesz jeszcze zrobić i kiedy limit się odnowi
cmd-jobs = zadania
cmd-jobs-desc = Twoje ostatnie filmy ze statusem i linkiem do każdego z nich
cmd-help = pomoc
cmd-help-desc = Co robi ten bot, jak używać /video i jakie masz limity

## /videoadmin (odpowiedzi widzi tylko administrator)
admin-need-manage = Aby zmieniać ustawienia wideo, potrzebujesz uprawnienia „Zarządzanie serwerem”.
admin-and-more = … i jeszcze { $count }
admin-value-no-line = brak kolejki (odmowa po osiągnięciu limitu)
admin-value-seconds = { $seconds } s
admin-value-none = brak
admin-value-count = { $count }
admin-value-no-limit = bez limitu
admin-limit-user_daily_limit = dzienny limit filmów na członka
admin-limit-user_concurrent_limit = limit filmów w toku na członka
admin-limit-user_queue_limit = limit filmów czekających w kolejce członka
admin-limit-guild_daily_limit = dzienny limit filmów serwera
admin-limit-cooldown_seconds = odstęp między filmami
admin-limit-label-user_daily_limit = Filmy na członka dziennie
admin-limit-label-user_concurrent_limit = Filmy w toku na członka
admin-limit-label-user_queue_limit = Filmy czekające w kolejce członka
admin-limit-label-guild_daily_limit = Filmy na serwer dziennie
admin-limit-label-cooldown_seconds = Odstęp między filmami
admin-limit-line = { $label }: **{ $value }** ({ $source })
admin-source-server = ustawienie tego serwera; domyślna wartość bota: { $default }
admin-source-default = domyślnie
admin-limit-set-part = { $name }: { $value }
admin-limits-nothing = Nic nie zmieniono: podaj co najmniej jeden limit albo `{ cmd-videoadmin-limits-opt-reset }: True`.
admin-limits-set = Ustawiono na tym serwerze { $parts }.
admin-limits-reset = Przywrócono na tym serwerze domyślne limity bota.
admin-limits-reset-then-set = Przywrócono na tym serwerze domyślne limity bota, a następnie ustawiono { $parts }.
admin-channel-rule-open = filmy można teraz tworzyć na każdym kanale
admin-channel-rule-closed = filmy można teraz tworzyć tylko na { $listed }
admin-role-rule-open = teraz każdy może tworzyć filmy
admin-role-rule-closed = filmy mogą teraz tworzyć tylko członkowie z rolą { $listed } (i moderatorzy)
admin-list-already-empty = { $kind ->
    [role] Lista dozwolonych ról jest już pusta; nic nie zmieniono.
   *[channel] Lista dozwolonych kanałów jest już pusta; nic nie zmieniono.
}
admin-list-cleared = { $kind ->
    [role] Wyczyszczono listę dozwolonych ról: { $rule }.
   *[channel] Wyczyszczono listę dozwolonych kanałów: { $rule }.
}
admin-list-pick = { $kind ->
    [role] { $action ->
        [allow] Wybierz rolę, którą chcesz dodać do listy dozwolonych; nic nie zmieniono.
       *[disallow] Wybierz rolę, którą chcesz usunąć z listy dozwolonych; nic nie zmieniono.
    }
   *[channel] { $action ->
        [allow] Wybierz kanał, który chcesz dodać do listy dozwolonych; nic nie zmieniono.
       *[disallow] Wybierz kanał, który chcesz usunąć z listy dozwolonych; nic nie zmieniono.
    }
}
admin-list-already-allowed = { $named } jest już na liście dozwolonych; nic nie zmieniono.
admin-list-full = { $kind ->
    [role] Lista dozwolonych może zawierać najwyżej { $limit } { $limit ->
        [one] rolę
        [few] role
        [many] ról
       *[other] roli
    }; nic nie zmieniono.
   *[channel] Lista dozwolonych może zawierać najwyżej { $limit } { $limit ->
        [one] kanał
        [few] kanały
        [many] kanałów
       *[other] kanału
    }; nic nie zmieniono.
}
admin-list-allowed = Dodano { $named } do listy dozwolonych: { $rule }.
admin-list-not-on = { $named } nie jest na liście dozwolonych, więc nic nie zmieniono.
admin-list-removed = Usunięto { $named } z listy dozwolonych: { $rule }.
admin-show-title = Ustawienia wideo tego serwera
admin-show-limits = Limity
admin-show-bot-wide = Dla całego bota (ustawia operator bota, nie serwer)
admin-show-bot-wide-value =
    Filmy generowane jednocześnie na wszystkich serwerach: **{ $jobs }**
    Dzienny budżet kredytów na wszystkie serwery: { $budget }
admin-show-budget = **{ $budget } { $budget ->
    [one] kredyt
    [few] kredyty
    [many] kredytów
   *[other] kredytu
}**
admin-show-budget-videos = **{ $budget } { $budget ->
    [one] kredyt
    [few] kredyty
    [many] kredytów
   *[other] kredytu
}** (mniej więcej { $videos } { $videos ->
    [one] film
    [few] filmy
    [many] filmów
   *[other] filmu
})
admin-show-budget-none = **brak**
admin-show-channels = Kanały
admin-show-any-channel = Dowolny kanał
admin-show-roles = Role
admin-show-roles-listed = { $roles } (i moderatorzy)
admin-show-everyone = Wszyscy
admin-show-generation = Generowanie
admin-show-paused = ⏸️ wstrzymane
admin-show-running = ▶️ działa
admin-show-iteration = Przedłuż / Remiks / Ponów
admin-show-requester-only = tylko autor zlecenia (i moderatorzy)
admin-show-anyone = każdy, kto może tworzyć filmy
admin-show-banned = Zbanowani członkowie
admin-show-banned-list = { $count }: { $members }
admin-ban-already = <@{ $user }> ma już zakaz tworzenia tu filmów; nic nie zmieniono.
admin-ban-done = <@{ $user }> nie może już tworzyć filmów na tym serwerze.
admin-unban-not-banned = <@{ $user }> nie ma tu zakazu; nic nie zmieniono.
admin-unban-done = <@{ $user }> znów może tworzyć filmy na tym serwerze.
admin-pause-already = Tworzenie filmów na tym serwerze jest już wstrzymane; nic nie zmieniono.
admin-pause-not-paused = Tworzenie filmów na tym serwerze nie jest wstrzymane; nic nie zmieniono.
admin-pause-done = Wstrzymano tworzenie filmów na tym serwerze: nowe filmy będą odrzucane aż do `/videoadmin { cmd-videoadmin-resume }` (filmy, które są już w toku, i tak zostaną ukończone).
admin-resume-done = Wznowiono tworzenie filmów na tym serwerze: członkowie znów mogą tworzyć filmy.
admin-requester-only-already-on = Tryb „tylko autor” jest już włączony; nic nie zmieniono.
admin-requester-only-already-off = Tryb „tylko autor” jest już wyłączony; nic nie zmieniono.
admin-requester-only-on = Teraz tylko osoba, która poprosiła o klip (i moderatorzy), może użyć pod nim przycisków „Przedłuż”, „Remiks” i „Ponów”.
admin-requester-only-off = Teraz każdy, kto może tu tworzyć filmy, może użyć przycisków „Przedłuż”, „Remiks” i „Ponów” pod dowolnym klipem.
admin-usage-none = { $days ->
    [one] Przez ostatni { $days } dzień na tym serwerze nie powstał żaden film.
    [few] Przez ostatnie { $days } dni na tym serwerze nie powstał żaden film.
    [many] Przez ostatnie { $days } dni na tym serwerze nie powstał żaden film.
   *[other] Przez ostatnie { $days } dnia na tym serwerze nie powstał żaden film.
}
admin-usage-day = Dzień
admin-usage-member = Członek
admin-usage-clips = Klipy
admin-usage-done = OK
admin-usage-fail = Błąd
admin-usage-credits = Kredyty
admin-usage-more-rows = … i jeszcze { $count } { $count ->
    [one] wiersz
    [few] wiersze
    [many] wierszy
   *[other] wiersza
} w usage.csv
admin-usage-title = { $days ->
    [one] Użycie wideo na tym serwerze, ostatni { $days } dzień
    [few] Użycie wideo na tym serwerze, ostatnie { $days } dni
    [many] Użycie wideo na tym serwerze, ostatnie { $days } dni
   *[other] Użycie wideo na tym serwerze, ostatnie { $days } dnia
}
admin-usage-totals = Razem
admin-usage-totals-value = { $clips } { $clips ->
    [one] klip
    [few] klipy
    [many] klipów
   *[other] klipu
} od { $members } { $members ->
    [one] członka
    [few] członków
    [many] członków
   *[other] członka
} · dostarczone: { $delivered } · nieudane: { $failed } · kredyty: { NUMBER($credits, minimumFractionDigits: 1, maximumFractionDigits: 1) }
admin-usage-footer = Według członków i dni (UTC).
admin-usage-footer-file = Według członków i dni (UTC). Pełny raport jest w załączniku usage.csv.
cmd-videoadmin = videoadmin
cmd-videoadmin-desc = Ustawienia wideo tego serwera (Zarządzanie serwerem)
cmd-videoadmin-show = pokaż
cmd-videoadmin-show-desc = Pokaż limity i ustawienia wideo tego serwera
cmd-videoadmin-limits = limity
cmd-videoadmin-limits-desc = Ustaw limity wideo tego serwera (0 = bez limitu)
cmd-videoadmin-limits-opt-user_daily = dziennie_na_członka
cmd-videoadmin-limits-opt-user_daily-desc = Ile filmów każdy członek może zrobić w ciągu doby UTC (0 = bez limitu)
cmd-videoadmin-limits-opt-user_concurrent = naraz_na_członka
cmd-videoadmin-limits-opt-user_concurrent-desc = Ile filmów każdy członek może mieć jednocześnie w toku (0 = bez limitu)
cmd-videoadmin-limits-opt-user_queue = kolejka_członka
cmd-videoadmin-limits-opt-user_queue-desc = Ile filmów członek, który osiągnął limit, może mieć w swojej kolejce (0 = bez kolejki: odmowa)
cmd-videoadmin-limits-opt-guild_daily = dziennie_na_serwer
cmd-videoadmin-limits-opt-guild_daily-desc = Ile filmów cały serwer może zrobić w ciągu doby UTC (0 = bez limitu)
cmd-videoadmin-limits-opt-cooldown = odstęp
cmd-videoadmin-limits-opt-cooldown-desc = Ile sekund członek czeka między filmami (0 = bez odstępu)
cmd-videoadmin-limits-opt-reset = resetuj
cmd-videoadmin-limits-opt-reset-desc = Usuń limity tego serwera i wróć do domyślnych ustawień bota
cmd-videoadmin-channel = kanał
cmd-videoadmin-channel-desc = Wybierz kanały, na których można tworzyć filmy
cmd-videoadmin-channel-opt-action = akcja
cmd-videoadmin-channel-opt-action-desc = Dodaj lub usuń kanał albo wyczyść listę (wtedy każdy kanał jest dozwolony)
cmd-videoadmin-channel-opt-channel = kanał
cmd-videoadmin-channel-opt-channel-desc = Kanał (domyślnie ten)
cmd-videoadmin-role = rola
cmd-videoadmin-role-desc = Wybierz role, które mogą tworzyć filmy
cmd-videoadmin-role-opt-action = akcja
cmd-videoadmin-role-opt-action-desc = Dodaj lub usuń rolę albo wyczyść listę (wtedy każdy może tworzyć filmy)
cmd-videoadmin-role-opt-role = rola
cmd-videoadmin-role-opt-role-desc = Rola (potrzebna do dodania i usunięcia)
choice-allow = zezwól (dodaj do listy dozwolonych)
choice-disallow = usuń (zdejmij z listy dozwolonych)
choice-clear = wyczyść (opróżnij listę: bez ograniczeń)
cmd-videoadmin-ban = zbanuj
cmd-videoadmin-ban-desc = Zabroń członkowi tworzenia filmów na tym serwerze
cmd-videoadmin-ban-opt-user = członek
cmd-videoadmin-ban-opt-user-desc = Członek, który nie będzie już mógł tworzyć tu filmów
cmd-videoadmin-unban = odbanuj
cmd-videoadmin-unban-desc = Pozwól zbanowanemu członkowi znów tworzyć filmy
cmd-videoadmin-unban-opt-user = członek
cmd-videoadmin-unban-opt-user-desc = Członek, który znów będzie mógł tworzyć tu filmy
cmd-videoadmin-pause = wstrzymaj
cmd-videoadmin-pause-desc = Wstrzymaj tworzenie filmów na tym serwerze
cmd-videoadmin-resume = wznów
cmd-videoadmin-resume-desc = Wznów tworzenie filmów na tym serwerze
cmd-videoadmin-requester_only = tylko_autor
cmd-videoadmin-requester_only-desc = Czy tylko autor zlecenia może użyć przycisków Przedłuż, Remiks i Ponów pod klipem
cmd-videoadmin-requester_only-opt-enabled = włączone
cmd-videoadmin-requester_only-opt-enabled-desc = True: tylko autor zlecenia (i moderatorzy); False: każdy, kto może tworzyć filmy
cmd-videoadmin-usage = użycie
cmd-videoadmin-usage-desc = Filmy, błędy i kredyty według członków i dni (30 dni)
