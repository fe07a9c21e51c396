# Türkçe. en-US.ftl ile aynı kimlikler ve değişkenler. Türkçede sayıdan sonra isim tekil kalır ("3 video");
# CLDR kategorileri [one] ve *[other]: İngilizcede çoğul seçimi olan yerlerde ikisi de durur (çoğu aynı okunur).
# Ekler değişkene bitişmez: "#{ $job } numaralı görev", "<@{ $user }> kullanıcısının", "{ $filename } dosyasını".
# Terimler: Uzat / Remiksle / Yeniden dene / Sil / Hikaye / Tam kurgu / İptal et; iş = görev, prompt = açıklama,
# image = görsel, thread = alt başlık, DM = direkt mesaj, allowance = video hakkı, cooldown = bekleme süresi.

number = { $value }

## Listeler
list-comma = { $first }, { $next }
list-and = { $first } ve { $last }

## Bir görevin sonu (kartında ve bildirimde görünür)
ending-submit-unknown = Video servisi bu isteği onaylamadı; yani başlamış da olabilir, başlamamış da. İki kez ödeme yapmamak için isteği kendiliğimden yeniden göndermeyeceğim; bu istek limitlerinden de düşülmez: yeniden oluşturmak için Yeniden dene düğmesine bas.
ending-cancelled-by-user = İptal edildi. Video servisi başlamış bir görevi durduramıyor; yani görev servisin tarafında yine de tamamlanabilir (ve ücretlendirilebilir), ama ben beklemeyi bıraktım ve ayrılan yeri boşalttım.
ending-cancelled-queued = Başlamadan iptal edildi; video servisine hiçbir şey gönderilmedi.
ending-timed-out = Video servisi çok uzun sürdü, bu yüzden bu klibi beklemeyi bıraktım.
ending-no-clip = Video servisi klibin bittiğini söyledi ama klibi bana hiç vermedi, bu yüzden beklemeyi bıraktım.
ending-cancelled-by-api = Video servisi bu görevi iptal etti.
ending-delivery-failed = Klip oluşturuldu ama onu video servisinden zamanında alamadım.
ending-gave-up = Bu görev üzerinde çalışırken benim tarafımda bir şeyler ters gitti ve ters gitmeye devam etti, bu yüzden durdum. Bu görev limitlerinden düşülmez: tekrar denemek için Yeniden dene düğmesine bas.
ending-gave-up-before-start = Bu görev başlamadan önce benim tarafımda bir şeyler ters gitti, bu yüzden durdum; video servisine hiçbir şey gönderilmedi ve kredi harcanmadı. Lütfen /video komutunu tekrar dene.
ending-card-failed = Bu görevin kartını paylaşırken benim tarafımda bir şeyler ters gitti, bu yüzden görevi bıraktım; kredi harcanmadı. Lütfen tekrar dene.

## Gönderim duraklatıldı (401/402)
paused-misconfigured = Video servisi şu anda yanlış yapılandırılmış (bu botun API anahtarını reddediyor), bu yüzden sorun düzelene kadar hiçbir video başlayamaz; bekleyen görevler sonra kendiliğinden başlar.
paused-out-of-credit = Video servisinin kredisi şu anda tükenmiş, bu yüzden hesaba kredi yüklenene kadar hiçbir video başlayamaz; bekleyen görevler sonra kendiliğinden başlar.
paused-operator-told = { $sentence } Botun sahibine haber verildi.

refusal-shutting-down = Şu anda yeniden başlatılıyorum; kredi harcanmadı. Lütfen bir dakika sonra tekrar dene.

## İzinler, Discord'un bir kanalın İzinler sayfasında kullandığı adlarla
permission-view-channel = Kanalı Görüntüle
permission-send-messages = Mesaj Gönder
permission-send-messages-in-threads = Alt Başlıklarda Mesajlar Gönder
permission-embed-links = Bağlantı Yerleştir
permission-attach-files = Dosya Ekle
permission-read-message-history = Mesaj Geçmişini Oku
refusal-missing-permissions = { $where ->
    [thread] Buraya video gönderemiyorum: bu alt başlıkta { $permissions } { $count ->
        [one] iznim
       *[other] izinlerim
    } eksik. Bir sunucu yöneticisi { $count ->
        [one] bu izni
       *[other] bu izinleri
    } alt başlığın bağlı olduğu kanalın ayarlarından verebilir (İzinler → { $role }). Kredi harcanmadı.
   *[channel] Buraya video gönderemiyorum: bu kanalda { $permissions } { $count ->
        [one] iznim
       *[other] izinlerim
    } eksik. Bir sunucu yöneticisi { $count ->
        [one] bu izni
       *[other] bu izinleri
    } kanalın ayarlarından verebilir (İzinler → { $role }). Kredi harcanmadı.
}
ending-task-unknown = Video servisi artık bu görevi tanımıyor.

