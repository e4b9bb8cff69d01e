"""``workbench suggest``, ``cluster``, ``evaluate`` and ``engine``.

The suggestion package (scikit-learn, spaCy) is imported inside the handlers, so the rest of
the command line starts fast.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict

from workbench import project
from workbench.cli.output import answer_id, print_json, shown, writable_project
from workbench.cli.progress import ProgressBar
from workbench.errors import UserError


def register(subparsers) -> None:
    _register_suggest(subparsers)
    _register_cluster(subparsers)
    _register_evaluate(subparsers)
    engine = subparsers.add_parser("engine", help="show or set the project's suggestion engine")
    engine.add_argument("project", help="the project file")
    engine.add_argument("name", nargs="?", help="the engine to save (tfidf or e5); omit to show it")
    engine.set_defaults(handler=run_engine)


def _register_suggest(subparsers) -> None:
    suggest = subparsers.add_parser("suggest", help="suggest codes for one answer, with evidence")
    suggest.add_argument("project", help="the project file")
    suggest.add_argument("--answer", type=answer_id, required=True, help="the answer id")
    suggest.add_argument("--top", type=int, default=5, help="how many codes (default 5)")
    _common(suggest, with_coder=True)
    suggest.set_defaults(handler=run_suggest)


def _register_cluster(subparsers) -> None:
    cluster = subparsers.add_parser("cluster", help="cluster a question's uncoded answers")
    cluster.add_argument("project", help="the project file")
    cluster.add_argument("--question", required=True, help="the question id")
    cluster.add_argument("--clusters", type=int, help="number of clusters (default: automatic)")
    _common(cluster, with_coder=True)
    cluster.set_defaults(handler=run_cluster)


def _register_evaluate(subparsers) -> None:
    evaluate = subparsers.add_parser(
        "evaluate", help="replay a coder's coding and measure how good suggestions would be"
    )
    evaluate.add_argument("project", help="the project file")
    evaluate.add_argument("--coder", required=True, help="whose coding to replay")
    evaluate.add_argument("--question", help="only this question")
    evaluate.add_argument("--seed", type=int, help="one replay, each question shuffled with this seed")
    evaluate.add_argument(
        "--seeds", type=_positive, default=10, help="replays with seeds 0..N-1, averaged (default 10)"
    )
    evaluate.add_argument(
        "--no-definitions", action="store_true", help="leave the codes' definitions out of the training data"
    )
    _common(evaluate, with_coder=False)
    evaluate.set_defaults(handler=run_evaluate)


def _common(parser, *, with_coder: bool) -> None:
    if with_coder:
        parser.add_argument("--coder", help="learn from this coder only (default: all)")
    parser.add_argument("--engine", help="representation: tfidf or e5 (default: project setting)")
    parser.add_argument("--json", action="store_true", help="print stable JSON instead of text")


def run_suggest(arguments) -> int:
    from workbench.store import answers as answer_rows
    from workbench.suggest import Suggester

    with project.open_project(arguments.project, read_only=True) as store:
        answer = answer_rows.answer_row(store, arguments.answer)
        if answer is None:
            raise UserError(f"{arguments.project}: there is no answer with id {arguments.answer}.")
        bar = ProgressBar("Learning")
        suggester = Suggester(store, coder=arguments.coder, engine=arguments.engine).fit(bar)
        bar.finish()
        if suggester.notice_:
            print(f"Note: {suggester.notice_}", file=sys.stderr)
        suggestions = suggester.suggest_answer(arguments.answer, top=arguments.top)
    if arguments.json:
        payload = {
            "answer_id": arguments.answer,
            "question_id": answer["question_id"],
            "suggestions": [asdict(suggestion) for suggestion in suggestions],
        }
        print_json(payload)
        return 0
    _print_suggestions(arguments.answer, answer, suggestions)
    return 0


def _print_suggestions(answer_id: int, answer: dict, suggestions) -> None:
    """Each suggestion with its evidence: definition examples and earlier waves say so."""
    print(f"Answer {answer_id} ({shown(answer['question_id'])}): {shown(answer['text'])}")
    if not suggestions:
        print("No suggestions yet: nothing has been coded.")
    for number, suggestion in enumerate(suggestions, start=1):
        print(f"{number}. {shown(suggestion.path)}  ({suggestion.score:.2f})")
        for evidence in suggestion.evidence:
            kind = "definition: " if evidence.kind == "definition" else ""
            year = f"[{evidence.wave}] " if evidence.wave and evidence.wave != answer["wave"] else ""
            print(f"     {evidence.similarity:.2f}  {kind}{year}{shown(evidence.text[:100])}")


def run_engine(arguments) -> int:
    from workbench.suggest.engines import available_engines, project_engine, save_project_engine

    if arguments.name is None:
        with project.open_project(arguments.project, read_only=True) as store:
            print(f"{project_engine(store)}  (available: {', '.join(available_engines())})")
        return 0
    with writable_project(arguments.project) as store:
        save_project_engine(store, arguments.name)
    print(f"Suggestions in {arguments.project} now use the {arguments.name} engine.")
    return 0


def run_cluster(arguments) -> int:
    from workbench.suggest import Suggester

    with project.open_project(arguments.project, read_only=True) as store:
        bar = ProgressBar("Clustering")
        suggester = Suggester(store, coder=arguments.coder, engine=arguments.engine)
        clusters = suggester.clusters(arguments.question, arguments.clusters, on_progress=bar)
        bar.finish()
    if arguments.json:
        print_json({"question_id": arguments.question, "clusters": [_cluster_json(c) for c in clusters]})
        return 0
    if not clusters:
        print(f"Question {shown(arguments.question)} has fewer than two uncoded answers.")
    for cluster in clusters:
        print(f"{cluster.number}. {shown(cluster.label)}  ({cluster.size} answers)")
        if cluster.definition:
            print(f"     proposed definition: {shown(cluster.definition)}")
        for text in cluster.texts[:3]:
            print(f"     {shown(text[:100])}")
    return 0


def _cluster_json(cluster) -> dict:
    return {
        "number": cluster.number,
        "label": cluster.label,
        "name": cluster.name,
        "definition": cluster.definition,
        "words": list(cluster.words),
        "size": cluster.size,
        "answer_ids": list(cluster.answer_ids),
    }


def run_evaluate(arguments) -> int:
    from workbench.suggest.evaluation import evaluate

    with project.open_project(arguments.project, read_only=True) as store:
        bar = ProgressBar("Replaying")
        figures = evaluate(
            store,
            arguments.coder,
            arguments.question,
            arguments.seed,
            arguments.engine,
            on_progress=bar,
            seeds=arguments.seeds,
            definitions=not arguments.no_definitions,
        )
        bar.finish()
    if figures["notice"]:
        print(f"Note: {figures['notice']}", file=sys.stderr)
    if arguments.json:
        print_json(figures)
        return 0
    _print_figures(figures)
    return 0


FIGURES = (
    "hit_at_1",
    "hit_at_3",
    "mrr",
    "coverage",
    "hit_at_1_known",
    "hit_at_3_known",
    "baseline_hit_at_1",
    "baseline_hit_at_3",
    "baseline_hit_at_3_known",
    "ceiling",
    "ari",
    "nmi",
)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return int(text)


def _print_figures(figures: dict) -> None:
    seeds = figures["seeds"]
    print(f"Segments replayed: {figures['segments']} over {len(seeds)} seed(s), each question shuffled")
    print(f"Definition examples: {figures['definitions']}")
    for key in FIGURES:
        value = figures[key]
        interval = figures["intervals"].get(key)
        spread = f"  [{interval[0]:.3f}, {interval[1]:.3f}]" if interval else ""
        print(f"{key:<24} {'-' if value is None else f'{value:.3f}'}{spread}")
    keys = figures["keystrokes_per_segment"]
    print(
        f"keys per segment   {keys['with_suggestions']:.2f} with suggestions, "
        f"{keys['typing_only']:.2f} typing only"
    )
    print("coded share   segments  hit@1  hit@3  baseline")
    for point in figures["learning_curve"]:
        print(
            f"{point['coded_share_from']:.0%}-{point['coded_share_to']:.0%}  "
            f"{point['segments']:>14}  {point['hit_at_1']:.2f}   {point['hit_at_3']:.2f}   "
            f"{point['baseline_hit_at_1']:.2f}"
        )
