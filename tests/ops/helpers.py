"""Running `python -m bot --health` / `--backup` next to a `bot_process`, as an operator would."""

from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass

from tests.conftest import BotProcess


@dataclass
class Ran:
    code: int
    out: str
    err: str


async def run_command(proc: BotProcess, argv: list[str]) -> Ran:
    """`argv` run with the bot process's settings and working folder (`python` is this interpreter)."""
    argv = [sys.executable if part == "python" else part for part in argv]
    child = await asyncio.create_subprocess_exec(
        *argv, cwd=str(proc.cwd), env=proc.env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    out, err = await asyncio.wait_for(child.communicate(), timeout=60)
    assert child.returncode is not None
    return Ran(child.returncode, out.decode(), err.decode())


async def run_bot_command(proc: BotProcess, *args: str) -> Ran:
    """`python -m bot ARGS`, as an operator runs it beside the bot."""
    return await run_command(proc, ["python", "-m", "bot", *args])


async def health(proc: BotProcess) -> Ran:
    return await run_bot_command(proc, "--health")
