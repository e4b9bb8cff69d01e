"""A simulated coder codes the demo through the real app, headless, as its hidden truth says.

    python bench/bench_coder.py [--answers N] [--folder DIR]

For each answer the coder reads only what the screen shows: a suggestion digit when a true
code is listed, otherwise the shortest filter text after which Enter picks that code, then
Enter; a code not in the codebook yet is created by typing "Theme > Code" once. An Enter on
the empty filter moves on. Prints keys per coded segment (whole run and after 30 % of it)
and p50/p95 time from arriving at an answer to its suggestions being shown, with the
suggester fitted in its child process as in real use.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

TRUTH = Path(__file__).parent.parent / "corpora" / "demo_truth.csv"
PATH_SEPARATOR = " > "


def read_truth(path: Path) -> dict[tuple[str, str], list[str]]:
    """(respondent, question) -> the true code paths "Theme > Code"."""
    truth: dict[tuple[str, str], list[str]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            truth[row["respondent_id"], row["question_id"]].append(f"{row['theme']} > {row['code']}")
    return truth


class SimulatedCoder:
    """Presses keys on the coding screen and counts them."""

    def __init__(self, app, pilot) -> None:
        self.app, self.pilot = app, pilot
        self.keys = 0
        self.arrival_to_suggestions: list[float] = []
        self.ways: dict[str, list[int]] = defaultdict(list)  # how a code was applied -> keys

    @property
    def screen(self):
        return self.app.screen

    async def press(self, *keys: str) -> None:
        self.keys += len(keys)
        await self.pilot.press(*keys)

    async def wait_for_suggestions(self, arrived: float) -> None:
        """Until the list of this answer is shown (the suggester's own, once it is fitted)."""
        from workbench.widgets.suggestion_list import SuggestionList

        suggestion_list = self.screen.query_one(SuggestionList)
        while True:
            shown = suggestion_list.suggestions
            if shown is not None and shown.answer_id == self.screen.answer_id:
                if not (suggestion_list.ready and shown.provisional):
                    break
            await asyncio.sleep(0.002)
        self.arrival_to_suggestions.append(time.perf_counter() - arrived)

    def code_id(self, path: str) -> str | None:
        codes = self.screen.session.codes.values()
        return next((code["id"] for code in codes if code["path"].casefold() == path.casefold()), None)

    def shortest_filter(self, path: str, code_id: str) -> str:
        """The shortest prefix of the code's name (then of its path) after which Enter picks it."""
        from workbench.widgets.code_picker import CodePicker

        picker = self.screen.query_one(CodePicker)
        name = path.split(PATH_SEPARATOR)[-1]
        for text in (name, path):
            for length in range(1, len(text) + 1):
                if picker.enter_choice(text[:length]) == code_id:
                    return text[:length]
        return path

    def new_code_keys(self, path: str) -> list[str]:
        """Type the path, or, when cheaper, the name and Tab until the create line shows its theme."""
        from workbench.widgets.code_picker import CodePicker

        theme, name = path.split(PATH_SEPARATOR)[0], path.split(PATH_SEPARATOR)[-1]
        themes = [code["path"] for code in self.screen.query_one(CodePicker).themes]
        tabs = themes.index(theme) + 1 if PATH_SEPARATOR in path and theme in themes else None
        if tabs is None or tabs >= len(path) - len(name):
            return [*path, "enter"]
        return [*name, *["tab"] * tabs, "enter"]

    async def code(self, path: str) -> None:
        """Apply one true code the quickest way the screen offers."""
        code_id = self.code_id(path)
        listed = self.screen.session.suggestions
        rows = [row.code_id for row in listed.rows] if listed else []
        if code_id is not None and code_id in rows:
            keys, way = [str(rows.index(code_id) + 1)], "suggestion digit"
        elif code_id is not None:
            keys, way = [*self.shortest_filter(path, code_id), "enter"], "filter + Enter"
        else:
            keys, way = self.new_code_keys(path), "new code typed"
        self.ways[way].append(len(keys))
        await self.press(*keys)


async def run(db: Path, truth: dict, limit: int) -> None:
    from workbench.tui import make_app
    from workbench.widgets.code_picker import FilterInput
    from workbench.widgets.suggestion_list import SuggestionList

    app = make_app(db, "simulated")
    async with app.run_test(size=(120, 36)) as pilot:
        while not isinstance(app.focused, FilterInput):
            await pilot.pause()
        app.focused.cursor_blink = False
        while not app.screen.query_one(SuggestionList).ready:
            await asyncio.sleep(0.05)
        coder = SimulatedCoder(app, pilot)
        segments, keys_at_30 = await code_the_demo(coder, truth, limit)
        report(coder, segments, keys_at_30)
        app.workers.cancel_all()


async def code_the_demo(coder: SimulatedCoder, truth: dict, limit: int) -> tuple[int, tuple[int, int]]:
    """Code question after question until ``limit`` answers; return them and the 30 % mark."""
    segments, keys_at_30 = 0, (0, 0)
    for question_id in list(coder.screen.session.questions):
        coder.screen.go_to_question(question_id)
        await coder.pilot.pause()
        arrived = time.perf_counter()
        for _ in coder.screen.answer_ids:
            await coder.wait_for_suggestions(arrived)
            respondent = coder.screen.session.detail["respondent_id"]
            for path in truth.get((respondent, question_id), []):
                await coder.code(path)
            segments += 1
            if segments == round(0.3 * limit):
                keys_at_30 = (coder.keys, segments)
            if segments >= limit:
                return segments, keys_at_30
            arrived = time.perf_counter()
            await coder.press("enter")
    return segments, keys_at_30


def report(coder: SimulatedCoder, segments: int, keys_at_30: tuple[int, int]) -> None:
    keys_30, segments_30 = keys_at_30
    later = (coder.keys - keys_30) / max(segments - segments_30, 1)
    latencies = sorted(seconds * 1000 for seconds in coder.arrival_to_suggestions)
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    print(f"coded segments                    {segments}")
    for way, keys in coder.ways.items():
        print(f"  {way:<31} {len(keys):5d} codes, {sum(keys) / len(keys):5.1f} keys each")
    print(f"keys per coded segment, overall   {coder.keys / segments:.2f}   (goal ≤ 3.0)")
    print(f"keys per segment after 30 % coded {later:.2f}   (goal ≤ 2.0)")
    print(
        f"arrival → suggestions shown       p50 {statistics.median(latencies):.0f} ms   "
        f"p95 {p95:.0f} ms   (goal p95 ≤ 150 ms, n={len(latencies)})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=10**9, help="stop after this many answers")
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()) / "bench_coder")
    arguments = parser.parse_args()
    arguments.folder.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("WORKBENCH_CONFIG_DIR", str(arguments.folder / "config"))
    from workbench.demo.builder import ensure_demo_project, remove_project_files

    db = arguments.folder / "demo.db"
    remove_project_files(db)
    ensure_demo_project(db)
    truth = read_truth(TRUTH)
    answers = len(truth)
    print(f"project: the demo, {answers} answers with {sum(map(len, truth.values()))} true codes")
    asyncio.run(run(db, truth, min(arguments.answers, answers)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
