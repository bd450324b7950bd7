"""The page side of declared transitions (``core.transitions``): the detail page's POST form lands here.

Access: without the transition's permission 403; a row outside ``restrict()`` 404. Where the declaration
asks for a confirmation, the first POST shows it and nothing changes until it is confirmed.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from ..access import restrict
from ..exceptions import DomainError
from ..transitions import transition_get, transition_run
from .generic import ResourceView


class ResourceTransitionView(ResourceView):
    template_name = "generic/confirm_transition.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        self.transition = transition_get(self.resource, kwargs["name"])
        if self.transition is None:
            raise Http404
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not self.transition.allowed(request.user, self.resource.model):
            raise PermissionDenied
        return super(ResourceView, self).dispatch(request, *args, **kwargs)

    def get_object(self) -> Any:
        rows = restrict(self.resource.queryset(), self.request.user, "view")
        return get_object_or_404(rows, pk=self.kwargs["pk"])

    def get(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        obj = self.get_object()
        return render(request, self.template_name, self.context(object=obj, transition=self.transition))

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        obj = self.get_object()
        transition = self.transition
        assert transition is not None
        if transition.confirm and request.POST.get("confirmed") != "1":
            return self.get(request, **kwargs)
        try:
            transition_run(self.resource, transition, instance=obj, actor=request.user)
        except (DomainError, ValidationError) as exc:
            text = str(exc) if isinstance(exc, DomainError) else " ".join(exc.messages)
            messages.error(request, text)
        else:
            messages.success(request, _("%(name)s: %(action)s.") % {"name": obj, "action": transition.label})
        return HttpResponseRedirect(obj.get_absolute_url())
