"""Report exports: counted categories, quote lists, Word/Markdown/CSV files, one folder per run."""

from workbench.export.jobs import KINDS, ExportOptions, run_export
from workbench.export.runs import ExportResult

__all__ = ["KINDS", "ExportOptions", "ExportResult", "run_export"]
