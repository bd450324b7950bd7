"""The life of an offering and what only the customer may do with its risks (issue #14 section 1).

- ``offering_publish``: an offering goes into the catalogue only when the needs it serves are stated
  (002 step 3); its guard ``offering_publish_refusal`` says why not, for the button and the API alike.
- ``risk_accept``: a risk the offering imposes on the consumer is accepted by a person holding the
  customer role for the consumer organisation (003 4.3.1.1), from their own account or recorded on their
  behalf by the provider's staff; the acceptance names who, for whom and when.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wayfare.core.access import consumer_organisation_id, has_permission, is_consumer, restrict
from wayfare.core.exceptions import AccessError, DomainError
from wayfare.core.services import record_update
from wayfare.parties.models import ConsumerRole, ConsumerRoleKind, Person
from wayfare.parties.selectors import person_for_user

from ..models import (
    EffectCategory,
    EffectDirection,
    OfferingEffect,
    OfferingState,
    RiskAcceptance,
    ServiceOffering,
)


def offering_publish_refusal(offering: ServiceOffering) -> Any:
    """Why the offering may not be published now, or ``None``."""
    if not offering.needs.exists():
        return _("Publish it only once the needs it serves are stated: link at least one need.")
    if not offering.elements.exists():
        return _("Say what the offering is made of first: goods, access to resources or service actions.")
    return None


def offering_publish(*, instance: ServiceOffering, actor: Any) -> ServiceOffering:
    return record_update(  # type: ignore[return-value]
        instance=instance,
        actor=actor,
        data={"state": OfferingState.PUBLISHED, "published_on": timezone.localdate()},
    )


def offering_withdraw(*, instance: ServiceOffering, actor: Any) -> ServiceOffering:
    return record_update(instance=instance, actor=actor, data={"state": OfferingState.WITHDRAWN})  # type: ignore[return-value]


def offering_redraft(*, instance: ServiceOffering, actor: Any) -> ServiceOffering:
    return record_update(instance=instance, actor=actor, data={"state": OfferingState.DRAFT})  # type: ignore[return-value]


def customers_of(organisation: Any) -> Any:
    """The people holding the customer role for ``organisation``."""
    return Person.objects.filter(
        consumer_roles__organisation=organisation, consumer_roles__role=ConsumerRoleKind.CUSTOMER
    ).distinct()


def holds_role(person: Person | None, organisation: Any, *roles: str) -> bool:
    if person is None or organisation is None:
        return False
    return ConsumerRole.objects.filter(person=person, organisation=organisation, role__in=roles).exists()


@transaction.atomic
def risk_accept(
    *,
    effect: OfferingEffect,
    actor: Any,
    organisation: Any = None,
    person: Person | None = None,
    note: str = "",
    accepted_on: Any = None,
) -> RiskAcceptance:
    """Record that the customer accepts ``effect`` (a risk the offering imposes) for their organisation.

    A consumer's account accepts for its own organisation, as its own person, and must hold the customer
    role there; the provider's staff (who may add acceptances) record one on behalf of ``person``, who
    must hold that role for ``organisation``. The offering must be offered to that organisation."""
    if not effect.needs_acceptance:
        raise ValidationError({"effect": _("Only a risk the offering imposes on the consumer is accepted.")})
    if is_consumer(actor):
        organisation_id = consumer_organisation_id(actor)
        person = person_for_user(actor)
        organisation = person.organisation if person is not None else None
        if organisation is None or organisation.pk != organisation_id:
            raise AccessError(_("Your account is not linked to a person of your organisation."))
        visible = restrict(ServiceOffering.objects.filter(pk=effect.offering_id), actor, "view").exists()
        if not visible:
            raise AccessError(_("This offering is not offered to your organisation."))
    elif not has_permission(actor, RiskAcceptance, "add"):
        raise AccessError(_("You may not record risk acceptances."))
    if organisation is None or person is None:
        raise ValidationError(
            {"person": _("Name the customer who accepts the risk, and their organisation.")}
        )
    if not effect.offering.target_organisations.filter(pk=organisation.pk).exists():
        raise ValidationError({"organisation": _("The offering is not offered to this organisation.")})
    if not holds_role(person, organisation, ConsumerRoleKind.CUSTOMER):
        raise ValidationError(
            {
                "person": _(
                    "Only a customer of the organisation decides which risks it accepts: %(person)s holds no customer role there."
                )
                % {"person": person}
            }
        )
    if RiskAcceptance.objects.filter(effect=effect, organisation=organisation).exists():
        raise DomainError(_("This organisation has accepted this risk already."), code="duplicate")
    # Written here, not through the generic write: the checks above are the rule (a consumer's people
    # may add an acceptance for their organisation, never change one).
    acceptance = RiskAcceptance(
        effect=effect,
        organisation=organisation,
        person=person,
        note=note,
        accepted_on=accepted_on or timezone.localdate(),
        recorded_by=actor if getattr(actor, "pk", None) else None,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    acceptance.full_clean()
    acceptance._history_user = actor if getattr(actor, "pk", None) else None  # type: ignore[attr-defined]
    acceptance.save()
    return acceptance


def risk_acceptance_create(*, actor: Any, **fields: Any) -> RiskAcceptance:
    """The declared create service of risk acceptances (the generic form and the API): ``risk_accept``."""
    return risk_accept(
        effect=fields["effect"],
        actor=actor,
        organisation=fields.get("organisation"),
        person=fields.get("person"),
        note=fields.get("note", ""),
        accepted_on=fields.get("accepted_on"),
    )


def open_risks(offering: ServiceOffering, organisation: Any) -> list[OfferingEffect]:
    """The risks the offering imposes that ``organisation`` has not accepted yet."""
    return list(
        offering.effects.filter(category=EffectCategory.RISK, direction=EffectDirection.INTRODUCED).exclude(
            acceptances__organisation=organisation
        )
    )


def risk_acceptance_update(*, instance: RiskAcceptance, actor: Any, **fields: Any) -> RiskAcceptance:
    """An acceptance keeps who accepted what, for whom and when; only its note may change."""
    fixed = [name for name in ("effect", "organisation", "person", "accepted_on") if name in fields]
    changed = [name for name in fixed if getattr(instance, name) != fields[name]]
    if changed:
        raise ValidationError(
            {name: _("An acceptance is a record of what happened: this cannot change.") for name in changed}
        )
    return record_update(
        instance=instance, actor=actor, data={k: v for k, v in fields.items() if k == "note"}
    )  # type: ignore[return-value]
