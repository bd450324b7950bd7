from django import template

from ..messages import event_log_message, translate_engine_error, translate_engine_message

register = template.Library()


@register.filter
def engine_message(text: str) -> str:
    return translate_engine_message(text)


@register.filter
def log_message(event_log: object) -> str:
    """An event log's import message in the reader's language (``messages.event_log_message``)."""
    return event_log_message(event_log)


@register.filter
def row_reason(error: dict) -> str:
    """A row error as the import recorded it (code and values), in the reader's language."""
    if not isinstance(error, dict):
        return ""
    return translate_engine_error(error.get("code"), error.get("params"), str(error.get("reason") or ""))
