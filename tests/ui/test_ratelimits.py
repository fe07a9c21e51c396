"""Reading Discord's rate-limit answers (the card throttle's signal); the wire path is in test_cards_e2e."""

from __future__ import annotations

import pytest

from bot.ui.ratelimits import asked_wait


@pytest.mark.parametrize(
    ("status", "headers", "wait"),
    [
        (200, {"X-RateLimit-Remaining": "4", "X-RateLimit-Reset-After": "5"}, 0.0),  # room left
        (200, {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset-After": "2.5"}, 2.5),  # bucket empty
        (200, {}, 0.0),  # no headers at all
        (429, {"X-RateLimit-Reset-After": "1.25", "Retry-After": "2"}, 1.25),  # the precise one first
        (429, {"Retry-After": "3"}, 3.0),
        (429, {"Retry-After": "soon"}, 0.0),  # garbage is no signal, never an exception
        (200, {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset-After": "-1"}, 0.0),
    ],
)
def test_the_wait_discord_asked_for(status: int, headers: dict[str, str], wait: float) -> None:
    assert asked_wait(status, headers) == wait
