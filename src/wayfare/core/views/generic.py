"""Generic pages built from declarations: list, detail, add, edit, delete and CSV import.

Each view receives its ``Resource`` from the URL pattern (see ``core.urls.resource_urlpatterns``). Access:
a missing model permission answers 403; a row outside ``restrict()`` answers 404.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import EmptyPage
from django.db.models import (
    EmailField,
    IntegerField,
    Model,
    ProtectedError,
    RestrictedError,
    URLField,
)
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils.formats import number_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views import View
from django_tables2 import CheckBoxColumn, RequestConfig

from ..access import has_permission, is_consumer, restrict
from ..concurrency import StaleVersion, version_of
from ..duplicates import PossibleDuplicate
from ..exceptions import DomainError
from ..exports import export_response, table_rows
from ..forms import CSVImportForm, saved_names
from ..history import history_entries
from ..related import Seen, hidden_fields
from ..resources import Resource, registry
from ..services import ImportFailed, resource_create, resource_delete, resource_import_csv, resource_update
from ..usage import usage_of
from .conflicts import stale_form_context

EXPORT_FORMATS = ("csv", "xlsx")
PER_PAGE = 25
MAX_PER_PAGE = 500


class ResourceView(LoginRequiredMixin, View):
    resource: Resource = None  # type: ignore[assignment]  # set by as_view()
    action = "view"
    template_name = ""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if request.user.is_authenticated and not has_permission(
            request.user, self.resource.model, self.action
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def queryset(self, action: str | None = None) -> Any:
        return restrict(self.resource.queryset(), self.request.user, action or self.action)

    def get_object(self) -> Model:
        return get_object_or_404(self.queryset(), pk=self.kwargs["pk"])

    def can(self, action: str) -> bool:
        return has_permission(self.request.user, self.resource.model, action)

    def context(self, **extra: Any) -> dict[str, Any]:
        r = self.resource
        return {
            "resource": r,
            "opts": r.model._meta,
            "can_add": self.can("add"),
            "can_change": self.can("change"),
            "can_delete": self.can("delete"),
            "list_url": reverse(r.url_name("list")),
            "add_url": reverse(r.url_name("add")),
            "import_url": reverse(r.url_name("import")) if r.importable else None,
            **extra,
        }

    def form_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        return {"user": self.request.user, **kwargs}


class ResourceListView(ResourceView):
    template_name = "generic/list.html"

    def get(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        r = self.resource
        filterset = r.filterset_class(request.GET or None, queryset=self.queryset(), request=request)
        # An invalid or foreign filter value is an error (400, the form's errors above an empty table),
        # never a silently unfiltered list or export, as in the API (issue #11).
        invalid = filterset.is_bound and not filterset.is_valid()
        queryset = filterset.qs if filterset.is_bound else filterset.queryset
        if invalid:
            queryset = filterset.queryset.none()
        status = 400 if invalid else 200
        embedded = request.GET.get("embedded") == "1"
        # A table embedded in a parent's page leaves out the column that would only repeat the parent.
        pinned = [c for c in r.columns[1:] if c in request.GET] if embedded else []
        export_format = request.GET.get("_export")
        bulk = (
            not embedded
            and export_format not in EXPORT_FORMATS
            and (self.can("change") or self.can("delete"))
        )
        # request= only tells the table who reads it (core.related); sorting and pages are set below.
        table = r.table_class(queryset, request=request, exclude=pinned, **(_bulk_column(r) if bulk else {}))
        if export_format in EXPORT_FORMATS and not invalid:
            RequestConfig(request, paginate=False).configure(table)
            return export_response(
                table_rows(table),
                export_format=export_format,
                filename=f"{r.url_slug}.{export_format}",
                title=str(r.verbose_name_plural).title(),
            )
        RequestConfig(request, paginate=False).configure(table)
        _paginate(table, request)
        context = self.context(
            table=table,
            filterset=filterset,
            embedded=embedded,
            count=table.paginator.count,
            query=request.GET.urlencode(),
            export_formats=EXPORT_FORMATS,
            bulk=bulk,
            bulk_edit_url=reverse(r.url_name("bulk_edit")) if bulk and self.can("change") else None,
            bulk_delete_url=reverse(r.url_name("bulk_delete")) if bulk and self.can("delete") else None,
            list_links=_list_links(r, request.user),
        )
        if embedded or getattr(request, "htmx", False):
            return render(request, "generic/results.html", context, status=status)
        return render(request, self.template_name, context, status=status)


class SelectColumn(CheckBoxColumn):
    """A row's checkbox for bulk actions, headed by a word (no select-all without script). django-tables2
    falls back to the column's name for an empty header, so the header is a translated word."""

    @property
    def header(self) -> str:
        return pgettext("bulk selection column", "Select")


