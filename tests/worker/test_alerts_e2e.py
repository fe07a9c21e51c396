"""Operator alerts and resuming on top-up, end to end: the real bot against the fake Discord and fake API.

A refused key (401) or an empty account (402) pauses new submits, alerts the operator once (a channel, or a
DM to the application's owner), and the queued jobs resume as soon as a balance probe shows the key accepted
and credit left. Members' cards only say the operator was told once the alert was delivered.
"""

from __future__ import annotations

import pytest

from bot.jobs import JobStatus
from bot.jobs.sentences import (
    MISCONFIGURED_SENTENCE,
    OUT_OF_CREDIT_SENTENCE,
    with_operator_told,
)
from bot.ui.alerts import DiscordAlerts, scrub
from bot.worker.ports import Incident
from tests.conftest import Harness, answer, asked_by, job_number
from tests.fakes.fake_apimart import FakeApiMart, Timeline
from tests.fakes.fake_discord import FakeChannel, FakeMessage

pytestmark = pytest.mark.e2e


def probes(api: FakeApiMart) -> list[int | None]:
    """The answers to the bot's balance probes, in order."""
    return [r.status for r in api.requests if r.route == "balance"]


def cards(h: Harness) -> dict[int, FakeMessage]:
    """The bot's job cards in the main channel, by job id."""
    found: dict[int, FakeMessage] = {}
    for m in h.discord.channel.messages:
        job_id = job_number(m)
        if m.author.id == h.discord.bot_user.id and job_id is not None and asked_by(m) is not None:
            found[job_id] = m
    return found


def delivered(h: Harness) -> list[FakeMessage]:
    return [m for m in cards(h).values() if m.attachments]


def owner_dm(h: Harness) -> FakeChannel | None:
    return h.discord.dms.get(h.discord.owner.id)


def secrets_of(h: Harness) -> tuple[str, str]:
    return h.settings.apimart_api_key, h.settings.discord_token


async def test_key_refused_mid_run_alerts_the_channel_once_and_cards_tell_the_truth(harness: Harness) -> None:
    h = harness
    ops = h.discord.add_channel("ops")
    await h.start(
        operator_alert_channel_id=ops.id, auth_pause_seconds=0.2, max_concurrent_jobs=1, cooldown_seconds=0
    )
    h.api.default_timeline = Timeline.manual(estimated_time=1)
    alice, bob, carol = (h.discord.add_user(n) for n in ("alice", "bob", "carol"))
    await answer(await h.video(alice, "in flight when the key dies"))
    await h.api.wait_until(lambda: len(h.api.submits) == 1)
    for user in (bob, carol):
        await answer(await h.video(user, f"{user.name} waits in line"))
    queued = [await h.job_when(job_id, lambda j: j.queued) for job_id in (2, 3)]  # waiting for the slot

    good_key = h.api.api_key
    h.api.api_key = "revoked-by-the-provider"  # from now on every /v1 call of the bot gets 401
    await h.discord.wait_until(lambda: len(ops.messages) == 1)
    await h.api.wait_until(lambda: probes(h.api).count(401) >= 3)  # probed again and again, still refused
    [alert] = ops.messages
    assert "401" in alert.content and "APIMART_API_KEY" in alert.content
    for secret in (*secrets_of(h), good_key):
        assert secret not in alert.content
    assert not alert.pinged_user_ids and not alert.pinged_everyone

    # The cards of waiting jobs say why they wait, and that the operator was told (it is true now).
    told = with_operator_told(MISCONFIGURED_SENTENCE, True).render()
    for job in queued:
        await h.discord.wait_until(lambda j=job.id: j in cards(h) and told in cards(h)[j].text)
    dave = h.discord.add_user("dave")
    assert (await answer(await h.video(dave, "while the key is refused"))).content == told
    assert len(h.api.submit_attempts) == 1, "nothing is submitted while the key is refused"
    assert len(ops.messages) == 1, "one alert per incident"

    h.api.api_key = good_key  # the operator (or the provider) fixes the key
    h.api.default_timeline = Timeline.quick()
    for task_id in [t.id for t in h.api.tasks.values() if not t.is_terminal]:
        h.api.complete(task_id)
    await h.discord.wait_until(lambda: len(delivered(h)) == 3, timeout=20)
    assert [(await h.ended(job_id)).status for job_id in (1, 2, 3)] == [JobStatus.DELIVERED] * 3
    assert sorted(s["prompt"] for s in h.api.submits) == [
        "bob waits in line",
        "carol waits in line",
        "in flight when the key dies",
    ], "each job submitted once, none lost"
    await h.discord.wait_until(lambda: "Resolved" in ops.messages[0].content)
    assert len(ops.messages) == 1, "the resolution is an edit of the alert, not another message"
    for user in (alice, bob, carol):
        assert sum(1 for m in delivered(h) if asked_by(m) == user.id) == 1


