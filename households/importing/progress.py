"""How far an import has gone, for the background job's progress bar (``households.importing.jobs``).

The stages bump the counters as they go; the job's side thread copies them to the job row every few seconds
(on its own database connection: the import's own writes are one uncommitted transaction)."""

from __future__ import annotations

from dataclasses import dataclass

#: how often (rows) a stage updates its counter inside a loop
EVERY = 1000


@dataclass
class Progress:
    read: int = 0  # data rows read from the sheet
    checked: int = 0  # rows validated
    written: int = 0  # rows whose household and review are written (unchanged rows count once all is written)
    writing: bool = False  # the write stage holds the database's write locks (SQLite: the whole file)
