# Deutsch. Dieselben IDs, Variablen und Pluralformen wie en-US.ftl.

number = { $value }
list-comma = { $first }, { $next }
list-and = { $first } und { $last }

## Wie ein Auftrag endet
ending-submit-unknown = Der Videodienst hat diese Anfrage nicht bestätigt, sie kann also gestartet sein oder nicht. Ich sende sie nicht von selbst erneut, um nicht doppelt zu bezahlen, und sie zählt nicht gegen deine Limits: Drücke Wiederholen, um sie noch einmal zu machen.
ending-cancelled-by-user = Abgebrochen. Der Videodienst kann einen gestarteten Auftrag nicht stoppen, er kann dort also noch fertig (und bezahlt) werden, aber ich warte nicht mehr darauf und habe den Platz freigegeben.
ending-cancelled-queued = Abgebrochen, bevor er startete; nichts wurde an den Videodienst gesendet.
ending-timed-out = Der Videodienst hat zu lange gebraucht, also warte ich nicht mehr auf diesen Clip.
ending-no-clip = Der Videodienst meldete den Clip als fertig, hat ihn mir aber nie gegeben, also warte ich nicht mehr darauf.
ending-cancelled-by-api = Der Videodienst hat diesen Auftrag abgebrochen.
ending-delivery-failed = Der Clip wurde erstellt, aber ich konnte ihn nicht rechtzeitig vom Videodienst abholen.
ending-gave-up = Bei mir ist während dieses Auftrags etwas schiefgelaufen, immer wieder, also habe ich aufgehört. Er zählt nicht gegen deine Limits: Drücke Wiederholen, um es erneut zu versuchen.
ending-gave-up-before-start = Bei mir ist vor dem Start dieses Auftrags etwas schiefgelaufen, also habe ich aufgehört; nichts wurde an den Videodienst gesendet und nichts berechnet. Bitte versuche /video noch einmal.
ending-card-failed = Beim Posten der Karte dieses Auftrags ist bei mir etwas schiefgelaufen, also habe ich den Auftrag verworfen; nichts wurde berechnet. Bitte versuche es noch einmal.
paused-misconfigured = Der Videodienst ist gerade falsch eingerichtet (er lehnt den API-Schlüssel dieses Bots ab), daher kann kein Video starten, bis das behoben ist; wartende Aufträge starten dann von selbst.
paused-out-of-credit = Der Videodienst hat gerade kein Guthaben mehr, daher kann kein Video starten, bis das Konto aufgeladen ist; wartende Aufträge starten dann von selbst.
paused-operator-told = { $sentence } Der Betreiber wurde informiert.
refusal-shutting-down = Ich starte gerade neu; nichts wurde berechnet. Bitte versuche es in einer Minute noch einmal.

## Berechtigungen, wie Discord sie nennt
permission-view-channel = Kanal anzeigen
permission-send-messages = Nachrichten senden
permission-send-messages-in-threads = Nachrichten in Threads senden
permission-embed-links = Links einbetten
permission-attach-files = Dateien anhängen
permission-read-message-history = Nachrichtenverlauf anzeigen
refusal-missing-permissions = { $where ->
    [thread] Ich kann hier keine Videos posten: Mir { $count ->
        [one] fehlt die Berechtigung
       *[other] fehlen die Berechtigungen
    } { $permissions } in diesem Thread. Ein Server-Admin kann sie in den Einstellungen des übergeordneten Kanals erteilen (Berechtigungen → { $role }). Nichts wurde berechnet.
   *[channel] Ich kann hier keine Videos posten: Mir { $count ->
        [one] fehlt die Berechtigung
       *[other] fehlen die Berechtigungen
    } { $permissions } in diesem Kanal. Ein Server-Admin kann sie in den Kanaleinstellungen erteilen (Berechtigungen → { $role }). Nichts wurde berechnet.
}
ending-task-unknown = Der Videodienst kennt diesen Auftrag nicht mehr.

