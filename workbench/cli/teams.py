"""``workbench assign``, ``merge``, ``agreement`` and ``reliability``: working as a team."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.cli.output import print_json, refuse_same_file, writable_project
from workbench.cli.output import shown as plain
from workbench.display import visible_line
from workbench.lock import writing
from workbench.project import open_project

# The review package pulls in numpy and openpyxl: import it in the handlers, so that
# building the parser (every command's start-up) stays fast.
if TYPE_CHECKING:
    from workbench.review.measure import AgreementResult
    from workbench.review.merge import MergeReport


def register(subparsers) -> None:
    _register_assign(subparsers)
    _register_merge(subparsers)
    _register_agreement(subparsers)
    _register_compare(subparsers)
    _register_reliability(subparsers)


def _register_assign(subparsers) -> None:
    assign = subparsers.add_parser("assign", help="give a second coder a random sample to double-code")
    assign.add_argument("project", help="the project file")
    assign.add_argument("--coder", required=True, help="the coder who gets the sample")
    assign.add_argument("--share", type=float, default=0.2, help="share of answers per question (0.2)")
    assign.add_argument("--question", help="only this question id")
    assign.add_argument("--seed", type=int, help="random seed, for a reproducible sample")
    assign.add_argument("--open", action="store_true", help="not blind: show other coders' codes")
    assign.add_argument(
        "--all-questions", action="store_true", help="sample every question, not only those already coded"
    )
    assign.set_defaults(handler=run_assign)


def _register_merge(subparsers) -> None:
    merge = subparsers.add_parser("merge", help="bring another coder's copy of the project in")
    merge.add_argument("project", help="the project file to merge into")
    merge.add_argument("other", nargs="?", help="the other coder's project file")
    merge.add_argument("--unify", action="store_true", help="merge codes created by both into one")
    merge.add_argument("--coder", help="who unifies codes or settles conflicts (default: the last coder)")
    merge.add_argument("--conflicts", action="store_true", help="list the merge conflicts to settle")
    merge.add_argument("--take", choices=("mine", "theirs"), help="with --conflicts: settle by taking a side")
    merge.add_argument("--only", type=int, help="with --take: settle only conflict number N of the list")
    merge.set_defaults(handler=run_merge)


def _register_agreement(subparsers) -> None:
    agree = subparsers.add_parser("agreement", help="inter-coder agreement per code and overall")
    agree.add_argument("project", help="the project file")
    agree.add_argument("--coders", required=True, help="comma-separated coder names, e.g. A,B")
    agree.add_argument("--question", help="only this question id")
    agree.add_argument("--level", choices=("code", "theme"), default="code", help="code or main theme")
    agree.add_argument("--json", action="store_true", help="print stable JSON instead of text")
    agree.set_defaults(handler=run_agreement)


def _register_compare(subparsers) -> None:
    compare = subparsers.add_parser("compare", help="two coders side by side per question and code")
    compare.add_argument("project", help="the project file")
    compare.add_argument("--coders", required=True, help="the two coders, e.g. kari,ola")
    compare.add_argument("--question", help="only this question id")
    compare.add_argument("--out", help="also write the list of disagreements (.xlsx or .csv)")
    compare.set_defaults(handler=run_compare)


def _register_reliability(subparsers) -> None:
    report = subparsers.add_parser("reliability", help="write the reliability report (md + xlsx)")
    report.add_argument("project", help="the project file")
    report.add_argument("--coders", help="comma-separated coder names (default: all but consensus)")
    report.add_argument("--out", default="exports", help="output folder (default: exports)")
    report.add_argument("--question", help="only this question id")
    report.add_argument("--lang", choices=("nb", "en"), default="nb", help="language of the report (nb)")
    report.set_defaults(handler=run_reliability)


def run_assign(arguments) -> int:
    from workbench.review.assign import assign_sample

    with writable_project(arguments.project) as store:
        result = assign_sample(
            store,
            arguments.coder,
            arguments.share,
            arguments.question,
            arguments.seed,
            blind=not arguments.open,
            all_questions=arguments.all_questions,
        )
    if result.questions_coded_only:
        print("Sampling only the questions already coded (use --all-questions for every question).")
    for question, count in result.new_answers_by_question.items():
        print(f"{plain(question)}: {count} answers newly assigned to {plain(result.coder)}")
    print(
        f"{plain(result.coder)} now has {result.total_segments} segments to double-code"
        f"{'' if arguments.open else ' (blind)'}."
    )
    return 0


def print_sample_progress(project_path) -> None:
    """For ``info``: each double-coding sample, per question assigned and coded answers."""
    from workbench.store import teams

    with open_project(project_path, read_only=True) as store:
        for coder in teams.assigned_coders(store):
            _, blind = teams.assignment_summary(store, coder)
            parts = [
                f"{row['question_id']} {row['coded']}/{row['assigned']} coded "
                f"(sample of {row['assigned'] / row['answered']:.0%})".replace("%", " %")
                for row in teams.sample_progress(store, coder)
            ]
            label = "blind" if blind else "open"
            print(visible_line(f"Double-coding sample of {coder} ({label}): {'; '.join(parts)}"))


def run_merge(arguments) -> int:
    from workbench.errors import UserError
    from workbench.review.coders import current_coder
    from workbench.review.merge import merge_project, unify_codes

    if arguments.conflicts:
        return run_conflicts(arguments)
    if arguments.other is None or arguments.take or arguments.only:
        raise UserError("Give the other coder's project file, or --conflicts (with --take) to settle.")
    refuse_same_file(arguments.project, arguments.other)
    with writable_project(arguments.project) as store, writing(arguments.other):
        report = merge_project(store, arguments.other)
        print_merge_report(report)
        if arguments.unify and report.duplicate_codes:
            coder = current_coder(arguments.coder)
            merged = unify_codes(store, list(report.duplicate_codes), coder)
            print(f"Unified {merged} duplicate codes.")
    return 0


def run_conflicts(arguments) -> int:
    """List the open merge conflicts, or settle them (all, or number ``--only``) by one side."""
    from workbench.errors import UserError
    from workbench.review.coders import current_coder
    from workbench.review.conflicts import open_conflicts, settle

    opener = writable_project if arguments.take else open_project
    with opener(arguments.project) as store:
        conflicts = open_conflicts(store)
        if arguments.only is not None and not 1 <= arguments.only <= len(conflicts):
            raise UserError(f"--only {arguments.only}: there are {len(conflicts)} open merge conflicts.")
        if not arguments.take:
            for number, conflict in enumerate(conflicts, start=1):
                where = plain(conflict["other_file"])
                print(f"{number}. {visible_line(conflict['description'])} (from {where})")
            print(f"{len(conflicts)} merge conflicts to settle." if conflicts else "No merge conflicts.")
            return 0
        chosen = conflicts if arguments.only is None else [conflicts[arguments.only - 1]]
        coder = current_coder(arguments.coder)
        for conflict in chosen:
            settle(store, conflict["id"], arguments.take, coder)
        print(f"Settled {len(chosen)} merge conflicts by taking {arguments.take}.")
    return 0


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun if count == 1 else noun + 's'}"


def _word_order(item: tuple[str, int]) -> tuple[int, str]:
    nouns = ("codings", "codes", "segments", "memos")
    noun = item[0].split(" ", 1)[0]
    return (nouns.index(noun) if noun in nouns else len(nouns), item[0])


def merge_words(by_coder: dict, conflicts: int) -> list[str]:
    """One line per coder, e.g. "ola: 55 codings added, 3 removed, 1 code created"."""
    lines = []
    for coder in sorted(by_coder):
        parts, last_noun = [], None
        for key, count in sorted(by_coder[coder].items(), key=_word_order):
            noun, verb = key.split(" ", 1)
            singular = noun.removesuffix("s")
            parts.append(f"{count} {verb}" if singular == last_noun else f"{_plural(count, singular)} {verb}")
            last_noun = singular
        lines.append(f"{coder}: {', '.join(parts)}")
    if conflicts and lines:
        lines[-1] += f"; {_plural(conflicts, 'conflict')} to settle"
    elif conflicts:
        lines.append(f"{_plural(conflicts, 'conflict')} to settle")
    return lines


def print_merge_report(report: MergeReport) -> None:
    """What came in, in words, then what needs a look."""
    _print_what_came_in(report)
    _print_what_needs_a_look(report)


def _print_what_came_in(report: MergeReport) -> None:
    lines = merge_words(report.by_coder, len(report.conflicts))
    for line in lines:
        print(visible_line(line))
    copied = {table: count for table, count in report.added.items() if count and table != "events"}
    if copied:
        print(
            "Copied as they were: " + ", ".join(f"{count} {table}" for table, count in copied.items()) + "."
        )
    if not lines and not copied:
        print("Nothing new: everything in the other copy is already here.")


def _print_what_needs_a_look(report: MergeReport) -> None:
    if report.conflicts:
        print("Settle them with: workbench merge PROJECT --conflicts --take mine|theirs")
    if report.dropped_codings:
        print(f"{report.dropped_codings} codings were dropped: their code no longer exists here.")
    for duplicate in report.duplicate_codes:
        paths = f"{duplicate.source_path!r} -> {duplicate.target_path!r}"
        print(visible_line(f"Code created twice ({duplicate.reason}): {paths}"))
    if report.duplicate_codes:
        print("Run again with --unify to merge each into its older twin.")
    for conflict in report.segment_conflicts:
        print(f"Conflicting segmentation ({plain(conflict['kind'])}) in answer {conflict['answer_id']}.")
    if report.answers_with_other_text:
        print(f"{report.answers_with_other_text} answers differ in text; this file's text was kept.")
    for code in report.codes_differing:
        name, other = plain(repr(code["name"])), plain(repr(code["other_name"]))
        print(f"Code {name} differs in the other file ({other}); kept this one.")
    for table in report.unmerged_tables:
        print(f"Table {plain(table)} was not merged.")


def run_agreement(arguments) -> int:
    from workbench.review.measure import measure_agreement

    coders = arguments.coders.split(",")
    with open_project(arguments.project, read_only=True) as store:
        result = measure_agreement(store, coders, arguments.question, arguments.level)
    if arguments.json:
        print_json(result.to_json())
    else:
        print_agreement(result)
    return 0


def shown(value: float | None) -> str:
    """A statistic for text output; undefined values say so."""
    return "n/a (no variation)" if value is None else f"{value:.3f}"


def _kappa_shown(kappa: float | None, coders: tuple[str, ...]) -> str:
    """Cohen's kappa is defined for two coders only; with more it reads "-"."""
    return shown(kappa) if len(coders) == 2 else "-"


