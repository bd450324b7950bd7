"""Pages that are not registers: home, step overviews, the account page, the health check and the error
pages."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
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


def _account_page(
    request: HttpRequest, *, form: Any = None, new_key: str = "", status: int = 200
) -> HttpResponse:
    from ..account_forms import ApiTokenForm
    from ..tokens import api_token_current

    roles = [role_by_group(g.name) for g in request.user.groups.all()]
    context = {
        "token": api_token_current(request.user),
        "new_key": new_key,
        "token_form": form or ApiTokenForm(),
        "roles": [r for r in roles if r],
    }
    return render(request, "core/account.html", context, status=status)


@login_required
def account(request: HttpRequest) -> HttpResponse:
    return _account_page(request)


@never_cache
@login_required
@require_POST
def account_token(request: HttpRequest) -> HttpResponse:
    """Issue a new token and show its key on this answer only (it is stored hashed; issue #11)."""
    from ..account_forms import ApiTokenForm

    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        return _account_page(request, form=form, status=400)
    _token, key = user_token_regenerate(user=request.user, days=form.cleaned_data["days"])
    messages.success(request, _("A new API token was issued; the old one no longer works."))
    return _account_page(request, new_key=key)  # never_cache: the key is not kept by any cache


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


def permission_denied(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def bad_request(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return render(request, "400.html", status=400)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page renders without the request's context: whatever failed (the database, a context
    processor) must not fail the error page too. The request's language is still active."""
    return HttpResponseServerError(loader.get_template("500.html").render())