## Der Videodienst
api-safety = Der Sicherheitsfilter des Videodienstes hat diese Anfrage blockiert, es wurde kein Clip erstellt. Versuche einen anderen Prompt oder andere Referenzen.
api-failed = Der Videodienst konnte diesen Clip nicht erstellen. Drücke Wiederholen, um es erneut zu versuchen.
api-failed-no-reason = Der Videodienst konnte diesen Clip nicht erstellen und nannte keinen Grund. Drücke Wiederholen, um es erneut zu versuchen.
api-reference-failed = Der Videodienst konnte die Referenzdateien nicht verwenden, es wurde kein Clip erstellt. Versuche andere Bilder oder Clips.
api-refused = Der Videodienst hat diese Anfrage als ungültig abgelehnt, es wurde nichts erstellt oder berechnet.
api-refused-no-prompt = Der Videodienst braucht einen Prompt oder eine Referenz, um einen Clip zu erstellen.
api-refused-too-many-images = Der Videodienst nimmt höchstens 16 Referenzbilder.
api-refused-too-many-videos = Der Videodienst nimmt nur einen Referenzclip.
api-refused-video-with-extend = Ein Referenzclip lässt sich nicht mit Verlängern kombinieren.
api-refused-parent-unfinished = Der fortzusetzende Clip ist beim Videodienst noch nicht fertig und kann daher noch nicht verlängert werden.
api-refused-clip-length = Der Referenzclip muss zwischen 1 und 24 Sekunden lang sein.
api-refused-image-format = Der Videodienst nimmt nur PNG- oder JPEG-Referenzbilder.
api-refused-model = Der Videodienst bietet das Modell nicht an, auf das dieser Bot eingestellt ist; der Betreiber muss die Einstellungen des Bots korrigieren.
api-refused-reference = Der Videodienst konnte eine Referenzdatei nicht abrufen oder lesen. Versuche, sie noch einmal anzuhängen.
rejected-key-refused = Der Videodienst hat den API-Schlüssel dieses Bots abgelehnt, daher konnte dieser Auftrag nicht starten.
rejected-out-of-credit = Der Videodienst hat kein Guthaben, daher konnte dieser Auftrag nicht starten.
rejected-model-not-allowed = Der Videodienst erlaubt diesem Bot dieses Modell nicht; der Betreiber muss das prüfen.
rejected-parent-unknown = Der fortzusetzende Clip ist dem Videodienst nicht mehr bekannt und kann daher nicht verlängert werden.
rejected-reference-too-large = Eine Referenzdatei ist zu groß für den Videodienst (höchstens 20 MB).
rejected-reference-gone = Die Referenzdatei { $filename } wird nicht mehr aufbewahrt, daher lässt sich das nicht noch einmal machen: Hänge sie mit /video erneut an.
rejected-reference-link-expired = Der Link zum Referenzclip { $filename } ist abgelaufen und der Clip ist zu groß, um ihn direkt mitzuschicken: Hänge ihn mit /video erneut an.

## Limits
limit-user-concurrent = Du hast schon { $active } von deinen { $limit } Videos in Arbeit; starte ein weiteres, wenn eines davon fertig ist.
limit-user-queue = Du hast { $active } Videos in Arbeit und { $lined } wartend in deiner Reihe (mehr erlaubt dieser Server nicht); warte, bis eines fertig ist.
limit-cooldown = Bitte warte { $seconds } s zwischen Videos; das nächste kannst du { $when } starten.
limit-user-daily = Du hast heute { $made } von deinen { $limit } Videos gemacht; dein Kontingent erneuert sich { $when }.
limit-guild-daily = Dieser Server hat heute { $made } von seinen { $limit } Videos gemacht; das Kontingent des Servers erneuert sich { $when }.
limit-budget = Der Bot hat heute { $used } von seinen { $budget } Credits verbraucht, zu wenig für ein weiteres Video; das Budget erneuert sich { $when }.
access-banned = Du darfst auf diesem Server keine Videos machen.
access-paused = Die Moderatoren dieses Servers haben die Videoerstellung pausiert.
access-channel = In diesem Kanal können keine Videos gemacht werden; nutze { $channels }.
access-role = Du brauchst eine der Videorollen dieses Servers, um hier Videos zu machen.
extend-unknown = Diesen Clip kenne ich nicht mehr, daher kann er nicht verlängert werden.
extend-unfinished = Nur ein fertiger Clip kann verlängert werden, und dieser wurde nicht fertig.
extend-too-old = Dieser Clip ist zu alt zum Verlängern: Clips können { $hours } Stunden nach ihrer Erstellung verlängert werden.
repeat-unknown = Diesen Clip kenne ich nicht mehr.
repeat-unfinished = Dieser Auftrag ist noch nicht fertig; warte darauf, bevor du ihn noch einmal machst.
repeat-files-gone = Die Referenzdateien dieses Clips werden nicht mehr aufbewahrt (sie werden { $days } Tage aufbewahrt): Starte ein neues /video und hänge sie an.
repeat-parent-extend-unknown = Dieser Clip setzt einen früheren fort, und der kann nicht mehr fortgesetzt werden: Diesen Clip kenne ich nicht mehr, daher kann er nicht verlängert werden.
repeat-parent-extend-unfinished = Dieser Clip setzt einen früheren fort, und der kann nicht mehr fortgesetzt werden: Nur ein fertiger Clip kann verlängert werden, und jener wurde nicht fertig.
repeat-parent-extend-too-old = Dieser Clip setzt einen früheren fort, und der kann nicht mehr fortgesetzt werden: Er ist zu alt zum Verlängern (Clips können { $hours } Stunden nach ihrer Erstellung verlängert werden).

