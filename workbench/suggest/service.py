"""Suggestions for one project, for the command line and the terminal UI.

Build one ``Suggester`` per thread, with a ``Store`` opened in that thread; ``fit`` is the long
step (run it in a worker), ``refresh`` takes in new codings cheaply, the rest answers at once.
The terminal UI fits in a child process instead (``background.BackgroundFit``) and binds the
returned ``learned_state()`` to its own store with ``Suggester.from_state``.
"""

from __future__ import annotations

import numpy as np
from sklearn.exceptions import NotFittedError

from workbench.coding.codebook_tree import Codebook
from workbench.coding.waves import question_families
from workbench.errors import UserError
from workbench.heap import freeze_long_lived
from workbench.store import answers as answer_rows
from workbench.store import events as event_rows
from workbench.store import segments as segment_rows
from workbench.store import survey, waves
from workbench.store.database import Store
from workbench.suggest.carry_over import wave_weights
from workbench.suggest.changes import changed_segments
from workbench.suggest.clustering import AnswerClusterer, central_members, clusters_from_labels
from workbench.suggest.data import CodedSegment, coded_segments, coded_segments_of
from workbench.suggest.definitions import Definition, definition_examples
from workbench.suggest.duplicates import near_duplicate_groups
from workbench.suggest.engines import make_model, project_engine, usable_engine
from workbench.suggest.linear import refit_in_background
from workbench.suggest.representation import lexical, meaning
from workbench.suggest.results import (
    Cluster,
    DuplicateGroup,
    Evidence,
    RankedAnswer,
    SentenceSuggestion,
    Suggestion,
)
from workbench.suggest.sentences import MIN_SENTENCES, sentence_spans, split_before, with_sentence_parts
from workbench.suggest.suggester import DEFINITION
from workbench.suggest.threads import one_blas_thread
from workbench.suggest.vectors import project_vectors


