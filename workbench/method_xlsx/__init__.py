"""The full-coding method's spreadsheet (METHOD.md §1 item 7), written and read losslessly.

Sheet "Data": one row per segment × code (an uncoded segment gets one row with no code);
sheet "Kodeliste": the code list with themes; sheet "Spørsmål": the questions, so a project
can be rebuilt from the file alone.
"""

from workbench.method_xlsx.reader import import_method_xlsx, is_method_workbook
from workbench.method_xlsx.writer import write_method_xlsx

__all__ = ["import_method_xlsx", "is_method_workbook", "write_method_xlsx"]
