"""Translation of the engine's messages.

The engine is Django-free and reports in plain English from templates with named placeholders (its
``MESSAGES`` dicts); its errors also carry the template's code and the values (``code``/``params``), which
row errors keep, so :func:`translate_engine_error` fills the translated template directly. Texts kept
without a code (a log's overall message, records imported before codes) are translated by matching the
text against the templates. No template takes a server path or a Python exception's text (issue #11).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from django.utils.translation import gettext_lazy as _

from .engine.csv_import import MESSAGES as CSV_MESSAGES

TRANSLATED = {
    "missing_case": _("missing case id"),
    "missing_activity": _("missing activity"),
    "missing_timestamp": _("missing timestamp"),
    "bad_timestamp": _("unparseable timestamp %(value)s"),
    "missing_column": _("column %(column)s is not in the header (columns: %(columns)s)"),
    "rows_failed": _("%(count)s rows could not be imported"),
    "unreadable": _(
        "the file could not be read as CSV: its delimiter, quoting or columns could not be made out"
    ),
    "empty": _("the file has no header line"),
    "bad_timezone": _("unknown time zone %(timezone)s"),
    "bad_format": _("invalid timestamp format %(format)s: %(detail)s"),
    "bad_encoding": _("the file is not valid %(encoding)s text"),
    "not_found": _("the source file is missing"),
    "bad_row": _("malformed CSV row: %(detail)s"),
    "timestamp_hint": _(
        "%(count)s rows could not be imported: their timestamps are not ISO 8601 but match the format "
        "%(formats)s; state the timestamp format"
    ),
    "xes_malformed": _("the file is not well-formed XES: %(detail)s (line %(line)s)"),
    "xes_not_xes": _("the file holds no XES log element"),
    "xes_no_events": _("the log holds no event"),
    "unknown_encoding": _("unknown encoding %(encoding)s"),
    "not_text_encoding": _("%(encoding)s is not a text encoding (it does not turn bytes into text)"),
    "too_large": _("the file is larger than the limit of %(limit)s"),
    "too_expanded": _("the file expands to more than the limit of %(limit)s"),
    "too_many_events": _("the log holds more than the limit of %(limit)s events"),
    "unreadable_source": _("the source file could not be read"),
    "corrupt_gzip": _("the compressed file is corrupt or cut short"),
    "internal": _("the import failed unexpectedly; the details are in the server log"),
    "no_source": _("The event log has no source file."),
}


def event_log_message(event_log: Any) -> str:
    """A log's import message in the reader's language: from its code and values where the import kept
    them, else (logs imported before codes) by matching its text."""
    code, params = (
        getattr(event_log, "message_code", ""),
        dict(getattr(event_log, "message_params", {}) or {}),
    )
    if not code:
        return translate_engine_message(event_log.message)
    failed, listed = params.pop("failed_rows", 0), params.pop("listed_rows", 0)
    if code == "no_source":
        text = str(TRANSLATED["no_source"])
    else:
        text = translate_engine_error(code, params, event_log.message)
    if failed and failed > listed:
        text = str(
            _("%(message)s (%(count)d rows failed; the first %(shown)d are listed.)")
            % {"message": text, "count": failed, "shown": listed}
        )
    return text


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


def translate_engine_error(code: str | None, params: dict[str, Any] | None, text: str = "") -> str:
    """The engine error ``code`` with its ``params`` in the active language (values shown as the engine
    shows them, quoted where its template quotes them); ``text`` translated by matching otherwise."""
    template = _engine_messages().get(code or "")
    if template is None or code not in TRANSLATED:
        return translate_engine_message(text)
    values = dict(params or {})
    for conversion in re.finditer(r"%\((\w+)\)r", template):
        name = conversion.group(1)
        if name in values:
            values[name] = repr(values[name])
    try:
        return str(TRANSLATED[code]) % values
    except (KeyError, TypeError, ValueError):  # parameters of another version of the template
        return translate_engine_message(text)


def translate_engine_message(text: str) -> str:
    """The message in the active language; text the engine did not produce comes back unchanged."""
    for key, pattern in _patterns():
        match = pattern.match(text or "")
        if match and key in TRANSLATED:
            return str(TRANSLATED[key]) % match.groupdict()
    return text
