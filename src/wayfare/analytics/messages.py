"""Translation of the engine's messages.

The engine is Django-free and reports in plain English from templates with named placeholders (its
``MESSAGES`` dicts). Records keep that English text; pages translate it when they show it, by matching the
text against the templates and filling the translated template with the same values.
"""

from __future__ import annotations

import re
from functools import cache

from django.utils.translation import gettext_lazy as _

from .engine.csv_import import MESSAGES as CSV_MESSAGES

TRANSLATED = {
    "missing_case": _("missing case id"),
    "missing_activity": _("missing activity"),
    "missing_timestamp": _("missing timestamp"),
    "bad_timestamp": _("unparseable timestamp %(value)s"),
    "missing_column": _("column %(column)s is not in the header (columns: %(columns)s)"),
    "rows_failed": _("%(count)s rows could not be imported"),
    "unreadable": _("the file could not be read as CSV: %(detail)s"),
    "empty": _("the file has no header line"),
    "bad_timezone": _("unknown time zone %(timezone)s"),
    "bad_format": _("invalid timestamp format %(format)s: %(detail)s"),
    "bad_encoding": _("the file is not valid %(encoding)s text"),
    "not_found": _("no such file: %(path)s"),
    "bad_row": _("malformed CSV row: %(detail)s"),
    "timestamp_hint": _(
        "%(count)s rows could not be imported: their timestamps are not ISO 8601 but match the format "
        "%(formats)s; state the timestamp format"
    ),
    "xes_malformed": _("the file is not well-formed XES: %(detail)s (line %(line)s)"),
    "xes_not_xes": _("the file holds no XES log element"),
    "xes_no_events": _("the log holds no event"),
}

_PLACEHOLDER = re.compile(r"%\((\w+)\)[srd]")


def _engine_messages() -> dict[str, str]:
    messages = dict(CSV_MESSAGES)
    try:
        from .engine.xes_import import MESSAGES as XES_MESSAGES

        messages.update({f"xes_{k}": v for k, v in XES_MESSAGES.items()})
    except ImportError:  # pragma: no cover
        pass
    return messages


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    patterns = []
    for key, template in _engine_messages().items():
        parts = _PLACEHOLDER.split(template)
        regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.*?)" for i, p in enumerate(parts))
        patterns.append((key, re.compile(f"^{regex}$", re.S)))
    # longer templates first, so a specific message wins over a short general one
    patterns.sort(key=lambda item: -len(item[1].pattern))
    return patterns


def translate_engine_message(text: str) -> str:
    """The message in the active language; text the engine did not produce comes back unchanged."""
    for key, pattern in _patterns():
        match = pattern.match(text or "")
        if match and key in TRANSLATED:
            return str(TRANSLATED[key]) % match.groupdict()
    return text
