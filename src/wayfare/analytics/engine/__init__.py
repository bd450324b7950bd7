"""Wayfare's event-log engine: import event logs into normalised Parquet and analyse them in DuckDB.

Django-free on purpose (it runs in tasks, the command line and tests alike); see ``types`` for the
normalised schema. Public entry points::

    import_csv(path, dest_parquet, mapping, *, timestamp_format=None, timezone="UTC", delimiter=None,
               encoding=None, progress=None) -> ImportResult
    import_arrow(table, dest_parquet, mapping, *, timestamp_format=None, timezone="UTC",
                 progress=None) -> ImportResult
    EventLogAnalysis.from_parquet(path) / EventLogAnalysis.from_arrow(table)
    EventLogAnalysis.filtered(EventFilter(...)) -> EventLogAnalysis
"""

from .analysis import EventFilter, EventLogAnalysis
from .csv_import import MESSAGES, import_arrow, import_csv
from .types import ColumnMapping, EventLogImportError, ImportResult, RowError

__all__ = [
    "MESSAGES",
    "ColumnMapping",
    "EventFilter",
    "EventLogAnalysis",
    "EventLogImportError",
    "ImportResult",
    "RowError",
    "import_arrow",
    "import_csv",
]
