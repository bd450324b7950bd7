"""Guidance shown beside relationships, in our own words (never the seed's sentences):

- the three relationship types (004 Table 1.2: focus, involvement, maturity, service and agreement
  category, example) with what each side gains and risks (003 Tables 4.4-4.6);
- the two kinds of trust (003 4.3.2);
- the service relationship ladder (003 Table 4.7, Figure 4.2) with the tools each stage suggests, and the
  relationship manager's three roles (003 4.2);
- why provider, consumers and other stakeholders invest in relationships at all (003 Table 4.1).

Plain data read by the templates (guide pages, the form's help, the ladder panel, the Engage step)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from .models import LadderStage, ManagerRole, RelationshipType, TrustKind


@dataclass(frozen=True)
class TypeGuide:
    value: str
    label: Any
    focus: Any
    involvement: Any
    maturity: Any
    services: Any
    agreements: Any
    example: Any
    consumer_pros: tuple[Any, ...]
    consumer_cons: tuple[Any, ...]
    provider_pros: tuple[Any, ...]
    provider_cons: tuple[Any, ...]


RELATIONSHIP_TYPES: tuple[TypeGuide, ...] = (
    TypeGuide(
        RelationshipType.BASIC,
        RelationshipType.BASIC.label,
        focus=_("Keeping things running cheaply and reliably."),
        involvement=_("Day-to-day operations only."),
        maturity=_("The provider reacts and takes orders."),
        services=_("Ready-made, standard services and goods, the same for everyone."),
        agreements=_("A standard contract, a standard service level or experience agreement."),
        example=_(
            "A phone operator or a bus company: customers know what to expect and the provider designs "
            "for the many, not for one."
        ),
        consumer_pros=(_("Simple to leave for another provider."), _("Simple to keep under control.")),
        consumer_cons=(
            _("Everything turns on price and transactions."),
            _("Hard to grow into anything deeper."),
            _("Hard to tell what the service is really worth."),
        ),
        provider_pros=(
            _("One channel to talk through."),
            _("Easy to measure and report on."),
            _("Scale and efficient routines in running the service."),
            _("The same customer handling for everyone."),
        ),
        provider_cons=(
            _("Everything turns on price and transactions."),
            _("Trust is hard to build."),
            _("Little information is shared."),
            _("Customers leave easily and follow the price."),
            _("Few chances to stand out through the experience."),
        ),
    ),
    TypeGuide(
        RelationshipType.COOPERATIVE,
        RelationshipType.COOPERATIVE.label,
        focus=_("Making the service better and more effective."),
        involvement=_("Operations and tactics: plans for the coming months, not only today."),
        maturity=_("A service provider the consumer trusts for advice."),
        services=_("Services set up or adapted to what this consumer needs."),
        agreements=_("A detailed service level agreement, or one based on experience or on outcomes."),
        example=_(
            "An internal IT or HR team whose relationship manager talks with each department about what "
            "it needs; the outcomes are sometimes worked out together."
        ),
        consumer_pros=(
            _("The service is shaped to this consumer's needs."),
            _("New chances to do more business together."),
        ),
        consumer_cons=(
            _("Joint work can feel out of step."),
            _("It costs money and people's time."),
        ),
        provider_pros=(
            _("The consumer comes to rely on the provider more."),
            _("More information from the customer, and a better chance to steer towards valuable solutions."),
        ),
        provider_cons=(
            _("Joint work can feel out of step, and it costs money and people's time."),
            _(
                "A higher risk of putting resources in the wrong place; running the service gets more complex."
            ),
            _("The customer's internal problems become the provider's."),
            _("Less efficiency and less control than in a basic relationship."),
        ),
    ),
    TypeGuide(
        RelationshipType.PARTNERSHIP,
        RelationshipType.PARTNERSHIP.label,
        focus=_("Innovating and growing together."),
        involvement=_("Operations, tactics and strategy: shared goals and priorities."),
        maturity=_("A strategic partner."),
        services=_("Services made for this consumer, with value nobody else offers."),
        agreements=_("A contract written for the two, an outcome-based agreement, or none at all."),
        example=_(
            "Agile product development where people of both organisations build the product in one team."
        ),
        consumer_pros=(
            _("Openness lets both sides find waste and remove it together, so both pay less."),
            _("Planning for the long term opens new markets."),
        ),
        consumer_cons=(
            _("Lock-in can stop the consumer from asking for more or from leaving."),
            _("Separating is painful and slow."),
        ),
        provider_pros=(
            _("Openness lets both sides find waste and remove it together, so both pay less."),
            _("Planning for the long term opens new markets."),
            _("A way to win larger, more strategic customers."),
        ),
        provider_cons=(_("Separating is painful and slow."),),
    ),
)

TYPE_BY_VALUE = {t.value: t for t in RELATIONSHIP_TYPES}


@dataclass(frozen=True)
class Explained:
    value: Any
    label: Any
    text: Any


TRUST_KINDS: tuple[Explained, ...] = (
    Explained(
        TrustKind.KNOWLEDGE,
        TrustKind.KNOWLEDGE.label,
        _("Grows slowly, as each side gets to know the other's people and sees them keep their word."),
    ),
    Explained(
        TrustKind.CALCULUS,
        TrustKind.CALCULUS.label,
        _(
            "Can be there from the start: each side weighs what it stands to gain against what it risks, "
            "and goes ahead when the balance is good."
        ),
    ),
)


@dataclass(frozen=True)
class StageGuide:
    stage: int
    label: Any
    text: Any
    tools: tuple[Any, ...]
    alongside: Any = ""  # the journey step this stage runs alongside, if any


LADDER: tuple[StageGuide, ...] = (
    StageGuide(
        LadderStage.ENVIRONMENT,
        LadderStage.ENVIRONMENT.label,
        _(
            "Before anyone can talk or work together they have to meet: the provider makes or uses places "
            "where customers come close enough for a first conversation."
        ),
        (
            _("Communication channels you look after"),
            _("Named contact points"),
            _("Marketing events"),
            _("The service catalogue, used to invite a first conversation"),
        ),
    ),
    StageGuide(
        LadderStage.TRUST,
        LadderStage.TRUST.label,
        _(
            "Once the customer is interested, trust becomes the ground everything else stands on; it has "
            "to be earned and then kept."
        ),
        (
            _("Everything relationship management offers: contact plans and logs, trust assessments"),
            _("A CRM-style record of every contact and promise"),
        ),
    ),
    StageGuide(
        LadderStage.PROVIDER_CAPABILITIES,
        LadderStage.PROVIDER_CAPABILITIES.label,
        _(
            "While choosing, the customer checks that the provider can really do what is needed, and how "
            "to get the most from what it can do."
        ),
        (_("Capability checklists and assessments of the provider"), _("The service catalogue")),
        alongside=_("Runs alongside the Agree step."),
    ),
    StageGuide(
        LadderStage.CONSUMER_NEEDS,
        LadderStage.CONSUMER_NEEDS.label,
        _(
            "The relationship exists to meet the consumer's needs: the provider uses it to find out what "
            "value the customer wants to create."
        ),
        (
            _("Conversations about the value the customer seeks"),
            _("Business analysis"),
            _("Stakeholder maps"),
        ),
        alongside=_("Runs alongside the Offer step."),
    ),
    StageGuide(
        LadderStage.READINESS,
        LadderStage.READINESS.label,
        _(
            "With the needs known, both sides answer the last questions: can the provider create this value "
            "with these resources and practices, and is the consumer mature and ready to work this way?"
        ),
        (_("Maturity and readiness assessments of both sides"), _("Reviews and audits of maturity")),
    ),
)

MANAGER_ROLES: tuple[Explained, ...] = (
    Explained(
        ManagerRole.CONNECTOR,
        ManagerRole.CONNECTOR.label,
        _("Brings the right people together, shapes demand and supply and wins stakeholders over."),
    ),
    Explained(
        ManagerRole.ORCHESTRATOR,
        ManagerRole.ORCHESTRATOR.label,
        _("Lines up roles, resources and capabilities, and pulls demand and supply into one picture."),
    ),
    Explained(
        ManagerRole.NAVIGATOR,
        ManagerRole.NAVIGATOR.label,
        _("Helps stakeholders agree on a direction, drives the planning and guides the people involved."),
    ),
)


@dataclass(frozen=True)
class WhyRow:
    aim: Any
    consumer: tuple[Any, ...]
    provider: tuple[Any, ...]


WHY_ENGAGE: tuple[WhyRow, ...] = (
    WhyRow(
        _("Better outcomes and experience"),
        (
            _("More value from the service, and a better experience of it."),
            _("Services designed better and faster, because the provider understands you."),
            _("Expectations, needs and preferences that both sides understand the same way."),
        ),
        (
            _("More business from customers you keep and grow."),
            _("An edge when looking for new customers."),
            _("Ideas for improvement from customers who care."),
            _("Better information for decisions."),
            _("A shared picture of how both sides win."),
        ),
    ),
    WhyRow(
        _("Risk and compliance under control"),
        (_("Less complexity to deal with."),),
        (_("Less complexity."), _("Better odds of lasting success, at a lower cost of service.")),
    ),
    WhyRow(
        _("Resources well used, costs kept down"),
        (
            _("Lower spending on services."),
            _("Shorter, cheaper negotiations."),
            _("Less time and effort spent checking on the provider."),
        ),
        (_("Shorter, cheaper negotiations."), _("Lower cost of marketing and of winning customers.")),
    ),
)

WHY_OTHERS = _(
    "Other stakeholders (regulators, partners, the people who use the service) gain from the same trust: "
    "fewer surprises, clearer expectations and a voice before decisions are made."
)
WHY_SUMMARY = _(
    "A service alone rarely gives people all they need: they also have to believe the provider will keep "
    "delivering and improving. Engaging early brings each side's assumptions and expectations into the "
    "open, before wrong guesses get in the way."
)
