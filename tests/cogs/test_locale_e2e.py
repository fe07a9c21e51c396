"""Each member reads the bot in their own language (`interaction.locale`), the channel in the server's
(`guild_locale`), and the command names sync with their localizations — through the real bot and the fake
Discord."""

from __future__ import annotations

from typing import Any

from tests.conftest import Harness, answer
from tests.fakes.fake_apimart import Timeline
from tests.fakes.fake_discord import FakeFile, FakeMessage

TEXT = FakeFile("notes.txt", b"just some text\n" * 10, "text/plain")


def footer(m: FakeMessage) -> str:
    return str((m.embeds[0].get("footer") or {}).get("text", "")) if m.embeds else ""


def running(m: FakeMessage) -> bool:
    return bool(m.embeds) and str(m.embeds[0].get("title", "")).startswith("🎬 Generating")


async def test_a_spanish_member_reads_spanish_and_an_english_one_english_in_the_same_server(
    harness: Harness,
) -> None:
    h = harness
    await h.start(user_concurrent_limit=1, user_queue_limit=0, cooldown_seconds=0)
    ana = h.discord.add_user("ana")
    ana.locale = "es-ES"
    bob = h.discord.add_user("bob")  # en-US

    # The /video refusal for a .txt attachment.
    said = await answer(await h.video(ana, "una nube", files={"image1": TEXT}))
    assert said.content == "notes.txt no es una imagen que pueda usar: adjunta un PNG, JPEG, WebP o GIF."
    said = await answer(await h.video(bob, "a cloud", files={"image1": TEXT}))
    assert said.content == "notes.txt is not an image I can use: attach a PNG, JPEG, WebP or GIF."

    # The quota refusal (one video at a time, no line), then the Cancel confirmation. The card is public:
    # the server's English; the answers are each member's own.
    h.api.queue_timeline(Timeline.manual(estimated_time=60), Timeline.manual(estimated_time=60))
    spanish = (
        "Tu vídeo está en camino como trabajo #1",
        "Ya tienes 1 de tus 1 vídeos en curso;",
        "Cancelado",
    )
    english = (
        "Your video is on its way as job #2",
        "You already have 1 of your 1 videos in progress;",
        "Cancelled",
    )
    for who, job, (started, refused, cancelled) in ((ana, 1, spanish), (bob, 2, english)):
        said = await answer(await h.video(who, "a raining cloud"))
        assert said.content.startswith(started)
        card = await h.discord.wait_for_message(lambda m, j=job: footer(m) == f"Job #{j}" and running(m))
        said = await answer(await h.video(who, "another one"))
        assert said.content.startswith(refused)
        button = card.button("Cancel")
        assert button is not None
        said = await answer(await h.discord.click(who, card, str(button["custom_id"])))
        assert said.content.startswith(cancelled)


async def test_a_public_card_in_a_german_server_is_german_whoever_asked(harness: Harness) -> None:
    h = harness
    h.discord.guild.locale = "de"
    await h.start()
    ana = h.discord.add_user("ana")
    ana.locale = "es-ES"  # her own answers are Spanish; the channel's card is the server's German
    started = await answer(await h.video(ana, "ein Boot"))
    assert started.content.startswith("Tu vídeo está en camino como trabajo #1")
    card = await h.discord.wait_for_message(lambda m: footer(m) == "Auftrag #1" and bool(m.attachments))
    embed = card.embeds[0]
    assert embed["title"] == "✅ Dein Video"
    names = [f["name"] for f in embed["fields"]]
    assert names[:3] == ["Angefragt von", "Seitenverhältnis", "Referenzen"]
    assert [b["label"] for b in card.buttons] == [
        "Verlängern", "Remixen", "Wiederholen", "Löschen", "Geschichte", "Gesamtschnitt",
    ]  # fmt: skip
    ping = await h.discord.wait_for_message(
        lambda m: m.content.endswith("dein Video ist fertig (Auftrag #1).")
    )
    assert ping.pinged_user_ids == {ana.id}


async def test_commands_sync_with_their_localizations(harness: Harness) -> None:
    h = harness
    await h.start()
    video = h.discord.find_command("video", h.discord.guild.id)
    assert video["name_localizations"]["es-ES"] == "video"
    assert video["description_localizations"]["de"].startswith("Erstelle ein kurzes KI-Video")
    assert video["description_localizations"]["es-419"] == video["description_localizations"]["es-ES"]
    assert "en-GB" not in (video.get("description_localizations") or {}), "English is the default"
    options: dict[str, Any] = {o["name"]: o for o in video["options"]}
    assert options["image3"]["name_localizations"] == {"es-ES": "imagen3", "es-419": "imagen3", "de": "bild3",
                                                       "fr": "image3", "pt-BR": "imagem3",
                                                       "ru": "изображение3",
                                                       "tr": "görsel3",
                                                       "pl": "obraz3"}  # fmt: skip
    assert options["aspect_ratio"]["choices"][0]["name_localizations"]["fr"] == "16:9 (paysage)"
    admin = h.discord.find_command("videoadmin", h.discord.guild.id)
    show = next(o for o in admin["options"] if o["name"] == "show")
    assert show["name_localizations"]["de"] == "anzeigen"
    menu = h.discord.find_command("Animate with AI", h.discord.guild.id, ctype=3)
    assert menu["name_localizations"]["fr"] == "Animer avec l'IA"
