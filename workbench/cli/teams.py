"""``workbench assign``, ``merge``, ``agreement`` and ``reliability``: working as a team."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.cli.output import print_json, refuse_same_file, writable_project
from workbench.cli.output import shown as plain
from workbench.lock import writing
from workbench.project import open_project

# The review package pulls in numpy and openpyxl: import it in the handlers, so that
# building the parser (every command's start-up) stays fast.
if TYPE_CHECKING:
    from workbench.review.measure import AgreementResult
    from workbench.review.merge import MergeReport


def register(subparsers) -> None:
    assign = subparsers.add_parser("assign", help="give a second coder a random sample to double-code")
    assign.add_argument("project", help="the project file")
    assign.add_argument("--coder", required=True, help="the coder who gets the sample")
    assign.add_argument("--share", type=float, default=0.2, help="share of answers per question (0.2)")
    assign.add_argument("--question", help="only this question id")
    assign.add_argument("--seed", type=int, help="random seed, for a reproducible sample")
    assign.add_argument("--open", action="store_true", help="not blind: show other coders' codes")
    assign.set_defaults(handler=run_assign)

    merge = subparsers.add_parser("merge", help="bring another coder's copy of the project in")
    merge.add_argument("project", help="the project file to merge into")
    merge.add_argument("other", help="the other coder's project file")
    merge.add_argument("--unify", action="store_true", help="merge codes created by both into one")
    merge.add_argument("--coder", help="who unifies codes (default: the last coder used)")
    merge.set_defaults(handler=run_merge)

    agree = subparsers.add_parser("agreement", help="inter-coder agreement per code and overall")
    agree.add_argument("project", help="the project file")
    agree.add_argument("--coders", required=True, help="comma-separated coder names, e.g. A,B")
    agree.add_argument("--question", help="only this question id")
    agree.add_argument("--level", choices=("code", "theme"), default="code", help="code or main theme")
    agree.add_argument("--json", action="store_true", help="print stable JSON instead of text")
    agree.set_defaults(handler=run_agreement)

    report = subparsers.add_parser("reliability", help="write the reliability report (md + xlsx)")
    report.add_argument("project", help="the project file")
    report.add_argument("--coders", help="comma-separated coder names (default: all but consensus)")
    report.add_argument("--out", default="exports", help="output folder (default: exports)")
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
        )
    for question, count in result.new_answers_by_question.items():
        print(f"{plain(question)}: {count} answers newly assigned to {plain(result.coder)}")
    print(
        f"{plain(result.coder)} now has {result.total_segments} segments to double-code"
        f"{'' if arguments.open else ' (blind)'}."
    )
    return 0


def run_merge(arguments) -> int:
    from workbench.review.coders import current_coder
    from workbench.review.merge import merge_project, unify_codes

    refuse_same_file(arguments.project, arguments.other)
    with writable_project(arguments.project) as store, writing(arguments.other):
        report = merge_project(store, arguments.other)
        print_merge_report(report)
        if arguments.unify and report.duplicate_codes:
            coder = current_coder(arguments.coder)
            merged = unify_codes(store, list(report.duplicate_codes), coder)
            print(f"Unified {merged} duplicate codes.")
    return 0


def print_merge_report(report: MergeReport) -> None:
    """What came in, then what needs a look."""
    added = ", ".join(f"{count} {table}" for table, count in report.added.items() if count)
    print(f"Merged: {added or 'nothing new (already merged)'}.")
    for duplicate in report.duplicate_codes:
        print(
            f"Code created twice ({plain(duplicate.reason)}): "
            f"{plain(repr(duplicate.source_path))} -> {plain(repr(duplicate.target_path))}"
        )
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


def print_agreement(result: AgreementResult) -> None:
    """The per-code table with threshold flags, then the overall figures."""
    from workbench.review import agreement as statistics

    coders = ", ".join(plain(coder) for coder in result.coders)
    print(f"Coders: {coders}; segments coded by at least two: {result.segments}")
    if not result.segments:
        print("No segment is coded by at least two of these coders: nothing to compare.")
        return
    width = max([len(plain(code.code)) for code in result.codes] + [4])
    print(f"{'code':<{width}}  {'alpha':>18}  {'kappa':>18}  {'agree':>6}  {'prev.':>6}  {'n':>5}  verdict")
    for code in result.codes:
        flag = "" if code.alpha is None else statistics.verdict(code.alpha)
        kappa = shown(code.kappa) if len(result.coders) == 2 else "-"
        print(
            f"{plain(code.code):<{width}}  {shown(code.alpha):>18}  {kappa:>18}  "
            f"{shown(code.percent_agreement):>6}  {code.prevalence:>6.3f}  {code.n:>5}  {flag}"
        )
    print(f"alpha, prevalence-weighted mean: {shown(result.alpha_weighted)}")
    print(f"alpha, MASI distance on code sets: {shown(result.alpha_masi)}")
    print(f"alpha, exact code sets: {shown(result.alpha_exact_sets)}")
    print(
        f"Thresholds: >= {statistics.RELIABLE:.3f} reliable; "
        f"{statistics.TENTATIVE:.3f}-{statistics.RELIABLE:.3f} tentative; below not reliable."
    )


def run_reliability(arguments) -> int:
    from workbench.review.reliability_report import export_reliability

    coders = arguments.coders.split(",") if arguments.coders else None
    with open_project(arguments.project, read_only=True) as store:
        paths = export_reliability(store, arguments.out, coders)
    for path in paths:
        print(f"Wrote {path}")
    return 0
