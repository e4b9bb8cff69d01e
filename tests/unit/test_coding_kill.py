"""A coder killed with SIGKILL in the middle of coding loses nothing already committed."""

import os
import signal
import subprocess
import sys
import textwrap

from coding_project import build_project

from workbench.project import open_project

CHILD = textwrap.dedent(
    """
    import sys
    from workbench import coding
    from workbench.project import open_project

    store = open_project(sys.argv[1])
    segments = [row["id"] for row in store.rows("SELECT id FROM segments ORDER BY id")]
    for number in range(100000):
        code = coding.create_code(store, f"Kode {number}", "ann").id
        for coding_id in coding.apply_codes(store, segments[number % len(segments)], [code], "ann"):
            print(coding_id, flush=True)
    """
)


def test_sigkill_mid_sequence_loses_no_committed_coding(tmp_path):
    path = tmp_path / "p.db"
    build_project(path, {"q01": [f"Svar nummer {n}" for n in range(20)]}).close()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, text=True, env=os.environ.copy()
    )
    printed = []
    for line in child.stdout:
        printed.append(line.strip())
        if len(printed) >= 150:
            break
    child.send_signal(signal.SIGKILL)
    child.wait()
    printed += [line.strip() for line in child.stdout.read().splitlines() if len(line.strip()) == 36]
    store = open_project(path)
    stored = {row["id"] for row in store.rows("SELECT id FROM codings")}
    assert len(printed) >= 150
    assert set(printed) <= stored
    assert store.rows("PRAGMA integrity_check") == [{"integrity_check": "ok"}]
    store.close()