class Suggester:
    """Code suggestions with evidence, near-duplicates, clusters and more-like-this."""

    def __init__(
        self,
        store: Store,
        *,
        coder=None,
        engine=None,
        random_state=0,
        fit_elsewhere=None,
        vector_writer=None,
        **model_params,
    ):
        self.store = store
        # A writable store of the same file that saves new e5 vectors when ``store`` is read-only.
        self.vector_writer = vector_writer
        self.coder = coder
        self.engine = engine
        self.random_state = random_state
        self.model_params = model_params
        # A callable returning a full fit's ``learned_state()`` computed elsewhere (a child
        # process); when given, ``refresh`` uses it instead of fitting in this thread.
        self.fit_elsewhere = fit_elsewhere

    @classmethod
    def from_state(cls, store: Store, state: dict, fit_elsewhere=None) -> Suggester:
        """A fitted suggester from another's ``learned_state()``, bound to this thread's store."""
        suggester = cls(store, fit_elsewhere=fit_elsewhere)
        vars(suggester).update(state)
        return suggester

    def learned_state(self) -> dict:
        """Settings and everything learned, picklable: all but the store and ``fit_elsewhere``."""
        return {name: value for name, value in vars(self).items() if name not in _NOT_STATE}

    def fit(self, on_progress=None) -> Suggester:
        """Vectorise the project (cached) and learn from every definition and coded segment."""
        self.seen_event_ = event_rows.last_event_seq(self.store)
        engine, self.notice_ = usable_engine(self._engine())
        self.vectors_ = project_vectors(self.store, engine, on_progress, writer=self.vector_writer)
        self.codebook_ = Codebook.from_store(self.store)
        self.current_wave_ = survey.latest_wave(self.store)
        self.not_used_ = self._codes_not_used()
        self.families_ = question_families(self.store)
        self.definitions_ = definition_examples(self.store, self.codebook_)
        segments = coded_segments(self.store, self.coder, self.codebook_)
        self.model_ = make_model(engine, random_state=self.random_state, **self.model_params)
        rows, codes, questions, weights = self._training(segments)
        definitions = self._definition_rows(self.definitions_)
        self.model_.fit(rows, codes, questions, definitions=definitions, sample_weight=weights)
        self.sources_: list = list(self.definitions_)  # what each training row is, in order
        self.segments_: dict[str, CodedSegment] = {}  # the coded segments known, by id
        self.row_of_segment_ = {}
        self.rows_of_answer_ = {}
        self._index(segments)
        return self

    def _definition_rows(self, definitions: list[Definition]):
        if not definitions:
            return None
        texts = [definition.text for definition in definitions]
        return self.vectors_.transform(texts), [definition.code_id for definition in definitions]

    def _index(self, segments: list[CodedSegment]) -> None:
        for row, segment in enumerate(segments, start=len(self.sources_)):
            self.segments_[segment.segment_id] = segment
            self.row_of_segment_[segment.segment_id] = row
            self.rows_of_answer_.setdefault(segment.answer_id, []).append(row)
        self.sources_.extend(segments)

    def _take_in_definitions(self) -> None:
        """Forget the definition rows of changed or removed codes, add the new ones."""
        current = definition_examples(self.store, self.codebook_)
        if current == self.definitions_:
            return
        wanted = set(current)
        self.model_.forget(
            [
                row
                for row, source in enumerate(self.sources_)
                if isinstance(source, Definition) and source not in wanted
            ]
        )
        added = [definition for definition in current if definition not in set(self.definitions_)]
        if added:
            rows, codes = self._definition_rows(added)
            self.model_.partial_fit(rows, [(code,) for code in codes], [DEFINITION] * len(codes))
            self.sources_.extend(added)
        self.definitions_ = current

    def refresh(self) -> Suggester:
        """Take in codings and codebook changes since the last fit or refresh, at once: new,
        changed and undone codings and definitions update neighbours and centroids without a
        refit; the linear models concerned are refitted in a background thread."""
        if not hasattr(self, "model_"):
            return self._full_fit()
        seen_event = event_rows.last_event_seq(self.store)
        if seen_event != self.seen_event_:
            if answer_rows.answer_fingerprint(self.store) != _fingerprint(self.vectors_):
                return self._full_fit()
            if question_families(self.store) != self.families_:
                return self._full_fit()
            self._take_in_changes(changed_segments(self.store, self.seen_event_))
            self.seen_event_ = seen_event
        self.linear_refit_ = refit_in_background(self.model_, getattr(self, "linear_refit_", None))
        return self

    def _take_in_changes(self, changed: set[str] | None) -> None:
        """Forget the known segments among ``changed`` that changed, learn their new state
        (``changed`` None: every coded segment is read again and compared)."""
        self.codebook_ = Codebook.from_store(self.store)
        self.not_used_ = self._codes_not_used()
        self._take_in_definitions()
        if changed is None:
            current = coded_segments(self.store, self.coder, self.codebook_)
            changed = set(self.segments_) | {segment.segment_id for segment in current}
        else:
            current = coded_segments_of(self.store, changed, self.coder, self.codebook_)
        now = {segment.segment_id: segment for segment in current}
        gone = [key for key in changed if key in self.segments_ and self.segments_[key] != now.get(key)]
        added = [segment for segment in current if self.segments_.get(segment.segment_id) != segment]
        rows = [self.row_of_segment_.pop(key) for key in gone]
        for key, row in zip(gone, rows, strict=True):
            self.rows_of_answer_[self.segments_.pop(key).answer_id].remove(row)
        self.model_.forget(rows)
        if added:
            self.model_.partial_fit(*self._training(added), refit_linear=False)
            self._index(added)

    def _full_fit(self) -> Suggester:
        """Fit from scratch: through ``fit_elsewhere`` when given, else in this thread."""
        if self.fit_elsewhere is None:
            return self.fit()
        vars(self).update(self.fit_elsewhere())
        freeze_long_lived()  # the new learned state lives until the next full fit
        return self

    def _codes_not_used(self) -> set[str]:
        """Codes marked as not used in the current wave: they are never suggested."""
        return waves.codes_not_used(self.store, self.current_wave_) if self.current_wave_ else set()

    def _engine(self) -> str:
        """The engine asked for, else the project's setting, else TF-IDF."""
        return self.engine or project_engine(self.store)

    def _training(self, segments: list[CodedSegment]):
        if not segments:
            return self.vectors_.matrix[:0], [], [], []
        rows = self.vectors_.segment_rows(segments)
        weights = wave_weights([seg.wave for seg in segments], self.current_wave_)
        questions = [self.families_.get(seg.question_id, seg.question_id) for seg in segments]
        return rows, [seg.codes for seg in segments], questions, weights

    @one_blas_thread
    def suggest_text(self, text: str, question_id=None, top=5) -> list[Suggestion]:
        """Suggestions for any text (e.g. a segment being split off)."""
        if not hasattr(self, "model_"):
            raise NotFittedError("call Suggester.fit() (in a worker) before asking for suggestions")
        return self._suggest(self.vectors_.transform([text]), question_id, top, ())

    def suggest(self, answer_id: int, top=5) -> list[Suggestion]:
        """The coding screen's call: the same as ``suggest_answer``."""
        return self.suggest_answer(answer_id, top)

    @one_blas_thread
    def suggest_answer(self, answer_id: int, top=5) -> list[Suggestion]:
        """Suggestions for a whole answer; its own coded segments are not used as evidence.

        Codings made since the last call are taken in first (cheap when there are none). When
        the sentences of a long answer point to different codes, each such code's suggestion
        carries its ``sentence`` part (a code found only in one sentence is added at the end).
        """
        answer = self._answer(answer_id)
        self.refresh()
        if answer_id in self.vectors_.row_of_answer:
            vector = self.vectors_.answer_rows([answer_id])
        else:
            vector = self.vectors_.transform([answer["text"]])
        own_rows = self.rows_of_answer_.get(answer_id, [])
        found = self._suggest(vector, answer["question_id"], top, own_rows)
        return with_sentence_parts(found, *self._by_sentence(answer, own_rows, 1), len(answer["text"]), top)

    @one_blas_thread
    def suggest_sentences(self, answer_id: int, top=3) -> list[SentenceSuggestion]:
        """For an answer of three sentences or more, each sentence's own best codes, in order
        (with where to split); an empty list for shorter answers."""
        answer = self._answer(answer_id)
        self.refresh()
        text = answer["text"]
        spans, ranked = self._by_sentence(answer, self.rows_of_answer_.get(answer_id, []), top)
        splits = split_before([found[0].code_id if found else None for found in ranked])
        return [
            SentenceSuggestion(start, end, text[start:end], tuple(found), split)
            for (start, end), found, split in zip(spans, ranked, splits, strict=True)
        ]

    def _answer(self, answer_id: int) -> dict:
        answer = answer_rows.answer_row(self.store, answer_id)
        if answer is None:
            raise UserError(f"there is no answer with id {answer_id}.")
        return answer

    def _by_sentence(self, answer: dict, own_rows, top) -> tuple[list, list[list[Suggestion]]]:
        """The sentence spans of a long answer and each one's suggestions; none when short."""
        text = answer["text"]
        spans = sentence_spans(text)
        if len(spans) < MIN_SENTENCES:
            return [], []
        vectors = self.vectors_.part_rows(answer["id"], [text[start:end] for start, end in spans])
        each = self.model_.suggest_each(vectors, answer["question_id"], top + len(self.not_used_), own_rows)
        return spans, [self._suggestions(ranked, top) for ranked in each]

    @one_blas_thread
    def suggest_segment(self, segment_id: str, top=5) -> list[Suggestion]:
        """Suggestions for one segment, which is never its own evidence."""
        row = segment_rows.segment_row(self.store, segment_id)
        if row is None:
            raise UserError(f"there is no segment with id {segment_id}.")
        self.refresh()
        vector = self.vectors_.transform([row["answer_text"][row["start"] : row["end"]]])
        own = [self.row_of_segment_[segment_id]] if segment_id in self.row_of_segment_ else []
        return self._suggest(vector, row["question_id"], top, own)

    def _suggest(self, vector, question_id, top, exclude_rows) -> list[Suggestion]:
        if not hasattr(self, "model_"):
            raise NotFittedError("call Suggester.fit() (in a worker) before asking for suggestions")
        question_id = self.families_.get(question_id, question_id)  # split/merged: with its sources
        ranked = self.model_.suggest(vector, question_id, top + len(self.not_used_), exclude_rows)
        return self._suggestions(ranked, top)

    def _suggestions(self, ranked, top: int) -> list[Suggestion]:
        ranked = [item for item in ranked if item.code_id not in self.not_used_][:top]
        return [
            Suggestion(
                code_id=item.code_id,
                name=self.codebook_.code(item.code_id).name,
                path=self.codebook_.path(item.code_id),
                score=item.score,
                evidence=tuple(self._evidence(row, sim) for row, sim in item.evidence),
            )
            for item in ranked
        ]

    def _evidence(self, row: int, similarity: float) -> Evidence:
        source = self.sources_[row]
        if isinstance(source, Definition):
            return Evidence("", 0, "", source.text, similarity, kind="definition")
        segment = source
        return Evidence(
            segment.segment_id, segment.answer_id, segment.question_id, segment.text, similarity, segment.wave
        )

    def accept(self, segment_id: str, suggestion: Suggestion, coder: str) -> list[str]:
        """Apply an accepted suggestion, recorded as such (how = 'suggestion')."""
        from workbench import coding

        return coding.apply_codes(self.store, segment_id, [suggestion.code_id], coder, how="suggestion")

    def near_duplicates(self, question_id: str, *, uncoded_only=False) -> list[DuplicateGroup]:
        """Groups of near-identical answers of a question, largest first."""
        _check_question(self.store, question_id)
        answers = self._answers(question_id, uncoded_only)
        text_of = {row["id"]: row["text"] for row in answers}
        groups = near_duplicate_groups([(row["id"], row["text"]) for row in answers])
        return [DuplicateGroup(ids, tuple(text_of[i] for i in ids)) for ids in groups]

    def duplicates_of(self, answer_id: int, *, uncoded_only=True) -> DuplicateGroup | None:
        """The other near-duplicates of one answer (for "apply to all N"), if any."""
        answer = answer_rows.answer_row(self.store, answer_id)
        if answer is None:
            raise UserError(f"there is no answer with id {answer_id}.")
        for group in self.near_duplicates(answer["question_id"], uncoded_only=False):
            if answer_id in group.answer_ids:
                keep = set(self._ids(answer["question_id"], uncoded_only)) | {answer_id}
                pairs = [(i, t) for i, t in zip(group.answer_ids, group.texts, strict=True) if i in keep]
                if len(pairs) > 1:
                    return DuplicateGroup(*map(tuple, zip(*pairs, strict=True)))
        return None

    def clusters(self, question_id: str, n_clusters=None, on_progress=None) -> list[Cluster]:
        """Clusters of the question's uncoded answers, largest first, named by their words."""
        _check_question(self.store, question_id)
        answers = self._answers(question_id, uncoded_only=True)
        if len(answers) < 2:
            return []
        ids = [row["id"] for row in answers]
        texts = [row["text"] for row in answers]
        clusterer = AnswerClusterer(n_clusters=n_clusters, random_state=self.random_state)
        vectors = meaning(self._vectors_of(ids, texts))
        clusterer.fit(vectors, on_progress=on_progress)
        return clusters_from_labels(
            ids, texts, clusterer.labels_, central_members(vectors, clusterer.labels_)
        )

    def more_like_this(self, code_id: str, question_id=None, limit=50) -> list[RankedAnswer]:
        """Uncoded answers ranked by cosine similarity to the code's centroid."""
        live = self.codebook_.resolve(code_id)
        rows = [
            row
            for row, seg in enumerate(self.sources_)
            if isinstance(seg, CodedSegment) and live in seg.codes
        ]
        if not rows:
            raise UserError(f"code {code_id} has no coded segments to compare with yet.")
        centroid = np.asarray(self.model_.rows_.matrix()[rows].mean(axis=0)).ravel()
        centroid /= max(np.linalg.norm(centroid), 1e-12)
        questions = [question_id] if question_id else sorted({self.sources_[row].question_id for row in rows})
        answers = [a for q in questions for a in self._answers(q, uncoded_only=True)]
        if not answers:
            return []
        ids = [row["id"] for row in answers]
        sims = np.asarray(lexical(self._vectors_of(ids, [a["text"] for a in answers])) @ centroid).ravel()
        order = np.argsort(-sims, kind="stable")[:limit]
        return [RankedAnswer(ids[i], answers[i]["text"], round(float(sims[i]), 4)) for i in order]

    def _answers(self, question_id: str, uncoded_only: bool) -> list[dict]:
        if uncoded_only:
            return answer_rows.uncoded_answers(self.store, question_id, self.coder)
        return answer_rows.answers_of_question(self.store, question_id)

    def _ids(self, question_id: str, uncoded_only: bool) -> list[int]:
        return [row["id"] for row in self._answers(question_id, uncoded_only)]

    def _vectors_of(self, ids: list[int], texts: list[str]):
        if not hasattr(self, "vectors_"):
            self.vectors_ = project_vectors(self.store, usable_engine(self._engine())[0])
        if all(i in self.vectors_.row_of_answer for i in ids):
            return self.vectors_.answer_rows(ids)
        return self.vectors_.transform(texts)


_NOT_STATE = ("store", "fit_elsewhere", "vector_writer", "linear_refit_")


def _check_question(store: Store, question_id: str) -> None:
    if not survey.question_exists(store, question_id):
        raise UserError(f"there is no question with id {question_id!r}.")


def _fingerprint(vectors) -> tuple[int, int]:
    ids = vectors.row_of_answer
    return len(ids), max(ids, default=0)
