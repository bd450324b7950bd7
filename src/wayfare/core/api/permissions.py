from __future__ import annotations

from typing import Any

from rest_framework.permissions import BasePermission

from ..access import has_permission

METHOD_ACTIONS = {
    "GET": "view",
    "HEAD": "view",
    "OPTIONS": "view",
    "POST": "add",
    "PUT": "change",
    "PATCH": "change",
    "DELETE": "delete",
}


class RestrictedModelPermissions(BasePermission):
    """Authenticated users with the model permission for the HTTP method; rows are then narrowed by
    ``restrict()`` in the viewset's queryset (a row outside it answers 404)."""

    def has_permission(self, request: Any, view: Any) -> bool:
        user = request.user
        if not user or not user.is_authenticated:
            return False
        model = getattr(view, "restricted_model", None)
        if model is None:
            return True
        return has_permission(user, model, METHOD_ACTIONS.get(request.method, "view"))
