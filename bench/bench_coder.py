"""A simulated coder codes the demo's 2023 wave through the real app, headless, as its hidden
truth says.

    python bench/bench_coder.py [--answers N] [--mode off|on|both] [--folder DIR]

For each answer the coder reads only what the screen shows: a suggestion digit when a true
code is listed, otherwise the shortest filter text after which Enter picks that code, then
Enter; a code not in the codebook yet is created by typing "Theme > Code" once (or its name
and Tab to its theme, when shorter), then Escape skips the definition it invites. With
auto-next off an Enter on the empty filter moves on. With it on (F4, pressed once and counted)
the coder applies typed codes first and a digit last, which applies and moves on; another
digit code of the same answer is applied staying put with alt+digit (one key).
The coder goes to each next question with ctrl+l, its id and Enter; those keys count too.
Prints, per mode, keys per coded segment (whole run, after 30 % of it, and on the answers past
the first 30 % of their own question, as each question has codes of its own) and p50/p95 time
from arriving at an answer (the key that moved on) to its suggestion list being painted,
with the suggester fitted in its child process as in real use; also the time until the
simulated coder noticed it (that adds Pilot's own wait for an idle process after each key).
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
from dataclasses import dataclass
from pathlib import Path

TRUTH = Path(__file__).parent.parent / "corpora" / "demo_truth.csv"
PATH_SEPARATOR = " > "
WAVE = 2023  # the truth is of the demo's 2023 wave; the bench opens that wave explicitly
TOGGLE_AUTO_NEXT = "f4"


def read_truth(path: Path) -> dict[tuple[str, str], list[str]]:
    """(respondent, question) -> the true code paths "Theme > Code" of the 2023 wave."""
    truth: dict[tuple[str, str], list[str]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row.get("wave", str(WAVE)) == str(WAVE):
                truth[row["respondent_id"], row["question_id"]].append(f"{row['theme']} > {row['code']}")
    return truth


@dataclass(frozen=True)
class Step:
    """The keys that apply one code, how, and whether they are a suggestion digit."""

    keys: tuple[str, ...]
    way: str
    digit: bool = False


class SimulatedCoder:
    """Presses keys on the coding screen and counts them."""

    def __init__(self, app, pilot, auto_next: bool) -> None:
        from workbench.widgets.suggestion_list import SuggestionList

        self.app, self.pilot, self.auto_next = app, pilot, auto_next
        self.keys = 0
        self.arrived = time.perf_counter()
        self.arrival_to_painted: list[float] = []
        self.arrival_to_noticed: list[float] = []
        self.ways: dict[str, list[int]] = defaultdict(list)  # how a code was applied -> keys
        self.painted: tuple[object, float] = (None, 0.0)  # the list last painted, and when
        self._watch_paint(app.screen.query_one(SuggestionList))

    def _watch_paint(self, suggestion_list) -> None:
        """Note when each new list is first painted (the frame the coder sees it in)."""
        paint = suggestion_list.render_lines

        def render_lines(crop):
            strips = paint(crop)
            if suggestion_list.drawn is not self.painted[0]:
                self.painted = (suggestion_list.drawn, time.perf_counter())
            return strips

        suggestion_list.render_lines = render_lines

    @property
    def screen(self):
        return self.app.screen

    async def press(self, *keys: str) -> None:
        self.keys += len(keys)
        await self.pilot.press(*keys)

    async def wait_for_suggestions(self) -> None:
        """Until the list of this answer is painted (the suggester's own, once it is fitted)."""
        from workbench.widgets.suggestion_list import SuggestionList

        suggestion_list = self.screen.query_one(SuggestionList)
        while True:
            shown = suggestion_list.drawn
            if shown is not None and shown.answer_id == self.screen.answer_id:
                if shown is self.painted[0] and not (suggestion_list.ready and shown.provisional):
                    break
            await asyncio.sleep(0.002)
        self.arrival_to_noticed.append(time.perf_counter() - self.arrived)
        self.arrival_to_painted.append(self.painted[1] - self.arrived)

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
            return [*path, "enter", "escape"]
        return [*name, *["tab"] * tabs, "enter", "escape"]

    def step(self, path: str) -> Step:
        """The quickest way the screen offers to apply one true code (the list's order stays
        fixed while the coder stays on the answer, so it can be planned on arrival)."""
        code_id = self.code_id(path)
        listed = self.screen.session.suggestions
        rows = [row.code_id for row in listed.rows] if listed else []
        if code_id is not None and code_id in rows:
            return Step((str(rows.index(code_id) + 1),), "suggestion digit", digit=True)
        if code_id is not None:
            return Step((*self.shortest_filter(path, code_id), "enter"), "filter + Enter")
        return Step(tuple(self.new_code_keys(path)), "new code typed")

    def staying(self, step: Step) -> Step:
        """A digit code applied without moving on (auto-next on): alt+digit."""
        return Step((f"alt+{step.keys[0]}",), "alt+digit, staying")

    def ordered(self, paths: list[str]) -> list[str]:
        """The answer's codes in pressing order; with auto-next the listed (digit) ones last."""
        if not self.auto_next:
            return paths
        listed = self.screen.session.suggestions
        shown = {row.code_id for row in listed.rows} if listed else set()
        return sorted(paths, key=lambda path: self.code_id(path) in shown)

    async def code_answer(self, paths: list[str], move_on: bool) -> None:
        """Apply the answer's true codes (each step chosen when it is due, as the codebook may
        have grown); then, if ``move_on``, go to the next answer: Enter, unless the last
        digit already moved on."""
        answer_id = self.screen.answer_id
        ordered = self.ordered(paths)
        for number, path in enumerate(ordered, start=1):
            step = self.step(path)
            last = number == len(ordered)
            if self.auto_next and step.digit and not last:
                step = self.staying(step)
            self.ways[step.way].append(len(step.keys))
            await self.press(*step.keys[:-1])
            self.arrived = time.perf_counter()  # in case this key moves on (auto-next, single-code)
            await self.press(step.keys[-1])
        if move_on and self.screen.answer_id == answer_id:
            self.arrived = time.perf_counter()
            await self.press("enter")


async def run(db: Path, truth: dict, limit: int, auto_next: bool) -> None:
    from workbench.tui import make_app
    from workbench.widgets.code_picker import FilterInput
    from workbench.widgets.suggestion_list import SuggestionList

    app = make_app(db, "simulated")
    app.wave = WAVE
    async with app.run_test(size=(120, 36)) as pilot:
        while not isinstance(app.focused, FilterInput):
            await pilot.pause()
        app.focused.cursor_blink = False
        while not app.screen.query_one(SuggestionList).ready:
            await asyncio.sleep(0.05)
        coder = SimulatedCoder(app, pilot, auto_next)
        if auto_next:
            await coder.press(TOGGLE_AUTO_NEXT)
            assert app.screen.session.auto_next, "F4 did not turn auto-next on"
        report(coder, await code_the_demo(coder, truth, limit), auto_next)
        app.workers.cancel_all()


async def code_the_demo(coder: SimulatedCoder, truth: dict, limit: int) -> Tally:
    """Code question after question until ``limit`` answers, going to each question with
    ctrl+l (the `g` of the code filter), its id and Enter (counted); tally keys on the way."""
    tally = Tally()
    for question_id in list(coder.screen.session.questions):
        if coder.screen.question_id != question_id:
            await coder.press("ctrl+l", *question_id)
            coder.arrived = time.perf_counter()
            await coder.press("enter")
            await coder.pilot.pause()
        assert coder.screen.question_id == question_id, f"ctrl+l did not reach {question_id}"
        answers = len(coder.screen.answer_ids)
        for position in range(answers):
            await coder.wait_for_suggestions()
            respondent = coder.screen.session.detail["respondent_id"]
            paths = truth.get((respondent, question_id), [])
            last = tally.segments + 1 >= limit or position == answers - 1
            keys_before = coder.keys
            await coder.code_answer(paths, move_on=not last)
            tally.count(coder.keys - keys_before, late_in_question=position >= 0.3 * answers)
            if tally.segments == round(0.3 * limit):
                tally.keys_at_30 = (coder.keys, tally.segments)
            if tally.segments >= limit:
                return tally
    return tally


@dataclass
class Tally:
    """Segments coded, the keys pressed when 30 % of the run was coded, and the keys and
    segments of answers past the first 30 % of their own question."""

    segments: int = 0
    keys_at_30: tuple[int, int] = (0, 0)
    late_keys: int = 0
    late_segments: int = 0

    def count(self, keys: int, late_in_question: bool) -> None:
        self.segments += 1
        if late_in_question:
            self.late_keys += keys
            self.late_segments += 1


def percentiles(seconds: list[float]) -> str:
    milliseconds = sorted(value * 1000 for value in seconds)
    p95 = milliseconds[int(0.95 * (len(milliseconds) - 1))]
    return f"p50 {statistics.median(milliseconds):.0f} ms   p95 {p95:.0f} ms"


def report(coder: SimulatedCoder, tally: Tally, auto_next: bool) -> None:
    keys_30, segments_30 = tally.keys_at_30
    later = (coder.keys - keys_30) / max(tally.segments - segments_30, 1)
    print(f"auto-next {'on' if auto_next else 'off'}: coded segments {tally.segments}, keys {coder.keys}")
    for way, keys in coder.ways.items():
        print(f"  {way:<31} {len(keys):5d} codes, {sum(keys) / len(keys):5.1f} keys each")
    print(f"keys per coded segment, overall   {coder.keys / tally.segments:.2f}   (goal ≤ 3.0)")
    print(f"keys per segment after 30 % coded {later:.2f}   (goal ≤ 2.0; 30 % of the whole run)")
    print(
        f"  … after 30 % of each question   {tally.late_keys / max(tally.late_segments, 1):.2f}   "
        f"(each question has its own codes; n={tally.late_segments})"
    )
    count = len(coder.arrival_to_painted)
    print(
        f"arrival → suggestions painted     {percentiles(coder.arrival_to_painted)}   "
        f"(goal p95 ≤ 150 ms, n={count})"
    )
    print(f"arrival → noticed by the coder    {percentiles(coder.arrival_to_noticed)}   (with Pilot's waits)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=10**9, help="stop after this many answers")
    parser.add_argument(
        "--mode", choices=("off", "on", "both"), default="both", help="auto-next off, on or both"
    )
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()) / "bench_coder")
    arguments = parser.parse_args()
    truth = read_truth(TRUTH)
    answers = len(truth)
    print(
        f"project: the demo, wave {WAVE}, {answers} answers with {sum(map(len, truth.values()))} true codes"
    )
    for auto_next in {"off": [False], "on": [True], "both": [False, True]}[arguments.mode]:
        db = fresh_demo(arguments.folder / ("auto-next" if auto_next else "plain"))
        asyncio.run(run(db, truth, min(arguments.answers, answers), auto_next))
    return 0


def fresh_demo(folder: Path) -> Path:
    """A new demo project, with settings of its own (each run starts with auto-next off)."""
    from workbench.demo.builder import ensure_demo_project, remove_project_files

    folder.mkdir(parents=True, exist_ok=True)
    os.environ["WORKBENCH_CONFIG_DIR"] = str(folder / "config")
    (folder / "config" / "settings.json").unlink(missing_ok=True)
    db = folder / "demo.db"
    remove_project_files(db)
    ensure_demo_project(db)
    return db


if __name__ == "__main__":
    sys.exit(main())
