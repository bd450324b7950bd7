"""The main navigation: the seven steps of the customer journey (ITIL 4 DSV, Table 1.1), then the entries
apps declare (Journeys, Analytics, Admin...). Journeys rarely go in order, so every step is reachable from
every page.

The steps (slug, label, purpose, the capabilities planned there) are core's; what an app adds is declared
by the app (issue #11: adding an app edits no core file), usually in its ``resources.py``::

    nav_entry("analytics", _("Analytics"), "analytics:home", permission="analytics.view_eventlog", order=50)
    step_card("analytics", step="journeys", label=_("Journey analytics"), description=_("..."),
              url_name="analytics:home", permission="analytics.view_eventlog", home=True)

A card's ``replaces`` names planned ("coming") items of a step that the app now provides (a journeys app
would pass ``replaces=["journeys.maps"]``), so they stop showing as planned. Registers declared with ``Resource(step=...)`` are listed on their step by themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Coming:
    """A capability planned for a step; ``key`` lets the app that brings it replace it."""

    key: str
    label: str | Promise

    def __str__(self) -> str:
        return str(self.label)


@dataclass(frozen=True)
class Step:
    slug: str
    label: str | Promise
    purpose: str | Promise
    coming: tuple[Coming, ...]


STEPS: tuple[Step, ...] = (
    Step(
        "explore",
        _("Explore"),
        _("Understand markets, segments and the stakeholders on both sides before any relationship starts."),
        (
            Coming("explore.pestle_swot", _("PESTLE and SWOT analyses")),
            Coming("explore.segmentation", _("Market segmentation and Pareto analysis")),
            Coming("explore.decision_matrix", _("Shortlisting criteria and a weighted decision matrix")),
            Coming("explore.risk", _("Risk assessment")),
        ),
    ),
    Step(
        "engage",
        _("Engage"),
        _("Build relationships and trust with the organisations and people you serve and rely on."),
        (
            Coming(
                "engage.relationships", _("Service relationships by type: basic, cooperative, partnership")
            ),
            Coming("engage.stakeholder_maps", _("Stakeholder maps with history")),
            Coming("engage.trust", _("Trust and mutual readiness assessments")),
            Coming("engage.suppliers", _("Supplier and partner management")),
        ),
    ),
    Step(
        "offer",
        _("Offer"),
        _("Shape demand and describe service offerings; state requirements and the business case."),
        (
            Coming("offer.catalogue", _("Service catalogue views per audience")),
            Coming("offer.offerings", _("Service offerings: goods, access, actions")),
            Coming("offer.business_cases", _("Business cases and requirements")),
        ),
    ),
    Step(
        "agree",
        _("Agree"),
        _("Align expectations and agree scope, quality and how value will be co-created and tracked."),
        (
            Coming("agree.agreements", _("Agreements with sign-off and versions")),
            Coming("agree.targets", _("Service level targets and experience targets")),
        ),
    ),
    Step(
        "onboard",
        _("Onboard"),
        _("Integrate (or separate) the resources of provider and consumer: access, provisioning, training."),
        (
            Coming("onboard.plans", _("Onboarding plans and checklists")),
            Coming("onboard.provisioning", _("User provisioning and communities")),
        ),
    ),
    Step(
        "cocreate",
        _("Co-create"),
        _("Provide and consume the service: interactions, requests, incidents and feedback."),
        (
            Coming("cocreate.interactions", _("Service interactions with SLA clocks")),
            Coming("cocreate.feedback", _("Surveys and feedback")),
            Coming("cocreate.portal", _("The consumer portal")),
        ),
    ),
    Step(
        "realize",
        _("Realize"),
        _("Track the value realised against the plan and keep improving the journey."),
        (
            Coming("realize.indicators", _("Service value indicators")),
            Coming("realize.peak_end", _("Peak-end experience and value leakage")),
            Coming("realize.improvements", _("Improvement register")),
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
        Coming("journeys.personas", _("Personas and scenarios")),
        Coming("journeys.maps", _("Customer journey maps with emotions and moments of truth")),
        Coming("journeys.blueprints", _("Service blueprints with the line of visibility")),
    ),
)

STEP_BY_SLUG = {s.slug: s for s in (*STEPS, JOURNEYS)}


def step_entries(user: Any, steps: tuple[Step, ...] = STEPS) -> list[dict[str, Any]]:
    """The steps with the registers the user may open in each."""
    from django.urls import reverse

    from .access import has_permission
    from .resources import registry

    entries = []
    for step in steps:
        links = [
            {"label": r.verbose_name_plural, "url": reverse(r.url_name("list"))}
            for r in registry.for_step(step.slug)
            if has_permission(user, r.model, "view")
        ]
        cards = [
            _card(c) for c in STEP_CARDS.values() if c.step == step.slug and _allowed(user, c.permission)
        ]
        entries.append(
            {
                "step": step,
                "url": reverse("step", args=[step.slug]),
                "links": links,
                "cards": cards,
                "coming": coming_items(step),
                "guides": STEP_GUIDES.get(step.slug, []),
            }
        )
    return entries


@dataclass(frozen=True)
class NavEntry:
    """An entry of the main navigation after the steps; ``key`` marks it current (``current_step``)."""

    key: str
    label: str | Promise
    url_name: str
    url_args: tuple[Any, ...] = ()
    permission: str | None = None  # "app.codename" the user must hold to see it
    staff_only: bool = False
    order: int = 100


@dataclass(frozen=True)
class StepCard:
    """What an app shows on a step's page (``step``) and, with ``home``, as a card of its own at home."""

    key: str
    label: str | Promise
    description: str | Promise
    url_name: str
    step: str | None = None
    permission: str | None = None
    home: bool = False
    replaces: tuple[str, ...] = ()


