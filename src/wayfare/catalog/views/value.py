"""The value-driver tree's page: the generic detail page of the tree (``resources.value``), which also
takes the form that adds a driver (POST to the same address). A refused driver shows its errors next to
the form (400) and saves nothing."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _

from wayfare.core.access import has_permission
from wayfare.core.exceptions import DomainError
from wayfare.core.resources import registry
from wayfare.core.views.generic import ResourceDetailView

from ..models import ValueDriverNode, ValueDriverTree
from ..resources.value import ValueNodeAddForm
from ..services.value import value_node_add


class ValueTreeDetailView(ResourceDetailView):
    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        if not has_permission(request.user, ValueDriverNode, "add"):
            raise PermissionDenied
        tree: Any = self.get_object()
        form = ValueNodeAddForm(request.POST, tree=tree, user=request.user)
        if form.is_valid():
            try:
                value_node_add(tree=tree, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                if hasattr(exc, "error_dict"):
                    for field, errors in exc.message_dict.items():
                        form.add_error(field if field in form.fields else None, errors)
                else:
                    form.add_error(None, exc.messages)
            except DomainError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Value driver added."))
                return HttpResponseRedirect(
                    reverse("catalog:valuedrivertree_detail", args=[tree.pk]) + "#tree"
                )
        request._value_node_form = form  # type: ignore[attr-defined]  # read by value_tree_context
        response = self.get(request, **kwargs)
        response.status_code = 400
        return response


def _urlpatterns() -> list[URLPattern]:
    resource = registry.get(ValueDriverTree)
    return [
        path(
            f"{resource.url_slug}/<int:pk>/",
            ValueTreeDetailView.as_view(resource=resource),
            name=f"{resource.model_name}_detail",
        )
    ]


urlpatterns = _urlpatterns()
