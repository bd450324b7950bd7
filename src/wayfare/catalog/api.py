"""The catalogue's audience views in the API: ``GET /api/catalog/offerings/catalogue/?audience=...``
(``q``, ``service``, ``kind`` as on the page), the same selector and the same audience rule as the page
(``selectors.catalogue``): a consumer's people get the views their roles allow, 404 for any other."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from .selectors import AUDIENCES, CatalogueEntry, catalogue, catalogue_audiences


def _effect(e: Any) -> dict[str, Any]:
    row = {
        "id": e.pk,
        "category": e.category,
        "direction": e.direction,
        "description": str(e.translated("description")),
    }
    if e.category == "cost":
        row |= {
            "cost_kind": e.cost_kind,
            "amount": str(e.amount) if e.amount is not None else None,
            "amount_unit": str(e.translated("amount_unit")),
            "borne_by": e.borne_by,
        }
    if e.category == "risk":
        row |= {
            "likelihood": e.likelihood,
            "impact": e.impact,
            "mitigation": str(e.translated("mitigation")),
            "accepted": [
                {"by": str(a.person), "organisation": str(a.organisation), "on": a.accepted_on.isoformat()}
                for a in e.acceptances.all()
            ],
        }
    return row


def entry_data(entry: CatalogueEntry, audience: str) -> dict[str, Any]:
    o = entry.offering
    data: dict[str, Any] = {
        "id": o.pk,
        "name": str(o.translated("name")),
        "service": str(o.service),
        "target_group": str(o.translated("target_group")),
        "summary": str(o.translated("summary")),
        "constraints": str(o.translated("constraints")),
        "risks": [_effect(e) for e in entry.risks],
        "elements": [
            {
                "kind": e.kind,
                "name": str(e.translated("name")),
                "description": str(e.translated("description")),
            }
            for elements in entry.elements.values()
            for e in elements
        ],
    }
    if audience == "user":
        data |= {
            "what_it_does": str(o.translated("what_it_does")),
            "how_to_ask": str(o.translated("how_to_ask")),
        }
    if audience in ("customer", "sponsor"):
        data["outcomes"] = [_effect(e) for e in entry.outcomes]
        data["charges"] = [
            {
                "name": str(c.translated("name")),
                "amount": str(c.amount),
                "currency": c.currency,
                "unit": c.unit,
            }
            for c in entry.charges
        ]
    if audience == "customer":
        data["performance"] = str(o.translated("performance"))
    if audience in ("customer", "technical"):
        data["warranty"] = [{"aspect": label, "text": text} for label, text in entry.warranty]
    if audience == "sponsor":
        data["costs"] = [_effect(e) for e in entry.costs]
    if audience == "technical":
        data["technical"] = str(o.translated("technical"))
        data["products"] = [
            {"id": p.pk, "name": str(p), "resources": str(p.translated("resources"))} for p in entry.products
        ]
    return data


class CatalogueActions:
    @extend_schema(
        summary="The service catalogue as one audience sees it",
        parameters=[
            OpenApiParameter(
                "audience",
                OpenApiTypes.STR,
                enum=list(AUDIENCES),
                description="user (default), customer, sponsor or technical",
            ),
            OpenApiParameter(
                "q", OpenApiTypes.STR, description="Search names, summaries and what offerings do."
            ),
            OpenApiParameter("service", OpenApiTypes.INT),
            OpenApiParameter("kind", OpenApiTypes.STR, enum=["goods", "access", "action"]),
        ],
        responses={200: OpenApiTypes.OBJECT},
    )
    @action(detail=False, methods=["get"])
    def catalogue(self, request: Request) -> Response:
        allowed = catalogue_audiences(request.user)
        audience = request.query_params.get("audience") or (allowed[0] if allowed else "user")
        if audience not in allowed:
            raise NotFound()
        service = request.query_params.get("service", "")
        entries = catalogue(
            request.user,
            audience,
            query=request.query_params.get("q", "")[:200],
            service=int(service) if service.isdigit() else None,
            kind=request.query_params.get("kind", ""),
        )
        return Response(
            {
                "audience": audience,
                "audiences": allowed,
                "offerings": [entry_data(e, audience) for e in entries],
            }
        )