## Video servisinin retleri ve hataları, bizim sözlerimizle
api-safety = Video servisinin güvenlik filtresi bu isteği engelledi, bu yüzden klip oluşturulmadı. Farklı bir açıklama ya da başka referanslar dene.
api-failed = Video servisi bu klibi oluşturamadı. Tekrar denemek için Yeniden dene düğmesine bas.
api-failed-no-reason = Video servisi bu klibi oluşturamadı ve bir neden de belirtmedi. Tekrar denemek için Yeniden dene düğmesine bas.
api-reference-failed = Video servisi referans dosyalarını kullanamadı, bu yüzden klip oluşturulmadı. Başka görseller ya da klipler dene.
api-refused = Video servisi bu isteği geçersiz bulup reddetti; hiçbir şey oluşturulmadı, kredi de harcanmadı.
api-refused-no-prompt = Video servisinin klip oluşturabilmesi için bir açıklama ya da referans gerekiyor.
api-refused-too-many-images = Video servisi en fazla 16 referans görsel kabul ediyor.
api-refused-too-many-videos = Video servisi yalnızca bir referans klip kabul ediyor.
api-refused-video-with-extend = Referans klip, Uzat ile birlikte kullanılamaz.
api-refused-parent-unfinished = Devam ettirilecek klip video servisinde henüz tamamlanmadı, bu yüzden şimdilik uzatılamaz.
api-refused-clip-length = Referans klip 1 ile 24 saniye arasında olmalı.
api-refused-image-format = Video servisi yalnızca PNG veya JPEG referans görsel kabul ediyor.
api-refused-model = Video servisi, bu botun kullanmak üzere ayarlandığı modeli sunmuyor; botun sahibinin botun ayarlarını düzeltmesi gerekiyor.
api-refused-reference = Video servisi bir referans dosyasını alamadı ya da okuyamadı. Dosyayı yeniden eklemeyi dene.
rejected-key-refused = Video servisi bu botun API anahtarını reddetti, bu yüzden bu görev başlayamadı.
rejected-out-of-credit = Video servisinin kredisi tükendi, bu yüzden bu görev başlayamadı.
rejected-model-not-allowed = Video servisi bu botun bu modeli kullanmasına izin vermiyor; botun sahibinin bunu kontrol etmesi gerekiyor.
rejected-parent-unknown = Devam ettirilecek klip artık video servisinde kayıtlı değil, bu yüzden uzatılamaz.
rejected-reference-too-large = Bir referans dosyası video servisi için çok büyük (en fazla 20 MB olabilir).
rejected-reference-gone = { $filename } referans dosyası artık saklanmıyor, bu yüzden bu klip yeniden oluşturulamaz: dosyayı /video ile tekrar ekle.
rejected-reference-link-expired = { $filename } referans klibinin bağlantısının süresi doldu ve klip doğrudan gönderilemeyecek kadar büyük: klibi /video ile tekrar ekle.

## Limitler (kabul retleri); { $when } bir Discord zaman damgası, örneğin <t:1700000000:R>
limit-user-concurrent = Şu anda { $active } videon devam ediyor (limitin { $limit }); biri bittiğinde yenisini başlatabilirsin.
limit-user-queue = { $active } videon devam ediyor ve { $lined } videon sıranda bekliyor (bu sunucunun izin verdiği en yüksek sayı); birinin bitmesini bekle.
limit-cooldown = Videolar arasında { $seconds } sn beklemen gerekiyor; bir sonrakini { $when } başlatabilirsin.
limit-user-daily = Bugünkü { $limit } videoluk hakkının { $made } tanesini kullandın; hakkın { $when } yenilenecek.
limit-guild-daily = Bu sunucu bugünkü { $limit } videoluk hakkının { $made } tanesini kullandı; sunucunun hakkı { $when } yenilenecek.
limit-budget = Bot bugün { $budget } kredilik bütçesinin { $used } kredisini kullandı ve kalan kredi bir video daha için yetmiyor; bütçe { $when } yenilenecek.

## Kim nerede video oluşturabilir
access-banned = Bu sunucuda video oluşturma iznin yok.
access-paused = Bu sunucunun moderatörleri video oluşturmayı duraklattı.
access-channel = Bu kanalda video oluşturulamaz; video oluşturmaya açık kanallar: { $channels }.
access-role = Burada video oluşturmak için bu sunucunun video rollerinden birine sahip olman gerekiyor.

## Uzat, Remiksle, Yeniden dene: neden olmuyor
extend-unknown = Bu klibi artık tanımıyorum, bu yüzden uzatılamaz.
extend-unfinished = Yalnızca tamamlanmış bir klip uzatılabilir ve bu klip tamamlanmadı.
extend-too-old = Bu klip uzatılamayacak kadar eski: klipler, oluşturulduktan sonraki { $hours } saat boyunca uzatılabilir.
repeat-unknown = Bu klibi artık tanımıyorum.
repeat-unfinished = Bu görev henüz bitmedi; yeniden oluşturmadan önce bitmesini bekle.
repeat-files-gone = Bu klibin referans dosyaları artık saklanmıyor (dosyalar { $days } gün saklanır): dosyaları ekleyerek yeni bir /video başlat.
repeat-parent-extend-unknown = Bu klip daha önceki bir klibin devamı ve o klip artık devam ettirilemiyor: o klibi artık tanımıyorum, bu yüzden uzatılamaz.
repeat-parent-extend-unfinished = Bu klip daha önceki bir klibin devamı ve o klip artık devam ettirilemiyor: yalnızca tamamlanmış bir klip uzatılabilir ve o klip tamamlanmadı.
repeat-parent-extend-too-old = Bu klip daha önceki bir klibin devamı ve o klip artık devam ettirilemiyor: uzatılamayacak kadar eski (klipler, oluşturulduktan sonraki { $hours } saat boyunca uzatılabilir).