async def test_out_of_credit_then_top_up_resumes_the_queue_at_the_next_probe(harness: Harness) -> None:
    h = harness
    await h.start(payment_pause_seconds=0.2, max_concurrent_jobs=2, cooldown_seconds=0)
    h.api.payment_required = True
    users = [h.discord.add_user(n) for n in ("alice", "bob", "carol")]
    # A 429 first holds every API call for a moment, so all three are accepted before the 402 (after it,
    # /video refuses new jobs at once).
    h.api.fault_next("submit", "429", retry_after=1.0)
    for user in users:
        await answer(await h.video(user, f"{user.name}'s clip"))
    await h.api.wait_until(lambda: probes(h.api).count(402) >= 3)
    jobs = await h.store.jobs_with_status(list(JobStatus))
    assert [j.status for j in jobs] == [JobStatus.ACCEPTED] * 3, "all wait, none lost or given up"
    assert all(j.queued for j in jobs)
    assert h.api.submits == [], "a 402 creates nothing"
    # No alert channel: the application's owner gets one DM, and the cards say so once it landed.
    await h.discord.wait_until(lambda: (dm := owner_dm(h)) is not None and len(dm.messages) == 1)
    dm = owner_dm(h)
    assert dm is not None and "402" in dm.messages[0].content
    told = with_operator_told(OUT_OF_CREDIT_SENTENCE, True).render()
    for job in jobs:
        await h.discord.wait_until(lambda j=job.id: j in cards(h) and told in cards(h)[j].text)
    submit_attempts = len(h.api.submit_attempts)

    h.api.payment_required = False  # the operator tops up
    await h.discord.wait_until(lambda: len(delivered(h)) == 3, timeout=20)

    answered = probes(h.api)
    assert answered.count(200) == 1 and answered[-1] == 200, (
        f"the first probe that saw credit resumed the queue, and no more were needed: {answered}"
    )
    assert [(await h.ended(job_id)).status for job_id in (1, 2, 3)] == [JobStatus.DELIVERED] * 3
    assert sorted(s["prompt"] for s in h.api.submits) == ["alice's clip", "bob's clip", "carol's clip"]
    assert len(h.api.submit_attempts) == submit_attempts + 3, "each job sent once after the top-up"
    for user in users:
        mine = [m for m in delivered(h) if asked_by(m) == user.id]
        assert len(mine) == 1 and "out of credit" not in mine[0].text
        await h.discord.wait_until(
            lambda u=user.id: sum(1 for m in h.discord.channel.messages if m.pinged_user_ids == {u}) == 1
        )
    assert len(dm.messages) == 1
    await h.discord.wait_until(lambda: "Resolved" in dm.messages[0].content)