## Referenzen
size-mb = { NUMBER($mb, minimumFractionDigits: 1, maximumFractionDigits: 1) } MB
media-that-file = Diese Datei
media-image-too-large = { $name } ist { $size } groß; Bilder dürfen höchstens 20 MB groß sein.
media-png-too-large = { $name } ist als PNG { $size } groß; Bilder dürfen höchstens 20 MB groß sein.
media-not-an-image = { $name } ist kein Bild, das ich verwenden kann: Hänge ein PNG, JPEG, WebP oder GIF an.
media-image-damaged = { $name } sieht beschädigt oder unvollständig aus, ich konnte es nicht lesen; versuche, es neu zu speichern.
media-too-many-pixels = { $name } hat zu viele Pixel, um es sicher zu öffnen; hänge ein kleineres Bild an.
media-too-many-megapixels = { $name } hat zu viele Pixel, um es sicher zu öffnen (über { $limit } Megapixel); hänge ein kleineres Bild an.
media-too-many-pixels-over = { $name } hat zu viele Pixel, um es sicher zu öffnen (über { $limit } Pixel); hänge ein kleineres Bild an.
media-not-a-video = { $name } ist kein Video, das ich lesen kann: Hänge ein MP4-, MOV- oder WebM-Video an.
media-only-sound = { $name } hat kein Bild, nur Ton: Hänge ein MP4-, MOV- oder WebM-Video an.
media-picture-not-video = { $name } ist ein Bild, kein Video: Hänge ein MP4-, MOV- oder WebM-Video an.
media-no-duration = { $name } ist beschädigt: Ich konnte nicht feststellen, wie lang es ist.
media-no-picture = { $name } ist beschädigt: Ich konnte kein einziges Bild daraus dekodieren.
media-clip-length = { $name } ist { NUMBER($seconds, minimumFractionDigits: 1, maximumFractionDigits: 1) } s lang; ein Referenzvideo muss { $min }–{ $max } s lang sein ({ $best } s oder weniger funktioniert am besten).
media-no-pictures = { $name } hat keine Bilder.
media-join-failed = { $name } konnte nicht aus seinen Teilen zusammengefügt werden.
refs-too-many-images = Du hast { $count } Bilder angehängt; der Videodienst nimmt höchstens { $limit }.
refs-too-many-videos = Du hast { $count } Videos angehängt; der Videodienst nimmt höchstens einen Referenzclip.
refs-video-with-extend = Ein Referenzvideo lässt sich nicht mit Verlängern kombinieren: Verlängere den Clip ohne Video.
refs-link-expired = Ich konnte { $filename } nicht herunterladen: Der Link ist abgelaufen. Hänge die Datei erneut an.
refs-download-failed = Ich konnte { $filename } gerade nicht von Discord herunterladen; versuche es noch einmal.
refs-larger-than = { $filename } ist größer als { $size } und damit zu groß.
refs-clip-too-large = { $filename } ist { $size } groß und damit zu groß für einen Referenzclip.

