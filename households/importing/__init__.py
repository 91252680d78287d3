"""Excel import of review lists (danh sách kết quả rà soát): one row = one household's review for a year.

A pipeline of five stages, each a module that can be tested and timed on its own
(``ImportResult.timings`` has one entry per stage):

1. ``reading``     the upload's name/size, the workbook streamed (read-only, values only),
                   its header row and its non-blank data rows as plain tuples;
2. ``validating``  each row → ``ParsedRow`` of checked values, or its faults (Excel row,
                   column, reason); the file as a whole: duplicate household-years, missing
                   indicator columns. Checked against ``reference`` (indicators, causes,
                   standards, the communes the user may import into), loaded once per file;
3. ``matching``    the stored households and reviews the rows name (in chunks, never per
                   row) and the rows that may not change them (submitted or approved reviews);
4. ``planning``    what changes, computed in memory: new and changed households and reviews
                   with their history;
5. ``writing``     the plan written in bulk (COPY on PostgreSQL) inside one transaction.

The column contract (issue 4, point 8) is in ``columns`` and shared with ``exporting.py``;
cell values are parsed by ``cells``; the faults are ``faults.ImportFault``.

The category is always computed (``services.review_compute``), never read from the file.

All or nothing: the file is read and checked completely first; any fault of any row
rejects the whole file with every fault listed (Excel row, column, reason) and nothing
is written. Only then are the rows written in one transaction, in batches.

Re-importing a household-year that already exists:

* a draft or returned review is updated (it keeps its status; ``approve`` approves it);
* a submitted review is updated only with ``approve`` (the approver loading the official
  list); otherwise it is a row error: it waits for the approver;
* an approved review is locked: a row that would change it is a row error (reopen it
  first). A row identical to what is stored is skipped as unchanged, so an exported file
  imports again without error and without change.
"""

from .cells import FORMULA_PREFIXES, cell_flag, cell_int, cell_text
from .columns import (
    AREA_LABELS,
    CAUSE_SEPARATOR,
    COL_AREA,
    COL_CATEGORY,
    COL_CAUSES,
    COL_CODE,
    COL_COMMUNE,
    COL_ETHNIC,
    COL_HEAD,
    COL_INCOME,
    COL_MEMBERS,
    COL_MOVEMENT,
    COL_NO_LABOUR,
    COL_STATUS,
    COL_VILLAGE,
    COL_YEAR,
    EXPORT_ONLY_COLUMNS,
    HEAD_COLUMNS,
    MARK,
    REQUIRED_COLUMNS,
    TAIL_COLUMNS,
    column_letter,
    header_key,
)
from .faults import CellError, ImportFault, ImportRejected
from .matching import HOUSEHOLD_IMPORT_FIELDS, REVIEW_IMPORT_FIELDS
from .pipeline import ImportResult, import_reviews
from .reading import check_upload
from .validating import ParsedRow
from .writing import Inserter, refresh_current_status

_Inserter = Inserter  # the name the tests knew

__all__ = [
    "AREA_LABELS", "CAUSE_SEPARATOR", "COL_AREA", "COL_CATEGORY", "COL_CAUSES", "COL_CODE", "COL_COMMUNE",
    "COL_ETHNIC", "COL_HEAD", "COL_INCOME", "COL_MEMBERS", "COL_MOVEMENT", "COL_NO_LABOUR", "COL_STATUS",
    "COL_VILLAGE", "COL_YEAR", "EXPORT_ONLY_COLUMNS", "FORMULA_PREFIXES", "HEAD_COLUMNS", "HOUSEHOLD_IMPORT_FIELDS",
    "MARK", "REQUIRED_COLUMNS", "REVIEW_IMPORT_FIELDS", "TAIL_COLUMNS", "CellError", "ImportFault",
    "ImportRejected", "ImportResult", "Inserter", "ParsedRow", "cell_flag", "cell_int", "cell_text", "check_upload",
    "column_letter", "header_key", "import_reviews", "refresh_current_status",
]
