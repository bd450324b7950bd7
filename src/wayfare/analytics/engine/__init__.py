"""Wayfare's event-log engine: import event logs into normalised Parquet and analyse them in DuckDB.

Django-free on purpose (it runs in tasks, the command line and tests alike); see ``types`` for the
normalised schema. Public entry points::

    import_csv(path, dest_parquet, mapping, *, timestamp_format=None, timezone="UTC", delimiter=None,
               encoding=None, progress=None, limits=None) -> ImportResult
    import_arrow(table, dest_parquet, mapping, *, timestamp_format=None, timezone="UTC",
                 progress=None) -> ImportResult
    EventLogAnalysis.from_parquet(path) / EventLogAnalysis.from_arrow(table)
    EventLogAnalysis.filtered(EventFilter(...)) -> EventLogAnalysis

Every importer runs under ``ImportLimits`` (source size, gzip/XES expansion, events) and accepts text
encodings only (``guards``); its errors carry a code and parameters, never a path.
"""

from .analysis import EventFilter, EventLogAnalysis
from .csv_import import MESSAGES, import_arrow, import_csv
from .types import ColumnMapping, EventLogImportError, ImportLimits, ImportResult, RowError

__all__ = [
    "MESSAGES",
    "ColumnMapping",
    "EventFilter",
    "EventLogAnalysis",
    "EventLogImportError",
    "ImportLimits",
    "ImportResult",
    "RowError",
    "import_arrow",
    "import_csv",
]
