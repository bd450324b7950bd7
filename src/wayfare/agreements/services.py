"""What may happen to an agreement, its terms and its value plan (issue #14 section 4).

- Transitions (declared in ``resources``): ``agreement_propose`` freezes version 1; ``agreement_agree``
  needs, for a formal basis, both sides' sign-off of the latest version (``agreement_agree_refusal``
  says what is missing); activate, review, resume and end move the state only.
- Every write to an agreement, its terms or its plan items after it was proposed freezes the next
  version (``_freeze``), so both sides can see and compare what changed; an ended agreement refuses
  every change.
- ``agreement_sign``: one side signs the latest version. The consumer side signs through a person
  holding the customer or sponsor role for the consumer organisation, from their own account or
  recorded by the provider's staff naming that person; the provider side through a person of the
  provider organisation.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wayfare.catalog.services.offerings import holds_role
from wayfare.core.access import consumer_organisation_id, has_permission, is_consumer
from wayfare.core.exceptions import AccessError, DomainError
from wayfare.core.resources import registry
from wayfare.core.services import record_create, record_delete, record_update
from wayfare.core.versions import NothingToPublish, latest_published, version_publish
from wayfare.parties.models import ConsumerRoleKind, Person
from wayfare.parties.selectors import person_for_user

from .models import (
    SIGNABLE_STATES,
    Agreement,
    AgreementSignOff,
    AgreementState,
    Side,
)

SIGNING_ROLES = (ConsumerRoleKind.CUSTOMER, ConsumerRoleKind.SPONSOR)


def _state(agreement: Agreement) -> str:
    """The agreement's state as stored now (an object read before a transition may be stale)."""
    return (
        Agreement.objects.filter(pk=agreement.pk).values_list("state", flat=True).first() or agreement.state
    )


def _check_open(agreement: Agreement) -> None:
    if _state(agreement) == AgreementState.ENDED:
        raise DomainError(_("This agreement has ended: it can no longer change."), code="ended")


def _freeze(agreement: Agreement, actor: Any) -> None:
    """After a write: once proposed, the agreement as it is now becomes its next version (nothing
    happens when the write changed nothing a version holds, e.g. the review date)."""
    if _state(agreement) == AgreementState.DRAFT:
        return
    try:
        version_publish(registry.get(Agreement), instance=agreement, actor=actor)
    except NothingToPublish:
        pass


def latest_number(agreement: Agreement) -> int | None:
    version = latest_published(registry.get(Agreement), agreement)
    return version.number if version is not None else None


# -- the agreement -------------------------------------------------------------------------------------
def agreement_update(*, instance: Agreement, actor: Any, **fields: Any) -> Agreement:
    _check_open(instance)
    saved: Agreement = record_update(instance=instance, actor=actor, data=fields)  # type: ignore[assignment]
    _freeze(saved, actor)
    return saved


def agreement_delete(*, instance: Agreement, actor: Any) -> None:
    if instance.state not in (AgreementState.DRAFT, AgreementState.PROPOSED):
        raise DomainError(
            _("An agreement that was agreed is a record of what both sides agreed: end it instead."),
            code="agreed",
        )
    if instance.sign_offs.exists():
        raise DomainError(
            _("A side has signed it already: its signatures are kept, so end it instead."), code="signed"
        )
    record_delete(instance=instance, actor=actor)


def agreement_propose_refusal(agreement: Agreement) -> Any:
    if agreement.needs_sign_off and not agreement.terms.exists():
        return _("Add at least one term first: a formal agreement states what is measured.")
    return None


def _move(agreement: Agreement, actor: Any, state: str, **extra: Any) -> Agreement:
    """The state change of a transition; its source states and guard are the transition runner's
    (``core.transitions.transition_run``), the only caller besides the demo and tests."""
    return record_update(instance=agreement, actor=actor, data={"state": state, **extra})  # type: ignore[return-value]


def agreement_propose(*, instance: Agreement, actor: Any) -> Agreement:
    _refuse(agreement_propose_refusal(instance))
    saved = _move(instance, actor, AgreementState.PROPOSED)
    _freeze(saved, actor)
    return saved


def agreement_withdraw(*, instance: Agreement, actor: Any) -> Agreement:
    return _move(instance, actor, AgreementState.DRAFT)


def signed_sides(agreement: Agreement, version: int | None) -> set[str]:
    if version is None:
        return set()
    return set(
        AgreementSignOff.objects.filter(agreement=agreement, version=version).values_list("side", flat=True)
    )


def agreement_agree_refusal(agreement: Agreement) -> Any:
    """Why the agreement may not be agreed now: a formal one needs both sides' sign-off of its latest
    version."""
    if not agreement.needs_sign_off:
        return None
    number = latest_number(agreement)
    missing = [
        Side(side).label
        for side in (Side.PROVIDER, Side.CONSUMER)
        if side not in signed_sides(agreement, number)
    ]
    if missing:
        return _("Version %(number)s still needs the sign-off of: %(sides)s.") % {
            "number": number,
            "sides": ", ".join(str(m) for m in missing),
        }
    return None


def _refuse(refusal: Any) -> None:
    """A guard's refusal, raised when a service is called directly (the runner asks the guard first)."""
    if refusal:
        raise DomainError(refusal, code="transition_refused")


def agreement_agree(*, instance: Agreement, actor: Any) -> Agreement:
    _refuse(agreement_agree_refusal(instance))
    return _move(instance, actor, AgreementState.AGREED, agreed_on=timezone.localdate())


