"""What the agreement's page and API show besides its fields: the version in force, who signed what,
and which aspects its terms leave uncovered."""

from __future__ import annotations

from typing import Any

from django.db.models import Count

from wayfare.core.access import restrict
from wayfare.core.models import VersionState
from wayfare.core.resources import registry
from wayfare.core.versions import versions_for
from wayfare.parties.selectors import person_for_user

from .models import REQUIRED_ASPECTS, Agreement, AgreementSignOff, AgreementState, Aspect, Side
from .services import latest_number, sign_refusal


def version_in_force(agreement: Agreement) -> int | None:
    """The newest version both sides signed (formal bases), or the latest version (informal ones, once
    agreed); ``None`` while nothing is in force."""
    if agreement.state in (AgreementState.DRAFT, AgreementState.PROPOSED):
        return None
    if not agreement.needs_sign_off:
        return latest_number(agreement)
    by_version: dict[int, set[str]] = {}
    for version, side in AgreementSignOff.objects.filter(agreement=agreement).values_list("version", "side"):
        by_version.setdefault(version, set()).add(side)
    both = [v for v, sides in by_version.items() if sides >= {Side.PROVIDER, Side.CONSUMER}]
    return max(both) if both else None


def coverage(agreement: Agreement, user: Any) -> list[dict[str, Any]]:
    """Per aspect the agreement must cover (outcomes, utility, warranty, experience): how many terms it
    has; ``missing`` where none."""
    terms = restrict(agreement.terms.all(), user, "view")
    counts = dict(terms.values_list("aspect").annotate(n=Count("pk")).values_list("aspect", "n"))
    return [
        {
            "aspect": aspect,
            "label": Aspect(aspect).label,
            "count": counts.get(aspect, 0),
            "missing": not counts.get(aspect),
        }
        for aspect in REQUIRED_ASPECTS
    ]


def agreement_context(request: Any, agreement: Agreement) -> dict[str, Any]:
    """The detail page's panels: completeness, versions and signatures, and the reader's own sign-off."""
    user = request.user
    latest = latest_number(agreement)
    sign_offs = list(
        restrict(AgreementSignOff.objects.filter(agreement=agreement), user, "view")
        .select_related("person", "recorded_by")
        .order_by("-version", "side")
    )
    me = person_for_user(user)
    own_refusal = sign_refusal(agreement, me) if me is not None else None
    published = versions_for(registry.get(Agreement), agreement).filter(state=VersionState.PUBLISHED)
    covered = coverage(agreement, user)
    return {
        "coverage": covered,
        "uncovered": [row for row in covered if row["missing"]],
        "latest_version": latest,
        "version_count": published.count(),
        "in_force": version_in_force(agreement),
        "sign_offs": sign_offs,
        "sides": [
            {
                "side": side,
                "label": Side(side).label,
                "organisation": organisation,
                "signed": next((s for s in sign_offs if s.version == latest and s.side == side), None),
            }
            for side, organisation in (
                (Side.PROVIDER, agreement.relationship.provider),
                (Side.CONSUMER, agreement.relationship.consumer),
            )
        ],
        "may_sign": me is not None and own_refusal is None,
        "sign_refusal": own_refusal if me is not None and agreement.needs_sign_off else None,
    }
