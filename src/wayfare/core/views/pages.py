"""Pages that are not registers: home, step overviews, the account page and the health check."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ..access import consumer_organisation_id
from ..identity import person_for_user
from ..navigation import STEP_BY_SLUG, home_cards, step_entries
from ..roles import role_by_group
from ..services import user_token_regenerate


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "core/home.html",
        {
            "steps": step_entries(request.user),
            "cards": home_cards(request.user),
            "person": person_for_user(request.user),
            "consumer_org": consumer_organisation_id(request.user),
        },
    )


@login_required
def step(request: HttpRequest, slug: str) -> HttpResponse:
    current = STEP_BY_SLUG.get(slug)
    if current is None:
        raise Http404
    entry = step_entries(request.user, (current,))[0]
    return render(request, "core/step.html", {"entry": entry, "current_step": slug})


@login_required
def account(request: HttpRequest) -> HttpResponse:
    from rest_framework.authtoken.models import Token

    token = Token.objects.filter(user_id=request.user.pk or 0).first()
    roles = [role_by_group(g.name) for g in request.user.groups.all()]
    return render(request, "core/account.html", {"token": token, "roles": [r for r in roles if r]})


@login_required
@require_POST
def account_token(request: HttpRequest) -> HttpResponse:
    user_token_regenerate(user=request.user)
    messages.success(request, _("A new API token was issued; the old one no longer works."))
    return redirect("account")


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # the database is down or unreachable
        return JsonResponse({"status": "error", "database": str(exc.__class__.__name__)}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def page_not_found(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return render(request, "404.html", status=404)