## Die Karte eines Auftrags
card-status-accepted = ⏳ In der Warteschlange
card-status-submitting = ⏳ Startet
card-status-submitted = ⏳ Wartet auf den Videodienst
card-status-running = 🎬 Wird erstellt
card-status-completed = 📦 Wird abgeschlossen
card-status-delivering = 📦 Clip wird gepostet
card-status-delivered = ✅ Dein Video
card-status-rejected = ⚠️ Nicht gestartet
card-status-submit-unknown = ⚠️ Unbestätigt
card-status-failed = ❌ Fehlgeschlagen
card-status-cancelled = 🛑 Abgebrochen
card-status-timed-out = ⌛ Zeit überschritten
card-title-with-kind = { $title } ({ $kind })
card-kind-extend = Verlängerung
card-kind-remix = Remix
card-kind-retry = Wiederholung
card-percent = { $percent } %
card-no-prompt = *(kein Prompt: nur Referenzen)*
card-asked-by = Angefragt von
card-aspect-ratio = Seitenverhältnis
card-references = Referenzen
card-refs-images = { $count ->
    [one] { $count } Bild
   *[other] { $count } Bilder
}
card-refs-videos = { $count ->
    [one] { $count } Video
   *[other] { $count } Videos
}
card-refs-none = keine
card-credit-title = Urheber
card-credit = { $kind ->
    [extend] Setzt den Clip von <@{ $user }> fort
    [remix] Remix des Clips von <@{ $user }>
    [retry] Wiederholung des Clips von <@{ $user }>
    [animate] Animiert aus der Nachricht von <@{ $user }>
   *[other] Basiert auf dem Clip von <@{ $user }>
}
card-credit-from-job = { $kind ->
    [extend] Setzt den Clip von <@{ $user }> fort (Auftrag #{ $source_job })
    [remix] Remix des Clips von <@{ $user }> (Auftrag #{ $source_job })
    [retry] Wiederholung des Clips von <@{ $user }> (Auftrag #{ $source_job })
    [animate] Animiert aus der Nachricht von <@{ $user }> (Auftrag #{ $source_job })
   *[other] Basiert auf dem Clip von <@{ $user }> (Auftrag #{ $source_job })
}
card-queue = Warteschlange
card-queue-place = Platz { $place } in der Warteschlange
card-queue-place-slot = Platz { $place } in der Warteschlange, wartet auf einen freien Platz
card-line-place = { $place }. in deiner Reihe – startet, wenn einer deiner Aufträge fertig ist
card-waiting = Wartet
card-progress = Fortschritt
card-ready = Fertig
card-eta = { $when } (geschätzt)
card-what-happened = Was passiert ist
card-download-title = Download
card-download = Der Clip ist zu groß, um ihn hier hochzuladen: [herunterladen]({ $link })
card-download-expires = Der Clip ist zu groß, um ihn hier hochzuladen: [herunterladen]({ $link }) (Link läuft { $when } ab)
card-footer = Auftrag #{ $job }
card-footer-continues = { $footer } · setzt Auftrag #{ $parent } fort
ping-ready = <@{ $user }> dein Video ist fertig (Auftrag #{ $job }).
ping-ended = <@{ $user }> dein Videoauftrag #{ $job } ist beendet: { $why }
ping-no-reason = er wurde nicht fertig.
giveup-cannot-post = Ich kann in diesem Kanal nicht posten.
giveup-cannot-post-any-more = Ich kann in diesem Kanal nicht mehr posten.
giveup-no-clip = Der Videodienst ist fertig, hat aber keinen Clip geliefert.
giveup-clip-expired = Der Clip ist beim Videodienst abgelaufen, bevor ich ihn abholen konnte.
refusal-check-failed = Du kannst diesen Befehl hier nicht verwenden.
refusal-something-wrong = Bei mir ist etwas schiefgelaufen; nichts wurde berechnet. Bitte versuche es noch einmal.

## /video und Mit KI animieren
video-nothing-to-make = Sag mir, was ich machen soll: Gib einen Prompt an oder hänge ein Bild oder Video an.
video-prompt-too-long = Dein Prompt ist { $length } Zeichen lang; bitte halte ihn bei höchstens { $limit }.
animate-nothing = Diese Nachricht hat kein Bild und kein Video, das ich verwenden kann; wähle eine Nachricht mit einem Bild oder Clip.
animate-again = Dieses „Mit KI animieren“-Fenster ist zu alt oder wurde schon benutzt; verwende „Mit KI animieren“ erneut auf der Nachricht.
animate-modal-title = Mit KI animieren
animate-modal-label = Was soll passieren?
animate-modal-placeholder = Die Katze dreht langsam den Kopf und zwinkert
cmd-video = video
cmd-video-desc = Erstelle ein kurzes KI-Video aus einem Prompt und optionalen Referenzen
cmd-video-opt-prompt = prompt
cmd-video-opt-prompt-desc = Was im Video passieren soll (optional, wenn du eine Referenz anhängst)
cmd-video-opt-image-n = bild{ $n }
cmd-video-opt-image-n-desc = Ein Referenzbild (PNG, JPEG, WebP oder GIF)
cmd-video-opt-video = video
cmd-video-opt-video-desc = Ein Referenzclip, 1–24 s (3 s oder weniger funktioniert am besten)
cmd-video-opt-aspect_ratio = seitenverhältnis
cmd-video-opt-aspect_ratio-desc = Querformat 16:9 (Standard) oder Hochformat 9:16
cmd-video-opt-private = privat
cmd-video-opt-private-desc = Das Ergebnis in deine Direktnachrichten statt in diesen Kanal schicken
choice-16-9 = 16:9 (Querformat)
choice-9-16 = 9:16 (Hochformat)
cmd-animate-with-ai = Mit KI animieren
refusal-cannot-post = Ich kann in diesem Kanal nicht posten: Ich brauche hier die Berechtigungen { permission-view-channel }, { permission-send-messages }, { permission-embed-links } und { permission-attach-files }. Nichts wurde berechnet.
refusal-dms-closed = Ich kann dir keine Direktnachrichten schicken, daher kann ich kein privates Video liefern: Erlaube Direktnachrichten von Servermitgliedern (Privatsphäre-Einstellungen) und versuche es erneut. Nichts wurde berechnet.
refusal-no-dms = Videos können nur auf einem Server gemacht werden.
the-bot = der Bot
iterate-private-owner-only = Nur wer diesen privaten Clip angefragt hat, kann darauf aufbauen.
iterate-banned-there = Du darfst auf diesem Server keine Videos machen.
iterate-paused-there = Die Moderatoren jenes Servers haben die Videoerstellung pausiert.
iterate-other-server = Dieser Clip gehört zu einem anderen Server.
iterate-requester-only = Auf diesem Server kann nur, wer einen Clip angefragt hat, ihn verlängern, remixen oder wiederholen.
started = Dein Video ist unterwegs als Auftrag #{ $job }: { $where }
started-where-dm = in deinen Direktnachrichten
started-where-soon = seine Karte erscheint gleich in diesem Kanal

## Schaltflächen
button-extend = Verlängern
button-remix = Remixen
button-retry = Wiederholen
button-delete = Löschen
button-story = Geschichte
button-full-cut = Gesamtschnitt
button-cancel = Abbrechen
extend-cannot = Dieser Clip kann nicht verlängert werden.
remix-cannot = Dieser Clip kann nicht geremixt werden.
retry-cannot = Dieser Clip kann nicht noch einmal gemacht werden.
extend-remix-instead = { $problem } Du kannst ihn stattdessen remixen.
extend-modal-title = Diesen Clip verlängern
extend-modal-label = Was passiert als Nächstes?
extend-no-prompt = Sag mir, was als Nächstes passiert, damit ich weiß, wie der Clip weitergehen soll.
remix-modal-title = Diesen Clip remixen
remix-modal-label = Prompt
remix-no-prompt = Gib dem Remix einen Prompt.
delete-not-yours = Nur wer diesen Clip angefragt hat oder ein Moderator kann ihn löschen.
delete-failed = Ich konnte diese Nachricht nicht löschen.
delete-done = Der Clip von Auftrag #{ $job } wurde gelöscht.
cancel-unknown = Diesen Auftrag kenne ich nicht mehr.
cancel-not-yours = Nur wer dieses Video angefragt hat oder ein Moderator kann es abbrechen.
cancel-already-ended = Auftrag #{ $job } ist schon beendet, es gibt nichts abzubrechen.
cancel-too-late = Auftrag #{ $job } war beendet, bevor ich ihn abbrechen konnte.
cancel-done = Abgebrochen.
story-pick-placeholder = Ein Segment verlängern…
kind-video = Video
kind-extend = Verlängerung
kind-remix = Remix
kind-retry = Wiederholung
kind-animate = Animation
segment-label = #{ $job } { $kind } von { $name }
segment-label-someone = #{ $job } { $kind } von jemandem
someone = jemand
story-by = von { $name }
story-no-prompt = (kein Prompt)
story-clip-gone = Clip nicht mehr aufbewahrt
story-branching-off = { $count ->
    [one] +{ $count } Segment zweigt hier ab
   *[other] +{ $count } Segmente zweigen hier ab
}
story-picture-title = { $count ->
    [one] Geschichte von Auftrag #{ $job }: { $count } Segment ab dem ersten Clip
   *[other] Geschichte von Auftrag #{ $job }: { $count } Segmente ab dem ersten Clip
}
story-picture-title-hidden = { $title } · { $count } weitere im Baum nicht gezeichnet
story-alt = Storyboard: { $steps }
story-note-failed = fehlgeschlagen
story-note-timed-out = Zeit überschritten
story-note-cancelled = abgebrochen
story-note-rejected = nicht gestartet
story-note-submit-unknown = unbestätigt
story-note-in-progress = in Arbeit
story-caption-head = { $count ->
    [one] **Geschichte von Auftrag #{ $job }**: { $count } Segment ab dem ersten Clip.
   *[other] **Geschichte von Auftrag #{ $job }**: { $count } Segmente ab dem ersten Clip.
}
story-caption-head-large = { $count ->
    [one] **Geschichte von Auftrag #{ $job }**: { $count } Segment ab dem ersten Clip (ein großer Baum: Das Bild zeigt den Weg zu diesem Clip und zählt die Zweige).
   *[other] **Geschichte von Auftrag #{ $job }**: { $count } Segmente ab dem ersten Clip (ein großer Baum: Das Bild zeigt den Weg zu diesem Clip und zählt die Zweige).
}
story-caption-line = { $place }. { $label }
story-caption-line-link = { $place }. { $label } — <{ $link }>
story-caption-line-dm = { $place }. { $label } — in Direktnachrichten
story-caption-more = …und { $count } weitere: siehe Bild.
story-caption-hidden = { $count ->
    [one] { $count } weiteres Segment dieses Baums ist nicht gezeichnet.
   *[other] { $count } weitere Segmente dieses Baums sind nicht gezeichnet.
}
story-unknown-job = Ich kenne keinen Auftrag #{ $job }, den du sehen kannst.
cmd-story = geschichte
cmd-story-desc = Wie ein Clip entstanden ist: ein Storyboard seiner Segmente
cmd-story-opt-job = auftrag
cmd-story-opt-job-desc = Die Auftragsnummer (in der Fußzeile der Karte steht Auftrag #N)
fullcut-caption = **Gesamtschnitt von Auftrag #{ $job }** ({ $steps }), gemacht von { $names }.
fullcut-undelivered = Für einen Gesamtschnitt müssen alle Clips bis zu diesem geliefert worden sein.
fullcut-part-gone = Der Clip von Auftrag #{ $job } wird nicht mehr aufbewahrt (Clips werden aufbewahrt, solange sie verlängert werden können), daher kann ich den Gesamtschnitt nicht machen.
fullcut-join-failed = Ich konnte die Clips dieses Zweigs nicht zu einem Video zusammenfügen.
fullcut-too-long = Der Gesamtschnitt ist selbst neu kodiert zu lang für Discords Upload-Limit hier.

## /quota, /jobs, /help
quota-title = Dein Videokontingent
quota-right-now = Gerade jetzt
quota-resets = erneuert sich { $when }
quota-user-today = Deine Videos heute
quota-user-active = Deine Videos in Arbeit
quota-cooldown = Wartezeit
quota-guild-today = Videos dieses Servers heute
quota-budget = Credit-Budget des Bots heute
quota-count-unlimited = { $used } (kein Limit)
quota-count = { $used } von { $limit } verbraucht, { $left } übrig
quota-with-reset = { $text } · { $reset }
quota-cooldown-none = Keine
quota-cooldown-wait = { $seconds } s zwischen Videos; dein nächstes kann { $when } starten
quota-cooldown-ready = { $seconds } s zwischen Videos; du kannst jetzt eins starten
quota-budget-none = { NUMBER($used, minimumFractionDigits: 1, maximumFractionDigits: 1) } Credits verbraucht (kein Budget)
quota-budget-left = { NUMBER($used, minimumFractionDigits: 1, maximumFractionDigits: 1) } von { $budget } Credits verbraucht, { NUMBER($left, minimumFractionDigits: 1, maximumFractionDigits: 1) } übrig (etwa { $videos } Videos)
jobs-none = Du hast noch keine Videos.
jobs-title = Deine letzten Videos
jobs-footer = { $count ->
    [one] Dein letzter Auftrag
   *[other] Deine { $count } letzten Aufträge, neueste zuerst
}
jobs-kind = ({ $kind })
jobs-card-link = [Karte]({ $link })
jobs-status-accepted = ⏳ in der Warteschlange
jobs-status-submitting = ⏳ startet
jobs-status-submitted = ⏳ wartet auf den Videodienst
jobs-status-running = 🎬 wird erstellt
jobs-status-completed = 📦 wird abgeschlossen
jobs-status-delivering = 📦 wird gepostet
jobs-status-delivered = ✅ geliefert
jobs-status-rejected = ⚠️ nicht gestartet
jobs-status-submit-unknown = ⚠️ unbestätigt
jobs-status-failed = ❌ fehlgeschlagen
jobs-status-cancelled = 🛑 abgebrochen
jobs-status-timed-out = ⌛ Zeit überschritten
help-title = Videos machen
help-about = Ich mache aus einem Prompt – und auf Wunsch aus Referenzbildern oder einem kurzen Clip – ein kurzes KI-Video, gepostet im Kanal mit Schaltflächen zum Weitermachen. Jedes Video kostet echte Credits, daher gibt es Limits.
help-options-title = Optionen von /video
help-options =
    `{ cmd-video-opt-prompt }` – was passieren soll (optional, wenn du eine Referenz anhängst)
    `{ $first_image }` … `{ $last_image }` – Referenzbilder (PNG, JPEG, WebP oder GIF)
    `{ cmd-video-opt-video }` – ein Referenzclip, 1–24 s (3 s oder weniger funktioniert am besten)
    `{ cmd-video-opt-aspect_ratio }` – `16:9` Querformat (Standard) oder `9:16` Hochformat
    `{ cmd-video-opt-private }` – den Clip in deine Direktnachrichten statt in den Kanal liefern
help-buttons-title = Unter einem Clip
help-buttons =
    {"**"}Verlängern** – den Clip mit dem fortsetzen, was als Nächstes passiert
    {"**"}Remixen** – eine neue Version mit geändertem Prompt
    {"**"}Wiederholen** – dieselbe Anfrage noch einmal
    {"**"}Löschen** – den Clip entfernen (wer ihn angefragt hat oder ein Moderator)
    {"**"}Geschichte** – ein Bild davon, wie der Clip entstanden ist (auch `/{ cmd-story } { cmd-story-opt-job }:`)
    {"**"}Gesamtschnitt** – der ganze Weg vom ersten Clip bis zu diesem, als ein Clip
    {"**"}Abbrechen** – ein Video stoppen, das noch in Arbeit ist oder in deiner Reihe wartet
    Nachrichtenmenü **Apps → Mit KI animieren** – Bilder oder Clip einer Nachricht in ein Video verwandeln
help-examples-title = Beispiele
help-examples =
    `/video { cmd-video-opt-prompt }: ein Papierboot treibt eine verregnete Straße hinunter, filmisch`
    `/video { cmd-video-opt-prompt }: sie winkt in die Kamera { $first_image }: (dein Foto) { cmd-video-opt-aspect_ratio }: 9:16`
    `/video { cmd-video-opt-video }: (ein 3-s-Clip) { cmd-video-opt-prompt }: die Kamera fliegt hoch in die Wolken { cmd-video-opt-private }: True`
help-more-title = Weitere Befehle
help-more =
    `/{ cmd-quota }` – dein Kontingent · `/{ cmd-jobs }` – deine letzten Videos · `/videoadmin` – Servereinstellungen
    Über deinem Limit an Videos in Arbeit? Ein paar weitere warten in deiner eigenen Reihe und starten, sobald deine fertig sind.
cmd-quota = kontingent
cmd-quota-desc = Wie viele Videos du noch machen kannst und wann sich das erneuert
cmd-jobs = aufträge
cmd-jobs-desc = Deine letzten Videos mit Status und einem Link zu jedem
cmd-help = hilfe
cmd-help-desc = Was dieser Bot macht, wie /video funktioniert und deine Limits

## /videoadmin
admin-need-manage = Du brauchst die Berechtigung „Server verwalten“, um die Videoeinstellungen zu ändern.
admin-and-more = … und { $count } weitere
admin-value-no-line = keine Reihe (beim Limit abgelehnt)
admin-value-seconds = { $seconds } s
admin-value-none = keine
admin-value-count = { $count }
admin-value-no-limit = kein Limit
admin-limit-user_daily_limit = Videos pro Mitglied und Tag
admin-limit-user_concurrent_limit = Videos in Arbeit pro Mitglied
admin-limit-user_queue_limit = wartende Videos in der Reihe eines Mitglieds
admin-limit-guild_daily_limit = Videos pro Server und Tag
admin-limit-cooldown_seconds = die Wartezeit zwischen Videos
admin-limit-label-user_daily_limit = Videos pro Mitglied und Tag
admin-limit-label-user_concurrent_limit = Videos in Arbeit pro Mitglied
admin-limit-label-user_queue_limit = Wartende Videos in der Reihe eines Mitglieds
admin-limit-label-guild_daily_limit = Videos pro Server und Tag
admin-limit-label-cooldown_seconds = Wartezeit zwischen Videos
admin-limit-line = { $label }: **{ $value }** ({ $source })
admin-source-server = Einstellung dieses Servers; Standard des Bots { $default }
admin-source-default = Standard
admin-limit-set-part = { $name } auf { $value }
admin-limits-nothing = Nichts geändert: Gib mindestens ein Limit an, oder `{ cmd-videoadmin-limits-opt-reset }: True`.
admin-limits-set = { $parts } für diesen Server gesetzt.
admin-limits-reset = Die Limits dieses Servers wurden auf die Standards des Bots zurückgesetzt.
admin-limits-reset-then-set = Die Limits dieses Servers wurden auf die Standards des Bots zurückgesetzt, dann { $parts } gesetzt.
admin-channel-rule-open = Videos können jetzt in jedem Kanal gemacht werden
admin-channel-rule-closed = Videos können jetzt nur in { $listed } gemacht werden
admin-role-rule-open = jetzt darf jeder Videos machen
admin-role-rule-closed = nur Mitglieder mit { $listed } (und Moderatoren) dürfen jetzt Videos machen
admin-list-already-empty = { $kind ->
    [role] Die Liste erlaubter Rollen ist schon leer; nichts geändert.
   *[channel] Die Liste erlaubter Kanäle ist schon leer; nichts geändert.
}
admin-list-cleared = { $kind ->
    [role] Liste erlaubter Rollen geleert: { $rule }.
   *[channel] Liste erlaubter Kanäle geleert: { $rule }.
}
admin-list-pick = { $kind ->
    [role] { $action ->
        [allow] Wähle die Rolle, die erlaubt werden soll; nichts geändert.
       *[disallow] Wähle die Rolle, die entfernt werden soll; nichts geändert.
    }
   *[channel] { $action ->
        [allow] Wähle den Kanal, der erlaubt werden soll; nichts geändert.
       *[disallow] Wähle den Kanal, der entfernt werden soll; nichts geändert.
    }
}
admin-list-already-allowed = { $named } ist schon erlaubt; nichts geändert.
admin-list-full = { $kind ->
    [role] Die Liste fasst höchstens { $limit } Rollen; nichts geändert.
   *[channel] Die Liste fasst höchstens { $limit } Kanäle; nichts geändert.
}
admin-list-allowed = { $named } erlaubt: { $rule }.
admin-list-not-on = { $named } steht nicht auf der Liste, daher wurde nichts geändert.
admin-list-removed = { $named } von der Liste entfernt: { $rule }.
admin-show-title = Videoeinstellungen dieses Servers
admin-show-limits = Limits
admin-show-bot-wide = Für den ganzen Bot (vom Betreiber festgelegt, nicht pro Server)
admin-show-bot-wide-value =
    Gleichzeitig erstellte Videos, alle Server: **{ $jobs }**
    Tägliches Credit-Budget, alle Server: { $budget }
admin-show-budget = **{ $budget } Credits**
admin-show-budget-videos = **{ $budget } Credits** (etwa { $videos } Videos)
admin-show-budget-none = **keins**
admin-show-channels = Kanäle
admin-show-any-channel = Jeder Kanal
admin-show-roles = Rollen
admin-show-roles-listed = { $roles } (und Moderatoren)
admin-show-everyone = Alle
admin-show-generation = Erstellung
admin-show-paused = ⏸️ pausiert
admin-show-running = ▶️ läuft
admin-show-iteration = Verlängern / Remixen / Wiederholen
admin-show-requester-only = nur wer angefragt hat (und Moderatoren)
admin-show-anyone = jeder, der Videos machen darf
admin-show-banned = Gesperrte Mitglieder
admin-show-banned-list = { $count }: { $members }
admin-ban-already = <@{ $user }> ist hier schon für Videos gesperrt; nichts geändert.
admin-ban-done = <@{ $user }> kann auf diesem Server keine Videos mehr machen.
admin-unban-not-banned = <@{ $user }> ist hier nicht gesperrt; nichts geändert.
admin-unban-done = <@{ $user }> kann auf diesem Server wieder Videos machen.
admin-pause-already = Die Videoerstellung ist auf diesem Server schon pausiert; nichts geändert.
admin-pause-not-paused = Die Videoerstellung ist auf diesem Server nicht pausiert; nichts geändert.
admin-pause-done = Videoerstellung auf diesem Server pausiert: Neue Videos werden bis `/videoadmin { cmd-videoadmin-resume }` abgelehnt (laufende Videos werden noch fertig).
admin-resume-done = Videoerstellung auf diesem Server fortgesetzt: Mitglieder können wieder Videos machen.
admin-requester-only-already-on = Der Nur-Anfragende-Schalter ist schon an; nichts geändert.
admin-requester-only-already-off = Der Nur-Anfragende-Schalter ist schon aus; nichts geändert.
admin-requester-only-on = Nur wer einen Clip angefragt hat (und Moderatoren) kann ihn jetzt verlängern, remixen oder wiederholen.
admin-requester-only-off = Jeder, der hier Videos machen darf, kann jetzt jeden Clip verlängern, remixen oder wiederholen.
admin-usage-none = In den letzten { $days } Tagen wurden auf diesem Server keine Videos gemacht.
admin-usage-day = Tag
admin-usage-member = Mitglied
admin-usage-clips = Clips
admin-usage-done = OK
admin-usage-fail = Fehl
admin-usage-credits = Credits
admin-usage-more-rows = … und { $count } weitere Zeilen in usage.csv
admin-usage-title = Videonutzung auf diesem Server, letzte { $days } Tage
admin-usage-totals = Summen
admin-usage-totals-value = { $clips } Clips von { $members } Mitgliedern · { $delivered } geliefert · { $failed } fehlgeschlagen · { NUMBER($credits, minimumFractionDigits: 1, maximumFractionDigits: 1) } Credits
admin-usage-footer = Pro Mitglied und UTC-Tag.
admin-usage-footer-file = Pro Mitglied und UTC-Tag. Der vollständige Bericht hängt als usage.csv an.
cmd-videoadmin = videoadmin
cmd-videoadmin-desc = Videoeinstellungen dieses Servers (Server verwalten)
cmd-videoadmin-show = anzeigen
cmd-videoadmin-show-desc = Die Videolimits und -einstellungen dieses Servers anzeigen
cmd-videoadmin-limits = limits
cmd-videoadmin-limits-desc = Die Videolimits dieses Servers setzen (0 = kein Limit)
cmd-videoadmin-limits-opt-user_daily = pro_mitglied_täglich
cmd-videoadmin-limits-opt-user_daily-desc = Videos, die jedes Mitglied pro UTC-Tag machen darf (0 = kein Limit)
cmd-videoadmin-limits-opt-user_concurrent = pro_mitglied_gleichzeitig
cmd-videoadmin-limits-opt-user_concurrent-desc = Videos, die jedes Mitglied gleichzeitig in Arbeit haben darf (0 = kein Limit)
cmd-videoadmin-limits-opt-user_queue = reihe_pro_mitglied
cmd-videoadmin-limits-opt-user_queue-desc = Videos, die ein Mitglied an diesem Limit in seiner Reihe warten lassen darf (0 = keine)
cmd-videoadmin-limits-opt-guild_daily = server_täglich
cmd-videoadmin-limits-opt-guild_daily-desc = Videos, die der ganze Server pro UTC-Tag machen darf (0 = kein Limit)
cmd-videoadmin-limits-opt-cooldown = wartezeit
cmd-videoadmin-limits-opt-cooldown-desc = Sekunden, die ein Mitglied zwischen Videos wartet (0 = keine)
cmd-videoadmin-limits-opt-reset = zurücksetzen
cmd-videoadmin-limits-opt-reset-desc = Die Limits dieses Servers vergessen und wieder die Standards des Bots nutzen
cmd-videoadmin-channel = kanal
cmd-videoadmin-channel-desc = Die Kanäle wählen, in denen Videos gemacht werden können
cmd-videoadmin-channel-opt-action = aktion
cmd-videoadmin-channel-opt-action-desc = einen Kanal erlauben oder entfernen, oder die Liste leeren (dann ist jeder Kanal erlaubt)
cmd-videoadmin-channel-opt-channel = kanal
cmd-videoadmin-channel-opt-channel-desc = Der Kanal (Standard: dieser)
cmd-videoadmin-role = rolle
cmd-videoadmin-role-desc = Die Rollen wählen, die Videos machen dürfen
cmd-videoadmin-role-opt-action = aktion
cmd-videoadmin-role-opt-action-desc = eine Rolle erlauben oder entfernen, oder die Liste leeren (dann darf jeder Videos machen)
cmd-videoadmin-role-opt-role = rolle
cmd-videoadmin-role-opt-role-desc = Die Rolle (nötig für erlauben und entfernen)
choice-allow = erlauben (zur Liste hinzufügen)
choice-disallow = entfernen (von der Liste nehmen)
choice-clear = leeren (Liste leeren: keine Einschränkung)
cmd-videoadmin-ban = sperren
cmd-videoadmin-ban-desc = Ein Mitglied daran hindern, auf diesem Server Videos zu machen
cmd-videoadmin-ban-opt-user = mitglied
cmd-videoadmin-ban-opt-user-desc = Das Mitglied, das hier keine Videos mehr machen darf
cmd-videoadmin-unban = entsperren
cmd-videoadmin-unban-desc = Ein gesperrtes Mitglied wieder Videos machen lassen
cmd-videoadmin-unban-opt-user = mitglied
cmd-videoadmin-unban-opt-user-desc = Das Mitglied, das hier wieder Videos machen darf
cmd-videoadmin-pause = pausieren
cmd-videoadmin-pause-desc = Die Videoerstellung auf diesem Server pausieren
cmd-videoadmin-resume = fortsetzen
cmd-videoadmin-resume-desc = Die Videoerstellung auf diesem Server fortsetzen
cmd-videoadmin-requester_only = nur_anfragende
cmd-videoadmin-requester_only-desc = Ob nur, wer einen Clip angefragt hat, ihn verlängern, remixen oder wiederholen darf
cmd-videoadmin-requester_only-opt-enabled = aktiv
cmd-videoadmin-requester_only-opt-enabled-desc = True: nur wer angefragt hat (und Moderatoren); False: jeder, der Videos machen darf
cmd-videoadmin-usage = nutzung
cmd-videoadmin-usage-desc = Videos, Fehlschläge und Credits pro Mitglied und Tag (30 Tage)
