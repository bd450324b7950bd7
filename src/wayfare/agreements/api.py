"""The agreement's standing in the API, beside its generic record:

- ``GET  /api/agreements/agreements/<id>/standing/``: the latest version, the version in force, each
  side's signature of the latest version, and the aspects its terms cover (the page's panels);

Signing is ``POST /api/agreements/sign-offs/`` with ``{"agreement": id}``: a consumer's customer or sponsor
signs the latest version as themselves (a ``person`` they name is ignored); staff name the ``person``
whose signature they record. 400 with the reason when the person may not sign."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response


def standing_data(agreement: Any, user: Any) -> dict[str, Any]:
    from wayfare.core.access import restrict
    from wayfare.core.related import Seen
    from wayfare.parties.selectors import person_for_user

    from .models import AgreementSignOff, Side
    from .selectors import coverage, version_in_force
    from .services import latest_number, sign_refusal

    latest = latest_number(agreement)
    signed = {
        s.side: s
        for s in restrict(
            AgreementSignOff.objects.filter(agreement=agreement, version=latest or 0), user, "view"
        ).select_related("person")
    }
    seen = Seen(user)  # the signer's name only for a reader who may see that person
    me = person_for_user(user)
    refusal = sign_refusal(agreement, me)
    return {
        "id": agreement.pk,
        "state": agreement.state,
        "needs_sign_off": agreement.needs_sign_off,
        "latest_version": latest,
        "version_in_force": version_in_force(agreement),
        "signatures": {
            side: (
                {
                    "person": str(seen.label(signed[side].person)),
                    "signed_on": signed[side].signed_on.isoformat(),
                }
                if side in signed
                else None
            )
            for side in Side.values
        },
        "you_may_sign": me is not None and refusal is None,
        "why_not": str(refusal) if refusal and me is not None else None,
        "coverage": [
            {"aspect": row["aspect"], "terms": row["count"], "missing": row["missing"]}
            for row in coverage(agreement, user)
        ],
    }


class AgreementActions:
    @extend_schema(
        summary="Where the agreement stands: versions, signatures, coverage",
        responses={200: OpenApiTypes.OBJECT},
    )
    @action(detail=True, methods=["get"])
    def standing(self, request: Request, pk: Any = None) -> Response:
        return Response(standing_data(self.get_object(), request.user))  # type: ignore[attr-defined]
