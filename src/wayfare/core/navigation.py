"""The main navigation: the seven steps of the customer journey (ITIL 4 DSV, Table 1.1), then Journeys,
Analytics and Admin. Journeys rarely go in order, so every step is reachable from every page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Step:
    slug: str
    label: str | Promise
    purpose: str | Promise
    coming: tuple[str | Promise, ...]


STEPS: tuple[Step, ...] = (
    Step(
        "explore",
        _("Explore"),
        _("Understand markets, segments and the stakeholders on both sides before any relationship starts."),
        (
            _("PESTLE and SWOT analyses"),
            _("Market segmentation and Pareto analysis"),
            _("Shortlisting criteria and a weighted decision matrix"),
            _("Risk assessment"),
        ),
    ),
    Step(
        "engage",
        _("Engage"),
        _("Build relationships and trust with the organisations and people you serve and rely on."),
        (
            _("Service relationships by type: basic, cooperative, partnership"),
            _("Stakeholder maps with history"),
            _("Trust and mutual readiness assessments"),
            _("Supplier and partner management"),
        ),
    ),
    Step(
        "offer",
        _("Offer"),
        _("Shape demand and describe service offerings; state requirements and the business case."),
        (
            _("Service catalogue views per audience"),
            _("Service offerings: goods, access, actions"),
            _("Business cases and requirements"),
        ),
    ),
    Step(
        "agree",
        _("Agree"),
        _("Align expectations and agree scope, quality and how value will be co-created and tracked."),
        (_("Agreements with sign-off and versions"), _("Service level targets and experience targets")),
    ),
    Step(
        "onboard",
        _("Onboard"),
        _("Integrate (or separate) the resources of provider and consumer: access, provisioning, training."),
        (_("Onboarding plans and checklists"), _("User provisioning and communities")),
    ),
    Step(
        "cocreate",
        _("Co-create"),
        _("Provide and consume the service: interactions, requests, incidents and feedback."),
        (_("Service interactions with SLA clocks"), _("Surveys and feedback"), _("The consumer portal")),
    ),
    Step(
        "realize",
        _("Realize"),
        _("Track the value realised against the plan and keep improving the journey."),
        (
            _("Service value indicators"),
            _("Peak-end experience and value leakage"),
            _("Improvement register"),
        ),
    ),
)

JOURNEYS = Step(
    "journeys",
    _("Journeys"),
    _(
        "Design journeys (personas, scenarios, journey maps, service blueprints) and compare them with the "
        "journeys people actually take."
    ),
    (
        _("Personas and scenarios"),
        _("Customer journey maps with emotions and moments of truth"),
        _("Service blueprints with the line of visibility"),
    ),
)

STEP_BY_SLUG = {s.slug: s for s in (*STEPS, JOURNEYS)}


def step_entries(user: Any, steps: tuple[Step, ...] = STEPS) -> list[dict[str, Any]]:
    """The steps with the registers the user may open in each."""
    from django.urls import reverse

    from .access import permission_name
    from .resources import registry

    entries = []
    for step in steps:
        links = [
            {"label": r.verbose_name_plural, "url": reverse(r.url_name("list"))}
            for r in registry.for_step(step.slug)
            if user.is_authenticated and user.has_perm(permission_name(r.model, "view"))
        ]
        entries.append({"step": step, "url": reverse("step", args=[step.slug]), "links": links})
    return entries