def _list_links(resource: Resource, user: Any) -> list[tuple[Any, str]]:
    """The declaration's links above the list (``extra["list_links"]``: label, URL name, anchor and,
    optionally, the permission the linked page needs), those the reader may follow."""
    links = []
    for label, url_name, anchor, *permission in resource.extra.get("list_links", ()):
        if permission and not user.has_perm(permission[0]):
            continue
        if permission and is_consumer(user):
            continue  # the linked pages with a permission are provider staff's
        links.append((label, reverse(url_name) + anchor))
    return links


def _select_label(record: Model) -> str:
    return _("Select %(name)s") % {"name": record}


def _bulk_column(resource: Resource) -> dict[str, Any]:
    """A checkbox per row for bulk edit and delete; it belongs to the list page's ``bulk-form``."""
    column = SelectColumn(
        accessor="pk",
        attrs={"input": {"form": "bulk-form", "name": "pk", "aria-label": _select_label}},
        exclude_from_export=True,
        orderable=False,
    )
    return {"extra_columns": [("_select", column)], "sequence": ("_select", *resource.columns)}


def _int_param(request: HttpRequest, name: str, default: int, low: int, high: int) -> int:
    """A whole number from the query, clamped; junk gives the default (never a 500, issue #11)."""
    try:
        value = int(request.GET.get(name, default))
    except (TypeError, ValueError):
        return default
    return min(max(value, low), high)


def _paginate(table: Any, request: HttpRequest) -> None:
    per_page = _int_param(request, table.prefixed_per_page_field, PER_PAGE, 1, MAX_PER_PAGE)
    page = _int_param(request, table.prefixed_page_field, 1, 1, 2**31)
    try:
        table.paginate(per_page=per_page, page=page)
    except EmptyPage:  # beyond the end: the last page
        table.page = table.paginator.page(table.paginator.num_pages)


def _next_url(request: HttpRequest) -> str | None:
    """Where a form returns after saving (``?next=``, e.g. the parent record's page), if it is ours."""
    url = request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return None


def _field_rows(obj: Model, names: list[str], request: HttpRequest) -> list[dict[str, Any]]:
    """The detail page's rows: related records through ``core.related`` ("not shown", no link, if the
    reader may not open them), no backstage field for consumers."""
    seen = Seen.of(request)
    resource = registry.find(type(obj))
    hidden = hidden_fields(resource, request.user)
    translated = set(resource.translated_fields) if resource is not None else set()
    names = [n for n in names if n not in hidden]
    rows = []
    for name in names:
        field: Any = obj._meta.get_field(name)
        if field.many_to_many:
            related = list(getattr(obj, name).all())
            seen.prime_objects(related)
            value: Any = [seen.label(v) for v in related]
        elif hasattr(obj, f"display_{name}"):  # a model's own way of showing a value (a list of days)
            value = getattr(obj, f"display_{name}")()
        elif field.choices:
            value = getattr(obj, f"get_{name}_display")()
        elif name in translated:
            value = obj.translated(name)  # type: ignore[attr-defined]  # the reader's language
        else:
            value = getattr(obj, name)
            if isinstance(field, IntegerField) and not field.primary_key and value is not None:
                value = number_format(value, force_grouping=True)
        link = None
        if isinstance(field, URLField) and str(value).lower().startswith(("http://", "https://")):
            link = value  # validated on save; only web addresses become links
        elif isinstance(field, EmailField) and value:
            link = f"mailto:{value}"
        if field.is_relation and not field.many_to_many and value is not None:
            link = seen.link(value)
            value = seen.label(value)
        rows.append({"label": field.verbose_name, "value": value, "link": link, "name": name})
    return rows