async def test_cards_do_not_claim_the_operator_was_told_when_the_alert_could_not_be_sent(
    harness: Harness,
) -> None:
    h = harness
    # An alert channel that does not exist: the alert fails, so nobody may be told it was sent.
    await h.start(operator_alert_channel_id=123456789, payment_pause_seconds=0.2, cooldown_seconds=0)
    h.api.payment_required = True
    alice = h.discord.add_user("alice")
    await answer(await h.video(alice, "while empty"))
    await h.api.wait_until(lambda: probes(h.api).count(402) >= 2)
    [card] = cards(h).values()
    await h.discord.wait_until(lambda: OUT_OF_CREDIT_SENTENCE.render() in card.text)
    assert "The operator has been told." not in card.text
    said = await answer(await h.video(h.discord.add_user("bob"), "also while empty"))
    assert said.content == OUT_OF_CREDIT_SENTENCE.render()
    h.api.payment_required = False
    await h.discord.wait_until(lambda: len(delivered(h)) == 1, timeout=20)


# ---- the alert logic on its own (a stand-in for the Discord channel) ---------------------------------


class _Sent:
    def __init__(self, content: str) -> None:
        self.content = content
        self.edits: list[str] = []

    async def edit(self, *, content: str, **_: object) -> None:
        self.content = content
        self.edits.append(content)


class _Channel:
    def __init__(self) -> None:
        self.sent: list[_Sent] = []

    async def send(self, content: str, **_: object) -> _Sent:
        message = _Sent(content)
        self.sent.append(message)
        return message


class _Client:
    def __init__(self) -> None:
        self.channel = _Channel()

    def get_partial_messageable(self, channel_id: int) -> _Channel:
        return self.channel


async def _settle(alerts: DiscordAlerts) -> None:
    await alerts.close()


async def test_alerts_are_deduplicated_rate_limited_and_scrubbed() -> None:
    now = [1000.0]
    client = _Client()
    alerts = DiscordAlerts(
        client,  # type: ignore[arg-type]
        channel_id=1,
        secrets=("sk-live-SECRETKEY123", "bot.token.value"),
        clock=lambda: now[0],
    )
    detail = (
        "POST https://user:hunter2@api.example/v1/x?key=sk-live-SECRETKEY123 -> 401 "
        "Authorization: Bearer sk-live-SECRETKEY123 bot.token.value"
    )
    for _ in range(5):
        alerts.incident(Incident.API_KEY_REFUSED, detail)  # the same incident, still going on
    await _settle(alerts)
    assert len(client.channel.sent) == 1
    text = client.channel.sent[0].content
    for leak in ("SECRETKEY123", "hunter2", "bot.token.value", "key="):
        assert leak not in text, text
    assert alerts.told(Incident.API_KEY_REFUSED)

    alerts.resolved(Incident.API_KEY_REFUSED)
    await _settle(alerts)
    assert "Resolved" in client.channel.sent[0].content
    assert not alerts.told(Incident.API_KEY_REFUSED)

    # Back within the repeat window: not sent again (the operator heard of it a moment ago).
    now[0] += 60
    alerts.incident(Incident.API_KEY_REFUSED, detail)
    await _settle(alerts)
    assert len(client.channel.sent) == 1 and alerts.told(Incident.API_KEY_REFUSED)

    # Many different incidents at once: at most MAX_PER_WINDOW go out; the rest are counted in a later one.
    for channel in range(10):
        alerts.incident(Incident.CHANNEL_FORBIDDEN, "discord 403 50013", key=str(channel))
    await _settle(alerts)
    assert len(client.channel.sent) == 5  # the key alert + 4 more in the same 10 minutes
    now[0] += 3600
    alerts.incident(Incident.DELIVERY_FAILING, "discord 503")
    await _settle(alerts)
    assert "held back" in client.channel.sent[-1].content


def test_scrub_masks_urls_tokens_and_keys() -> None:
    text = scrub(
        "GET https://a:b@cdn.example/clip.mp4?ex=1&hm=abc "
        "token MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcdE.abcdefghijklmnopqrstuvwxyz123 "
        "sk-abcdefghijkl Bearer abcdefghijklmnop"
    )
    assert "a:b@" not in text and "hm=" not in text and "GabcdE" not in text
    assert "sk-abcdefghijkl" not in text and "abcdefghijklmnop" not in text
    assert "cdn.example/clip.mp4" in text
