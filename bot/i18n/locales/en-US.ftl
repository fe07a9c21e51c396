# English (United States): the source catalog. Every member-facing text of the bot is here.
# Placeholders are Fluent variables ({ $name }); counts choose their plural form with a selector.

number = { $value }

## Lists
list-comma = { $first }, { $next }
list-and = { $first } and { $last }

## Endings of a job (shown on its card and in the ping)
ending-submit-unknown = The video service did not confirm this request, so it may or may not have started. I won't send it again on my own, to avoid paying twice, and it does not count against your limits: press Retry to make it again.
ending-cancelled-by-user = Cancelled. The video service cannot stop a job it has started, so it may still finish (and be paid for) on its side, but I stopped waiting for it and freed the slot.
ending-cancelled-queued = Cancelled before it started; nothing was sent to the video service.
ending-timed-out = The video service took too long, so I stopped waiting for this clip.
ending-no-clip = The video service said the clip was finished but never gave it to me, so I stopped waiting for it.
ending-cancelled-by-api = The video service cancelled this job.
ending-delivery-failed = The clip was made, but I could not fetch it from the video service in time.
ending-gave-up = Something went wrong on my side while working on this job, and it kept going wrong, so I stopped. It does not count against your limits: press Retry to try again.
ending-gave-up-before-start = Something went wrong on my side before this job started, so I stopped; nothing was sent to the video service and nothing was charged. Please try /video again.
ending-card-failed = Something went wrong on my side while posting this job's card, so I dropped the job; nothing was charged. Please try again.

