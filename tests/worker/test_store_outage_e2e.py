"""PostgreSQL out for a moment at the worst time: right after a submit POST reached the API, every connection
between the bot and the database is cut and new ones are refused for a while (a server restart, a network
cut). The task id the API returned exists only in the bot's memory then: it is stored once the database is
back, the clip is delivered once, and nothing is submitted twice or left "unconfirmed"."""

from __future__ import annotations

import asyncio

import pytest
import yarl

from bot.jobs import JobStatus
from tests.conftest import Harness, answer, delivered_card
from tests.fakes.fake_apimart import FakeTask, Timeline
from tests.fakes.tcp_cut import CuttableLink
from tests.stores import ON_POSTGRES, database_url_for

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not ON_POSTGRES, reason="a PostgreSQL server to cut the bot off from"),
]

OUTAGE_SECONDS = 2.0


async def test_a_database_outage_right_after_the_submit_loses_nothing(harness: Harness) -> None:
    h = harness
    url = yarl.URL(database_url_for(h.data_dir / "bot.sqlite3"))
    assert url.host is not None and url.port is not None
    link = CuttableLink(url.host, url.port)
    await link.start()
    try:
        await h.start(database_url=str(url.with_port(link.port)))
        alice = h.discord.add_user("alice")
        h.api.queue_timeline(Timeline.quick(0.5, estimated_time=1))
        loop = asyncio.get_running_loop()

        def outage(_: FakeTask) -> None:  # inside the API's handler: the task exists, the answer not sent
            link.cut()
            loop.call_later(OUTAGE_SECONDS, link.restore)

        h.api.on("submit", outage, once=True)
        said = await answer(await h.video(alice, "through the outage"))
        assert "#1" in said.content
        card = await delivered_card(h, 1, timeout=40)
        job = await h.ended(1)
        assert link.cuts == 1
        assert job.status == JobStatus.DELIVERED and job.task_id == next(iter(h.api.tasks))
        assert len(h.api.submits) == 1, "submitted once"
        results = [m for m in h.discord.channel.messages if m.attachments]
        assert results == [card], "one clip"
        assert sum(1 for m in h.discord.channel.messages if m.pinged_user_ids == {alice.id}) == 1
    finally:
        await h.stop()
        await link.close()
