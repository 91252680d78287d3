"""How far an import has gone, for the background job's progress bar (``households.importing.jobs``).

The stages bump the counters as they go; the job's side thread copies them to the job row every few seconds
(on its own database connection: the import's own writes are one uncommitted transaction)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

#: how often (rows) a stage updates its counter inside a loop
EVERY = 1000


@dataclass
class Progress:
    read: int = 0  # data rows read from the sheet
    checked: int = 0  # rows validated
    written: int = 0  # rows whose household and review are written (unchanged rows count once all is written)
    writing: bool = False  # the write stage holds the database's write locks (SQLite: the whole file)
    #: held by the job's side thread while it writes the counters, and taken to enter the write stage
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def start_writing(self) -> None:
        """Enter the write stage once the side thread's progress write (if one is under way) has committed: on
        SQLite a second writer at that moment made the import's own first write fail ("database is locked")."""
        with self.lock:
            self.writing = True
