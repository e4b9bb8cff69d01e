"""The core must import without Textual or Rich, so headless commands stay fast."""

import subprocess
import sys

CORE_MODULES = ["workbench.cli", "workbench.project", "workbench.store"]


def test_core_modules_do_not_import_textual_or_rich():
    imports = "; ".join(f"import {name}" for name in CORE_MODULES)
    check = (
        f"{imports}; import sys; "
        "from workbench.cli import build_parser; build_parser(); "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]; "
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True)
    assert result.returncode == 0, f"core imported {result.stdout.strip()} {result.stderr}"
