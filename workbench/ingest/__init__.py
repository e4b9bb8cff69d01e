"""Reading survey files (CSV/XLSX, wide and long layouts) into a project, with validation.

``import_survey(store, path, ...)`` is the entry point; ``read_survey`` validates a file
without a project; ``read_questions_file`` reads a CSV/YAML list of questions.
"""

from workbench.ingest.importer import LAYOUTS, ImportResult, import_survey, read_survey
from workbench.ingest.questions import QuestionSpec, read_questions_file

__all__ = [
    "LAYOUTS",
    "ImportResult",
    "QuestionSpec",
    "import_survey",
    "read_questions_file",
    "read_survey",
]
