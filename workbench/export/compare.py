"""Year against year: a question's counted categories in several waves, side by side.

Every wave is counted by the same function and the same base rule as ``export counts``
(respondents per category over the respondents who answered the question that year, from
the report layer), so the percentages are comparable and each wave's base is printed. A
code that did not exist in a wave is absent ("–"), not 0: it exists in a wave when that
wave's answers carry it, or when an earlier wave's did and it was not marked as not used.
The change is in percentage points, from each earlier wave to the newest; printed tables
show the difference of the printed (rounded) percentages, so that a row adds up.

A question split or merged in a later wave is counted, in a wave before it was asked, from
the earlier question(s) it came from (``coding.waves.attributed_questions``): a split part
beside the whole question it was split from, a merged question beside its sources pooled
(each respondent once per category; the base is who answered any of them). The bases name
the questions counted.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.coding.codebook_tree import Codebook
from workbench.coding.waves import attributed_questions
from workbench.errors import UserError
from workbench.export.counts import (
    UNCODED,
    UNCODED_ID,
    LayerCodings,
    QuestionCounts,
    count_question,
    resolve_wave,
)
from workbench.export.labels import percent_text as printed_percent
from workbench.export.labels import report_percent
from workbench.export.layer import resolve_layer
from workbench.export.tree import indent, role
from workbench.store import survey
from workbench.store import waves as wave_store

ABSENT = "–"


@dataclass(frozen=True)
class WaveCell:
    count: int
    percent: float  # unrounded, of the respondents who answered in that wave
    rounded: int  # as printed: rounded once per wave's table, like ``export counts``


@dataclass(frozen=True)
class CompareRow:
    """One category: its cell in each wave (None where the code did not exist)."""

    code_id: str
    name: str
    level: str
    depth: int
    cells: tuple[WaveCell | None, ...]


@dataclass(frozen=True)
class QuestionComparison:
    """One question across waves (oldest first, the newest last) with each wave's base."""

    question_id: str
    question_text: str
    chapter: str | None
    waves: tuple[int, ...]
    answered: tuple[int, ...]
    units: tuple[int, ...]
    rows: tuple[CompareRow, ...]
    counted: tuple[tuple[str, ...], ...] = ()  # per wave, the questions counted (if not itself)
    asked: tuple[str, ...] = ()  # per wave, the question as that wave's form asked it ("" unknown)

    def earlier_wording(self) -> list[tuple[int, str]]:
        """(wave, text) of the earlier waves whose form asked it in other words."""
        return [
            (wave, text)
            for wave, text in zip(self.waves[:-1], self.asked[:-1], strict=False)
            if text and text != self.question_text
        ]

    def counted_from(self, wave_index: int) -> tuple[str, ...]:
        """The earlier questions counted for this wave; empty when the question itself was."""
        found = self.counted[wave_index] if self.counted else ()
        return () if found in ((), (self.question_id,)) else found

    def change(self, row: CompareRow, wave_index: int) -> float | None:
        """Percentage points from ``waves[wave_index]`` to the newest wave (None if absent)."""
        first, last = row.cells[wave_index], row.cells[-1]
        if first is None or last is None:
            return None
        return last.percent - first.percent

    def printed_change(self, row: CompareRow, wave_index: int) -> int | None:
        """The change between the printed (rounded) percentages, so the table adds up."""
        first, last = row.cells[wave_index], row.cells[-1]
        if first is None or last is None:
            return None
        return last.rounded - first.rounded

    def as_json(self) -> dict:
        """The stable ``export counts --compare --json`` shape."""
        earlier = [str(wave) for wave in self.waves[:-1]]
        return {
            "question": self.question_id,
            "waves": list(self.waves),
            "bases": [
                {
                    "wave": wave,
                    "answered": answered,
                    "units": units,
                    "questions": list(self.counted_from(index) or (self.question_id,)),
                }
                for index, (wave, answered, units) in enumerate(
                    zip(self.waves, self.answered, self.units, strict=True)
                )
            ],
            "categories": [
                {
                    "name": None if row.level == UNCODED else row.name,
                    "level": row.level,
                    "waves": {
                        str(wave): None
                        if cell is None
                        else {"count": cell.count, "percent": round(cell.percent, 4)}
                        for wave, cell in zip(self.waves, row.cells, strict=True)
                    },
                    "change_pp": {
                        wave: None if (pp := self.change(row, index)) is None else round(pp, 4)
                        for index, wave in enumerate(earlier)
                    },
                }
                for row in self.rows
            ],
        }


def compare_waves(store, wave: int | None, compare: list[int]) -> tuple[int, ...]:
    """The waves to show, oldest first: the compared ones and the reported one (default newest)."""
    present = set(survey.waves(store))
    newest = survey.latest_wave(store) if wave is None else wave
    chosen = sorted({*compare, newest})
    missing = [year for year in chosen if year not in present]
    if missing:
        known = ", ".join(str(year) for year in sorted(present)) or "none"
        raise UserError(f"{store.path}: the project has no answers in wave {missing[0]} (waves: {known}).")
    if len(chosen) < 2:
        raise UserError(f"--compare needs a wave other than {newest} to compare with.")
    return tuple(chosen)


