"""Terminal UI latency on a 100 000-answer project, driven headless with Pilot.

    python bench/bench_tui.py [--answers 100000] [--questions 10] [--repeat 200]

Prints: time until the coding screen is interactive (store opened, first answer shown,
picker focused), and median / p95 of next-answer and apply-code key presses, each measured
from posting the key to the last screen update it caused (the frame the coder would see;
Pilot's own idle-waiting afterwards is not counted). On a shared machine the wall-clock
figures follow the load, so each line also gives the median processor time the press took
(this process, all threads), which does not.
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


def build(folder: Path, answers: int, questions: int) -> Path:
    """Generate (once) and return a project with a third of the segments coded."""
    db = folder / f"tui-{answers}-{questions}.db"
    if db.exists():
        return db
    generator = runpy.run_path(str(HERE / "generate_project.py"))
    survey, questions_file = folder / "survey.csv", folder / "questions.yaml"
    generator["write_wide_csv"](survey, answers, questions)
    generator["write_questions_yaml"](questions_file, questions)
    generator["build_project"](db, survey, "wide", questions_file)
    generator["code_share"](db, 0.3)
    return db


def summary(label: str, seconds: list[float], processor: list[float]) -> str:
    milliseconds = sorted(value * 1000 for value in seconds)
    p95 = milliseconds[int(0.95 * (len(milliseconds) - 1))]
    return (
        f"{label:<28} median {statistics.median(milliseconds):7.1f} ms   "
        f"p95 {p95:7.1f} ms   (n={len(milliseconds)}; processor median "
        f"{statistics.median(processor) * 1000:.1f} ms)"
    )


class FrameClock:
    """Records when the app last produced a screen update (headless: composed, not written)."""

    def __init__(self, app) -> None:
        self.last_frame = 0.0
        self.processor: dict[str, list[float]] = {}
        self._display = app._display
        app._display = self._record

    def _record(self, screen, renderable) -> None:
        self._display(screen, renderable)
        if renderable is not None:
            self.last_frame = time.perf_counter()

    async def timed_press(self, pilot, key: str, label: str) -> float:
        self.last_frame = 0.0
        started, processor = time.perf_counter(), time.process_time()
        await pilot.press(key)
        await pilot.pause()
        self.processor.setdefault(label, []).append(time.process_time() - processor)
        return max(self.last_frame - started, 0.0)


async def measure(db: Path, repeat: int, suggestions: bool) -> None:
    from workbench.tui import make_app
    from workbench.widgets.code_picker import FilterInput

    started = time.perf_counter()
    # Suggestions are fitted in a background worker; by default they are left out so the
    # figures measure the interface itself (the suggester has its own benchmark).
    app = make_app(db, "bench", suggestions=suggestions)
    async with app.run_test(size=(120, 36)) as pilot:
        while not isinstance(app.focused, FilterInput) or not app.screen.answer_ids:
            await pilot.pause()
        print(f"{'first screen interactive':<28} {time.perf_counter() - started:7.3f} s")
        # The filter's blinking cursor draws frames of its own; keep them out of the figures.
        app.focused.cursor_blink = False
        clock = FrameClock(app)
        next_times = [await clock.timed_press(pilot, "pagedown", "next") for _ in range(repeat)]
        apply_times = []
        for _ in range(repeat):
            await pilot.press(*"Kode 3")
            apply_times.append(await clock.timed_press(pilot, "enter", "apply"))
            await pilot.press("pagedown")
        number_times = []
        for _ in range(repeat):
            number_times.append(await clock.timed_press(pilot, "1", "number"))
            await pilot.press("pagedown")
        print(summary("next answer (PageDown)", next_times, clock.processor["next"]))
        print(summary("apply code (typed + Enter)", apply_times, clock.processor["apply"]))
        print(summary("apply suggestion (key 1)", number_times, clock.processor["number"]))
        app.workers.cancel_all()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--questions", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument(
        "--with-suggestions",
        action="store_true",
        help="also fit the code suggester in the background while measuring",
    )
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()) / "bench_tui")
    arguments = parser.parse_args()
    arguments.folder.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("WORKBENCH_CONFIG_DIR", str(arguments.folder / "config"))
    db = build(arguments.folder, arguments.answers, arguments.questions)
    print(
        f"project: {db} ({arguments.answers} answers, {arguments.questions} questions, "
        "30 % of segments coded)"
    )
    asyncio.run(measure(db, arguments.repeat, arguments.with_suggestions))
    return 0


if __name__ == "__main__":
    sys.exit(main())
