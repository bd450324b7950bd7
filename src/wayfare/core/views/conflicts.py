"""A stale edit form: what changed since it was opened, and the user's input kept on top of the new row.

The edit form carries the version it was opened at (``_version``, see ``core.concurrency``). When the
record changed since, nothing is saved; the page shows each field someone else changed (the value when the
form was opened, the value now, and the user's own input), and offers the form again, opened at the new
version, with the current values plus the fields the user had changed. Saving that form applies the user's
input on top of the other person's change; fields the user did not touch keep the other person's value.

The values "then" come from the record's history (the entry whose ``updated`` is the opened version).
Values are shown through the form's fields, whose related choices are restricted: a related record the
reader may not open shows as "not shown".
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Model
from django.utils.translation import gettext as _

from ..concurrency import version_time


def opened_instance(current: Model, version: str) -> Model | None:
    """The record as it was at ``version``, from its history, or ``None`` if no entry has it."""
    when = version_time(version)
    manager = getattr(current, "history", None)
    if when is None or manager is None:
        return None
    record = manager.filter(updated=when).order_by("-history_date", "-history_id").first()
    return record.instance if record is not None else None


def _shown(field: forms.Field, value: Any) -> str:
    if value in (None, "", []):
        return "—"
    if isinstance(field, forms.ModelMultipleChoiceField):
        names = [_shown_one(field, v) for v in value]
        return ", ".join(names)
    if isinstance(field, forms.ModelChoiceField):
        return _shown_one(field, value)
    if isinstance(field, forms.BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(field, forms.ChoiceField):
        return str(dict(field.choices).get(value, value))  # type: ignore[arg-type]
    if isinstance(field, forms.FileField):
        return str(getattr(value, "name", value) or "—")
    return str(value)


def _shown_one(field: forms.ModelChoiceField, value: Any) -> str:
    pk = getattr(value, "pk", value)
    queryset: Any = field.queryset  # restricted to what the reader may see
    row = queryset.filter(pk=pk).first() if pk not in (None, "") and queryset is not None else None
    return str(row) if row is not None else _("not shown")


def stale_form_context(
    form_class: type, form_kwargs: dict[str, Any], *, data: Any, files: Any, current: Model, version: str
) -> tuple[forms.BaseForm, list[dict[str, Any]]]:
    """The form to show again (unbound, at the current version) and the rows of what changed since."""
    then = opened_instance(current, version)
    posted = form_class(data=data, files=files, instance=then or current, **form_kwargs)
    now_form = form_class(instance=current, **form_kwargs)
    then_form = form_class(instance=then, **form_kwargs) if then is not None else None
    # What the user changed, relative to what they saw (all posted fields if the history lacks it).
    mine = set(posted.changed_data) if then is not None else set(posted.fields)
    rows = []
    for name, field in now_form.fields.items():
        now_value = now_form[name].value()
        then_value = then_form[name].value() if then_form is not None else None
        if then_form is not None and not field.has_changed(then_value, now_value):
            continue
        if then_form is None and name not in mine:
            continue
        rows.append(
            {
                "label": now_form[name].label,
                "then": _shown(field, then_value) if then_form is not None else "?",
                "now": _shown(field, now_value),
                "yours": _shown(field, posted[name].data) if name in mine else None,
            }
        )
    initial = {
        name: posted[name].data for name in mine if name in posted.fields and name not in (files or {})
    }
    reopened = form_class(instance=current, initial=initial, **form_kwargs)
    return reopened, rows
