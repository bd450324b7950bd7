"""Pages of a versioned record: its versions, publishing, a draft snapshot, and a side-by-side comparison.

The record is fetched through ``restrict()`` (404 outside it; 403 without the model's view permission),
and its versions only through it. Publishing and saving a draft need the model's change permission.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from ..exceptions import DomainError
from ..versions import (
    CURRENT,
    has_unpublished_changes,
    latest_published,
    version_compare,
    version_data,
    version_default_pair,
    version_publish,
    version_save_draft,
    versions_for,
)
from .generic import ResourceView


class ResourceVersionsView(ResourceView):
    template_name = "generic/versions.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if not self.resource.versioned:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        obj = self.get_object()
        versions = list(versions_for(self.resource, obj))
        published = latest_published(self.resource, obj)
        unpublished = has_unpublished_changes(self.resource, obj, published)
        return render(
            request,
            self.template_name,
            self.context(
                object=obj,
                versions=versions,
                published=published,
                unpublished=unpublished,
                current=CURRENT,
                compare_url=reverse(self.resource.url_name("version_compare"), args=[obj.pk]),
                publish_url=reverse(self.resource.url_name("version_publish"), args=[obj.pk]),
                draft_url=reverse(self.resource.url_name("version_draft"), args=[obj.pk]),
            ),
        )


class ResourceVersionWriteView(ResourceVersionsView):
    """POST only: publish the record as its next version, or keep it as its draft snapshot."""

    action = "change"
    publish = True

    def get(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        return HttpResponseRedirect(reverse(self.resource.url_name("versions"), args=[kwargs["pk"]]))

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        obj = self.get_object()
        note = request.POST.get("note", "")[:500]
        write = version_publish if self.publish else version_save_draft
        try:
            version = write(self.resource, instance=obj, actor=request.user, note=note)
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Saved %(name)s.") % {"name": version})
        return HttpResponseRedirect(reverse(self.resource.url_name("versions"), args=[obj.pk]))


class ResourceVersionCompareView(ResourceVersionsView):
    template_name = "generic/version_compare.html"

    def get(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        obj = self.get_object()
        default = version_default_pair(self.resource, obj)
        sides = [
            version_data(self.resource, obj, request.GET.get(key, fallback))
            for key, fallback in zip(("a", "b"), default, strict=True)
        ]
        if None in sides:
            messages.error(request, _("Choose two versions of this record to compare."))
            response = HttpResponseRedirect(reverse(self.resource.url_name("versions"), args=[obj.pk]))
            return response
        (a, data_a), (b, data_b) = sides  # type: ignore[misc]
        diff = version_compare(self.resource, data_a, data_b, user=request.user)
        return render(
            request,
            self.template_name,
            self.context(
                object=obj,
                a=a,
                b=b,
                current=CURRENT,
                diff=diff,
                versions_url=reverse(self.resource.url_name("versions"), args=[obj.pk]),
            ),
        )