## Referanslar: eklenen görseller ve klipler
size-mb = { NUMBER($mb, minimumFractionDigits: 1, maximumFractionDigits: 1) } MB
media-that-file = Bu dosya
media-image-too-large = { $name } { $size } boyutunda; görseller en fazla 20 MB olabilir.
media-png-too-large = { $name }, PNG'ye dönüştürülünce { $size } oluyor; görseller en fazla 20 MB olabilir.
media-not-an-image = { $name } kullanabileceğim bir görsel değil: PNG, JPEG, WebP veya GIF ekle.
media-image-damaged = { $name } bozuk ya da eksik görünüyor, bu yüzden okuyamadım; yeniden kaydetmeyi dene.
media-too-many-pixels = { $name } güvenle açamayacağım kadar çok piksel içeriyor; daha küçük bir görsel ekle.
media-too-many-megapixels = { $name } güvenle açamayacağım kadar çok piksel içeriyor ({ $limit } megapikselden fazla); daha küçük bir görsel ekle.
media-too-many-pixels-over = { $name } güvenle açamayacağım kadar çok piksel içeriyor ({ $limit } pikselden fazla); daha küçük bir görsel ekle.
media-not-a-video = { $name } okuyabileceğim bir video değil: MP4, MOV veya WebM video ekle.
media-only-sound = { $name } yalnızca ses içeriyor, görüntü yok: MP4, MOV veya WebM video ekle.
media-picture-not-video = { $name } bir video değil, bir görsel: MP4, MOV veya WebM video ekle.
media-no-duration = { $name } bozuk: ne kadar sürdüğünü anlayamadım.
media-no-picture = { $name } bozuk: içinden tek bir kare bile çıkaramadım.
media-clip-length = { $name } { NUMBER($seconds, minimumFractionDigits: 1, maximumFractionDigits: 1) } sn uzunluğunda; referans video { $min }–{ $max } sn olmalı (en iyi sonucu { $best } sn ya da daha kısası verir).
media-no-pictures = { $name } hiç kare içermiyor.
media-join-failed = { $name } parçalarından birleştirilemedi.
refs-too-many-images = { $count } görsel ekledin; video servisi en fazla { $limit } görsel kabul ediyor.
refs-too-many-videos = { $count } video ekledin; video servisi en fazla bir referans klip kabul ediyor.
refs-video-with-extend = Referans video, Uzat ile birlikte kullanılamaz: klibi video eklemeden uzat.
refs-link-expired = { $filename } dosyasını indiremedim: bağlantısının süresi dolmuş. Dosyayı yeniden ekle.
refs-download-failed = { $filename } dosyasını şu anda Discord'dan indiremedim; tekrar dene.
refs-larger-than = { $filename } dosyası çok büyük ({ $size } boyutundan fazla).
refs-clip-too-large = { $filename } dosyası { $size } boyutunda; bu, bir referans klip için çok büyük.

