"""The decision on a business case (issue #14 section 3): taken by a transition, which records who took
it and when; a case is decided only with "do nothing" among its options and, to approve, a chosen option
that is not "do nothing"."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wayfare.core.services import record_update

from ..models import BusinessCase, CaseDecision


def business_case_decision_refusal(case: BusinessCase) -> Any:
    options = list(case.options.all())
    if not any(o.do_nothing for o in options):
        return _("Weigh the case against doing nothing first: add the option “do nothing”.")
    if len(options) < 2:
        return _("A decision needs at least one option besides doing nothing.")
    return None


def business_case_approval_refusal(case: BusinessCase) -> Any:
    refusal = business_case_decision_refusal(case)
    if refusal is not None:
        return refusal
    if case.chosen is None:
        return _("Choose the option to approve first (edit the case).")
    if case.chosen.do_nothing:
        return _("Doing nothing is not approved: reject the case instead.")
    return None


def _decide(case: BusinessCase, actor: Any, decision: str) -> BusinessCase:
    return record_update(  # type: ignore[return-value]
        instance=case,
        actor=actor,
        data={
            "decision": decision,
            "decided_by": actor if getattr(actor, "pk", None) else None,
            "decided_on": timezone.localdate(),
        },
    )


def business_case_approve(*, instance: BusinessCase, actor: Any) -> BusinessCase:
    return _decide(instance, actor, CaseDecision.APPROVED)


def business_case_reject(*, instance: BusinessCase, actor: Any) -> BusinessCase:
    return _decide(instance, actor, CaseDecision.REJECTED)


def business_case_defer(*, instance: BusinessCase, actor: Any) -> BusinessCase:
    return _decide(instance, actor, CaseDecision.DEFERRED)


def business_case_reopen(*, instance: BusinessCase, actor: Any) -> BusinessCase:
    return record_update(  # type: ignore[return-value]
        instance=instance,
        actor=actor,
        data={"decision": CaseDecision.OPEN, "decided_by": None, "decided_on": None},
    )
