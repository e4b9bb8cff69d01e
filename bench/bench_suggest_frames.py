"""Does the coding screen stay smooth while the e5 vectors of every answer are computed?

    python bench/bench_suggest_frames.py [--answers 20000] [--seconds 120] [--engine e5]

A generated project (answers of about 200 characters, a third coded) is opened headless with
Pilot at 120x36, its engine set to "e5" and no vector cached, so the suggester's background
fit (a child process) embeds every answer. While it runs, a probe in the app's event loop
sleeps 5 ms at a time and records how late it wakes (the loop's stall), and the coder moves to
the next answer every 0.3 s, timing each key press to the frame it caused. Measuring stops
when the fit is done or after ``--seconds``. Prints the longest stall, stalls over 50 ms, the
key-to-frame figures and how many vectors were computed meanwhile.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import runpy
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
PROBE_SECONDS = 0.005
STALL_LIMIT = 0.050


def build(folder: Path, answers: int) -> Path:
    """Generate a project of ``answers`` answers (10 questions), a third of them coded."""
    generator = runpy.run_path(str(HERE / "generate_project.py"))
    db, survey, questions = folder / "frames.db", folder / "survey.csv", folder / "questions.yaml"
    generator["write_wide_csv"](survey, answers, 10)
    generator["write_questions_yaml"](questions, 10)
    generator["build_project"](db, survey, "wide", questions)
    generator["code_share"](db, 0.3)
    return db


class LoopProbe:
    """Sleeps in the event loop and records how much later than asked it wakes up."""

    def __init__(self) -> None:
        self.stalls: list[float] = []
        self.long: list[tuple[float, float]] = []  # (woke at, stall) of stalls over the limit
        self.running = True

    async def run(self) -> None:
        while self.running:
            started = time.perf_counter()
            await asyncio.sleep(PROBE_SECONDS)
            woke = time.perf_counter()
            self.stalls.append(woke - started - PROBE_SECONDS)
            if self.stalls[-1] > STALL_LIMIT:
                self.long.append((woke, self.stalls[-1]))


class FrameClock:
    """When the app last produced a screen update (headless: composed, not written)."""

    def __init__(self, app) -> None:
        self.last_frame = 0.0
        self.spans: list[tuple[float, float]] = []  # (pressed, drawn) of each key press
        self._display = app._display
        app._display = self._record

    def _record(self, screen, renderable) -> None:
        self._display(screen, renderable)
        if renderable is not None:
            self.last_frame = time.perf_counter()

    async def timed_press(self, pilot, key: str) -> float:
        self.last_frame = 0.0
        started = time.perf_counter()
        await pilot.press(key)
        await pilot.pause()
        self.spans.append((started, max(self.last_frame, started)))
        return max(self.last_frame - started, 0.0)


async def measure(db: Path, seconds: float) -> None:
    from workbench.tui import make_app
    from workbench.widgets.code_picker import FilterInput
    from workbench.widgets.status_line import StatusLine

    app = make_app(db, "bench")
    async with app.run_test(size=(120, 36)) as pilot:
        while not isinstance(app.focused, FilterInput) or not app.screen.answer_ids:
            await pilot.pause()
        app.focused.cursor_blink = False
        probe, clock = LoopProbe(), FrameClock(app)
        probe_task = asyncio.ensure_future(probe.run())
        started, presses, notices = time.perf_counter(), [], set()
        while time.perf_counter() - started < seconds and not app.screen.query_one("#suggestions").ready:
            presses.append(await clock.timed_press(pilot, "pagedown"))
            notices.add(app.screen.query_one(StatusLine).notice)
            await asyncio.sleep(0.3)
        elapsed = time.perf_counter() - started
        probe.running = False
        await probe_task
        ready = app.screen.query_one("#suggestions").ready
        report(probe.stalls, presses, elapsed, ready, sorted(notices, key=_progress)[-1:])
        during = [stall for woke, stall in probe.long if any(a <= woke - stall <= b for a, b in clock.spans)]
        print(
            f"stalls over {STALL_LIMIT * 1000:.0f} ms that began while a key press was handled: "
            f"{len(during)} of {len(probe.long)}; at (s after start, ms): "
            + ", ".join(f"{woke - started:.1f} {stall * 1000:.0f}" for woke, stall in probe.long)
        )
        app.suggester.cancel()
        app.workers.cancel_all()


def _progress(notice: str) -> int:
    digits = notice.rsplit(" ", 1)[-1].split("/")[0]
    return int(digits) if digits.isdigit() else -1


def report(stalls: list[float], presses: list[float], elapsed: float, ready: bool, notice) -> None:
    ordered = sorted(stall * 1000 for stall in stalls)
    over = sum(stall > STALL_LIMIT for stall in stalls)
    print(
        f"measured {elapsed:.0f} s; background fit {'finished' if ready else 'still running'}; "
        f"last progress: {notice[0] if notice else '-'}"
    )
    print(
        f"event-loop stall ({len(stalls)} probes of {PROBE_SECONDS * 1000:.0f} ms): median "
        f"{statistics.median(ordered):.1f} ms, p99 {ordered[int(0.99 * (len(ordered) - 1))]:.1f} ms, "
        f"longest {ordered[-1]:.1f} ms, {over} over {STALL_LIMIT * 1000:.0f} ms"
    )
    keys = sorted(press * 1000 for press in presses)
    print(
        f"next answer (PageDown) to frame: median {statistics.median(keys):.1f} ms, "
        f"p95 {keys[int(0.95 * (len(keys) - 1))]:.1f} ms, longest {keys[-1]:.1f} ms (n={len(keys)})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=20_000)
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--engine", default="e5", help="the project's engine (e5 or tfidf)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["WORKBENCH_CONFIG_DIR"] = str(Path(folder) / "config")
        db = build(Path(folder), arguments.answers)
        from workbench.store import Store
        from workbench.suggest.engines import save_project_engine

        with Store(db) as store:
            save_project_engine(store, arguments.engine)
        print(
            f"project: {arguments.answers} answers (10 questions, 30 % of segments coded), "
            f"engine {arguments.engine}, no vector cached; screen 120x36"
        )
        asyncio.run(measure(db, arguments.seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
