"""The service catalogue with its audience views (issue #14 section 2; 003 4.3.1.1).

One catalogue, four views of it:

- **user**: what an offering does, how to ask for it, what it is made of, its risks and constraints;
- **customer**: besides, the outcomes it supports or affects, how it performs (the service's warranty
  and the offering's figures), its charges, the risks it removes or imposes with the acceptances;
- **sponsor**: the charges, the costs removed and imposed (money, time, resources, who bears them), the
  outcomes they pay for and the risks;
- **technical** (IT-to-IT): the service's warranty, the technical interfaces, the products and their
  resources.

The provider's staff read every view of every offering. A consumer's people read only the published
offerings meant for their organisation (``restrict()``), in the user view, and the customer or sponsor
view when they hold that role for their organisation (``parties.ConsumerRole``): a sponsor sees cost
figures, a user does not. Risks and constraints are stated in every view, never hidden."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from wayfare.core.access import consumer_organisation_id, is_consumer, restrict
from wayfare.parties.models import ConsumerRole, ConsumerRoleKind
from wayfare.parties.selectors import person_for_user

from .models import (
    BusinessCase,
    BusinessCaseOption,
    Charge,
    DemandMeasure,
    DemandRecord,
    EffectCategory,
    ElementKind,
    MeasureKind,
    OfferingEffect,
    OfferingElement,
    RiskAcceptance,
    ServiceOffering,
)

AUDIENCES = {
    "user": _("Users"),
    "customer": _("Customers"),
    "sponsor": _("Sponsors"),
    "technical": _("IT to IT"),
}
AUDIENCE_HELP = {
    "user": _("What each offering does and how to ask for it."),
    "customer": _("Outcomes, performance, charges and the risks to accept."),
    "sponsor": _("What it costs, what it saves and the value it pays for."),
    "technical": _("Warranty, interfaces, products and resources."),
}


def catalogue_audiences(user: Any) -> list[str]:
    """The views ``user`` may read, in order."""
    if not user or not user.is_authenticated:
        return []
    if not is_consumer(user):
        return list(AUDIENCES)
    person = person_for_user(user)
    roles: set[str] = set()
    organisation_id = consumer_organisation_id(user)
    if person is not None and organisation_id is not None:
        roles = set(
            ConsumerRole.objects.filter(person=person, organisation_id=organisation_id).values_list(
                "role", flat=True
            )
        )
    shown = ["user"]
    if roles & {ConsumerRoleKind.CUSTOMER, ConsumerRoleKind.SPONSOR}:
        shown.append("customer")
    if ConsumerRoleKind.SPONSOR in roles:
        shown.append("sponsor")
    return shown


@dataclass
class CatalogueEntry:
    offering: ServiceOffering
    elements: dict[str, list[OfferingElement]] = field(default_factory=dict)
    outcomes: list[OfferingEffect] = field(default_factory=list)
    costs: list[OfferingEffect] = field(default_factory=list)
    risks: list[OfferingEffect] = field(default_factory=list)
    charges: list[Charge] = field(default_factory=list)
    warranty: list[tuple[str, str]] = field(default_factory=list)
    products: list[Any] = field(default_factory=list)


def catalogue(
    user: Any, audience: str, *, query: str = "", service: Any = None, kind: str = ""
) -> list[CatalogueEntry]:
    """The offerings ``user`` may read, as ``audience`` sees them; ``query`` searches names, summaries
    and what they do; ``service`` and ``kind`` (an element kind) filter."""
    if audience not in catalogue_audiences(user):
        return []
    offerings = restrict(ServiceOffering.objects.all(), user, "view").select_related("service")
    if query:
        offerings = offerings.filter(
            Q(name__icontains=query)
            | Q(summary__icontains=query)
            | Q(what_it_does__icontains=query)
            | Q(target_group__icontains=query)
            | Q(service__name__icontains=query)
        )
    if service:
        offerings = offerings.filter(service_id=service)
    if kind in ElementKind.values:
        offerings = offerings.filter(elements__kind=kind)
    organisation_id = consumer_organisation_id(user) if is_consumer(user) else None
    acceptances = RiskAcceptance.objects.select_related("person", "organisation")
    if organisation_id is not None:
        acceptances = acceptances.filter(organisation_id=organisation_id)
    offerings = offerings.distinct().prefetch_related(
        Prefetch("elements", queryset=OfferingElement.objects.select_related("product")),
        "charges",
        Prefetch(
            "effects",
            queryset=OfferingEffect.objects.prefetch_related(Prefetch("acceptances", queryset=acceptances)),
        ),
    )
    entries = []
    for offering in offerings.order_by("name"):
        entry = CatalogueEntry(offering=offering)
        for element in offering.elements.all():
            entry.elements.setdefault(element.kind, []).append(element)
        effects = list(offering.effects.all())
        entry.risks = [e for e in effects if e.category == EffectCategory.RISK]
        if audience in ("customer", "sponsor"):
            entry.outcomes = [e for e in effects if e.category == EffectCategory.OUTCOME]
            entry.charges = list(offering.charges.all())
        if audience == "sponsor":
            entry.costs = [e for e in effects if e.category == EffectCategory.COST]
        if audience in ("customer", "technical"):
            entry.warranty = offering.service.warranty()
        if audience == "technical":
            seen: dict[int, Any] = {}
            for element in offering.elements.all():
                if element.product is not None:
                    seen.setdefault(element.product.pk, element.product)
            entry.products = list(seen.values())
        entries.append(entry)
    return entries


# -- demand and business cases (their detail pages' context, Resource.detail_context) ----------------
def demand_context(request: Any, record: DemandRecord) -> dict[str, Any]:
    """Demand against capacity, and what the measures would change: capacity after the capacity
    measures, demand after the shaping ones (their expected effects, not yet done ones included)."""
    measures = list(
        restrict(DemandMeasure.objects.filter(record=record), request.user, "view").select_related("owner")
    )
    live = [m for m in measures if m.status != "dropped" and m.effect is not None]
    capacity_after = record.capacity + sum(
        (m.effect for m in live if m.kind == MeasureKind.CAPACITY), start=0
    )
    demand_after = record.demand + sum((m.effect for m in live if m.kind == MeasureKind.SHAPE), start=0)
    top = max(record.demand, record.capacity, capacity_after, demand_after, 1)
    return {
        "comparison": {
            "demand": record.demand,
            "capacity": record.capacity,
            "demand_after": demand_after,
            "capacity_after": capacity_after,
            "utilisation": record.utilisation,
            "utilisation_after": (demand_after / capacity_after) if capacity_after else None,
            "width": {
                "demand": float(record.demand / top * 100),
                "capacity": float(record.capacity / top * 100),
                "demand_after": float(demand_after / top * 100),
                "capacity_after": float(capacity_after / top * 100),
            },
        },
        "shaping": [m for m in measures if m.kind == MeasureKind.SHAPE],
        "adding": [m for m in measures if m.kind == MeasureKind.CAPACITY],
    }


def case_context(request: Any, case: BusinessCase) -> dict[str, Any]:
    options = list(restrict(BusinessCaseOption.objects.filter(case=case), request.user, "view"))
    return {"options": [{"option": o, "estimate": o.estimate()} for o in options]}
