"""The CLI progress bar: silent when piped, drawn on a terminal, redrawn only on change."""

import io

from workbench.cli.progress import ProgressBar


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_is_silent_when_output_is_not_a_terminal():
    stream = io.StringIO()
    bar = ProgressBar("Importing", stream=stream, delay_seconds=0)
    for done in range(1000):
        bar(done, 1000)
    bar.finish()
    assert stream.getvalue() == ""


def test_progress_bar_redraws_once_per_percent_on_a_terminal():
    stream = FakeTerminal()
    bar = ProgressBar("Importing", stream=stream, delay_seconds=0)
    for done in range(1, 2001):
        bar(done, 2000)
    bar.finish()
    drawn = stream.getvalue()
    assert drawn.count("\r") == 101  # 0 % to 100 %
    assert drawn.endswith("100% (2000/2000)\n")
