"""Declared transitions: the only way a record's state field changes (issue #11, section 4).

A resource declares its transitions; core builds from each a button on the detail page (a POST form,
shown only when the reader may run it and its guard passes), an API action
(``POST /api/<app>/<models>/<id>/transitions/<name>/``), and the test battery in
``core.testing_transitions``::

    Resource(EventLog, ..., transitions=[
        Transition("import-again", _("Import again"), source=["ready", "failed"], target="pending",
                   service=event_log_import_again, guard=event_log_has_source,
                   confirm=_("The log is read again from its file; its analyses change."))])

The service does the write (through the change history, with the actor) and any follow-up (enqueueing
an import on commit); :func:`transition_run` checks, in one transaction, the permission, the current state
(the row is locked while it runs) and the guard, calls the service, and checks the state it left.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import models, transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .access import ACTIONS, has_permission, permission_name, restrict
from .exceptions import AccessError, DomainError

if TYPE_CHECKING:
    from .resources import Resource


class TransitionRefused(DomainError):
    """The record is not in a state this transition starts from, or its guard says no (API: 409)."""

    code = "transition_refused"


@dataclass(frozen=True)
class Transition:
    name: str  # in URLs: lowercase words joined by hyphens
    label: str | Promise
    source: Sequence[str]  # the states it starts from
    target: str  # the state it leaves the record in
    service: Callable[..., models.Model]  # service(instance=..., actor=...) -> the record, written
    permission: str = "change"  # an action on the model ("change") or a full permission ("app.codename")
    guard: Callable[[Any], Any] | None = None  # record -> None, or why it may not run (a message)
    confirm: str | Promise | None = None  # asked before it runs, where declared
    field: str = "status"
    description: str | Promise = ""

    def permission_for(self, model: type[models.Model]) -> str:
        return permission_name(model, self.permission) if self.permission in ACTIONS else self.permission

    def allowed(self, user: Any, model: type[models.Model]) -> bool:
        if self.permission in ACTIONS:  # the access rule's model half: consumers' staff roles widen nothing
            return has_permission(user, model, self.permission)
        return bool(user and user.is_authenticated and user.has_perm(self.permission_for(model)))

    def refusal(self, instance: Any) -> Any:
        """Why the transition may not run on this record now (``None`` when it may)."""
        state = getattr(instance, self.field)
        if state not in self.source:
            field: Any = instance._meta.get_field(self.field)
            labels = dict(field.flatchoices)
            return _("This cannot be done while the record is “%(state)s”; it needs one of: %(allowed)s.") % {
                "state": labels.get(state, state),
                "allowed": ", ".join(str(labels.get(s, s)) for s in self.source),
            }
        if self.guard is not None:
            return self.guard(instance)
        return None


def transition_get(resource: Resource, name: str) -> Transition | None:
    return next((t for t in resource.transitions if t.name == name), None)


def transitions_available(resource: Resource, instance: Any, user: Any) -> list[Transition]:
    """The transitions ``user`` may run on ``instance`` now: permission held, state and guard fine."""
    return [
        t for t in resource.transitions if t.allowed(user, resource.model) and t.refusal(instance) is None
    ]


@transaction.atomic
def transition_run(resource: Resource, transition: Transition, *, instance: Any, actor: Any) -> Any:
    """Run ``transition`` on ``instance`` for ``actor``, all or nothing.

    Keeps true: only an actor holding the transition's permission, on a row they may see, from one of
    its source states and with its guard passing, runs it; the record ends in the target state. The row
    is locked (``select_for_update``) so two people cannot run transitions on it at once.
    """
    if not transition.allowed(actor, resource.model):
        raise AccessError(_("You may not do this to this record."))
    rows = restrict(resource.model._default_manager.all(), actor, "view")
    locked = rows.select_for_update(of=("self",)).filter(pk=instance.pk).first()
    if locked is None:
        raise AccessError(_("You may not do this to this record."))
    refusal = transition.refusal(locked)
    if refusal is not None:
        raise TransitionRefused(refusal)
    result = transition.service(instance=locked, actor=actor)
    result.refresh_from_db()
    if getattr(result, transition.field) != transition.target:  # a service that broke its declaration
        raise RuntimeError(f"{transition.name} left {transition.field}={getattr(result, transition.field)!r}")
    return result
