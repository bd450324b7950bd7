"""URL patterns generated from the declarations of one app (``<app>:<model>_<action>``)."""

from __future__ import annotations

from django.urls import URLPattern, path

from .resources import registry
from .views.bulk import ResourceBulkDeleteView, ResourceBulkEditView
from .views.generic import (
    ResourceCreateView,
    ResourceDeleteView,
    ResourceDetailView,
    ResourceImportView,
    ResourceListView,
    ResourceUpdateView,
)
from .views.transitions import ResourceTransitionView
from .views.versions import ResourceVersionCompareView, ResourceVersionsView, ResourceVersionWriteView


def resource_urlpatterns(app_label: str) -> list[URLPattern]:
    patterns = []
    for r in registry.for_app(app_label):
        base, name = r.url_slug, r.model_name
        patterns += [
            path(f"{base}/", ResourceListView.as_view(resource=r), name=f"{name}_list"),
            path(f"{base}/add/", ResourceCreateView.as_view(resource=r), name=f"{name}_add"),
            path(f"{base}/import/", ResourceImportView.as_view(resource=r), name=f"{name}_import"),
            path(f"{base}/<int:pk>/", ResourceDetailView.as_view(resource=r), name=f"{name}_detail"),
            path(f"{base}/<int:pk>/edit/", ResourceUpdateView.as_view(resource=r), name=f"{name}_edit"),
            path(f"{base}/<int:pk>/delete/", ResourceDeleteView.as_view(resource=r), name=f"{name}_delete"),
            path(f"{base}/bulk-edit/", ResourceBulkEditView.as_view(resource=r), name=f"{name}_bulk_edit"),
            path(
                f"{base}/bulk-delete/", ResourceBulkDeleteView.as_view(resource=r), name=f"{name}_bulk_delete"
            ),
        ]
        if r.transitions:
            patterns.append(
                path(
                    f"{base}/<int:pk>/transitions/<slug:name>/",
                    ResourceTransitionView.as_view(resource=r),
                    name=f"{name}_transition",
                )
            )
        if r.versioned:
            patterns += [
                path(
                    f"{base}/<int:pk>/versions/",
                    ResourceVersionsView.as_view(resource=r),
                    name=f"{name}_versions",
                ),
                path(
                    f"{base}/<int:pk>/versions/compare/",
                    ResourceVersionCompareView.as_view(resource=r),
                    name=f"{name}_version_compare",
                ),
                path(
                    f"{base}/<int:pk>/versions/publish/",
                    ResourceVersionWriteView.as_view(resource=r, publish=True),
                    name=f"{name}_version_publish",
                ),
                path(
                    f"{base}/<int:pk>/versions/draft/",
                    ResourceVersionWriteView.as_view(resource=r, publish=False),
                    name=f"{name}_version_draft",
                ),
            ]
    return patterns
