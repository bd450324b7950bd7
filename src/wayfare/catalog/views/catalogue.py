"""The service catalogue page (issue #14 section 2): one catalogue, a tab per audience the reader may
read, search and filters; a customer accepts a risk the offering imposes from here."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import URLPattern, path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from wayfare.core.access import has_permission, is_consumer, restrict
from wayfare.core.exceptions import AccessError, DomainError
from wayfare.parties.selectors import person_for_user

from ..models import ElementKind, OfferingEffect, Service, ServiceOffering
from ..selectors import AUDIENCE_HELP, AUDIENCES, catalogue, catalogue_audiences
from ..services.offerings import holds_role, risk_accept


@login_required
def catalogue_page(request: HttpRequest) -> HttpResponse:
    if not has_permission(request.user, ServiceOffering, "view"):
        raise PermissionDenied
    audiences = catalogue_audiences(request.user)
    audience = request.GET.get("audience") or audiences[0]
    if audience not in audiences:
        raise Http404
    query = request.GET.get("q", "").strip()[:200]
    raw_service = request.GET.get("service", "")
    service = int(raw_service) if raw_service.isdigit() else None
    kind = request.GET.get("kind", "")
    consumer = is_consumer(request.user)
    person = person_for_user(request.user) if consumer else None
    organisation = person.organisation if person is not None else None
    entries = catalogue(request.user, audience, query=query, service=service, kind=kind)
    return render(
        request,
        "catalog/catalogue.html",
        {
            "entries": entries,
            "audience": audience,
            "tabs": [(key, AUDIENCES[key], AUDIENCE_HELP[key]) for key in audiences],
            "audience_help": AUDIENCE_HELP[audience],
            "query": query,
            "service": service,
            "kind": kind,
            "services": restrict(
                Service.objects.filter(offerings__isnull=False), request.user, "view"
            ).distinct()
            if not consumer
            else [],
            "kinds": ElementKind.choices,
            "consumer_view": consumer,
            "may_accept": consumer and holds_role(person, organisation, "customer"),
        },
    )


@login_required
@require_POST
def risk_accept_page(request: HttpRequest, pk: int) -> HttpResponse:
    """A consumer's customer accepts a risk for their organisation (staff record one through the risk
    acceptance form, naming the customer)."""
    offerings = restrict(ServiceOffering.objects.all(), request.user, "view")
    effect = get_object_or_404(OfferingEffect.objects.filter(offering__in=offerings), pk=pk)
    back = request.POST.get("next") or reverse("catalog:catalogue") + "?audience=customer"
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("catalog:catalogue")
    if not is_consumer(request.user):
        return HttpResponseRedirect(reverse("catalog:riskacceptance_add") + f"?effect={effect.pk}")
    try:
        risk_accept(effect=effect, actor=request.user, note=request.POST.get("note", "")[:2000])
    except AccessError as exc:
        raise PermissionDenied(str(exc)) from exc
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, gettext("You accepted this risk for your organisation; the provider sees it.")
        )
    return HttpResponseRedirect(back)


urlpatterns: list[URLPattern] = [
    path("catalogue/", catalogue_page, name="catalogue"),
    path("catalogue/accept-risk/<int:pk>/", risk_accept_page, name="risk_accept"),
]