## Submits paused (401/402)
paused-misconfigured = The video service is misconfigured right now (it refuses this bot's API key), so no video can start until that is fixed; waiting jobs then start by themselves.
paused-out-of-credit = The video service is out of credit right now, so no video can start until the account is topped up; waiting jobs then start by themselves.
paused-operator-told = { $sentence } The operator has been told.

refusal-shutting-down = I'm restarting right now; nothing was charged. Please try again in a minute.

## Permissions, as Discord names them on a channel's Permissions page
permission-view-channel = View Channel
permission-send-messages = Send Messages
permission-send-messages-in-threads = Send Messages in Threads
permission-embed-links = Embed Links
permission-attach-files = Attach Files
permission-read-message-history = Read Message History
refusal-missing-permissions = { $where ->
    [thread] I can't post videos here: I'm missing the { $permissions } { $count ->
        [one] permission
       *[other] permissions
    } in this thread. A server admin can grant { $count ->
        [one] it
       *[other] them
    } in its parent channel's settings (Permissions → { $role }). Nothing was charged.
   *[channel] I can't post videos here: I'm missing the { $permissions } { $count ->
        [one] permission
       *[other] permissions
    } in this channel. A server admin can grant { $count ->
        [one] it
       *[other] them
    } in the channel's settings (Permissions → { $role }). Nothing was charged.
}
ending-task-unknown = The video service no longer knows this job.

## The video service's refusals and failures, in our words
api-safety = The video service's safety filter blocked this request, so no clip was made. Try a different prompt or other references.
api-failed = The video service could not make this clip. Press Retry to try again.
api-failed-no-reason = The video service could not make this clip, and gave no reason. Press Retry to try again.
api-reference-failed = The video service could not use the reference files, so no clip was made. Try other images or clips.
api-refused = The video service refused this request as invalid, so nothing was made or charged.
api-refused-no-prompt = The video service needs a prompt or a reference to make a clip.
api-refused-too-many-images = The video service takes at most 16 reference images.
api-refused-too-many-videos = The video service takes only one reference clip.
api-refused-video-with-extend = A reference clip cannot be combined with Extend.
api-refused-parent-unfinished = The clip to continue is not finished at the video service, so it cannot be extended yet.
api-refused-clip-length = The reference clip must be between 1 and 24 seconds long.
api-refused-image-format = The video service only takes PNG or JPEG reference images.
api-refused-model = The video service does not offer the model this bot is set to use; the operator needs to fix the bot's settings.
api-refused-reference = The video service could not fetch or read a reference file. Try attaching it again.
rejected-key-refused = The video service refused this bot's API key, so this job could not start.
rejected-out-of-credit = The video service is out of credit, so this job could not start.
rejected-model-not-allowed = The video service does not allow this bot to use this model; the operator needs to check it.
rejected-parent-unknown = The clip to continue is no longer known to the video service, so it cannot be extended.
rejected-reference-too-large = A reference file is too large for the video service (20 MB at most).
rejected-reference-gone = The reference file { $filename } is no longer kept, so this can't be made again: attach it again with /video.
rejected-reference-link-expired = The link to the reference clip { $filename } has expired and the clip is too large to send inline: attach it again with /video.

## Limits (admission refusals); { $when } is a Discord timestamp such as <t:1700000000:R>
limit-user-concurrent = You already have { $active } of your { $limit } videos in progress; start another when one of them finishes.
limit-user-queue = You have { $active } videos in progress and { $lined } waiting in your line (the most this server allows); wait for one to finish.
limit-cooldown = Please wait { $seconds } s between videos; you can start the next one { $when }.
limit-user-daily = You've made { $made } of your { $limit } videos today; your allowance resets { $when }.
limit-guild-daily = This server has made { $made } of its { $limit } videos today; the server's allowance resets { $when }.
limit-budget = The bot has used { $used } of its { $budget } credits today, not enough for another video; the budget resets { $when }.

## Who may make videos where
access-banned = You are not allowed to make videos on this server.
access-paused = Video generation is paused on this server by its moderators.
access-channel = Videos can't be made in this channel; use { $channels }.
access-role = You need one of this server's video roles to make videos here.

## Extend, Remix, Retry: why not
extend-unknown = I don't know that clip any more, so it cannot be extended.
extend-unfinished = Only a finished clip can be extended, and this one did not finish.
extend-too-old = This clip is too old to extend: clips can be extended for { $hours } hours after they are made.
repeat-unknown = I don't know that clip any more.
repeat-unfinished = This job has not finished yet; wait for it before making it again.
repeat-files-gone = The reference files of this clip are no longer kept (they are kept { $days } days): start a new /video with them attached.
repeat-parent-extend-unknown = This clip continues an earlier one, and that one can't be continued any more: I don't know that clip any more, so it cannot be extended.
repeat-parent-extend-unfinished = This clip continues an earlier one, and that one can't be continued any more: only a finished clip can be extended, and this one did not finish.
repeat-parent-extend-too-old = This clip continues an earlier one, and that one can't be continued any more: this clip is too old to extend: clips can be extended for { $hours } hours after they are made.

## References: attached images and clips
size-mb = { NUMBER($mb, minimumFractionDigits: 1, maximumFractionDigits: 1) } MB
media-that-file = That file
media-image-too-large = { $name } is { $size }; images must be 20 MB or smaller.
media-png-too-large = { $name } is { $size } once converted to PNG; images must be 20 MB or smaller.
media-not-an-image = { $name } is not an image I can use: attach a PNG, JPEG, WebP or GIF.
media-image-damaged = { $name } looks damaged or incomplete, so I couldn't read it; try saving it again.
media-too-many-pixels = { $name } has too many pixels for me to open safely; attach a smaller image.
media-too-many-megapixels = { $name } has too many pixels for me to open safely (over { $limit } megapixels); attach a smaller image.
media-too-many-pixels-over = { $name } has too many pixels for me to open safely (over { $limit } pixels); attach a smaller image.
media-not-a-video = { $name } is not a video I can read: attach an MP4, MOV or WebM video.
media-only-sound = { $name } has no picture, only sound: attach an MP4, MOV or WebM video.
media-picture-not-video = { $name } is a picture, not a video: attach an MP4, MOV or WebM video.
media-no-duration = { $name } is damaged: I couldn't tell how long it is.
media-no-picture = { $name } is damaged: I couldn't decode a single picture from it.
media-clip-length = { $name } is { NUMBER($seconds, minimumFractionDigits: 1, maximumFractionDigits: 1) } s long; a reference video must be { $min }–{ $max } s ({ $best } s or less works best).
media-no-pictures = { $name } has no pictures.
media-join-failed = { $name } could not be joined from its parts.
refs-too-many-images = You attached { $count } images; the video service takes at most { $limit }.
refs-too-many-videos = You attached { $count } videos; the video service takes at most one reference clip.
refs-video-with-extend = A reference video cannot be combined with Extend: extend the clip without a video.
refs-link-expired = I couldn't download { $filename }: its link has expired. Attach the file again.
refs-download-failed = I couldn't download { $filename } from Discord right now; try again.
refs-larger-than = { $filename } is larger than { $size }, which is too large.
refs-clip-too-large = { $filename } is { $size }, which is too large for a reference clip.

## The job card (public: shown in the server's language)
card-status-accepted = ⏳ Queued
card-status-submitting = ⏳ Starting
card-status-submitted = ⏳ Waiting for the video service
card-status-running = 🎬 Generating
card-status-completed = 📦 Finishing
card-status-delivering = 📦 Posting the clip
card-status-delivered = ✅ Your video
card-status-rejected = ⚠️ Not started
card-status-submit-unknown = ⚠️ Unconfirmed
card-status-failed = ❌ Failed
card-status-cancelled = 🛑 Cancelled
card-status-timed-out = ⌛ Timed out
card-title-with-kind = { $title } ({ $kind })
card-kind-extend = extend
card-kind-remix = remix
card-kind-retry = retry
card-percent = { $percent }%
card-no-prompt = *(no prompt: references only)*
card-asked-by = Asked by
card-aspect-ratio = Aspect ratio
card-references = References
card-refs-images = { $count ->
    [one] { $count } image
   *[other] { $count } images
}
card-refs-videos = { $count ->
    [one] { $count } video
   *[other] { $count } videos
}
card-refs-none = none
card-credit-title = Credit
card-credit = { $kind ->
    [extend] Continues <@{ $user }>'s clip
    [remix] Remixed from <@{ $user }>'s clip
    [retry] Retried from <@{ $user }>'s clip
    [animate] Animated from <@{ $user }>'s message
   *[other] Based on <@{ $user }>'s clip
}
card-credit-from-job = { $kind ->
    [extend] Continues <@{ $user }>'s clip (job #{ $source_job })
    [remix] Remixed from <@{ $user }>'s clip (job #{ $source_job })
    [retry] Retried from <@{ $user }>'s clip (job #{ $source_job })
    [animate] Animated from <@{ $user }>'s message (job #{ $source_job })
   *[other] Based on <@{ $user }>'s clip (job #{ $source_job })
}
card-queue = Queue
card-queue-place = Place { $place } in line
card-queue-place-slot = Place { $place } in line, waiting for a free slot
card-line-place = { $place_ordinal ->
    [one] { $place }st
    [two] { $place }nd
    [few] { $place }rd
   *[other] { $place }th
} in your line — starts when one of yours finishes
card-waiting = Waiting
card-progress = Progress
card-ready = Ready
card-eta = { $when } (estimate)
card-what-happened = What happened
card-download-title = Download
card-download = The clip is too large to upload here: [download it]({ $link })
card-download-expires = The clip is too large to upload here: [download it]({ $link }) (link expires { $when })
card-footer = Job #{ $job }
card-footer-continues = { $footer } · continues job #{ $parent }
ping-ready = <@{ $user }> your video is ready (job #{ $job }).
ping-ended = <@{ $user }> your video job #{ $job } ended: { $why }
ping-no-reason = it did not finish.
giveup-cannot-post = I can't post in that channel.
giveup-cannot-post-any-more = I can no longer post in that channel.
giveup-no-clip = The video service finished but gave no clip.
giveup-clip-expired = The clip expired at the video service before I could fetch it.

## General answers
refusal-check-failed = You can't use this command here.
refusal-something-wrong = Something went wrong on my side; nothing was charged. Please try again.

## /video and Animate with AI
video-nothing-to-make = Tell me what to make: give a prompt, or attach an image or a video.
video-prompt-too-long = Your prompt is { $length } characters long; please keep it to { $limit }.
animate-nothing = That message has no image or video I can use; pick a message with a picture or a clip.
animate-again = That Animate with AI box is too old or was already used; use Animate with AI on the message again.
animate-modal-title = Animate with AI
animate-modal-label = What should happen?
animate-modal-placeholder = The cat slowly turns its head and winks

## Commands, options and choices (names: lowercase, no spaces, at most 32 characters; descriptions at most 100)
cmd-video = video
cmd-video-desc = Make a short AI video from a prompt and optional references
cmd-video-opt-prompt = prompt
cmd-video-opt-prompt-desc = What should happen in the video (optional when you attach a reference)
cmd-video-opt-image-n = image{ $n }
cmd-video-opt-image-n-desc = A reference image (PNG, JPEG, WebP or GIF)
cmd-video-opt-video = video
cmd-video-opt-video-desc = A reference clip, 1–24 s (3 s or less works best)
cmd-video-opt-aspect_ratio = aspect_ratio
cmd-video-opt-aspect_ratio-desc = Landscape 16:9 (default) or portrait 9:16
cmd-video-opt-private = private
cmd-video-opt-private-desc = Send the result to your direct messages instead of this channel
choice-16-9 = 16:9 (landscape)
choice-9-16 = 9:16 (portrait)
cmd-animate-with-ai = Animate with AI
refusal-cannot-post = I can't post in this channel: I need the { permission-view-channel }, { permission-send-messages }, { permission-embed-links } and { permission-attach-files } permissions here. Nothing was charged.
refusal-dms-closed = I can't send you direct messages, so I can't deliver a private video: allow direct messages from server members (Privacy Settings) and try again. Nothing was charged.
refusal-no-dms = Videos can only be made on a server.
the-bot = the bot
iterate-private-owner-only = Only the person who asked for this private clip can build on it.
iterate-banned-there = You are not allowed to make videos on that server.
iterate-paused-there = Video generation is paused on that server by its moderators.
iterate-other-server = That clip belongs to another server.
iterate-requester-only = On this server only the person who asked for a clip can extend, remix or retry it.
started = Your video is on its way as job #{ $job }: { $where }
started-where-dm = in your direct messages
started-where-soon = its card will appear in this channel shortly

## Buttons under a card and the boxes they open
button-extend = Extend
button-remix = Remix
button-retry = Retry
button-delete = Delete
button-story = Story
button-full-cut = Full cut
button-cancel = Cancel
extend-cannot = That clip cannot be extended.
remix-cannot = That clip cannot be remixed.
retry-cannot = That clip cannot be made again.
extend-remix-instead = { $problem } You can remix it instead.
extend-modal-title = Extend this clip
extend-modal-label = What happens next?
extend-no-prompt = Tell me what happens next, so I know how to continue the clip.
remix-modal-title = Remix this clip
remix-modal-label = Prompt
remix-no-prompt = Give the remix a prompt.
delete-not-yours = Only the person who asked for this clip, or a moderator, can delete it.
delete-failed = I couldn't delete that message.
delete-done = Deleted the clip of job #{ $job }.
cancel-unknown = I don't know that job any more.
cancel-not-yours = Only the person who asked for this video, or a moderator, can cancel it.
cancel-already-ended = Job #{ $job } has already ended, so there is nothing to cancel.
cancel-too-late = Job #{ $job } ended before I could cancel it.
cancel-done = Cancelled.
story-pick-placeholder = Extend a segment…
kind-video = video
kind-extend = extend
kind-remix = remix
kind-retry = retry
kind-animate = animate
segment-label = #{ $job } { $kind } by { $name }
segment-label-someone = #{ $job } { $kind } by someone

## Story and Full cut (only the presser sees them)
someone = someone
story-by = by { $name }
story-no-prompt = (no prompt)
story-clip-gone = clip no longer kept
story-branching-off = { $count ->
    [one] +{ $count } segment branching off
   *[other] +{ $count } segments branching off
}
story-picture-title = { $count ->
    [one] Story of job #{ $job }: { $count } segment from the first clip
   *[other] Story of job #{ $job }: { $count } segments from the first clip
}
story-picture-title-hidden = { $title } · { $count } more in the tree not drawn
story-alt = Storyboard: { $steps }
story-note-failed = failed
story-note-timed-out = timed out
story-note-cancelled = cancelled
story-note-rejected = not started
story-note-submit-unknown = unconfirmed
story-note-in-progress = in progress
story-caption-head = { $count ->
    [one] **Story of job #{ $job }**: { $count } segment from the first clip.
   *[other] **Story of job #{ $job }**: { $count } segments from the first clip.
}
story-caption-head-large = { $count ->
    [one] **Story of job #{ $job }**: { $count } segment from the first clip (a large tree: the picture shows the path to this clip and counts the branches).
   *[other] **Story of job #{ $job }**: { $count } segments from the first clip (a large tree: the picture shows the path to this clip and counts the branches).
}
story-caption-line = { $place }. { $label }
story-caption-line-link = { $place }. { $label } — <{ $link }>
story-caption-line-dm = { $place }. { $label } — in direct messages
story-caption-more = …and { $count } more: see the picture.
story-caption-hidden = { $count ->
    [one] { $count } more segment of this tree are not drawn.
   *[other] { $count } more segments of this tree are not drawn.
}
story-unknown-job = I don't know a job #{ $job } that you can see.
cmd-story = story
cmd-story-desc = How a clip came to be: a storyboard of its segments
cmd-story-opt-job = job
cmd-story-opt-job-desc = The job number (the card's footer says Job #N)
fullcut-caption = **Full cut of job #{ $job }** ({ $steps }), made by { $names }.
fullcut-undelivered = Every clip on the way to this one must have been delivered for a full cut.
fullcut-part-gone = The clip of job #{ $job } is no longer kept (clips are kept while they can still be extended), so I can't make the full cut.
fullcut-join-failed = I couldn't join the clips of this branch into one video.
fullcut-too-long = The full cut is too long to fit Discord's upload limit here, even re-encoded.

## /quota, /jobs, /help (only the member sees them)
quota-title = Your video allowance
quota-right-now = Right now
quota-resets = resets { $when }
quota-user-today = Your videos today
quota-user-active = Your videos in progress
quota-cooldown = Cooldown
quota-guild-today = This server's videos today
quota-budget = Bot-wide credit budget today
quota-count-unlimited = { $used } (no limit)
quota-count = { $used } of { $limit } used, { $left } left
quota-with-reset = { $text } · { $reset }
quota-cooldown-none = None
quota-cooldown-wait = { $seconds } s between videos; your next one can start { $when }
quota-cooldown-ready = { $seconds } s between videos; you can start one now
quota-budget-none = { NUMBER($used, minimumFractionDigits: 1, maximumFractionDigits: 1) } credits used (no budget)
quota-budget-left = { NUMBER($used, minimumFractionDigits: 1, maximumFractionDigits: 1) } of { $budget } credits used, { NUMBER($left, minimumFractionDigits: 1, maximumFractionDigits: 1) } left (about { $videos } videos)
jobs-none = You have no videos yet.
jobs-title = Your recent videos
jobs-footer = Your { $count } most recent jobs, newest first
jobs-kind = ({ $kind })
jobs-card-link = [card]({ $link })
jobs-status-accepted = ⏳ queued
jobs-status-submitting = ⏳ starting
jobs-status-submitted = ⏳ waiting for the video service
jobs-status-running = 🎬 generating
jobs-status-completed = 📦 finishing
jobs-status-delivering = 📦 posting
jobs-status-delivered = ✅ delivered
jobs-status-rejected = ⚠️ not started
jobs-status-submit-unknown = ⚠️ unconfirmed
jobs-status-failed = ❌ failed
jobs-status-cancelled = 🛑 cancelled
jobs-status-timed-out = ⌛ timed out
help-title = Making videos
help-about = I turn a prompt — and, if you like, reference images or a short clip — into a short AI video, posted in the channel with buttons to keep going. Every video costs real credits, so there are limits.
help-options-title = /video options
help-options =
    `{ cmd-video-opt-prompt }` — what should happen (optional when you attach a reference)
    `{ $first_image }` … `{ $last_image }` — reference images (PNG, JPEG, WebP or GIF)
    `{ cmd-video-opt-video }` — a reference clip, 1–24 s (3 s or less works best)
    `{ cmd-video-opt-aspect_ratio }` — `16:9` landscape (default) or `9:16` portrait
    `{ cmd-video-opt-private }` — deliver the clip to your direct messages instead of the channel
help-buttons-title = On a clip
help-buttons =
    {"**"}Extend** — continue the clip with what happens next
    {"**"}Remix** — a new take with a changed prompt
    {"**"}Retry** — the same request again
    {"**"}Delete** — remove the clip (the requester or a moderator)
    {"**"}Story** — a picture of how the clip came to be (also `/{ cmd-story } { cmd-story-opt-job }:`)
    {"**"}Full cut** — the whole path from the first clip to this one, as one clip
    {"**"}Cancel** — stop a video that is still in progress or waiting in your line
    Message menu **Apps → Animate with AI** — turn a message's images or clip into a video
help-examples-title = Examples
help-examples =
    `/video { cmd-video-opt-prompt }: a paper boat drifting down a rainy street, cinematic`
    `/video { cmd-video-opt-prompt }: she waves at the camera { $first_image }: (your photo) { cmd-video-opt-aspect_ratio }: 9:16`
    `/video { cmd-video-opt-video }: (a 3 s clip) { cmd-video-opt-prompt }: the camera flies up into the clouds { cmd-video-opt-private }: True`
help-more-title = More commands
help-more =
    `/{ cmd-quota }` — your allowance · `/{ cmd-jobs }` — your recent videos · `/videoadmin` — server settings
    Over your limit of videos in progress? A few more wait in your own line and start as yours finish.
cmd-quota = quota
cmd-quota-desc = How many videos you can still make, and when that resets
cmd-jobs = jobs
cmd-jobs-desc = Your recent videos, with their status and a link to each
cmd-help = help
cmd-help-desc = What this bot does, how to use /video, and your limits

## /videoadmin (only the admin sees the answers)
admin-need-manage = You need the Manage Server permission to change the video settings.
admin-and-more = … and { $count } more
admin-value-no-line = no line (refused at the limit)
admin-value-seconds = { $seconds } s
admin-value-none = none
admin-value-count = { $count }
admin-value-no-limit = no limit
admin-limit-user_daily_limit = videos per member per day
admin-limit-user_concurrent_limit = videos in progress per member
admin-limit-user_queue_limit = videos waiting in a member's line
admin-limit-guild_daily_limit = videos per server per day
admin-limit-cooldown_seconds = the cooldown between videos
admin-limit-label-user_daily_limit = Videos per member per day
admin-limit-label-user_concurrent_limit = Videos in progress per member
admin-limit-label-user_queue_limit = Videos waiting in a member's line
admin-limit-label-guild_daily_limit = Videos per server per day
admin-limit-label-cooldown_seconds = Cooldown between videos
admin-limit-line = { $label }: **{ $value }** ({ $source })
admin-source-server = this server's setting; bot default { $default }
admin-source-default = default
admin-limit-set-part = { $name } to { $value }
admin-limits-nothing = Nothing changed: give at least one limit, or `{ cmd-videoadmin-limits-opt-reset }: True`.
admin-limits-set = Set { $parts } on this server.
admin-limits-reset = Reset this server's limits to the bot's defaults.
admin-limits-reset-then-set = Reset this server's limits to the bot's defaults, then set { $parts }.
admin-channel-rule-open = videos can now be made in any channel
admin-channel-rule-closed = videos can now be made only in { $listed }
admin-role-rule-open = everyone may now make videos
admin-role-rule-closed = only members with { $listed } (and moderators) can now make videos
admin-list-already-empty = { $kind ->
    [role] The role allow-list is already empty; nothing changed.
   *[channel] The channel allow-list is already empty; nothing changed.
}
admin-list-cleared = { $kind ->
    [role] Cleared the role allow-list: { $rule }.
   *[channel] Cleared the channel allow-list: { $rule }.
}
admin-list-pick = { $kind ->
    [role] { $action ->
        [allow] Pick the role to allow; nothing changed.
       *[disallow] Pick the role to disallow; nothing changed.
    }
   *[channel] { $action ->
        [allow] Pick the channel to allow; nothing changed.
       *[disallow] Pick the channel to disallow; nothing changed.
    }
}
admin-list-already-allowed = { $named } is already allowed; nothing changed.
admin-list-full = { $kind ->
    [role] The allow-list holds at most { $limit } roles; nothing changed.
   *[channel] The allow-list holds at most { $limit } channels; nothing changed.
}
admin-list-allowed = Allowed { $named }: { $rule }.
admin-list-not-on = { $named } isn't on the allow-list, so nothing changed.
admin-list-removed = Removed { $named } from the allow-list: { $rule }.
admin-show-title = Video settings for this server
admin-show-limits = Limits
admin-show-bot-wide = Bot-wide (set by the bot's operator, not per server)
admin-show-bot-wide-value =
    Videos generating at once, all servers: **{ $jobs }**
    Daily credit budget, all servers: { $budget }
admin-show-budget = **{ $budget } credits**
admin-show-budget-videos = **{ $budget } credits** (about { $videos } videos)
admin-show-budget-none = **none**
admin-show-channels = Channels
admin-show-any-channel = Any channel
admin-show-roles = Roles
admin-show-roles-listed = { $roles } (and moderators)
admin-show-everyone = Everyone
admin-show-generation = Generation
admin-show-paused = ⏸️ paused
admin-show-running = ▶️ running
admin-show-iteration = Extend / Remix / Retry
admin-show-requester-only = only the requester (and moderators)
admin-show-anyone = anyone who may make videos
admin-show-banned = Banned members
admin-show-banned-list = { $count }: { $members }
admin-ban-already = <@{ $user }> is already banned from making videos here; nothing changed.
admin-ban-done = <@{ $user }> can no longer make videos on this server.
admin-unban-not-banned = <@{ $user }> isn't banned here; nothing changed.
admin-unban-done = <@{ $user }> can make videos on this server again.
admin-pause-already = Video generation is already paused on this server; nothing changed.
admin-pause-not-paused = Video generation is not paused on this server; nothing changed.
admin-pause-done = Paused video generation on this server: new videos are refused until `/videoadmin { cmd-videoadmin-resume }` (videos already in progress still finish).
admin-resume-done = Resumed video generation on this server: members can make videos again.
admin-requester-only-already-on = The requester-only switch is already on; nothing changed.
admin-requester-only-already-off = The requester-only switch is already off; nothing changed.
admin-requester-only-on = Only the person who asked for a clip (and moderators) can now Extend, Remix or Retry it.
admin-requester-only-off = Anyone who may make videos here can now Extend, Remix or Retry any clip.
admin-usage-none = No videos were made on this server in the last { $days } days.
admin-usage-day = Day
admin-usage-member = Member
admin-usage-clips = Clips
admin-usage-done = Done
admin-usage-fail = Fail
admin-usage-credits = Credits
admin-usage-more-rows = … and { $count } more rows in usage.csv
admin-usage-title = Video usage on this server, last { $days } days
admin-usage-totals = Totals
admin-usage-totals-value = { $clips } clips by { $members } members · { $delivered } delivered · { $failed } failed · { NUMBER($credits, minimumFractionDigits: 1, maximumFractionDigits: 1) } credits
admin-usage-footer = Per member per UTC day.
admin-usage-footer-file = Per member per UTC day. The full report is attached as usage.csv.
cmd-videoadmin = videoadmin
cmd-videoadmin-desc = Video settings for this server (Manage Server)
cmd-videoadmin-show = show
cmd-videoadmin-show-desc = Show this server's video limits and settings
cmd-videoadmin-limits = limits
cmd-videoadmin-limits-desc = Set this server's video limits (0 = no limit)
cmd-videoadmin-limits-opt-user_daily = user_daily
cmd-videoadmin-limits-opt-user_daily-desc = Videos each member may make per UTC day (0 = no limit)
cmd-videoadmin-limits-opt-user_concurrent = user_concurrent
cmd-videoadmin-limits-opt-user_concurrent-desc = Videos each member may have in progress at once (0 = no limit)
cmd-videoadmin-limits-opt-user_queue = user_queue
cmd-videoadmin-limits-opt-user_queue-desc = Videos a member at that limit may have waiting in their own line (0 = no line: refuse)
cmd-videoadmin-limits-opt-guild_daily = guild_daily
cmd-videoadmin-limits-opt-guild_daily-desc = Videos the whole server may make per UTC day (0 = no limit)
cmd-videoadmin-limits-opt-cooldown = cooldown
cmd-videoadmin-limits-opt-cooldown-desc = Seconds a member waits between videos (0 = none)
cmd-videoadmin-limits-opt-reset = reset
cmd-videoadmin-limits-opt-reset-desc = Forget this server's limits and use the bot's defaults again
cmd-videoadmin-channel = channel
cmd-videoadmin-channel-desc = Choose the channels where videos can be made
cmd-videoadmin-channel-opt-action = action
cmd-videoadmin-channel-opt-action-desc = allow or disallow a channel, or clear the list (then every channel is allowed)
cmd-videoadmin-channel-opt-channel = channel
cmd-videoadmin-channel-opt-channel-desc = The channel (default: this one)
cmd-videoadmin-role = role
cmd-videoadmin-role-desc = Choose the roles that may make videos
cmd-videoadmin-role-opt-action = action
cmd-videoadmin-role-opt-action-desc = allow or disallow a role, or clear the list (then everyone may make videos)
cmd-videoadmin-role-opt-role = role
cmd-videoadmin-role-opt-role-desc = The role (needed for allow and disallow)
choice-allow = allow (add to the allow-list)
choice-disallow = disallow (remove from the allow-list)
choice-clear = clear (empty the allow-list: no restriction)
cmd-videoadmin-ban = ban
cmd-videoadmin-ban-desc = Stop a member from making videos on this server
cmd-videoadmin-ban-opt-user = user
cmd-videoadmin-ban-opt-user-desc = The member who may no longer make videos here
cmd-videoadmin-unban = unban
cmd-videoadmin-unban-desc = Let a banned member make videos again
cmd-videoadmin-unban-opt-user = user
cmd-videoadmin-unban-opt-user-desc = The member who may make videos here again
cmd-videoadmin-pause = pause
cmd-videoadmin-pause-desc = Pause video generation on this server
cmd-videoadmin-resume = resume
cmd-videoadmin-resume-desc = Resume video generation on this server
cmd-videoadmin-requester_only = requester_only
cmd-videoadmin-requester_only-desc = Whether only the requester may Extend, Remix or Retry a clip
cmd-videoadmin-requester_only-opt-enabled = enabled
cmd-videoadmin-requester_only-opt-enabled-desc = True: only the requester (and moderators); False: anyone who may make videos
cmd-videoadmin-usage = usage
cmd-videoadmin-usage-desc = Videos, failures and credits per member per day (30 days)