def wave_codings(
    store, waves: tuple[int, ...], tree: Codebook, coder: str | None, question_id: str | None = None
) -> list[LayerCodings]:
    """The report layer's codings of every wave: the same coder each year, never the sum of coders.

    A single question counted from other questions in some wave needs those read too.
    """
    layer = resolve_layer(store, coder)
    if question_id is not None and any(
        attributed_questions(store, question_id, wave) not in ((), (question_id,)) for wave in waves
    ):
        question_id = None
    return [LayerCodings(store, resolve_wave(store, wave), layer, tree, question_id) for wave in waves]


def compare_question(
    store, question: dict, waves: tuple[int, ...], tree: Codebook, coder: str | None = None
) -> QuestionComparison:
    """The question's categories in every wave, in codebook order, uncoded last."""
    return compare_counted(store, question, wave_codings(store, waves, tree, coder, question["id"]))


def compare_counted(store, question: dict, codings: list[LayerCodings]) -> QuestionComparison:
    """One question compared from codings already read for each wave (oldest first)."""
    tree = codings[0].tree
    sources = [attributed_questions(store, question["id"], wave_layer.wave) for wave_layer in codings]
    counted = [
        count_question(_attributed(wave_layer, question["id"], found), question)
        for wave_layer, found in zip(codings, sources, strict=True)
    ]
    family = tuple(dict.fromkeys([question["id"], *(source for found in sources for source in found)]))
    present = [_existing(store, counts, tree, family) if counts.answered else {} for counts in counted]
    order = [code.id for code in tree.live() if any(code.id in cells for cells in present)]
    if any(UNCODED_ID in cells for cells in present):
        order.append(UNCODED_ID)
    rows = tuple(_row(tree, node, [cells.get(node, None) for cells in present]) for node in order)
    waves = tuple(wave_layer.wave for wave_layer in codings)
    return QuestionComparison(
        question_id=question["id"],
        question_text=_form_text(store, question, waves[-1]) or question["text"],
        chapter=question["chapter"],
        waves=waves,
        answered=tuple(counts.answered for counts in counted),
        units=tuple(counts.units for counts in counted),
        rows=rows,
        counted=tuple(sources),
        asked=tuple(
            _form_text(store, question, wave, found) for wave, found in zip(waves, sources, strict=True)
        ),
    )


class PooledCodings:
    """One wave's codings with a question counted from other questions' answers, pooled."""

    def __init__(self, codings: LayerCodings, question_id: str, sources: tuple[str, ...]):
        self.wave, self.layer, self.tree, self.units = (
            codings.wave,
            codings.layer,
            codings.tree,
            codings.units,
        )
        pooled = set().union(*(codings.answered.get(source, ()) for source in sources))
        self.answered = {question_id: sorted(pooled)}
        self._pairs = set().union(*(codings.categories(source) for source in sources))

    def categories(self, question_id: str) -> set[tuple[str, str]]:
        return self._pairs


def _attributed(codings: LayerCodings, question_id: str, sources: tuple[str, ...]):
    """The wave's codings as counted for the question: its own, or its sources' pooled."""
    return codings if sources in ((), (question_id,)) else PooledCodings(codings, question_id, sources)


def _form_text(store, question: dict, wave: int, counted: tuple[str, ...] = ()) -> str:
    """The question (or the questions counted for it) as ``wave``'s form asked it ("" if not recorded)."""
    ids = counted or (question["id"],)
    rows = wave_store.question_wave_rows(store, wave)
    return " / ".join(row["text"] for row in rows if row["question_id"] in ids and row["text"])


def _row(tree: Codebook, node: str, cells: list) -> CompareRow:
    if node == UNCODED_ID:
        return CompareRow(UNCODED_ID, "", UNCODED, 0, tuple(cells))
    return CompareRow(node, tree.code(node).name, role(tree, node), indent(tree, node), tuple(cells))


def _existing(store, counts: QuestionCounts, tree: Codebook, questions: tuple[str, ...]) -> dict:
    """Cells of the categories that existed in ``counts.wave``, with 0 for existing unused ones
    (used in an earlier wave for the question or the questions counted for it)."""
    cells = {
        row.code_id: WaveCell(int(row.count), float(row.percent), int(row.percent_rounded))
        for row in counts.rows
    }
    not_used = wave_store.codes_not_used(store, counts.wave)
    used_before = {
        node
        for row in wave_store.codes_used_for_question(store, list(questions))
        if row["wave"] < counts.wave and (live := tree.resolve(row["code_id"])) and live not in not_used
        for node in tree.lineage(live)
    }
    for node in used_before - set(cells):
        cells[node] = WaveCell(0, 0.0, 0)
    return cells


def percent_text(cell: WaveCell | None) -> str:
    """The printed percentage ("<1" for a rare category), or "–" for a code absent that year."""
    return ABSENT if cell is None else printed_percent(cell.count, cell.rounded)


def count_text(cell: WaveCell | None) -> str:
    return ABSENT if cell is None else str(cell.count)


def change_text(points: float | None) -> str:
    """Whole percentage points with a sign ("+5", "−3", "0"), or "–"."""
    if points is None:
        return ABSENT
    rounded = report_percent(points) if points >= 0 else -report_percent(-points)
    return f"+{rounded}" if rounded > 0 else f"−{-rounded}" if rounded < 0 else "0"