def agreement_activate(*, instance: Agreement, actor: Any) -> Agreement:
    return _move(instance, actor, AgreementState.ACTIVE)


def agreement_review(*, instance: Agreement, actor: Any) -> Agreement:
    return _move(instance, actor, AgreementState.UNDER_REVIEW)


def agreement_resume(*, instance: Agreement, actor: Any) -> Agreement:
    return _move(instance, actor, AgreementState.ACTIVE)


def agreement_end(*, instance: Agreement, actor: Any) -> Agreement:
    return _move(instance, actor, AgreementState.ENDED)


# -- its terms and plan items: each write freezes the next version -----------------------------------
def part_create(model: type[models.Model]) -> Any:
    def create(*, actor: Any, **fields: Any) -> models.Model:
        agreement = fields.get("agreement")
        if agreement is not None:
            _check_open(agreement)
        row = record_create(model=model, actor=actor, data=fields)
        _freeze(row.agreement, actor)  # type: ignore[attr-defined]
        return row

    create.__doc__ = f"Add a {model._meta.model_name} to an agreement (a new version once proposed)."
    return create


def part_update(*, instance: Any, actor: Any, **fields: Any) -> models.Model:
    _check_open(instance.agreement)
    if "agreement" in fields and fields["agreement"] != instance.agreement:
        raise ValidationError({"agreement": _("A term or plan item stays with its agreement.")})
    row = record_update(instance=instance, actor=actor, data=fields)
    _freeze(row.agreement, actor)  # type: ignore[attr-defined]
    return row


def part_delete(*, instance: Any, actor: Any) -> None:
    agreement = instance.agreement
    _check_open(agreement)
    record_delete(instance=instance, actor=actor)
    _freeze(agreement, actor)


# -- sign-off ------------------------------------------------------------------------------------------
def side_of(agreement: Agreement, person: Person) -> str | None:
    relationship = agreement.relationship
    if person.organisation_id == relationship.consumer_id:
        return Side.CONSUMER
    if person.organisation_id == relationship.provider_id:
        return Side.PROVIDER
    return None


def sign_refusal(agreement: Agreement, person: Person | None) -> Any:
    """Why ``person`` may not sign the latest version of ``agreement`` now (``None``: they may)."""
    if not agreement.needs_sign_off:
        return _("A promise or a social norm is informal: it needs no sign-off.")
    if agreement.state not in SIGNABLE_STATES:
        return _("Only a proposed or agreed agreement is signed.")
    if latest_number(agreement) is None:
        return _("Propose it first: a sign-off is of a version.")
    if person is None:
        return _("Name the person who signs.")
    side = side_of(agreement, person)
    if side is None:
        return _("%(person)s belongs to neither side of this agreement.") % {"person": person}
    if side == Side.CONSUMER and not holds_role(person, agreement.relationship.consumer, *SIGNING_ROLES):
        return _(
            "The consumer signs through its customer or sponsor: %(person)s holds neither role for %(organisation)s."
        ) % {"person": person, "organisation": agreement.relationship.consumer}
    if side in signed_sides(agreement, latest_number(agreement)):
        return _("The side “%(side)s” has signed version %(number)s already.") % {
            "side": Side(side).label,
            "number": latest_number(agreement),
        }
    return None


@transaction.atomic
def agreement_sign(
    *, agreement: Agreement, actor: Any, person: Person | None = None, note: str = ""
) -> AgreementSignOff:
    """Sign the latest version of ``agreement`` for the side ``person`` belongs to.

    A consumer's account signs as its own person, for its own organisation only; staff who may add
    sign-offs sign as their own person or record the signature of ``person``."""
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)  # one signature per side
    if is_consumer(actor):
        person = person_for_user(actor)
        if person is None or person.organisation_id != consumer_organisation_id(actor):
            raise AccessError(_("Your account is not linked to a person of your organisation."))
    elif not has_permission(actor, AgreementSignOff, "add"):
        raise AccessError(_("You may not record sign-offs."))
    elif person is None:
        person = person_for_user(actor)
    refusal = sign_refusal(agreement, person)
    if refusal:
        raise ValidationError({"person": refusal})
    assert person is not None
    return record_create(  # type: ignore[return-value]
        model=AgreementSignOff,
        actor=actor,
        data={
            "agreement": agreement,
            "side": side_of(agreement, person),
            "person": person,
            "version": latest_number(agreement),
            "signed_on": timezone.localdate(),
            "note": note,
            "recorded_by": actor if getattr(actor, "pk", None) else None,
        },
    )


def sign_off_create(*, actor: Any, **fields: Any) -> AgreementSignOff:
    """The declared create service of sign-offs (the generic form and the API): ``agreement_sign``."""
    return agreement_sign(
        agreement=fields["agreement"], actor=actor, person=fields.get("person"), note=fields.get("note", "")
    )


def sign_off_update(*, instance: AgreementSignOff, actor: Any, **fields: Any) -> AgreementSignOff:
    """A sign-off keeps who signed which version and when; only its note may change."""
    fixed = [
        name for name in ("agreement", "person") if name in fields and getattr(instance, name) != fields[name]
    ]
    if fixed:
        raise ValidationError(
            {name: _("A sign-off is a record of what happened: this cannot change.") for name in fixed}
        )
    return record_update(
        instance=instance, actor=actor, data={k: v for k, v in fields.items() if k == "note"}
    )  # type: ignore[return-value]


def sign_off_delete(*, instance: AgreementSignOff, actor: Any) -> None:
    raise DomainError(_("A sign-off is a record of what happened: it is never deleted."), code="kept")
