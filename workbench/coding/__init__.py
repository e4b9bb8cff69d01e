"""Full-coding operations: segments, codings, a codebook grown while coding, undo, progress.

Every change is one transaction that appends one event holding the rows it touched, so
undo, redo and the codebook's history can be read back from the event log. ``Codebook`` is
the one value for the code tree (paths, levels, merges followed); bulk coding of many
answers is one action too.
"""

from workbench.coding.bulk import Stopped, apply_to_answers, apply_to_segments
from workbench.coding.codebook import code_for_path, create_code
from workbench.coding.codebook_tree import PATH_SEPARATOR, Code, Codebook, join_path, parse_path
from workbench.coding.codings import (
    apply_codes,
    codes_of_segment,
    ensure_coder,
    remove_codes,
)
from workbench.coding.history import codebook_history
from workbench.coding.models import CodeCreated, Progress, Segment
from workbench.coding.progress import question_progress
from workbench.coding.report_mark import set_for_report
from workbench.coding.reshape import (
    define_code,
    merge_codes,
    move_code,
    rename_code,
    reorder_code,
    retire_code,
    set_codable,
    split_code,
)
from workbench.coding.segments import merge_segments, segments_of_answer, split_segment
from workbench.coding.undo import redo, undo

__all__ = [
    "PATH_SEPARATOR",
    "Code",
    "CodeCreated",
    "Codebook",
    "Progress",
    "Segment",
    "Stopped",
    "apply_codes",
    "apply_to_answers",
    "apply_to_segments",
    "code_for_path",
    "codebook_history",
    "codes_of_segment",
    "create_code",
    "define_code",
    "ensure_coder",
    "join_path",
    "merge_codes",
    "merge_segments",
    "parse_path",
    "move_code",
    "question_progress",
    "redo",
    "remove_codes",
    "rename_code",
    "reorder_code",
    "retire_code",
    "segments_of_answer",
    "set_codable",
    "set_for_report",
    "split_code",
    "split_segment",
    "undo",
]
