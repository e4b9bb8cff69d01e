"""One export job: choose questions, gather counts and quotes, write every file of the run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from workbench.anonymise.exposure import (
    QDPX_NOTICE,
    RAW_XLSX_NOTICE,
    code_name_leaks,
    refuse_identifying_tags,
)
from workbench.anonymise.leak import anonymised_quotes
from workbench.anonymise.risk import quote_risks
from workbench.coding.codebook_tree import Codebook
from workbench.errors import UserError
from workbench.export import csv_export, docx_report, markdown
from workbench.export.counts import LayerCodings, count_question, cross_table, layer_codings
from workbench.export.labels import labels
from workbench.export.quotes import DEFAULT_TAG_ATTRIBUTES, anonymised_texts, collect_quotes
from workbench.export.report import QuestionReport, ReportDocument, group_by_chapter
from workbench.export.runs import ExportResult, ExportRun
from workbench.store import segments as segment_rows
from workbench.store import survey

KINDS = ("counts", "quotes", "report", "xlsx", "refi", "reliability", "memos")

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExportOptions:
    """What to export and how; stored in the run's manifest."""

    chapter: str | None = None
    question: str | None = None
    lang: str = "nb"
    all_segments: bool = False
    draft: bool = False
    tag_attributes: tuple[str, ...] = DEFAULT_TAG_ATTRIBUTES
    cross_by: tuple[str, ...] = ()
    wave: int | None = None
    coder: str | None = None
    charts: bool = True
    out: str | None = None
    raw: bool = False
    allow_identifying: bool = False
    repeat_quotes: bool = False

    def manifest(self) -> dict:
        """The options as plain JSON values."""
        return {
            key: list(value) if isinstance(value, tuple) else value for key, value in asdict(self).items()
        }


def select_questions(store, options: ExportOptions) -> list[dict]:
    """The questions of the chosen chapter / question, or all; a user error if none match."""
    questions = [
        question
        for question in survey.question_rows(store, question_id=options.question)
        if options.chapter is None or _chapter_matches(question["chapter"], options.chapter)
    ]
    if not questions:
        wanted = (
            f"question '{options.question}'"
            if options.question
            else f"chapter '{options.chapter}'"
            if options.chapter
            else "any question"
        )
        raise UserError(f"{store.path}: the project has no {wanted} to export.")
    return questions


def _chapter_matches(chapter: str | None, wanted: str) -> bool:
    """ "4" picks chapter "4" and "4 Samarbeid med fastleger"; a full name picks itself."""
    text = (chapter or "").strip()
    return text == wanted.strip() or text.split(" ", 1)[0] == wanted.strip()


def run_export(store, kind: str, options: ExportOptions, on_progress: Progress | None = None) -> ExportResult:
    """Write one export run and return where its files are."""
    if kind not in KINDS:
        raise UserError(f"unknown export kind '{kind}'; choose one of {', '.join(KINDS)}.")
    words = labels(options.lang)
    _refuse_exposure(store, kind, options)
    with ExportRun(store, kind, {"kind": kind, **options.manifest()}, options.out) as run:
        writer = {
            "xlsx": _write_xlsx,
            "refi": _write_refi,
            "reliability": _write_reliability,
            "memos": _write_memos,
        }
        if kind in writer:
            writer[kind](store, run, options)
        else:
            _write_report_kind(store, kind, options, words, run, on_progress or _silent)
        return run.publish()


def _refuse_exposure(store, kind: str, options: ExportOptions) -> None:
    """Identifying tags and a raw spreadsheet need the user's explicit say-so."""
    if kind in ("quotes", "report") and options.tag_attributes:
        population = list(survey.attributes_by_respondent(store).values())
        refuse_identifying_tags(options.tag_attributes, population, options.allow_identifying)
    if kind == "xlsx" and not options.raw:
        raise UserError(
            "export xlsx writes every answer's raw text and the respondents' names (the method's "
            "spreadsheet is not anonymised); add --raw to write it anyway."
        )


def _live_code_names(store) -> list[str]:
    return [code.name for code in Codebook.from_store(store).all() if code.merged_into is None]


def _silent(done: int, total: int) -> None:
    return None


def gather(
    store, kind: str, options: ExportOptions, on_progress: Progress
) -> tuple[list, list, LayerCodings]:
    """Per question: counts (and cross-tables) for counts/report, quotes for quotes/report."""
    questions = select_questions(store, options)
    only = options.question if len(questions) == 1 else None
    codings = layer_codings(store, options.wave, options.coder, only)
    counted = kind in ("counts", "report")
    quotes_by_question, keys = _quotes(store, kind, questions, codings, options)
    reports = []
    for done, question in enumerate(questions, start=1):
        counts = count_question(codings, question) if counted else None
        crosses = (
            tuple((by, cross_table(store, counts, by, codings)) for by in options.cross_by) if counted else ()
        )
        coded = bool(codings.categories(question["id"]))
        reports.append(
            QuestionReport(question, counts, crosses, quotes_by_question.get(question["id"]), coded)
        )
        on_progress(done, len(questions))
    return reports, keys, codings


