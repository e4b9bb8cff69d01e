"""Fit a project's suggester in a child process, so its long C calls never hold the UI's GIL.

The child opens its own read-only store, fits a ``Suggester`` and writes the learned state to a
temporary file as a series of small pickles; the calling thread waits (releasing the GIL while
it waits) and then loads the parts one by one, so no single step blocks other threads for long.
"""

from __future__ import annotations

import multiprocessing
import pickle
import tempfile
import threading
from pathlib import Path

CHUNK_ITEMS = 2000  # list items per pickle: loading one chunk is a short hold of the GIL


class FitCancelled(Exception):
    """The fit was cancelled (the app is closing) before it finished."""


class BackgroundFit:
    """Fits of one project's suggester, each in a fresh child process; ``cancel`` ends them."""

    def __init__(self, path: str | Path, *, coder: str | None = None, engine: str | None = None):
        self.path = str(path)
        self.coder = coder
        self.engine = engine
        self._process = None
        self._cancelled = False
        self._lock = threading.Lock()

    def __call__(self, on_progress=None) -> dict:
        """Fit in a child process and return the learned state (blocks; call it in a worker)."""
        context = multiprocessing.get_context("spawn")
        reader, writer = context.Pipe(duplex=False)
        with tempfile.TemporaryDirectory(prefix="workbench-fit-") as folder:
            target = Path(folder) / "state.pickle"
            process = context.Process(
                target=fit_in_child,
                args=(self.path, self.coder, self.engine, str(target), writer),
                name="workbench-suggest-fit",
                daemon=True,
            )
            with self._lock:
                if self._cancelled:
                    raise FitCancelled("the suggester's fit was cancelled")
                self._process = process
                process.start()
            writer.close()
            _forward_progress(reader, on_progress)
            process.join()
            if self._cancelled:
                raise FitCancelled("the suggester's fit was cancelled")
            return _read_state(target, process.exitcode)

    def cancel(self) -> None:
        """End a running fit and refuse new ones (safe to call from any thread, repeatedly)."""
        with self._lock:
            self._cancelled = True
            process = self._process
        if process is not None and process.is_alive():
            process.terminate()
            process.join(timeout=5)


def fit_in_child(path: str, coder, engine, target: str, progress) -> None:
    """The child's work: fit on a read-only store, write the state (or the error) to ``target``."""
    from workbench.store.database import Store
    from workbench.suggest.service import Suggester

    try:
        store = Store(path, read_only=True)
        try:
            suggester = Suggester(store, coder=coder, engine=engine)
            suggester.fit(on_progress=lambda done, total: progress.send((done, total)))
        finally:
            store.close()
        _write_state(Path(target), suggester.learned_state())
    except Exception as error:  # handed to the parent, which raises it in its own thread
        _write_error(Path(target), error)
    finally:
        progress.close()


def _forward_progress(reader, on_progress) -> None:
    """Pass the child's (done, total) reports on until it closes its end (exit or kill)."""
    with reader:
        while True:
            try:
                done, total = reader.recv()
            except EOFError:
                return
            if on_progress is not None:
                on_progress(done, total)


def _write_state(target: Path, state: dict) -> None:
    with target.open("wb") as file:
        pickle.dump(("ok", None), file, protocol=pickle.HIGHEST_PROTOCOL)
        for name, value in state.items():
            if isinstance(value, list):
                for start in range(0, max(len(value), 1), CHUNK_ITEMS):
                    chunk = value[start : start + CHUNK_ITEMS]
                    pickle.dump((name, chunk, True), file, protocol=pickle.HIGHEST_PROTOCOL)
            else:
                pickle.dump((name, value, False), file, protocol=pickle.HIGHEST_PROTOCOL)


def _write_error(target: Path, error: Exception) -> None:
    try:
        payload = pickle.dumps(("error", error))
    except Exception:
        payload = pickle.dumps(("error", RuntimeError(f"{type(error).__name__}: {error}")))
    target.write_bytes(payload)


def _read_state(target: Path, exitcode: int | None) -> dict:
    """The state the child wrote, part by part; its error is raised here."""
    if exitcode != 0 or not target.exists():
        raise RuntimeError(f"the suggester's fit process ended with exit code {exitcode}")
    state: dict = {}
    with target.open("rb") as file:
        status, error = pickle.load(file)
        if status == "error":
            raise error
        while True:
            try:
                name, value, is_part = pickle.load(file)
            except EOFError:
                return state
            if is_part:
                state.setdefault(name, []).extend(value)
            else:
                state[name] = value
