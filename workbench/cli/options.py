"""``workbench export P.db options --question Q``: closed answer options from open answers.

Imported only when that export runs (``cli/export.py``), so its imports stay at the top.
"""

from __future__ import annotations

from workbench.errors import UserError
from workbench.export import options as proposals
from workbench.export.jobs import select_questions
from workbench.export.options_files import run_options
from workbench.project import open_project
from workbench.store import waves


def run_options_command(arguments, export_options) -> int:
    """Propose closed options for one question, check them against a later wave if asked, write them."""
    _check_arguments(arguments)
    with open_project(arguments.project) as store:
        question = select_questions(store, export_options)[0]
        wave = _source_wave(waves.question_waves_answered(store, question["id"]), arguments, question["id"])
        option_list = proposals.propose_options(store, question, wave, arguments.min_share, arguments.coder)
        option_list = proposals.with_examples(store, option_list, arguments.coder, arguments.draft)
        check = _list_check(store, option_list, arguments) if arguments.check else None
        manifest = {
            "kind": "options",
            "question": question["id"],
            "wave": wave,
            "check": arguments.check,
            "min_share": arguments.min_share,
            "coder": arguments.coder,
        }
        result = run_options(store, option_list, check, arguments.lang, arguments.out, manifest)
    print(f"Wrote {len(result.files)} files to {result.folder}")
    return 0


def _check_arguments(arguments) -> None:
    if not arguments.question:
        raise UserError("export options needs --question QID (the open question to build options from).")
    if not 0 < arguments.min_share < 100:
        raise UserError(f"--min-share must be a percentage between 0 and 100, not {arguments.min_share}.")


def _list_check(store, option_list: proposals.OptionList, arguments) -> proposals.ListCheck:
    """The list measured against the --check wave, its base the --closed-column when given."""
    base = (
        proposals.closed_question_base(store, arguments.check, arguments.closed_column)
        if arguments.closed_column
        else None
    )
    return proposals.check_list(store, option_list, arguments.check, base, arguments.coder)


def _source_wave(answered: list[int], arguments, question_id: str) -> int:
    """--wave, else the newest wave with answers before --check (or the newest at all)."""
    candidates = [wave for wave in answered if not arguments.check or wave < arguments.check]
    wave = arguments.wave or (candidates[-1] if candidates else None)
    if wave is None or wave not in answered:
        raise UserError(f"question {question_id} has no answers in wave {wave or '(any before --check)'}.")
    if arguments.check and arguments.check <= wave:
        raise UserError(f"--check {arguments.check} must be a later wave than the options' wave {wave}.")
    return wave
