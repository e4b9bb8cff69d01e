"""Merging a coder's copy of the project into this one, and unifying codes both created.

Survey rows, comments and rows no event touched (imported ones) cross by UUID. Everything the
coders did crosses by replaying the other copy's new events (``merge_apply``): per row and
column the later decision wins, and what both copies changed differently waits as a conflict
(``merge_conflicts``). The copied events remember what was merged, so merging twice changes
nothing and the order of merges does not matter.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process

from workbench.coding.codebook_tree import Codebook
from workbench.errors import UserError
from workbench.review import merge_apply
from workbench.store import Store, merge_events, team_merge

NAME_SIMILARITY = 90


@dataclass(frozen=True)
class DuplicateCode:
    """Two live codes that look like one created twice: ``source`` would merge into ``target``."""

    source_id: str
    target_id: str
    source_path: str
    target_path: str
    reason: str


@dataclass(frozen=True)
class MergeReport:
    """What a merge brought in and what the user should look at."""

    added: dict[str, int]
    duplicate_codes: tuple[DuplicateCode, ...]
    segment_conflicts: tuple[dict, ...]
    answers_with_other_text: int
    codes_differing: tuple[dict, ...]
    unmerged_tables: tuple[str, ...]
    by_coder: dict[str, Counter] = field(default_factory=dict)
    conflicts: tuple[dict, ...] = ()
    dropped_codings: int = 0

    @property
    def changed(self) -> bool:
        """Whether the merge added or changed any row."""
        return any(self.added.values()) or bool(self.by_coder) or bool(self.conflicts)


def _check_other(store: Store, other_path: Path) -> None:
    if not other_path.exists():
        raise UserError(f"{other_path}: no such project file.")
    if other_path.resolve() == store.path.resolve():
        raise UserError(f"{other_path}: cannot merge a project file into itself.")
    Store(other_path).close()  # validates the file and brings its schema up to date


def merge_project(store: Store, other_path: str | Path) -> MergeReport:
    """Bring the other copy's rows in and replay its new events; conflicts wait to be settled."""
    other_path = Path(other_path)
    _check_other(store, other_path)
    with team_merge.attached(store, other_path):
        with store.atomic():
            added, applied, dropped = _copy_and_replay(store, other_path.name)
            report = MergeReport(
                added=added,
                duplicate_codes=tuple(find_duplicate_codes(store)),
                segment_conflicts=tuple(_segment_conflicts(store)),
                answers_with_other_text=team_merge.answers_with_other_text(store),
                codes_differing=tuple(_codes_differing(store, applied)),
                unmerged_tables=tuple(team_merge.unmerged_tables(store)),
                by_coder=applied.by_coder,
                conflicts=tuple(applied.conflicts),
                dropped_codings=dropped,
            )
            _log_merge(store, other_path.name, report)
    return report


def _copy_and_replay(store: Store, other_file: str) -> tuple[dict[str, int], merge_apply.Applied, int]:
    """Copy the rows that cross by UUID, replay the other copy's new events and repair what they
    left orphaned; returns rows added per table, what replaying did and the codings dropped."""
    added = team_merge.copy_survey(store)
    added["events"] = merge_events.note_events(store)
    added.update(team_merge.copy_untouched(store))
    applied = merge_apply.replay(store, other_file)
    dropped = merge_apply.repair(store, Codebook.from_store(store).survivor)
    added.update(team_merge.copy_team_rows(store))
    return added, applied, dropped


def _codes_differing(store: Store, applied: merge_apply.Applied) -> list[dict]:
    """Codes that differ in the other file, except those already waiting as a conflict."""
    held = {conflict["target"] for conflict in applied.conflicts}
    return [row for row in team_merge.codes_differing(store) if row["id"] not in held]


def _log_merge(store: Store, other_file: str, report: MergeReport) -> None:
    """One ``merge`` event, only when the merge changed something."""
    if report.changed:
        by_coder = {coder: dict(counts) for coder, counts in report.by_coder.items()}
        store.log_event("merge", coder=None, target=other_file, after={**report.added, "by_coder": by_coder})


def _segment_conflicts(store: Store) -> list[dict]:
    """Answers segmented differently in the two files: overlapping spans or moved offsets."""
    conflicts = [dict(row, kind="overlap") for row in team_merge.overlapping_segments(store)]
    conflicts += [dict(row, kind="different span") for row in team_merge.segments_with_other_span(store)]
    return conflicts


def find_duplicate_codes(store: Store) -> list[DuplicateCode]:
    """Live codes with the same path or a near-identical name; the newer merges into the older."""
    codebook = Codebook.from_store(store)
    codes = sorted(codebook.live(), key=lambda code: (code.created_at, code.id))
    names = [code.name.casefold().strip() for code in codes]
    scores = process.cdist(names, names, scorer=fuzz.ratio, score_cutoff=NAME_SIMILARITY)
    duplicates = []
    for older in range(len(codes)):
        for newer in range(older + 1, len(codes)):
            if not scores[older, newer]:
                continue
            same_path = codebook.path(codes[older].id) == codebook.path(codes[newer].id)
            reason = "same path" if same_path else f"similar name ({scores[older, newer]:.0f} %)"
            duplicates.append(_duplicate(codebook, codes[newer].id, codes[older].id, reason))
    return duplicates


def _duplicate(codebook: Codebook, source_id: str, target_id: str, reason: str) -> DuplicateCode:
    return DuplicateCode(source_id, target_id, codebook.path(source_id), codebook.path(target_id), reason)


def unify_codes(store: Store, duplicates: list[DuplicateCode], coder: str) -> int:
    """Merge each duplicate into its older twin in one step; returns how many codes merged."""
    from workbench import coding

    merged = 0
    with store.atomic():
        for duplicate in duplicates:
            paths = Codebook.from_store(store)
            source, target = paths.survivor(duplicate.source_id), paths.survivor(duplicate.target_id)
            if source != target:
                coding.merge_codes(store, source, target, coder)
                merged += 1
    return merged