def _quotes(store, kind: str, questions: list[dict], codings: LayerCodings, options: ExportOptions):
    """Quotes per question id and the private key rows (none for a counts export)."""
    if kind not in ("quotes", "report"):
        return {}, []
    quote_list, keys = collect_quotes(
        store,
        questions,
        codings,
        anonymised_quotes,
        all_segments=options.all_segments,
        draft=options.draft,
        tag_attributes=options.tag_attributes,
        repeat_quotes=options.repeat_quotes,
    )
    return {quotes.question_id: quotes for quotes in quote_list}, keys


def _warn_about_exposure(store, run: ExportRun, options: ExportOptions, keys: list) -> None:
    """Code names that name someone, and tag combinations that single a respondent out."""
    for warning in code_name_leaks(_live_code_names(store), draft=options.draft):
        run.warn(warning)
    if keys and options.tag_attributes:
        segment_ids = [key.segment_id for key in keys]
        for risk in quote_risks(store, segment_ids, options.tag_attributes):
            run.warn(risk.describe())


def _write_report_kind(store, kind, options, words, run, on_progress) -> None:
    reports, keys, codings = gather(store, kind, options, on_progress)
    run.note("layer", codings.layer.manifest())
    uncoded = [report.question["id"] for report in reports if not report.coded]
    run.note("uncoded_questions", uncoded)
    _warn_about_exposure(store, run, options, keys)
    shown = reports if options.draft else [report for report in reports if report.coded]
    chapters = group_by_chapter(shown)
    draft = options.draft and kind != "counts"
    document = ReportDocument(
        title=words[f"{kind}_title"],
        project=Path(store.path).stem,
        layer_note=codings.layer.describe(words),
        draft=draft,
        lang=options.lang,
    )
    docx_report.write_docx(chapters, run.path(f"{kind}.docx"), words, document, charts=options.charts)
    run.write(f"{kind}.md", markdown.write_markdown(chapters, words, document))
    _write_csv_files(kind, reports, shown, keys, words, run)


def _write_csv_files(kind: str, reports: list, shown: list, keys: list, words: dict, run: ExportRun) -> None:
    """counts.csv and cross-tables for counts and reports; quotes.csv and the private key for quotes."""
    if kind in ("counts", "report"):
        all_counts = [report.counts for report in reports]
        run.write("counts.csv", csv_export.counts_csv(all_counts, words))
        crosses = [(report.counts, by, table) for report in reports for by, table in report.crosses]
        if crosses:
            run.write("crosstables.csv", csv_export.cross_csv(crosses))
    if kind in ("quotes", "report"):
        quote_list = [report.quotes for report in shown if report.quotes is not None]
        run.write("quotes.csv", csv_export.quotes_csv(quote_list))
        run.private_path("key.csv").write_bytes(csv_export.key_csv(keys).encode("utf-8"))


def _write_xlsx(store, run: ExportRun, options: ExportOptions) -> None:
    """The method's spreadsheet; its anonymised column passes the leak check (not in drafts)."""
    from workbench.method_xlsx import write_method_xlsx

    question_ids = [question["id"] for question in select_questions(store, options)]
    texts = {}
    if not options.draft:
        segment_ids = segment_rows.report_segment_ids(store, question_ids)
        cleared = (
            anonymised_texts(store, segment_ids, draft=False, source=anonymised_quotes) if segment_ids else {}
        )
        texts = {segment_id: text for segment_id, (text, _) in cleared.items()}
    run.warn(RAW_XLSX_NOTICE)
    write_method_xlsx(
        store,
        run.path("coding.xlsx"),
        question_ids=question_ids,
        lang=options.lang,
        anonymised_text=texts.get,
    )


def _write_refi(store, run: ExportRun, options: ExportOptions) -> None:
    from workbench.refi.carried_export import left_out_notice
    from workbench.refi.project import export_qdpx

    run.warn(QDPX_NOTICE)
    notice = left_out_notice(store)
    if notice:
        run.warn(notice)
    export_qdpx(store, run.path("project.qdpx"))


def _write_reliability(store, run: ExportRun, options: ExportOptions) -> None:
    from workbench.review.reliability_report import export_reliability

    export_reliability(store, Path(run.staging))


def _write_memos(store, run: ExportRun, options: ExportOptions) -> None:
    """memos.csv and memos.md: --coder's memos (everyone's by default), on --question/--chapter."""
    from workbench.export.memos import write_memo_files

    scoped = options.question or options.chapter
    question_ids = {question["id"] for question in select_questions(store, options)} if scoped else None
    write_memo_files(store, run, options.coder, question_ids, options.lang)
