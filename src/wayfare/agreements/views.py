"""The agreement's own page actions besides the generic ones: signing the latest version from one's own
account (staff who record another person's signature use the sign-off form, which names the person)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import URLPattern, path
from django.utils.translation import gettext

from wayfare.core.access import has_permission, restrict
from wayfare.core.exceptions import AccessError, DomainError

from .models import Agreement
from .services import agreement_sign


@login_required
def agreement_sign_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The reader signs the latest version for their side (the "Sign version N" button, a POST; a GET
    goes back to the agreement's page)."""
    if not has_permission(request.user, Agreement, "view"):
        raise PermissionDenied
    agreement = get_object_or_404(restrict(Agreement.objects.all(), request.user, "view"), pk=pk)
    if request.method != "POST":
        return HttpResponseRedirect(agreement.get_absolute_url())
    try:
        signed = agreement_sign(
            agreement=agreement, actor=request.user, note=request.POST.get("note", "")[:2000]
        )
    except AccessError as exc:
        raise PermissionDenied(str(exc)) from exc
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            gettext("You signed version %(number)s for your side: %(side)s.")
            % {"number": signed.version, "side": signed.get_side_display()},
        )
    return HttpResponseRedirect(agreement.get_absolute_url())


urlpatterns: list[URLPattern] = [
    path("agreements/<int:pk>/sign/", agreement_sign_page, name="agreement_sign"),
]
