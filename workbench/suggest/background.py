"""Fit a project's suggester in a child process, so its long C calls never hold the UI's GIL.

The child (``python -m workbench.suggest.background``) opens its own read-only store, fits a
``Suggester``, reports progress as "done total" lines on its stdout and writes the learned
state to a temporary file as a series of small pickles. The calling thread waits (releasing
the GIL) and then loads the parts one by one, so no single step blocks other threads for long.
A plain subprocess rather than ``multiprocessing``: Textual replaces ``sys.stderr`` while the
app runs, which breaks starting multiprocessing's helper process.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

CHUNK_ITEMS = 2000  # list items per pickle: loading one chunk is a short hold of the GIL
PACKAGE_ROOT = Path(__file__).resolve().parents[2]  # the folder holding ``workbench``


class FitCancelled(Exception):
    """The fit was cancelled (the app is closing) before it finished."""


class BackgroundFit:
    """Fits of one project's suggester, each in a fresh child process; ``cancel`` ends them."""

    def __init__(self, path: str | Path, *, coder: str | None = None, engine: str | None = None):
        self.path = str(path)
        self.coder = coder
        self.engine = engine
        self._process: subprocess.Popen | None = None
        self._cancelled = False
        self._lock = threading.Lock()

    def __call__(self, on_progress=None) -> dict:
        """Fit in a child process and return the learned state (blocks; call it in a worker)."""
        with tempfile.TemporaryDirectory(prefix="workbench-fit-") as folder:
            target = Path(folder) / "state.pickle"
            with (Path(folder) / "errors.txt").open("w") as errors:
                process = self._start(target, errors)
            with process.stdout:
                for line in process.stdout:  # one "done total" line per report, until exit
                    if on_progress is not None:
                        on_progress(*map(int, line.split()))
            process.wait()
            if self._cancelled:
                raise FitCancelled("the suggester's fit was cancelled")
            return _read_state(target, process.returncode)

    def _start(self, target: Path, errors) -> subprocess.Popen:
        job = {"path": self.path, "coder": self.coder, "engine": self.engine, "target": str(target)}
        command = [sys.executable, "-m", "workbench.suggest.background", json.dumps(job)]
        search_path = os.pathsep.join(filter(None, [str(PACKAGE_ROOT), os.environ.get("PYTHONPATH")]))
        with self._lock:
            if self._cancelled:
                raise FitCancelled("the suggester's fit was cancelled")
            self._process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=errors,
                text=True,
                env={**os.environ, "PYTHONPATH": search_path},
            )
            return self._process

    def cancel(self) -> None:
        """End a running fit and refuse new ones (safe to call from any thread, repeatedly)."""
        with self._lock:
            self._cancelled = True
            process = self._process
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()


def fit_in_child(job: dict, progress) -> None:
    """The child's work: fit on a read-only store, write the state (or the error) to the target."""
    from workbench.store.database import Store
    from workbench.suggest.engines import DEFAULT_ENGINE, ENGINE_SETTING
    from workbench.suggest.service import Suggester

    def report(done: int, total: int) -> None:
        print(done, total, file=progress, flush=True)

    target = Path(job["target"])
    try:
        store = Store(job["path"], read_only=True)
        engine = job["engine"] or store.get_setting(ENGINE_SETTING, DEFAULT_ENGINE)
        writer = Store(job["path"]) if engine == "e5" else None  # saves the new e5 vectors
        try:
            suggester = Suggester(store, coder=job["coder"], engine=job["engine"], vector_writer=writer)
            suggester.fit(report)
        finally:
            store.close()
            if writer is not None:
                writer.close()
        _write_state(target, suggester.learned_state())
    except Exception as error:  # handed to the parent, which raises it in its own thread
        _write_error(target, error)


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
        errors = (target.parent / "errors.txt").read_text().strip().splitlines()[-1:]
        raise RuntimeError(f"the suggester's fit process failed (exit code {exitcode}): {''.join(errors)}")
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


CHILD_NICENESS = 10  # the fit (embedding every answer) yields the processor to the screen


if __name__ == "__main__":
    progress_pipe, sys.stdout = sys.stdout, sys.stderr  # stray prints must not look like progress
    if hasattr(os, "nice"):
        os.nice(CHILD_NICENESS)
    fit_in_child(json.loads(sys.argv[1]), progress_pipe)
