"""Bulk edit and bulk delete from a list (issue #11, shared machinery).

The list's rows carry checkboxes (for users with the change or delete permission); "Edit selected" and
"Delete selected" post the selected ids here. Both pages first show what will happen (the rows; for a
delete, which are still in use) and act only on the second post (``_apply``). Rows come through
``restrict()`` for the action, so an id the user may not change is "not found"; the work runs in one
transaction through the same services and form as a single edit, all or nothing, with per-row errors.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..services import BulkFailed, resource_bulk_delete, resource_bulk_update
from ..usage import usage_of
from .generic import ResourceView

MAX_SELECTED = 1000


class BulkView(ResourceView):
    def selected_ids(self) -> list[str]:
        return [pk for pk in self.request.POST.getlist("pk") if pk.isdigit()][:MAX_SELECTED]

    def selected_rows(self, ids: list[str]) -> list[Model]:
        return list(self.queryset().filter(pk__in=ids))

    def nothing_selected(self) -> HttpResponse:
        messages.warning(self.request, _("Select at least one record first."))
        return HttpResponseRedirect(reverse(self.resource.url_name("list")))

    def usages(self, ids: list[str]) -> list[tuple[Model, Any]]:
        """Each selected row with what still uses it (restricted names, ``core.usage``)."""
        return [(row, usage_of(row, self.request.user)) for row in self.selected_rows(ids)]

    def render_page(self, status: int = 200, **extra: Any) -> HttpResponse:
        return render(self.request, self.template_name, self.context(**extra), status=status)


def _bulk_fields(form: forms.BaseForm) -> list[str]:
    """Fields a bulk edit may set: all of the form's but uploads (a file belongs to one record)."""
    inputs = getattr(form, "translation_inputs", {})  # a translation belongs to one record too
    return [
        name
        for name, field in form.fields.items()
        if not isinstance(field, forms.FileField) and name not in inputs
    ]


class ResourceBulkEditView(BulkView):
    action = "change"
    template_name = "generic/bulk_edit.html"

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        ids = self.selected_ids()
        if not ids:
            return self.nothing_selected()
        form_class = self.resource.form_class
        if "_apply" not in request.POST:
            form = form_class(**self.form_kwargs())
            return self.render_page(
                rows=self.selected_rows(ids), ids=ids, form=form, fields=_bulk_fields(form)
            )
        posted = form_class(**self.form_kwargs(data=request.POST))
        fields = _bulk_fields(posted)
        chosen = [name for name in fields if request.POST.get(f"_set_{name}")]
        if not chosen:
            posted.errors.clear()
            return self.render_page(
                status=400,
                rows=self.selected_rows(ids),
                ids=ids,
                form=posted,
                fields=fields,
                chosen=chosen,
                errors=[(None, _("Tick at least one field to change."))],
            )
        values = {name: posted[name].data for name in chosen}

        def validate(row: Model) -> dict[str, Any]:
            # The edit form of this row with the chosen fields set: the same validation as one edit.
            current = form_class(**self.form_kwargs(instance=row))
            data = {name: current[name].value() for name in current.fields if name in fields} | values
            form = form_class(**self.form_kwargs(data=data, instance=row))
            if not form.is_valid():
                problems = []
                for name, errs in form.errors.items():
                    label = form.fields[name].label if name in form.fields else ""
                    problems += [f"{label}: {m}" if label else m for m in errs]
                raise ValidationError(problems)
            return {name: form.cleaned_data[name] for name in chosen}

        try:
            saved = resource_bulk_update(
                self.resource,
                actor=request.user,
                pks=ids,
                validate=validate,
                confirm_duplicate="_confirm_duplicate" in request.POST,
            )
        except BulkFailed as exc:
            return self.render_page(
                status=400,
                rows=self.selected_rows(ids),
                ids=ids,
                form=posted,
                fields=fields,
                chosen=chosen,
                errors=exc.errors,
            )
        messages.success(
            request,
            ngettext("Changed %(count)d record.", "Changed %(count)d records.", len(saved))
            % {"count": len(saved)},
        )
        return HttpResponseRedirect(reverse(self.resource.url_name("list")))


class ResourceBulkDeleteView(BulkView):
    action = "delete"
    template_name = "generic/bulk_delete.html"

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        ids = self.selected_ids()
        if not ids:
            return self.nothing_selected()
        if "_apply" not in request.POST:
            usages = self.usages(ids)
            blocked = any(usage.blocked for _row, usage in usages)
            return self.render_page(usages=usages, ids=[str(r.pk) for r, _u in usages], blocked=blocked)
        try:
            count = resource_bulk_delete(self.resource, actor=request.user, pks=ids)
        except BulkFailed as exc:
            return self.render_page(
                status=400, usages=self.usages(ids), ids=ids, blocked=True, errors=exc.errors
            )
        messages.success(
            request,
            ngettext("Deleted %(count)d record.", "Deleted %(count)d records.", count) % {"count": count},
        )
        return HttpResponseRedirect(reverse(self.resource.url_name("list")))