class ResourceDetailView(ResourceView):
    template_name = "generic/detail.html"

    def get(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        obj = self.get_object()
        r = self.resource
        related = []
        for rel in r.related:
            rel_resource = registry.get(rel.model)
            if has_permission(request.user, rel.model, "view"):
                related.append(
                    {
                        "resource": rel_resource,
                        "url": reverse(rel_resource.url_name("list")) + f"?embedded=1&{rel.field}={obj.pk}",
                        "add_url": reverse(rel_resource.url_name("add"))
                        + "?"
                        + urlencode({rel.field: obj.pk, "next": request.get_full_path()}),
                        "can_add": has_permission(request.user, rel.model, "add"),
                    }
                )
        return render(
            request,
            r.detail_template or self.template_name,
            self.context(
                object=obj,
                fields=_field_rows(obj, r.shown_fields, request),
                related=related,
                history=history_entries(obj, request.user),
                edit_url=reverse(r.url_name("edit"), args=[obj.pk]),
                delete_url=reverse(r.url_name("delete"), args=[obj.pk]),
                **(r.detail_context(request, obj) if r.detail_context else {}),
            ),
        )


class ResourceFormView(ResourceView):
    """Add and edit. The edit form carries the version it was opened at (``_version``); a stale form saves
    nothing and shows what changed since (``views.conflicts``). Only the fields the user changed are
    passed to the service, which writes only those (issue #11, lost updates)."""

    template_name = "generic/form.html"

    def instance(self) -> Model | None:
        return None

    def render_form(self, form: Any, obj: Model | None, status: int = 200, **extra: Any) -> HttpResponse:
        context = self.context(
            form=form,
            object=obj,
            next_url=_next_url(self.request),
            add_another=obj is None,
            version=version_of(obj) if obj is not None else None,
            **extra,
        )
        return render(self.request, self.template_name, context, status=status)

    def initial_from_query(self, obj: Model | None) -> dict[str, Any]:
        """Values pinned by the query (``?journey=3`` from a parent's page), each checked by its form field:
        junk, or an id the user may not see, is left out rather than answering 500."""
        probe = self.resource.form_class(**self.form_kwargs(instance=obj))
        initial = {}
        for name in self.request.GET:
            if name not in self.resource.editable_fields or name not in probe.fields:
                continue
            raw = probe[name].field.widget.value_from_datadict(self.request.GET, {}, name)
            try:
                probe.fields[name].clean(raw)
            except ValidationError:
                continue
            initial[name] = raw
        return initial

    def get(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        obj = self.instance()
        initial = self.initial_from_query(obj)
        return self.render_form(
            self.resource.form_class(**self.form_kwargs(instance=obj, initial=initial)), obj
        )

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        obj = self.instance()
        version = request.POST.get("_version") or None
        if obj is not None and version is not None and version != version_of(obj):
            return self.render_stale(obj, version)
        form = self.resource.form_class(
            **self.form_kwargs(data=request.POST, files=request.FILES, instance=obj)
        )
        if form.is_valid():
            names = saved_names(form, form.changed_data if obj is not None else list(form.fields))
            data = {name: form.cleaned_data[name] for name in names if name in form.cleaned_data}
            try:
                saved = self.save(obj, data, version, "_confirm_duplicate" in request.POST)
            except PossibleDuplicate as exc:
                return self.render_form(
                    form, obj, status=400, duplicates=_record_links(exc.candidates, self.request)
                )
            except StaleVersion as exc:
                if exc.current is None:
                    raise Http404 from exc
                return self.render_stale(exc.current, version or "")
            except ValidationError as exc:
                if hasattr(exc, "error_dict"):
                    for field, errs in exc.message_dict.items():
                        form.add_error(field if field in form.fields else None, errs)
                else:
                    form.add_error(None, exc.messages)
            except DomainError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Saved %(name)s.") % {"name": Seen.of(request).display(saved)})
                if "_addanother" in request.POST:  # the same form again, with the same pinned values
                    return HttpResponseRedirect(request.get_full_path())
                next_url = _next_url(request)
                return HttpResponseRedirect(
                    next_url or reverse(self.resource.url_name("detail"), args=[saved.pk])
                )
        return self.render_form(form, obj, status=400)

    def render_stale(self, current: Model, version: str) -> HttpResponse:
        form, changes = stale_form_context(
            self.resource.form_class,
            self.form_kwargs(),
            data=self.request.POST,
            files=self.request.FILES,
            current=current,
            version=version,
        )
        return self.render_form(form, current, status=409, stale=True, changes=changes)

    def save(self, obj: Model | None, data: dict[str, Any], version: str | None, confirm: bool) -> Model:
        raise NotImplementedError


class ResourceCreateView(ResourceFormView):
    action = "add"

    def save(self, obj: Model | None, data: dict[str, Any], version: str | None, confirm: bool) -> Model:
        return resource_create(self.resource, actor=self.request.user, data=data, confirm_duplicate=confirm)


class ResourceUpdateView(ResourceFormView):
    action = "change"

    def instance(self) -> Model | None:
        return self.get_object()

    def save(self, obj: Model | None, data: dict[str, Any], version: str | None, confirm: bool) -> Model:
        assert obj is not None
        return resource_update(
            self.resource,
            instance=obj,
            actor=self.request.user,
            data=data,
            expected_version=version,
            confirm_duplicate=confirm,
        )


class ResourceDeleteView(ResourceView):
    """Asks before deleting; a record still in use says so, with what uses it, and offers no delete."""

    action = "delete"
    template_name = "generic/confirm_delete.html"

    def render_confirm(self, obj: Model, usage: Any, status: int = 200) -> HttpResponse:
        context = self.context(object=obj, usage=usage, used_by=_record_links(usage.shown, self.request))
        return render(self.request, self.template_name, context, status=status)

    def get(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        obj = self.get_object()
        return self.render_confirm(obj, usage_of(obj, request.user))

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        obj = self.get_object()
        name = Seen.of(request).display(obj)
        try:
            resource_delete(self.resource, instance=obj, actor=request.user)
        except DomainError as exc:  # RecordInUse too (the confirm page said so already, unless it raced)
            messages.error(request, str(exc))
            return HttpResponseRedirect(reverse(self.resource.url_name("detail"), args=[obj.pk]))
        except (ProtectedError, RestrictedError):
            messages.error(request, _("%(name)s is still in use and cannot be deleted.") % {"name": name})
            return HttpResponseRedirect(reverse(self.resource.url_name("detail"), args=[obj.pk]))
        messages.success(request, _("Deleted %(name)s.") % {"name": name})
        return HttpResponseRedirect(reverse(self.resource.url_name("list")))


def _record_links(objects: list[Model], request: HttpRequest) -> list[dict[str, Any]]:
    """Records (already restricted) each with its kind and, if it has a page, a link; named as the
    reader may see them (``Seen.display``: related names inside a row's name are restricted too)."""
    seen = Seen.of(request)
    rows = []
    for obj in objects:
        target = registry.find(type(obj))
        link = None
        if target is not None:
            try:
                link = reverse(target.url_name("detail"), args=[obj.pk])
            except NoReverseMatch:
                link = None
        kind = target.verbose_name if target is not None else obj._meta.verbose_name
        rows.append({"name": seen.display(obj), "kind": kind, "link": link})
    return rows


class ResourceImportView(ResourceView):
    action = "add"
    template_name = "generic/import.html"

    def import_columns(self) -> list[str]:
        """The columns the page lists: never a backstage field to a consumer (issue #11)."""
        hidden = hidden_fields(self.resource, self.request.user)
        return [name for name in self.resource.editable_fields if name not in hidden]

    def get(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        return render(
            request,
            self.template_name,
            self.context(form=CSVImportForm(), columns=self.import_columns()),
        )

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        form = CSVImportForm(request.POST, request.FILES)
        errors: list[tuple[int, str]] = []
        if form.is_valid():
            raw = form.cleaned_data["file"].read()
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                errors = [(1, _("The file is not UTF-8 text."))]
            else:
                try:
                    created = resource_import_csv(self.resource, actor=request.user, text=text)
                except ImportFailed as exc:
                    errors = exc.errors
                else:
                    messages.success(request, _("Imported %(count)d records.") % {"count": len(created)})
                    return HttpResponseRedirect(reverse(self.resource.url_name("list")))
        response = render(
            request,
            self.template_name,
            self.context(form=form, errors=errors, columns=self.import_columns()),
        )
        response.status_code = 400
        return response