NAV_ENTRIES: dict[str, NavEntry] = {}
STEP_CARDS: dict[str, StepCard] = {}
STEP_GUIDES: dict[str, list[str]] = {}


def step_guide(step: str, template: str) -> None:
    """Declare a "why this step exists" panel: a template an app renders on the step's page (above its
    cards). Declaring the same template again changes nothing."""
    if step not in STEP_BY_SLUG:
        raise ValueError(f"unknown step {step!r}")
    templates = STEP_GUIDES.setdefault(step, [])
    if template not in templates:
        templates.append(template)


def nav_entry(key: str, label: str | Promise, url_name: str, **options: Any) -> NavEntry:
    """Declare a navigation entry (declaring the same key again replaces it)."""
    entry = NavEntry(key, label, url_name, **options)
    NAV_ENTRIES[key] = entry
    return entry


def step_card(
    key: str,
    *,
    label: str | Promise,
    description: str | Promise,
    url_name: str,
    step: str | None = None,
    permission: str | None = None,
    home: bool = False,
    replaces: Iterable[str] = (),
) -> StepCard:
    """Declare a step card (declaring the same key again replaces it)."""
    if step is not None and step not in STEP_BY_SLUG:
        raise ValueError(f"unknown step {step!r}")
    card = StepCard(key, label, description, url_name, step, permission, home, tuple(replaces))
    STEP_CARDS[key] = card
    return card


def _allowed(user: Any, permission: str | None, staff_only: bool = False) -> bool:
    # The Django admin is for superusers only (issue #11): its entry shows to them alone.
    if not user.is_authenticated or (staff_only and not (user.is_staff and user.is_superuser)):
        return False
    if permission is None:
        return True
    return _may(user, permission)


def _may(user: Any, permission: str) -> bool:
    """``user.has_perm`` through the access rule's model half where the permission is a model's
    (``app.action_model``): a consumer's staff roles widen nothing, so the entry of a page that would
    answer 403 is not shown (issue #11)."""
    from django.apps import apps

    from .access import ACTIONS, has_permission

    app_label, _dot, codename = permission.partition(".")
    action, _sep, model_name = codename.partition("_")
    if action in ACTIONS and model_name:
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            model = None
        if model is not None:
            return has_permission(user, model, action)
    return bool(user.has_perm(permission))


def nav_entries(user: Any) -> list[dict[str, Any]]:
    """The declared entries this user may open, in their order."""
    from django.urls import reverse

    return [
        {"key": e.key, "label": e.label, "url": reverse(e.url_name, args=e.url_args)}
        for e in sorted(NAV_ENTRIES.values(), key=lambda e: (e.order, e.key))
        if _allowed(user, e.permission, e.staff_only)
    ]


def _card(card: StepCard) -> dict[str, Any]:
    from django.urls import reverse

    return {
        "key": card.key,
        "label": card.label,
        "description": card.description,
        "url": reverse(card.url_name),
    }


def home_cards(user: Any) -> list[dict[str, Any]]:
    return [_card(c) for c in STEP_CARDS.values() if c.home and _allowed(user, c.permission)]


def coming_items(step: Step) -> list[Coming]:
    """The step's planned capabilities that no installed app provides yet."""
    provided = {key for card in STEP_CARDS.values() for key in card.replaces}
    return [item for item in step.coming if item.key not in provided]


# Core's own entries: the Journeys step page and the admin.
nav_entry("journeys", _("Journeys"), "step", url_args=("journeys",), order=10)
nav_entry("admin", _("Admin"), "admin:index", staff_only=True, order=1000)
