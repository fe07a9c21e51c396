# Français. Mêmes identifiants, variables et formes plurielles que en-US.ftl.

number = { $value }
list-comma = { $first }, { $next }
list-and = { $first } et { $last }

## Fin d'une tâche
ending-submit-unknown = Le service vidéo n'a pas confirmé cette demande : elle a peut-être démarré, peut-être pas. Je ne la renverrai pas de moi-même, pour ne pas payer deux fois, et elle ne compte pas dans tes limites : appuie sur Réessayer pour la refaire.
ending-cancelled-by-user = Annulé. Le service vidéo ne peut pas arrêter une tâche déjà lancée, elle peut donc encore se terminer (et être payée) de son côté, mais j'ai cessé de l'attendre et libéré la place.
ending-cancelled-queued = Annulé avant de commencer ; rien n'a été envoyé au service vidéo.
ending-timed-out = Le service vidéo a mis trop de temps, j'ai donc cessé d'attendre ce clip.
ending-no-clip = Le service vidéo a dit que le clip était prêt mais ne me l'a jamais donné, j'ai donc cessé de l'attendre.
ending-cancelled-by-api = Le service vidéo a annulé cette tâche.
ending-delivery-failed = Le clip a été fait, mais je n'ai pas pu le récupérer à temps auprès du service vidéo.
ending-gave-up = Quelque chose a échoué de mon côté pendant cette tâche, encore et encore, alors j'ai arrêté. Elle ne compte pas dans tes limites : appuie sur Réessayer pour recommencer.
ending-gave-up-before-start = Quelque chose a échoué de mon côté avant le début de cette tâche, alors j'ai arrêté ; rien n'a été envoyé au service vidéo ni facturé. Réessaie /video.
ending-card-failed = Quelque chose a échoué de mon côté en publiant la carte de cette tâche, je l'ai donc abandonnée ; rien n'a été facturé. Réessaie.
paused-misconfigured = Le service vidéo est mal configuré en ce moment (il refuse la clé d'API de ce bot), aucune vidéo ne peut donc démarrer avant que ce soit réglé ; les tâches en attente démarreront alors d'elles-mêmes.
paused-out-of-credit = Le service vidéo n'a plus de crédit en ce moment, aucune vidéo ne peut donc démarrer avant que le compte soit rechargé ; les tâches en attente démarreront alors d'elles-mêmes.
paused-operator-told = { $sentence } L'opérateur a été prévenu.
refusal-shutting-down = Je redémarre en ce moment ; rien n'a été facturé. Réessaie dans une minute.

## Permissions, telles que Discord les nomme
permission-view-channel = Voir le salon
permission-send-messages = Envoyer des messages
permission-send-messages-in-threads = Envoyer des messages dans les fils
permission-embed-links = Intégrer des liens
permission-attach-files = Joindre des fichiers
permission-read-message-history = Voir les anciens messages
refusal-missing-permissions = { $where ->
    [thread] Je ne peux pas publier de vidéos ici : il me manque { $count ->
        [one] la permission
       *[other] les permissions
    } { $permissions } dans ce fil. Un admin du serveur peut { $count ->
        [one] me l'accorder
       *[other] me les accorder
    } dans les paramètres du salon parent (Permissions → { $role }). Rien n'a été facturé.
   *[channel] Je ne peux pas publier de vidéos ici : il me manque { $count ->
        [one] la permission
       *[other] les permissions
    } { $permissions } dans ce salon. Un admin du serveur peut { $count ->
        [one] me l'accorder
       *[other] me les accorder
    } dans les paramètres du salon (Permissions → { $role }). Rien n'a été facturé.
}
ending-task-unknown = Le service vidéo ne connaît plus cette tâche.

## Le service vidéo
api-safety = Le filtre de sécurité du service vidéo a bloqué cette demande, aucun clip n'a été fait. Essaie une autre description ou d'autres références.
api-failed = Le service vidéo n'a pas pu faire ce clip. Appuie sur Réessayer pour recommencer.
api-failed-no-reason = Le service vidéo n'a pas pu faire ce clip et n'a donné aucune raison. Appuie sur Réessayer pour recommencer.
api-reference-failed = Le service vidéo n'a pas pu utiliser les fichiers de référence, aucun clip n'a été fait. Essaie d'autres images ou clips.
api-refused = Le service vidéo a refusé cette demande comme invalide, rien n'a été fait ni facturé.
api-refused-no-prompt = Le service vidéo a besoin d'une description ou d'une référence pour faire un clip.
api-refused-too-many-images = Le service vidéo accepte au plus 16 images de référence.
api-refused-too-many-videos = Le service vidéo n'accepte qu'un seul clip de référence.
api-refused-video-with-extend = Un clip de référence ne peut pas être combiné avec Prolonger.
api-refused-parent-unfinished = Le clip à continuer n'est pas encore terminé au service vidéo, il ne peut donc pas encore être prolongé.
api-refused-clip-length = Le clip de référence doit durer entre 1 et 24 secondes.
api-refused-image-format = Le service vidéo n'accepte que des images de référence PNG ou JPEG.
api-refused-model = Le service vidéo ne propose pas le modèle configuré pour ce bot ; l'opérateur doit corriger les réglages du bot.
api-refused-reference = Le service vidéo n'a pas pu récupérer ou lire un fichier de référence. Essaie de le joindre à nouveau.
rejected-key-refused = Le service vidéo a refusé la clé d'API de ce bot, cette tâche n'a donc pas pu démarrer.
rejected-out-of-credit = Le service vidéo n'a plus de crédit, cette tâche n'a donc pas pu démarrer.
rejected-model-not-allowed = Le service vidéo n'autorise pas ce bot à utiliser ce modèle ; l'opérateur doit vérifier.
rejected-parent-unknown = Le service vidéo ne connaît plus le clip à continuer, il ne peut donc pas être prolongé.
rejected-reference-too-large = Un fichier de référence est trop lourd pour le service vidéo (20 Mo au plus).
rejected-reference-gone = Le fichier de référence { $filename } n'est plus conservé, on ne peut donc pas refaire ceci : joins-le à nouveau avec /video.
rejected-reference-link-expired = Le lien du clip de référence { $filename } a expiré et le clip est trop lourd pour être envoyé directement : joins-le à nouveau avec /video.

## Limites
limit-user-concurrent = Tu as déjà { $active } de tes { $limit } vidéos en cours ; lance-en une autre quand l'une d'elles sera finie.
limit-user-queue = Tu as { $active } vidéos en cours et { $lined } en attente dans ta file (le maximum permis par ce serveur) ; attends qu'une se termine.
limit-cooldown = Attends { $seconds } s entre deux vidéos ; tu pourras lancer la suivante { $when }.
limit-user-daily = Tu as fait { $made } de tes { $limit } vidéos aujourd'hui ; ton quota se renouvelle { $when }.
limit-guild-daily = Ce serveur a fait { $made } de ses { $limit } vidéos aujourd'hui ; le quota du serveur se renouvelle { $when }.
limit-budget = Le bot a utilisé { $used } de ses { $budget } crédits aujourd'hui, pas assez pour une autre vidéo ; le budget se renouvelle { $when }.
access-banned = Tu n'as pas le droit de faire des vidéos sur ce serveur.
access-paused = Les modérateurs de ce serveur ont mis la création de vidéos en pause.
access-channel = On ne peut pas faire de vidéos dans ce salon ; utilise { $channels }.
access-role = Il te faut l'un des rôles vidéo de ce serveur pour faire des vidéos ici.
extend-unknown = Je ne connais plus ce clip, il ne peut donc pas être prolongé.
extend-unfinished = Seul un clip terminé peut être prolongé, et celui-ci ne s'est pas terminé.
extend-too-old = Ce clip est trop ancien pour être prolongé : les clips peuvent être prolongés pendant { $hours } heures après leur création.
repeat-unknown = Je ne connais plus ce clip.
repeat-unfinished = Cette tâche n'est pas encore terminée ; attends-la avant de la refaire.
repeat-files-gone = Les fichiers de référence de ce clip ne sont plus conservés (ils le sont { $days } jours) : lance un nouveau /video en les joignant.
repeat-parent-extend-unknown = Ce clip en continue un précédent, qui ne peut plus être continué : je ne connais plus ce clip, il ne peut donc pas être prolongé.
repeat-parent-extend-unfinished = Ce clip en continue un précédent, qui ne peut plus être continué : seul un clip terminé peut être prolongé, et celui-là ne s'est pas terminé.
repeat-parent-extend-too-old = Ce clip en continue un précédent, qui ne peut plus être continué : il est trop ancien pour être prolongé (les clips peuvent être prolongés pendant { $hours } heures après leur création).

## Références
size-mb = { NUMBER($mb, minimumFractionDigits: 1, maximumFractionDigits: 1) } Mo
media-that-file = Ce fichier
media-image-too-large = { $name } pèse { $size } ; les images doivent peser 20 Mo ou moins.
media-png-too-large = { $name } pèse { $size } une fois converti en PNG ; les images doivent peser 20 Mo ou moins.
media-not-an-image = { $name } n'est pas une image que je peux utiliser : joins un PNG, JPEG, WebP ou GIF.
media-image-damaged = { $name } semble abîmé ou incomplet, je n'ai pas pu le lire ; essaie de l'enregistrer à nouveau.
media-too-many-pixels = { $name } a trop de pixels pour que je l'ouvre sans risque ; joins une image plus petite.
media-too-many-megapixels = { $name } a trop de pixels pour que je l'ouvre sans risque (plus de { $limit } mégapixels) ; joins une image plus petite.
media-too-many-pixels-over = { $name } a trop de pixels pour que je l'ouvre sans risque (plus de { $limit } pixels) ; joins une image plus petite.
media-not-a-video = { $name } n'est pas une vidéo que je peux lire : joins une vidéo MP4, MOV ou WebM.
media-only-sound = { $name } n'a pas d'image, seulement du son : joins une vidéo MP4, MOV ou WebM.
media-picture-not-video = { $name } est une image, pas une vidéo : joins une vidéo MP4, MOV ou WebM.
media-no-duration = { $name } est abîmé : je n'ai pas pu savoir combien de temps il dure.
media-no-picture = { $name } est abîmé : je n'ai pu décoder aucune image.
media-clip-length = { $name } dure { NUMBER($seconds, minimumFractionDigits: 1, maximumFractionDigits: 1) } s ; une vidéo de référence doit durer de { $min } à { $max } s ({ $best } s ou moins, c'est mieux).
media-no-pictures = { $name } n'a aucune image.
media-join-failed = { $name } n'a pas pu être assemblé à partir de ses parties.
refs-too-many-images = Tu as joint { $count } images ; le service vidéo en accepte au plus { $limit }.
refs-too-many-videos = Tu as joint { $count } vidéos ; le service vidéo accepte au plus un clip de référence.
refs-video-with-extend = Une vidéo de référence ne peut pas être combinée avec Prolonger : prolonge le clip sans vidéo.
refs-link-expired = Je n'ai pas pu télécharger { $filename } : son lien a expiré. Joins le fichier à nouveau.
refs-download-failed = Je n'ai pas pu télécharger { $filename } depuis Discord pour le moment ; réessaie.
refs-larger-than = { $filename } pèse plus de { $size }, c'est trop.
refs-clip-too-large = { $filename } pèse { $size }, c'est trop pour un clip de référence.

## La carte d'une tâche
card-status-accepted = ⏳ En file d'attente
card-status-submitting = ⏳ Démarrage
card-status-submitted = ⏳ En attente du service vidéo
card-status-running = 🎬 Génération
card-status-completed = 📦 Finalisation
card-status-delivering = 📦 Publication du clip
card-status-delivered = ✅ Ta vidéo
card-status-rejected = ⚠️ Non démarrée
card-status-submit-unknown = ⚠️ Non confirmée
card-status-failed = ❌ Échec
card-status-cancelled = 🛑 Annulée
card-status-timed-out = ⌛ Délai dépassé
card-title-with-kind = { $title } ({ $kind })
card-kind-extend = prolongement
card-kind-remix = remix
card-kind-retry = nouvel essai
card-percent = { $percent } %
card-no-prompt = *(pas de description : références seulement)*
card-asked-by = Demandée par
card-aspect-ratio = Format
card-references = Références
card-refs-images = { $count ->
    [one] { $count } image
   *[other] { $count } images
}
card-refs-videos = { $count ->
    [one] { $count } vidéo
   *[other] { $count } vidéos
}
card-refs-none = aucune
card-credit-title = Crédit
card-credit = { $kind ->
    [extend] Continue le clip de <@{ $user }>
    [remix] Remix du clip de <@{ $user }>
    [retry] Nouvel essai du clip de <@{ $user }>
    [animate] Animé à partir du message de <@{ $user }>
   *[other] D'après le clip de <@{ $user }>
}
card-credit-from-job = { $kind ->
    [extend] Continue le clip de <@{ $user }> (tâche #{ $source_job })
    [remix] Remix du clip de <@{ $user }> (tâche #{ $source_job })
    [retry] Nouvel essai du clip de <@{ $user }> (tâche #{ $source_job })
    [animate] Animé à partir du message de <@{ $user }> (tâche #{ $source_job })
   *[other] D'après le clip de <@{ $user }> (tâche #{ $source_job })
}
card-queue = File d'attente
card-queue-place = Place { $place } dans la file
card-queue-place-slot = Place { $place } dans la file, en attente d'une place libre
card-line-place = { $place_ordinal ->
    [one] { $place }re
   *[other] { $place }e
} dans ta file — démarre quand l'une des tiennes se termine
card-waiting = En attente
card-progress = Progression
card-ready = Prête
card-eta = { $when } (estimation)
card-what-happened = Ce qui s'est passé
card-download-title = Téléchargement
card-download = Le clip est trop lourd pour être envoyé ici : [télécharge-le]({ $link })
card-download-expires = Le clip est trop lourd pour être envoyé ici : [télécharge-le]({ $link }) (le lien expire { $when })
card-footer = Tâche #{ $job }
card-footer-continues = { $footer } · continue la tâche #{ $parent }
ping-ready = <@{ $user }> ta vidéo est prête (tâche #{ $job }).
ping-ended = <@{ $user }> ta tâche vidéo #{ $job } est terminée : { $why }
ping-no-reason = elle n'a pas abouti.
giveup-cannot-post = Je ne peux pas publier dans ce salon.
giveup-cannot-post-any-more = Je ne peux plus publier dans ce salon.
giveup-no-clip = Le service vidéo a terminé mais n'a fourni aucun clip.
giveup-clip-expired = Le clip a expiré au service vidéo avant que je puisse le récupérer.
refusal-check-failed = Tu ne peux pas utiliser cette commande ici.
refusal-something-wrong = Quelque chose a échoué de mon côté ; rien n'a été facturé. Réessaie.

## /video et Animer avec l'IA
video-nothing-to-make = Dis-moi quoi faire : donne une description, ou joins une image ou une vidéo.
video-prompt-too-long = Ta description fait { $length } caractères ; limite-la à { $limit }.
animate-nothing = Ce message n'a aucune image ni vidéo que je puisse utiliser ; choisis un message avec une image ou un clip.
animate-again = Cette fenêtre Animer avec l'IA est trop ancienne ou a déjà servi ; utilise à nouveau Animer avec l'IA sur le message.
animate-modal-title = Animer avec l'IA
animate-modal-label = Que doit-il se passer ?
animate-modal-placeholder = Le chat tourne lentement la tête et fait un clin d'œil
cmd-video = video
cmd-video-desc = Crée une courte vidéo IA à partir d'une description et de références facultatives
cmd-video-opt-prompt = description
cmd-video-opt-prompt-desc = Ce qui doit se passer dans la vidéo (facultatif si tu joins une référence)
cmd-video-opt-image-n = image{ $n }
cmd-video-opt-image-n-desc = Une image de référence (PNG, JPEG, WebP ou GIF)
cmd-video-opt-video = video
cmd-video-opt-video-desc = Un clip de référence de 1–24 s (3 s ou moins, c'est mieux)
cmd-video-opt-aspect_ratio = format
cmd-video-opt-aspect_ratio-desc = Paysage 16:9 (par défaut) ou portrait 9:16
cmd-video-opt-private = privé
cmd-video-opt-private-desc = Envoie le résultat dans tes messages privés plutôt que dans ce salon
choice-16-9 = 16:9 (paysage)
choice-9-16 = 9:16 (portrait)
cmd-animate-with-ai = Animer avec l'IA
refusal-cannot-post = Je ne peux pas publier dans ce salon : il me faut ici les permissions { permission-view-channel }, { permission-send-messages }, { permission-embed-links } et { permission-attach-files }. Rien n'a été facturé.
refusal-dms-closed = Je ne peux pas t'envoyer de messages privés, je ne peux donc pas te livrer une vidéo privée : autorise les messages privés des membres du serveur (Confidentialité) et réessaie. Rien n'a été facturé.
refusal-no-dms = Les vidéos ne peuvent être faites que sur un serveur.
the-bot = le bot
iterate-private-owner-only = Seule la personne qui a demandé ce clip privé peut s'en servir comme base.
iterate-banned-there = Tu n'as pas le droit de faire des vidéos sur ce serveur-là.
iterate-paused-there = Les modérateurs de ce serveur-là ont mis la création de vidéos en pause.
iterate-other-server = Ce clip appartient à un autre serveur.
iterate-requester-only = Sur ce serveur, seule la personne qui a demandé un clip peut le prolonger, le remixer ou le réessayer.
started = Ta vidéo est en route, tâche #{ $job } : { $where }
started-where-dm = dans tes messages privés
started-where-soon = sa carte va apparaître dans ce salon sous peu

## Boutons
button-extend = Prolonger
button-remix = Remixer
button-retry = Réessayer
button-delete = Supprimer
button-story = Histoire
button-full-cut = Montage complet
button-cancel = Annuler
extend-cannot = Ce clip ne peut pas être prolongé.
remix-cannot = Ce clip ne peut pas être remixé.
retry-cannot = Ce clip ne peut pas être refait.
extend-remix-instead = { $problem } Tu peux le remixer à la place.
extend-modal-title = Prolonger ce clip
extend-modal-label = Que se passe-t-il ensuite ?
extend-no-prompt = Dis-moi ce qui se passe ensuite, pour que je sache comment continuer le clip.
remix-modal-title = Remixer ce clip
remix-modal-label = Description
remix-no-prompt = Donne une description au remix.
delete-not-yours = Seule la personne qui a demandé ce clip, ou un modérateur, peut le supprimer.
delete-failed = Je n'ai pas pu supprimer ce message.
delete-done = Le clip de la tâche #{ $job } a été supprimé.
cancel-unknown = Je ne connais plus cette tâche.
cancel-not-yours = Seule la personne qui a demandé cette vidéo, ou un modérateur, peut l'annuler.
cancel-already-ended = La tâche #{ $job } est déjà terminée, il n'y a rien à annuler.
cancel-too-late = La tâche #{ $job } s'est terminée avant que je puisse l'annuler.
cancel-done = Annulé.
story-pick-placeholder = Prolonger un segment…
kind-video = vidéo
kind-extend = prolongement
kind-remix = remix
kind-retry = nouvel essai
kind-animate = animation
segment-label = #{ $job } { $kind } par { $name }
segment-label-someone = #{ $job } { $kind } par quelqu'un
someone = quelqu'un
story-by = par { $name }
story-no-prompt = (pas de description)
story-clip-gone = clip plus conservé
story-branching-off = { $count ->
    [one] +{ $count } segment part d'ici
   *[other] +{ $count } segments partent d'ici
}
story-picture-title = { $count ->
    [one] Histoire de la tâche #{ $job } : { $count } segment depuis le premier clip
   *[other] Histoire de la tâche #{ $job } : { $count } segments depuis le premier clip
}
story-picture-title-hidden = { $title } · { $count } de plus dans l'arbre, non dessinés
story-alt = Storyboard : { $steps }
story-note-failed = échec
story-note-timed-out = délai dépassé
story-note-cancelled = annulée
story-note-rejected = non démarrée
story-note-submit-unknown = non confirmée
story-note-in-progress = en cours
story-caption-head = { $count ->
    [one] **Histoire de la tâche #{ $job }** : { $count } segment depuis le premier clip.
   *[other] **Histoire de la tâche #{ $job }** : { $count } segments depuis le premier clip.
}
story-caption-head-large = { $count ->
    [one] **Histoire de la tâche #{ $job }** : { $count } segment depuis le premier clip (un grand arbre : l'image montre le chemin jusqu'à ce clip et compte les branches).
   *[other] **Histoire de la tâche #{ $job }** : { $count } segments depuis le premier clip (un grand arbre : l'image montre le chemin jusqu'à ce clip et compte les branches).
}
story-caption-line = { $place }. { $label }
story-caption-line-link = { $place }. { $label } — <{ $link }>
story-caption-line-dm = { $place }. { $label } — en messages privés
story-caption-more = …et { $count } de plus : voir l'image.
story-caption-hidden = { $count ->
    [one] { $count } autre segment de cet arbre n'est pas dessiné.
   *[other] { $count } autres segments de cet arbre ne sont pas dessinés.
}
story-unknown-job = Je ne connais aucune tâche #{ $job } que tu puisses voir.
cmd-story = histoire
cmd-story-desc = Comment un clip est né : un storyboard de ses segments
cmd-story-opt-job = tâche
cmd-story-opt-job-desc = Le numéro de la tâche (le pied de la carte indique Tâche #N)
fullcut-caption = **Montage complet de la tâche #{ $job }** ({ $steps }), fait par { $names }.
fullcut-undelivered = Pour un montage complet, tous les clips jusqu'à celui-ci doivent avoir été livrés.
fullcut-part-gone = Le clip de la tâche #{ $job } n'est plus conservé (les clips sont gardés tant qu'on peut les prolonger), je ne peux donc pas faire le montage complet.
fullcut-join-failed = Je n'ai pas pu assembler les clips de cette branche en une seule vidéo.
fullcut-too-long = Le montage complet est trop long pour la limite d'envoi de Discord ici, même réencodé.

## /quota, /jobs, /help
quota-title = Ton quota de vidéos
quota-right-now = En ce moment
quota-resets = se renouvelle { $when }
quota-user-today = Tes vidéos aujourd'hui
quota-user-active = Tes vidéos en cours
quota-cooldown = Délai entre vidéos
quota-guild-today = Vidéos de ce serveur aujourd'hui
quota-budget = Budget de crédits du bot aujourd'hui
quota-count-unlimited = { $used } (sans limite)
quota-count = { $used } sur { $limit } utilisées, { $left } restantes
quota-with-reset = { $text } · { $reset }
quota-cooldown-none = Aucun
quota-cooldown-wait = { $seconds } s entre deux vidéos ; la prochaine peut démarrer { $when }
quota-cooldown-ready = { $seconds } s entre deux vidéos ; tu peux en lancer une maintenant
quota-budget-none = { NUMBER($used, minimumFractionDigits: 1, maximumFractionDigits: 1) } crédits utilisés (pas de budget)
quota-budget-left = { NUMBER($used, minimumFractionDigits: 1, maximumFractionDigits: 1) } sur { $budget } crédits utilisés, { NUMBER($left, minimumFractionDigits: 1, maximumFractionDigits: 1) } restants (environ { $videos } vidéos)
jobs-none = Tu n'as pas encore de vidéos.
jobs-title = Tes vidéos récentes
jobs-footer = { $count ->
    [one] Ta tâche la plus récente
   *[other] Tes { $count } tâches les plus récentes, de la plus récente à la plus ancienne
}
jobs-kind = ({ $kind })
jobs-card-link = [carte]({ $link })
jobs-status-accepted = ⏳ en file d'attente
jobs-status-submitting = ⏳ démarrage
jobs-status-submitted = ⏳ en attente du service vidéo
jobs-status-running = 🎬 génération
jobs-status-completed = 📦 finalisation
jobs-status-delivering = 📦 publication
jobs-status-delivered = ✅ livrée
jobs-status-rejected = ⚠️ non démarrée
jobs-status-submit-unknown = ⚠️ non confirmée
jobs-status-failed = ❌ échec
jobs-status-cancelled = 🛑 annulée
jobs-status-timed-out = ⌛ délai dépassé
help-title = Faire des vidéos
help-about = Je transforme une description — et, si tu veux, des images de référence ou un court clip — en courte vidéo IA, publiée dans le salon avec des boutons pour continuer. Chaque vidéo coûte de vrais crédits, il y a donc des limites.
help-options-title = Options de /video
help-options =
    `{ cmd-video-opt-prompt }` — ce qui doit se passer (facultatif si tu joins une référence)
    `{ $first_image }` … `{ $last_image }` — images de référence (PNG, JPEG, WebP ou GIF)
    `{ cmd-video-opt-video }` — un clip de référence de 1–24 s (3 s ou moins, c'est mieux)
    `{ cmd-video-opt-aspect_ratio }` — `16:9` paysage (par défaut) ou `9:16` portrait
    `{ cmd-video-opt-private }` — livre le clip dans tes messages privés plutôt que dans le salon
help-buttons-title = Sous un clip
help-buttons =
    {"**"}Prolonger** — continue le clip avec ce qui se passe ensuite
    {"**"}Remixer** — une nouvelle version avec une autre description
    {"**"}Réessayer** — la même demande une nouvelle fois
    {"**"}Supprimer** — retire le clip (la personne qui l'a demandé ou un modérateur)
    {"**"}Histoire** — une image de la naissance du clip (aussi `/{ cmd-story } { cmd-story-opt-job }:`)
    {"**"}Montage complet** — tout le chemin du premier clip jusqu'à celui-ci, en un seul clip
    {"**"}Annuler** — arrête une vidéo encore en cours ou en attente dans ta file
    Menu de message **Applications → Animer avec l'IA** — transforme les images ou le clip d'un message en vidéo
help-examples-title = Exemples
help-examples =
    `/video { cmd-video-opt-prompt }: un bateau en papier descend une rue pluvieuse, cinématographique`
    `/video { cmd-video-opt-prompt }: elle fait coucou à la caméra { $first_image }: (ta photo) { cmd-video-opt-aspect_ratio }: 9:16`
    `/video { cmd-video-opt-video }: (un clip de 3 s) { cmd-video-opt-prompt }: la caméra s'envole dans les nuages { cmd-video-opt-private }: True`
help-more-title = Autres commandes
help-more =
    `/{ cmd-quota }` — ton quota · `/{ cmd-jobs }` — tes vidéos récentes · `/videoadmin` — réglages du serveur
    Tu as atteint ta limite de vidéos en cours ? Quelques-unes de plus attendent dans ta propre file et démarrent quand les tiennes se terminent.
cmd-quota = quota
cmd-quota-desc = Combien de vidéos tu peux encore faire, et quand cela se renouvelle
cmd-jobs = taches
cmd-jobs-desc = Tes vidéos récentes, avec leur état et un lien vers chacune
cmd-help = aide
cmd-help-desc = Ce que fait ce bot, comment utiliser /video, et tes limites

## /videoadmin
admin-need-manage = Il te faut la permission Gérer le serveur pour modifier les réglages vidéo.
admin-and-more = … et { $count } de plus
admin-value-no-line = pas de file (refus à la limite)
admin-value-seconds = { $seconds } s
admin-value-none = aucun
admin-value-count = { $count }
admin-value-no-limit = sans limite
admin-limit-user_daily_limit = vidéos par membre et par jour
admin-limit-user_concurrent_limit = vidéos en cours par membre
admin-limit-user_queue_limit = vidéos en attente dans la file d'un membre
admin-limit-guild_daily_limit = vidéos par serveur et par jour
admin-limit-cooldown_seconds = le délai entre deux vidéos
admin-limit-label-user_daily_limit = Vidéos par membre et par jour
admin-limit-label-user_concurrent_limit = Vidéos en cours par membre
admin-limit-label-user_queue_limit = Vidéos en attente dans la file d'un membre
admin-limit-label-guild_daily_limit = Vidéos par serveur et par jour
admin-limit-label-cooldown_seconds = Délai entre deux vidéos
admin-limit-line = { $label } : **{ $value }** ({ $source })
admin-source-server = réglage de ce serveur ; par défaut du bot { $default }
admin-source-default = par défaut
admin-limit-set-part = { $name } à { $value }
admin-limits-nothing = Rien n'a changé : indique au moins une limite, ou `{ cmd-videoadmin-limits-opt-reset }: True`.
admin-limits-set = Réglé { $parts } sur ce serveur.
admin-limits-reset = Limites de ce serveur remises aux valeurs par défaut du bot.
admin-limits-reset-then-set = Limites de ce serveur remises aux valeurs par défaut du bot, puis réglé { $parts }.
admin-channel-rule-open = on peut désormais faire des vidéos dans n'importe quel salon
admin-channel-rule-closed = on ne peut désormais faire des vidéos que dans { $listed }
admin-role-rule-open = tout le monde peut désormais faire des vidéos
admin-role-rule-closed = seuls les membres avec { $listed } (et les modérateurs) peuvent désormais faire des vidéos
admin-list-already-empty = { $kind ->
    [role] La liste des rôles autorisés est déjà vide ; rien n'a changé.
   *[channel] La liste des salons autorisés est déjà vide ; rien n'a changé.
}
admin-list-cleared = { $kind ->
    [role] Liste des rôles autorisés vidée : { $rule }.
   *[channel] Liste des salons autorisés vidée : { $rule }.
}
admin-list-pick = { $kind ->
    [role] { $action ->
        [allow] Choisis le rôle à autoriser ; rien n'a changé.
       *[disallow] Choisis le rôle à retirer ; rien n'a changé.
    }
   *[channel] { $action ->
        [allow] Choisis le salon à autoriser ; rien n'a changé.
       *[disallow] Choisis le salon à retirer ; rien n'a changé.
    }
}
admin-list-already-allowed = { $named } est déjà autorisé ; rien n'a changé.
admin-list-full = { $kind ->
    [role] La liste contient au plus { $limit } rôles ; rien n'a changé.
   *[channel] La liste contient au plus { $limit } salons ; rien n'a changé.
}
admin-list-allowed = { $named } autorisé : { $rule }.
admin-list-not-on = { $named } n'est pas dans la liste, rien n'a donc changé.
admin-list-removed = { $named } retiré de la liste : { $rule }.
admin-show-title = Réglages vidéo de ce serveur
admin-show-limits = Limites
admin-show-bot-wide = Pour tout le bot (fixé par l'opérateur, pas par serveur)
admin-show-bot-wide-value =
    Vidéos générées en même temps, tous serveurs : **{ $jobs }**
    Budget quotidien de crédits, tous serveurs : { $budget }
admin-show-budget = **{ $budget } crédits**
admin-show-budget-videos = **{ $budget } crédits** (environ { $videos } vidéos)
admin-show-budget-none = **aucun**
admin-show-channels = Salons
admin-show-any-channel = N'importe quel salon
admin-show-roles = Rôles
admin-show-roles-listed = { $roles } (et les modérateurs)
admin-show-everyone = Tout le monde
admin-show-generation = Génération
admin-show-paused = ⏸️ en pause
admin-show-running = ▶️ active
admin-show-iteration = Prolonger / Remixer / Réessayer
admin-show-requester-only = seulement la personne qui l'a demandé (et les modérateurs)
admin-show-anyone = toute personne qui peut faire des vidéos
admin-show-banned = Membres bannis
admin-show-banned-list = { $count } : { $members }
admin-ban-already = <@{ $user }> est déjà banni des vidéos ici ; rien n'a changé.
admin-ban-done = <@{ $user }> ne peut plus faire de vidéos sur ce serveur.
admin-unban-not-banned = <@{ $user }> n'est pas banni ici ; rien n'a changé.
admin-unban-done = <@{ $user }> peut à nouveau faire des vidéos sur ce serveur.
admin-pause-already = La création de vidéos est déjà en pause sur ce serveur ; rien n'a changé.
admin-pause-not-paused = La création de vidéos n'est pas en pause sur ce serveur ; rien n'a changé.
admin-pause-done = Création de vidéos mise en pause sur ce serveur : les nouvelles vidéos sont refusées jusqu'à `/videoadmin { cmd-videoadmin-resume }` (celles en cours se terminent).
admin-resume-done = Création de vidéos reprise sur ce serveur : les membres peuvent de nouveau faire des vidéos.
admin-requester-only-already-on = L'option « seulement le demandeur » est déjà activée ; rien n'a changé.
admin-requester-only-already-off = L'option « seulement le demandeur » est déjà désactivée ; rien n'a changé.
admin-requester-only-on = Seule la personne qui a demandé un clip (et les modérateurs) peut désormais le Prolonger, le Remixer ou le Réessayer.
admin-requester-only-off = Toute personne qui peut faire des vidéos ici peut désormais Prolonger, Remixer ou Réessayer n'importe quel clip.
admin-usage-none = Aucune vidéo n'a été faite sur ce serveur ces { $days } derniers jours.
admin-usage-day = Jour
admin-usage-member = Membre
admin-usage-clips = Clips
admin-usage-done = OK
admin-usage-fail = Échec
admin-usage-credits = Crédits
admin-usage-more-rows = … et { $count } lignes de plus dans usage.csv
admin-usage-title = Utilisation vidéo sur ce serveur, { $days } derniers jours
admin-usage-totals = Totaux
admin-usage-totals-value = { $clips } clips par { $members } membres · { $delivered } livrés · { $failed } échoués · { NUMBER($credits, minimumFractionDigits: 1, maximumFractionDigits: 1) } crédits
admin-usage-footer = Par membre et par jour UTC.
admin-usage-footer-file = Par membre et par jour UTC. Le rapport complet est joint en usage.csv.
cmd-videoadmin = videoadmin
cmd-videoadmin-desc = Réglages vidéo de ce serveur (Gérer le serveur)
cmd-videoadmin-show = afficher
cmd-videoadmin-show-desc = Affiche les limites et réglages vidéo de ce serveur
cmd-videoadmin-limits = limites
cmd-videoadmin-limits-desc = Règle les limites vidéo de ce serveur (0 = sans limite)
cmd-videoadmin-limits-opt-user_daily = par_membre_par_jour
cmd-videoadmin-limits-opt-user_daily-desc = Vidéos que chaque membre peut faire par jour UTC (0 = sans limite)
cmd-videoadmin-limits-opt-user_concurrent = par_membre_en_même_temps
cmd-videoadmin-limits-opt-user_concurrent-desc = Vidéos que chaque membre peut avoir en cours à la fois (0 = sans limite)
cmd-videoadmin-limits-opt-user_queue = file_par_membre
cmd-videoadmin-limits-opt-user_queue-desc = Vidéos qu'un membre à cette limite peut avoir en attente dans sa file (0 = aucune)
cmd-videoadmin-limits-opt-guild_daily = serveur_par_jour
cmd-videoadmin-limits-opt-guild_daily-desc = Vidéos que tout le serveur peut faire par jour UTC (0 = sans limite)
cmd-videoadmin-limits-opt-cooldown = délai
cmd-videoadmin-limits-opt-cooldown-desc = Secondes d'attente d'un membre entre deux vidéos (0 = aucune)
cmd-videoadmin-limits-opt-reset = réinitialiser
cmd-videoadmin-limits-opt-reset-desc = Oublie les limites de ce serveur et reprend les valeurs par défaut du bot
cmd-videoadmin-channel = salon
cmd-videoadmin-channel-desc = Choisis les salons où l'on peut faire des vidéos
cmd-videoadmin-channel-opt-action = action
cmd-videoadmin-channel-opt-action-desc = autorise ou retire un salon, ou vide la liste (alors tous les salons sont autorisés)
cmd-videoadmin-channel-opt-channel = salon
cmd-videoadmin-channel-opt-channel-desc = Le salon (par défaut : celui-ci)
cmd-videoadmin-role = rôle
cmd-videoadmin-role-desc = Choisis les rôles qui peuvent faire des vidéos
cmd-videoadmin-role-opt-action = action
cmd-videoadmin-role-opt-action-desc = autorise ou retire un rôle, ou vide la liste (alors tout le monde peut faire des vidéos)
cmd-videoadmin-role-opt-role = rôle
cmd-videoadmin-role-opt-role-desc = Le rôle (nécessaire pour autoriser et retirer)
choice-allow = autoriser (ajouter à la liste)
choice-disallow = retirer (enlever de la liste)
choice-clear = vider (liste vide : aucune restriction)
cmd-videoadmin-ban = bannir
cmd-videoadmin-ban-desc = Empêche un membre de faire des vidéos sur ce serveur
cmd-videoadmin-ban-opt-user = membre
cmd-videoadmin-ban-opt-user-desc = Le membre qui ne pourra plus faire de vidéos ici
cmd-videoadmin-unban = débannir
cmd-videoadmin-unban-desc = Permet à nouveau à un membre banni de faire des vidéos
cmd-videoadmin-unban-opt-user = membre
cmd-videoadmin-unban-opt-user-desc = Le membre qui pourra de nouveau faire des vidéos ici
cmd-videoadmin-pause = pause
cmd-videoadmin-pause-desc = Met en pause la création de vidéos sur ce serveur
cmd-videoadmin-resume = reprendre
cmd-videoadmin-resume-desc = Reprend la création de vidéos sur ce serveur
cmd-videoadmin-requester_only = seulement_demandeur
cmd-videoadmin-requester_only-desc = Si seule la personne qui a demandé un clip peut le Prolonger, Remixer ou Réessayer
cmd-videoadmin-requester_only-opt-enabled = activé
cmd-videoadmin-requester_only-opt-enabled-desc = True : le demandeur seul (et les modérateurs) ; False : quiconque peut faire des vidéos
cmd-videoadmin-usage = utilisation
cmd-videoadmin-usage-desc = Vidéos, échecs et crédits par membre et par jour (30 jours)