def print_agreement(result: AgreementResult) -> None:
    """The per-code table with threshold flags, then the overall figures."""
    questions = ", ".join(plain(question) for question in result.questions) or "-"
    coders = ", ".join(plain(coder) for coder in result.coders)
    print(
        f"Coders: {coders}; answers coded by at least two: {result.segments} "
        f"(unit: the answer; questions {questions}; each code judged within its own questions)"
    )
    if not result.segments:
        print("No answer is coded by at least two of these coders: nothing to compare.")
        return
    _print_code_table(result)
    _print_overall_agreement(result)


def _print_code_table(result: AgreementResult) -> None:
    from workbench.review import agreement as statistics

    width = max([len(plain(code.code)) for code in result.codes] + [4])
    print(f"{'code':<{width}}  {'alpha':>18}  {'kappa':>18}  {'agree':>6}  {'prev.':>6}  {'n':>5}  verdict")
    for code in result.codes:
        flag = "" if code.alpha is None else statistics.verdict(code.alpha)
        kappa = _kappa_shown(code.kappa, result.coders)
        print(
            f"{plain(code.code):<{width}}  {shown(code.alpha):>18}  {kappa:>18}  "
            f"{shown(code.percent_agreement):>6}  {code.prevalence:>6.3f}  {code.n:>5}  {flag}"
        )