## Görev kartı (herkese açık: sunucunun dilinde)
card-status-accepted = ⏳ Kuyrukta
card-status-submitting = ⏳ Başlatılıyor
card-status-submitted = ⏳ Video servisi bekleniyor
card-status-running = 🎬 Oluşturuluyor
card-status-completed = 📦 Tamamlanıyor
card-status-delivering = 📦 Klip gönderiliyor
card-status-delivered = ✅ Videon hazır
card-status-rejected = ⚠️ Başlamadı
card-status-submit-unknown = ⚠️ Onaylanmadı
card-status-failed = ❌ Başarısız
card-status-cancelled = 🛑 İptal edildi
card-status-timed-out = ⌛ Zaman aşımı
card-title-with-kind = { $title } ({ $kind })
card-kind-extend = uzatma
card-kind-remix = remiks
card-kind-retry = yeniden deneme
card-percent = %{ $percent }
card-no-prompt = *(açıklama yok: yalnızca referanslar)*
card-asked-by = İsteyen
card-aspect-ratio = En boy oranı
card-references = Referanslar
card-refs-images = { $count ->
    [one] { $count } görsel
   *[other] { $count } görsel
}
card-refs-videos = { $count ->
    [one] { $count } video
   *[other] { $count } video
}
card-refs-none = yok
card-credit-title = Kaynak
card-credit = { $kind ->
    [extend] <@{ $user }> kullanıcısının klibinin devamı
    [remix] <@{ $user }> kullanıcısının klibinden remiks
    [retry] <@{ $user }> kullanıcısının klibinin yeniden denemesi
    [animate] <@{ $user }> kullanıcısının mesajından canlandırıldı
   *[other] <@{ $user }> kullanıcısının klibine dayanıyor
}
card-credit-from-job = { $kind ->
    [extend] <@{ $user }> kullanıcısının klibinin devamı (görev #{ $source_job })
    [remix] <@{ $user }> kullanıcısının klibinden remiks (görev #{ $source_job })
    [retry] <@{ $user }> kullanıcısının klibinin yeniden denemesi (görev #{ $source_job })
    [animate] <@{ $user }> kullanıcısının mesajından canlandırıldı (görev #{ $source_job })
   *[other] <@{ $user }> kullanıcısının klibine dayanıyor (görev #{ $source_job })
}
card-queue = Kuyruk
card-queue-place = Kuyrukta { $place }. sırada
card-queue-place-slot = Kuyrukta { $place }. sırada, boş yer bekleniyor
card-line-place = Kendi sıranda { $place }. sırada — videolarından biri bitince başlar
card-waiting = Bekliyor
card-progress = İlerleme
card-ready = Bitiş
card-eta = { $when } (tahmini)
card-what-happened = Ne oldu
card-download-title = İndir
card-download = Klip buraya yüklenemeyecek kadar büyük: [indir]({ $link })
card-download-expires = Klip buraya yüklenemeyecek kadar büyük: [indir]({ $link }) (bağlantının süresi { $when } doluyor)
card-footer = Görev #{ $job }
card-footer-continues = { $footer } · #{ $parent } numaralı görevin devamı
ping-ready = <@{ $user }> videon hazır (görev #{ $job }).
ping-ended = <@{ $user }> #{ $job } numaralı video görevin sona erdi: { $why }
ping-no-reason = görev tamamlanmadı.
giveup-cannot-post = O kanala mesaj gönderemiyorum.
giveup-cannot-post-any-more = O kanala artık mesaj gönderemiyorum.
giveup-no-clip = Video servisi işi bitirdi ama hiç klip vermedi.
giveup-clip-expired = Klibin video servisindeki süresi, ben onu alamadan doldu.

## Genel yanıtlar
refusal-check-failed = Bu komutu burada kullanamazsın.
refusal-something-wrong = Benim tarafımda bir şeyler ters gitti; kredi harcanmadı. Lütfen tekrar dene.

## /video ve Yapay zeka ile canlandır
video-nothing-to-make = Ne yapmamı istediğini söyle: bir açıklama yaz ya da bir görsel veya video ekle.
video-prompt-too-long = Açıklaman { $length } karakter uzunluğunda; lütfen en fazla { $limit } karakter yaz.
animate-nothing = Bu mesajda kullanabileceğim bir görsel ya da video yok; içinde resim veya klip olan bir mesaj seç.
animate-again = Bu “Yapay zeka ile canlandır” penceresi çok eski ya da zaten kullanılmış; mesajda Yapay zeka ile canlandır komutunu yeniden kullan.
animate-modal-title = Yapay zeka ile canlandır
animate-modal-label = Ne olsun?
animate-modal-placeholder = Kedi yavaşça başını çeviriyor ve göz kırpıyor

## Komutlar, seçenekler ve seçimler (adlar: küçük harf, boşluksuz, en fazla 32 karakter; açıklamalar en fazla 100)
cmd-video = video
cmd-video-desc = Bir açıklamadan ve isteğe bağlı referanslardan kısa bir yapay zeka videosu oluştur
cmd-video-opt-prompt = açıklama
cmd-video-opt-prompt-desc = Videoda ne olsun (referans eklersen isteğe bağlı)
cmd-video-opt-image-n = görsel{ $n }
cmd-video-opt-image-n-desc = Referans görsel (PNG, JPEG, WebP veya GIF)
cmd-video-opt-video = video
cmd-video-opt-video-desc = Referans klip, 1–24 sn (en iyi sonucu 3 sn ya da daha kısası verir)
cmd-video-opt-aspect_ratio = en_boy_oranı
cmd-video-opt-aspect_ratio-desc = Yatay 16:9 (varsayılan) veya dikey 9:16
cmd-video-opt-private = özel
cmd-video-opt-private-desc = Sonucu bu kanal yerine direkt mesajlarına gönder
choice-16-9 = 16:9 (yatay)
choice-9-16 = 9:16 (dikey)
cmd-animate-with-ai = Yapay zeka ile canlandır
refusal-cannot-post = Bu kanala mesaj gönderemiyorum: burada { permission-view-channel }, { permission-send-messages }, { permission-embed-links } ve { permission-attach-files } izinlerine ihtiyacım var. Kredi harcanmadı.
refusal-dms-closed = Sana direkt mesaj gönderemiyorum, bu yüzden özel bir videoyu teslim edemem: sunucu üyelerinden gelen direkt mesajlara izin ver (Gizlilik Ayarları) ve tekrar dene. Kredi harcanmadı.
refusal-no-dms = Videolar yalnızca bir sunucuda oluşturulabilir.
the-bot = bot
iterate-private-owner-only = Bu özel klipten yalnızca onu isteyen kişi yeni bir video üretebilir.
iterate-banned-there = O sunucuda video oluşturma iznin yok.
iterate-paused-there = O sunucunun moderatörleri video oluşturmayı duraklattı.
iterate-other-server = Bu klip başka bir sunucuya ait.
iterate-requester-only = Bu sunucuda bir klibi yalnızca onu isteyen kişi uzatabilir, remiksleyebilir veya yeniden deneyebilir.
started = Videon yola çıktı (görev #{ $job }): { $where }
started-where-dm = direkt mesajlarına gelecek
started-where-soon = kartı birazdan bu kanalda görünecek

## Kartın altındaki düğmeler ve açtıkları pencereler
button-extend = Uzat
button-remix = Remiksle
button-retry = Yeniden dene
button-delete = Sil
button-story = Hikaye
button-full-cut = Tam kurgu
button-cancel = İptal et
extend-cannot = Bu klip uzatılamaz.
remix-cannot = Bu klip remikslenemez.
retry-cannot = Bu klip yeniden oluşturulamaz.
extend-remix-instead = { $problem } Bunun yerine klibi remiksleyebilirsin.
extend-modal-title = Bu klibi uzat
extend-modal-label = Sonra ne oluyor?
extend-no-prompt = Sonra ne olduğunu söyle ki klibi nasıl devam ettireceğimi bileyim.
remix-modal-title = Bu klibi remiksle
remix-modal-label = Açıklama
remix-no-prompt = Remiks için bir açıklama yaz.
delete-not-yours = Bu klibi yalnızca onu isteyen kişi ya da bir moderatör silebilir.
delete-failed = O mesajı silemedim.
delete-done = #{ $job } numaralı görevin klibi silindi.
cancel-unknown = O görevi artık tanımıyorum.
cancel-not-yours = Bu videoyu yalnızca onu isteyen kişi ya da bir moderatör iptal edebilir.
cancel-already-ended = #{ $job } numaralı görev zaten sona erdi; iptal edilecek bir şey yok.
cancel-too-late = #{ $job } numaralı görev, ben iptal edemeden sona erdi.
cancel-done = İptal edildi.
story-pick-placeholder = Bir bölümü uzat…
kind-video = video
kind-extend = uzatma
kind-remix = remiks
kind-retry = yeniden deneme
kind-animate = canlandırma
segment-label = #{ $job } { $kind }, yapan: { $name }
segment-label-someone = #{ $job } { $kind }, yapan: biri

## Hikaye ve Tam kurgu (yalnızca düğmeye basan görür)
someone = biri
story-by = yapan: { $name }
story-no-prompt = (açıklama yok)
story-clip-gone = klip artık saklanmıyor
story-branching-off = { $count ->
    [one] +{ $count } bölüm buradan ayrılıyor
   *[other] +{ $count } bölüm buradan ayrılıyor
}
story-picture-title = { $count ->
    [one] #{ $job } numaralı görevin hikayesi: ilk klipten bu yana { $count } bölüm
   *[other] #{ $job } numaralı görevin hikayesi: ilk klipten bu yana { $count } bölüm
}
story-picture-title-hidden = { $title } · ağaçta çizilmeyen { $count } bölüm daha
story-alt = Hikaye görseli: { $steps }
story-note-failed = başarısız
story-note-timed-out = zaman aşımı
story-note-cancelled = iptal edildi
story-note-rejected = başlamadı
story-note-submit-unknown = onaylanmadı
story-note-in-progress = devam ediyor
story-caption-head = { $count ->
    [one] **#{ $job } numaralı görevin hikayesi**: ilk klipten bu yana { $count } bölüm.
   *[other] **#{ $job } numaralı görevin hikayesi**: ilk klipten bu yana { $count } bölüm.
}
story-caption-head-large = { $count ->
    [one] **#{ $job } numaralı görevin hikayesi**: ilk klipten bu yana { $count } bölüm (büyük bir ağaç: resim bu klibe giden yolu gösteriyor ve dalları sayıyor).
   *[other] **#{ $job } numaralı görevin hikayesi**: ilk klipten bu yana { $count } bölüm (büyük bir ağaç: resim bu klibe giden yolu gösteriyor ve dalları sayıyor).
}
story-caption-line = { $place }. { $label }
story-caption-line-link = { $place }. { $label } — <{ $link }>
story-caption-line-dm = { $place }. { $label } — direkt mesajlarda
story-caption-more = …ve { $count } tane daha: resme bak.
story-caption-hidden = { $count ->
    [one] Bu ağacın { $count } bölümü daha çizilmedi.
   *[other] Bu ağacın { $count } bölümü daha çizilmedi.
}
story-unknown-job = Görebileceğin #{ $job } numaralı bir görev bulamadım.
cmd-story = hikaye
cmd-story-desc = Bir klip nasıl oluştu: bölümlerini adım adım gösteren bir resim
cmd-story-opt-job = görev
cmd-story-opt-job-desc = Görev numarası (kartın alt bilgisinde Görev #N yazar)
fullcut-caption = **#{ $job } numaralı görevin tam kurgusu** ({ $steps }), yapanlar: { $names }.
fullcut-undelivered = Tam kurgu için bu klibe kadarki tüm kliplerin teslim edilmiş olması gerekir.
fullcut-part-gone = #{ $job } numaralı görevin klibi artık saklanmıyor (klipler, uzatılabildikleri sürece saklanır), bu yüzden tam kurguyu oluşturamıyorum.
fullcut-join-failed = Bu daldaki klipleri tek bir videoda birleştiremedim.
fullcut-too-long = Tam kurgu, yeniden kodlansa bile buradaki Discord yükleme sınırına sığmayacak kadar uzun.

## /kota, /görevler, /yardım (yalnızca üye görür)
quota-title = Video hakkın
quota-right-now = Şu anda
quota-resets = { $when } yenilenir
quota-user-today = Bugünkü videoların
quota-user-active = Devam eden videoların
quota-cooldown = Bekleme süresi
quota-guild-today = Bu sunucunun bugünkü videoları
quota-budget = Botun bugünkü toplam kredi bütçesi
quota-count-unlimited = { $used } (sınırsız)
quota-count = { $used } / { $limit } kullanıldı, { $left } kaldı
quota-with-reset = { $text } · { $reset }
quota-cooldown-none = Yok
quota-cooldown-wait = Videolar arasında { $seconds } sn; bir sonrakini { $when } başlatabilirsin
quota-cooldown-ready = Videolar arasında { $seconds } sn; şimdi bir tane başlatabilirsin
quota-budget-none = { NUMBER($used, minimumFractionDigits: 1, maximumFractionDigits: 1) } kredi kullanıldı (bütçe yok)
quota-budget-left = { NUMBER($used, minimumFractionDigits: 1, maximumFractionDigits: 1) } / { $budget } kredi kullanıldı, { NUMBER($left, minimumFractionDigits: 1, maximumFractionDigits: 1) } kaldı (yaklaşık { $videos } video)
jobs-none = Henüz hiç videon yok.
jobs-title = Son videoların
jobs-footer = Son { $count } görevin, en yeniden eskiye
jobs-kind = ({ $kind })
jobs-card-link = [kart]({ $link })
jobs-status-accepted = ⏳ kuyrukta
jobs-status-submitting = ⏳ başlatılıyor
jobs-status-submitted = ⏳ video servisi bekleniyor
jobs-status-running = 🎬 oluşturuluyor
jobs-status-completed = 📦 tamamlanıyor
jobs-status-delivering = 📦 gönderiliyor
jobs-status-delivered = ✅ teslim edildi
jobs-status-rejected = ⚠️ başlamadı
jobs-status-submit-unknown = ⚠️ onaylanmadı
jobs-status-failed = ❌ başarısız
jobs-status-cancelled = 🛑 iptal edildi
jobs-status-timed-out = ⌛ zaman aşımı
help-title = Video oluşturma
help-about = Bir açıklamayı — istersen referans görsellerle ya da kısa bir kliple birlikte — kısa bir yapay zeka videosuna dönüştürürüm ve videoyu, devam ettirebilmen için düğmelerle birlikte kanala gönderirim. Her video gerçek kredi harcar, bu yüzden limitler var.
help-options-title = /video seçenekleri
help-options =
    `{ cmd-video-opt-prompt }` — videoda ne olacağı (referans eklersen isteğe bağlı)
    `{ $first_image }` … `{ $last_image }` — referans görseller (PNG, JPEG, WebP veya GIF)
    `{ cmd-video-opt-video }` — referans klip, 1–24 sn (en iyi sonucu 3 sn ya da daha kısası verir)
    `{ cmd-video-opt-aspect_ratio }` — `16:9` yatay (varsayılan) veya `9:16` dikey
    `{ cmd-video-opt-private }` — klibi kanal yerine direkt mesajlarına gönderir
help-buttons-title = Bir klibin altında
help-buttons =
    {"**"}Uzat** — klibi, sonrasında olacaklarla devam ettirir
    {"**"}Remiksle** — açıklaması değiştirilmiş yeni bir versiyon
    {"**"}Yeniden dene** — aynı istek bir kez daha
    {"**"}Sil** — klibi kaldırır (isteyen kişi ya da bir moderatör)
    {"**"}Hikaye** — klibin nasıl oluştuğunu gösteren bir resim (ayrıca `/{ cmd-story } { cmd-story-opt-job }:`)
    {"**"}Tam kurgu** — ilk klipten bu klibe kadar tüm yol, tek bir klip olarak
    {"**"}İptal et** — hâlâ devam eden ya da sıranda bekleyen bir videoyu durdurur
    Mesaj menüsü **Uygulamalar → Yapay zeka ile canlandır** — bir mesajdaki görselleri ya da klibi videoya dönüştürür
help-examples-title = Örnekler
help-examples =
    `/video { cmd-video-opt-prompt }: yağmurlu bir sokakta süzülen kağıttan bir kayık, sinematik`
    `/video { cmd-video-opt-prompt }: kameraya el sallıyor { $first_image }: (fotoğrafın) { cmd-video-opt-aspect_ratio }: 9:16`
    `/video { cmd-video-opt-video }: (3 saniyelik bir klip) { cmd-video-opt-prompt }: kamera bulutlara doğru yükseliyor { cmd-video-opt-private }: True`
help-more-title = Diğer komutlar
help-more =
    `/{ cmd-quota }` — video hakkın · `/{ cmd-jobs }` — son videoların · `/videoadmin` — sunucu ayarları
    Devam eden video limitine mi ulaştın? Birkaç video daha kendi sıranda bekler ve videoların bittikçe başlar.
cmd-quota = kota
cmd-quota-desc = Daha kaç video oluşturabileceğin ve hakkının ne zaman yenileneceği
cmd-jobs = görevler
cmd-jobs-desc = Son videoların, durumları ve her birinin bağlantısıyla
cmd-help = yardım
cmd-help-desc = Bu bot ne yapar, /video nasıl kullanılır ve limitlerin neler

## /videoadmin (yanıtları yalnızca yönetici görür)
admin-need-manage = Video ayarlarını değiştirmek için Sunucuyu Yönet iznine ihtiyacın var.
admin-and-more = … ve { $count } tane daha
admin-value-no-line = sıra yok (limite ulaşınca reddedilir)
admin-value-seconds = { $seconds } sn
admin-value-none = yok
admin-value-count = { $count }
admin-value-no-limit = sınırsız
admin-limit-user_daily_limit = üye başına günlük video
admin-limit-user_concurrent_limit = üye başına aynı anda devam eden video
admin-limit-user_queue_limit = bir üyenin sırasında bekleyebilecek video
admin-limit-guild_daily_limit = sunucu başına günlük video
admin-limit-cooldown_seconds = videolar arası bekleme süresi
admin-limit-label-user_daily_limit = Üye başına günlük video
admin-limit-label-user_concurrent_limit = Üye başına aynı anda devam eden video
admin-limit-label-user_queue_limit = Bir üyenin sırasında bekleyebilecek video
admin-limit-label-guild_daily_limit = Sunucu başına günlük video
admin-limit-label-cooldown_seconds = Videolar arası bekleme süresi
admin-limit-line = { $label }: **{ $value }** ({ $source })
admin-source-server = bu sunucunun ayarı; botun varsayılanı: { $default }
admin-source-default = varsayılan
admin-limit-set-part = { $name }: { $value }
admin-limits-nothing = Hiçbir şey değişmedi: en az bir limit belirt ya da `{ cmd-videoadmin-limits-opt-reset }: True` kullan.
admin-limits-set = Bu sunucunun limitleri güncellendi ({ $parts }).
admin-limits-reset = Bu sunucunun limitleri botun varsayılanlarına sıfırlandı.
admin-limits-reset-then-set = Bu sunucunun limitleri botun varsayılanlarına sıfırlandı, ardından güncellendi ({ $parts }).
admin-channel-rule-open = artık her kanalda video oluşturulabilir
admin-channel-rule-closed = artık video oluşturmaya açık kanallar: { $listed }
admin-role-rule-open = artık herkes video oluşturabilir
admin-role-rule-closed = artık video oluşturabilen roller: { $listed } (ve moderatörler)
admin-list-already-empty = { $kind ->
    [role] Rol izin listesi zaten boş; hiçbir şey değişmedi.
   *[channel] Kanal izin listesi zaten boş; hiçbir şey değişmedi.
}
admin-list-cleared = { $kind ->
    [role] Rol izin listesi temizlendi; { $rule }.
   *[channel] Kanal izin listesi temizlendi; { $rule }.
}
admin-list-pick = { $kind ->
    [role] { $action ->
        [allow] İzin verilecek rolü seç; hiçbir şey değişmedi.
       *[disallow] İzin listesinden çıkarılacak rolü seç; hiçbir şey değişmedi.
    }
   *[channel] { $action ->
        [allow] İzin verilecek kanalı seç; hiçbir şey değişmedi.
       *[disallow] İzin listesinden çıkarılacak kanalı seç; hiçbir şey değişmedi.
    }
}
admin-list-already-allowed = { $named } zaten izin listesinde; hiçbir şey değişmedi.
admin-list-full = { $kind ->
    [role] İzin listesine en fazla { $limit } rol eklenebilir; hiçbir şey değişmedi.
   *[channel] İzin listesine en fazla { $limit } kanal eklenebilir; hiçbir şey değişmedi.
}
admin-list-allowed = { $named } izin listesine eklendi; { $rule }.
admin-list-not-on = { $named } izin listesinde değil, bu yüzden hiçbir şey değişmedi.
admin-list-removed = { $named } izin listesinden çıkarıldı; { $rule }.
admin-show-title = Bu sunucunun video ayarları
admin-show-limits = Limitler
admin-show-bot-wide = Bot geneli (sunucuya göre değil, botun sahibi tarafından ayarlanır)
admin-show-bot-wide-value =
    Tüm sunucularda aynı anda oluşturulan video: **{ $jobs }**
    Tüm sunucular için günlük kredi bütçesi: { $budget }
admin-show-budget = **{ $budget } kredi**
admin-show-budget-videos = **{ $budget } kredi** (yaklaşık { $videos } video)
admin-show-budget-none = **yok**
admin-show-channels = Kanallar
admin-show-any-channel = Tüm kanallar
admin-show-roles = Roller
admin-show-roles-listed = { $roles } (ve moderatörler)
admin-show-everyone = Herkes
admin-show-generation = Video oluşturma
admin-show-paused = ⏸️ duraklatıldı
admin-show-running = ▶️ çalışıyor
admin-show-iteration = Uzat / Remiksle / Yeniden dene
admin-show-requester-only = yalnızca isteyen kişi (ve moderatörler)
admin-show-anyone = video oluşturabilen herkes
admin-show-banned = Yasaklı üyeler
admin-show-banned-list = { $count }: { $members }
admin-ban-already = <@{ $user }> zaten burada video oluşturmaktan yasaklı; hiçbir şey değişmedi.
admin-ban-done = <@{ $user }> artık bu sunucuda video oluşturamaz.
admin-unban-not-banned = <@{ $user }> burada yasaklı değil; hiçbir şey değişmedi.
admin-unban-done = <@{ $user }> bu sunucuda yeniden video oluşturabilir.
admin-pause-already = Bu sunucuda video oluşturma zaten duraklatılmış; hiçbir şey değişmedi.
admin-pause-not-paused = Bu sunucuda video oluşturma duraklatılmamış; hiçbir şey değişmedi.
admin-pause-done = Bu sunucuda video oluşturma duraklatıldı: `/videoadmin { cmd-videoadmin-resume }` kullanılana kadar yeni videolar reddedilir (devam eden videolar yine de tamamlanır).
admin-resume-done = Bu sunucuda video oluşturma yeniden başladı: üyeler tekrar video oluşturabilir.
admin-requester-only-already-on = “Yalnızca isteyen” ayarı zaten açık; hiçbir şey değişmedi.
admin-requester-only-already-off = “Yalnızca isteyen” ayarı zaten kapalı; hiçbir şey değişmedi.
admin-requester-only-on = Artık bir klibi yalnızca onu isteyen kişi (ve moderatörler) uzatabilir, remiksleyebilir veya yeniden deneyebilir.
admin-requester-only-off = Artık burada video oluşturabilen herkes, her klibi uzatabilir, remiksleyebilir veya yeniden deneyebilir.
admin-usage-none = Son { $days } günde bu sunucuda hiç video oluşturulmadı.
admin-usage-day = Gün
admin-usage-member = Üye
admin-usage-clips = Klip
admin-usage-done = OK
admin-usage-fail = Hata
admin-usage-credits = Kredi
admin-usage-more-rows = … ve usage.csv içinde { $count } satır daha
admin-usage-title = Bu sunucudaki video kullanımı, son { $days } gün
admin-usage-totals = Toplam
admin-usage-totals-value = { $clips } klip, { $members } üye · { $delivered } teslim edildi · { $failed } başarısız · { NUMBER($credits, minimumFractionDigits: 1, maximumFractionDigits: 1) } kredi
admin-usage-footer = Üye başına, UTC gününe göre.
admin-usage-footer-file = Üye başına, UTC gününe göre. Raporun tamamı usage.csv olarak ekte.
cmd-videoadmin = videoadmin
cmd-videoadmin-desc = Bu sunucunun video ayarları (Sunucuyu Yönet)
cmd-videoadmin-show = göster
cmd-videoadmin-show-desc = Bu sunucunun video limitlerini ve ayarlarını göster
cmd-videoadmin-limits = limitler
cmd-videoadmin-limits-desc = Bu sunucunun video limitlerini ayarla (0 = sınırsız)
cmd-videoadmin-limits-opt-user_daily = üye_günlük
cmd-videoadmin-limits-opt-user_daily-desc = Her üyenin bir UTC gününde oluşturabileceği video sayısı (0 = sınırsız)
cmd-videoadmin-limits-opt-user_concurrent = üye_aynı_anda
cmd-videoadmin-limits-opt-user_concurrent-desc = Her üyenin aynı anda devam edebilecek video sayısı (0 = sınırsız)
cmd-videoadmin-limits-opt-user_queue = üye_sırası
cmd-videoadmin-limits-opt-user_queue-desc = Limitine ulaşmış bir üyenin kendi sırasında bekletebileceği video sayısı (0 = sıra yok: reddet)
cmd-videoadmin-limits-opt-guild_daily = sunucu_günlük
cmd-videoadmin-limits-opt-guild_daily-desc = Tüm sunucunun bir UTC gününde oluşturabileceği video sayısı (0 = sınırsız)
cmd-videoadmin-limits-opt-cooldown = bekleme
cmd-videoadmin-limits-opt-cooldown-desc = Bir üyenin iki video arasında beklemesi gereken süre, saniye olarak (0 = bekleme yok)
cmd-videoadmin-limits-opt-reset = sıfırla
cmd-videoadmin-limits-opt-reset-desc = Bu sunucunun limitlerini unut ve yeniden botun varsayılanlarını kullan
cmd-videoadmin-channel = kanal
cmd-videoadmin-channel-desc = Video oluşturulabilecek kanalları seç
cmd-videoadmin-channel-opt-action = işlem
cmd-videoadmin-channel-opt-action-desc = bir kanala izin ver ya da izni kaldır veya listeyi temizle (o zaman her kanala izin verilir)
cmd-videoadmin-channel-opt-channel = kanal
cmd-videoadmin-channel-opt-channel-desc = Kanal (varsayılan: bu kanal)
cmd-videoadmin-role = rol
cmd-videoadmin-role-desc = Video oluşturabilecek rolleri seç
cmd-videoadmin-role-opt-action = işlem
cmd-videoadmin-role-opt-action-desc = bir role izin ver ya da izni kaldır veya listeyi temizle (o zaman herkes video oluşturabilir)
cmd-videoadmin-role-opt-role = rol
cmd-videoadmin-role-opt-role-desc = Rol (izin vermek ve kaldırmak için gerekli)
choice-allow = izin ver (izin listesine ekle)
choice-disallow = kaldır (izin listesinden çıkar)
choice-clear = temizle (izin listesini boşalt: kısıtlama yok)
cmd-videoadmin-ban = yasakla
cmd-videoadmin-ban-desc = Bir üyenin bu sunucuda video oluşturmasını engelle
cmd-videoadmin-ban-opt-user = üye
cmd-videoadmin-ban-opt-user-desc = Artık burada video oluşturamayacak üye
cmd-videoadmin-unban = yasağı_kaldır
cmd-videoadmin-unban-desc = Yasaklı bir üyenin yeniden video oluşturmasına izin ver
cmd-videoadmin-unban-opt-user = üye
cmd-videoadmin-unban-opt-user-desc = Burada yeniden video oluşturabilecek üye
cmd-videoadmin-pause = duraklat
cmd-videoadmin-pause-desc = Bu sunucuda video oluşturmayı duraklat
cmd-videoadmin-resume = sürdür
cmd-videoadmin-resume-desc = Bu sunucuda video oluşturmayı sürdür
cmd-videoadmin-requester_only = yalnızca_isteyen
cmd-videoadmin-requester_only-desc = Bir klibi yalnızca onu isteyen kişi mi uzatabilsin, remiksleyebilsin veya yeniden deneyebilsin
cmd-videoadmin-requester_only-opt-enabled = açık
cmd-videoadmin-requester_only-opt-enabled-desc = True: yalnızca isteyen kişi (ve moderatörler); False: video oluşturabilen herkes
cmd-videoadmin-usage = kullanım
cmd-videoadmin-usage-desc = Üye ve gün başına videolar, hatalar ve krediler (30 gün)