def _print_overall_agreement(result: AgreementResult) -> None:
    from workbench.review import agreement as statistics

    print(
        f"Headline, exact code sets: alpha {shown(result.alpha_exact_sets)}, "
        f"kappa {_kappa_shown(result.kappa_exact_sets, result.coders)}, "
        f"percent agreement {shown(result.percent_exact_sets)}"
    )
    print(f"alpha, MASI distance on code sets: {shown(result.alpha_masi)}")
    print(f"alpha, prevalence-weighted mean of codes: {shown(result.alpha_weighted)}")
    print(
        f"Thresholds: >= {statistics.RELIABLE:.3f} reliable; "
        f"{statistics.TENTATIVE:.3f}-{statistics.RELIABLE:.3f} tentative; below not reliable."
    )


def run_compare(arguments) -> int:
    from workbench.review.comparison import compare, export_disagreements

    coders = arguments.coders.split(",")
    with open_project(arguments.project, read_only=True) as store:
        result = compare(store, coders, arguments.question)
        written = (
            export_disagreements(store, coders, arguments.out, arguments.question) if arguments.out else None
        )
    first, second = result.coders
    figures = f"alpha {shown(result.alpha)}, kappa {shown(result.kappa)}"
    print(
        f"{first} and {second}: {result.answers} answers coded by both, {result.differing} with other codes; "
        f"{figures}, agreement {shown(result.percent_agreement)}."
    )
    print(f"After adjudication: {result.settled} settled, agreed or settled {shown(result.percent_after)}.")
    print(
        f"{'question':<10} {'code':<40} {'both':>5} {'only ' + first:>12} {'only ' + second:>12} {'alpha':>8}"
    )
    for row in result.rows:
        print(
            visible_line(
                f"{row.question_id:<10} {row.code[:40]:<40} {row.both:>5} {row.only_first:>12} "
                f"{row.only_second:>12} {shown(row.alpha)[:8]:>8}"
            )
        )
    if written:
        print(f"Wrote {written}")
    return 0


def run_reliability(arguments) -> int:
    from workbench.review.reliability_report import export_reliability

    coders = arguments.coders.split(",") if arguments.coders else None
    with open_project(arguments.project, read_only=True) as store:
        paths = export_reliability(store, arguments.out, coders, arguments.question, arguments.lang)
    for path in paths:
        print(f"Wrote {path}")
    return 0
