"""Reads of the suppliers part (issue #12 section 6) and the experience-profile selector (section 3).

Every selector takes ``user`` and starts from ``restrict()``; the writes are the generic record services
(the rules about one row live in the models' ``clean()``). ``supplier_impact`` answers the questions that
follow Table 4.19 in seed 003 4.4: do we depend on this supplier, and what would its stopping do to our
relationships, to their consumers and to the journeys they serve?
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from wayfare.core.access import restrict
from wayfare.parties.models import OrganisationKind

from ..models import (
    ComplianceStatus,
    ExperienceProfile,
    RelationshipDependency,
    ServiceRelationship,
    SupplierAssessment,
    SupplierCompliance,
    SupplierPerformance,
)

PERFORMANCE_WINDOW_DAYS = 180

# The worst status among a supplier's compliance checks stands for all of them.
_COMPLIANCE_ORDER: list[str] = [
    ComplianceStatus.NOT,
    ComplianceStatus.PARTLY,
    ComplianceStatus.UNKNOWN,
    ComplianceStatus.COMPLIANT,
]


def supplier_relationships(*, user: Any) -> QuerySet[ServiceRelationship]:
    """The relationships where we (an internal organisation) are the consumer, that ``user`` may see."""
    return restrict(
        ServiceRelationship.objects.filter(consumer__kind=OrganisationKind.INTERNAL).select_related(
            "provider", "consumer"
        ),
        user,
        "view",
    ).order_by("name")


def _share_met(records: list[SupplierPerformance]) -> float | None:
    if not records:
        return None
    return round(100.0 * sum(1 for r in records if r.met) / len(records), 1)


def supplier_performance_share(
    relationship: ServiceRelationship, *, today: datetime.date | None = None
) -> float | None:
    """The health measure: the share (0-100) of the supplier's performance records of the last 180 days
    that met their target; ``None`` without records, and for relationships that are no supplier's."""
    from ..models import is_supplier_relationship

    if not is_supplier_relationship(relationship):
        return None
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=PERFORMANCE_WINDOW_DAYS)
    records = list(
        SupplierPerformance.objects.filter(
            relationship=relationship, measured_on__gt=since, measured_on__lte=today
        )
    )
    return _share_met(records)


def compliance_summary(checks: list[SupplierCompliance]) -> str | None:
    """The worst status among the checks (``None`` without checks)."""
    if not checks:
        return None
    return min((c.status for c in checks), key=lambda s: _COMPLIANCE_ORDER.index(s))


@dataclass
class SupplierRow:
    relationship: ServiceRelationship
    assessment: SupplierAssessment | None
    latest_performance: SupplierPerformance | None
    performance_share: float | None
    compliance: str | None
    compliance_checks: list[SupplierCompliance] = field(default_factory=list)

    @property
    def name(self) -> str:
        return str(self.relationship.translated("name"))

    @property
    def latest_measure(self) -> str:
        return str(self.latest_performance.translated("measure")) if self.latest_performance else ""

    @property
    def compliance_label(self) -> str:
        return str(ComplianceStatus(self.compliance).label) if self.compliance else ""


def supplier_overview(*, user: Any, today: datetime.date | None = None) -> list[SupplierRow]:
    """Every supplier relationship the user may see with its profile, latest performance result, share of
    targets met in the last 180 days and compliance (worst status), in a fixed number of queries."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=PERFORMANCE_WINDOW_DAYS)
    relationships = list(supplier_relationships(user=user))
    ids = [r.pk for r in relationships]
    assessments = {
        a.relationship_id: a
        for a in restrict(SupplierAssessment.objects.filter(relationship_id__in=ids), user, "view")
    }
    performance: dict[int, list[SupplierPerformance]] = defaultdict(list)
    for record in restrict(SupplierPerformance.objects.filter(relationship_id__in=ids), user, "view"):
        performance[record.relationship_id].append(record)
    compliance: dict[int, list[SupplierCompliance]] = defaultdict(list)
    for check in restrict(SupplierCompliance.objects.filter(relationship_id__in=ids), user, "view"):
        compliance[check.relationship_id].append(check)
    rows = []
    for relationship in relationships:
        records = performance.get(relationship.pk, [])  # newest first (the model's ordering)
        recent = [r for r in records if since < r.measured_on <= today]
        checks = compliance.get(relationship.pk, [])
        rows.append(
            SupplierRow(
                relationship=relationship,
                assessment=assessments.get(relationship.pk),
                latest_performance=records[0] if records else None,
                performance_share=_share_met(recent),
                compliance=compliance_summary(checks),
                compliance_checks=checks,
            )
        )
    return rows


# -- "if this supplier stops" --------------------------------------------------------------------------


@dataclass
class ImpactNode:
    """A relationship hurt by the stop, with the dependency that carries the harm to it."""

    relationship: ServiceRelationship
    depth: int
    dependency: RelationshipDependency | None = None
    children: list[ImpactNode] = field(default_factory=list)
    repeated: bool = False  # already shown higher up (a cycle or a second path): not expanded again

    @property
    def name(self) -> str:
        return str(self.relationship.translated("name"))

    @property
    def depth_below(self) -> int:
        return 1 + max((c.depth_below for c in self.children), default=0)

    def as_chart(self) -> dict[str, Any]:
        """The node for an ECharts tree."""
        return {
            "name": self.relationship.translated("name"),
            "value": self.relationship.pk,
            "critical": bool(self.dependency and self.dependency.critical),
            "repeated": self.repeated,
            "children": [c.as_chart() for c in self.children],
        }


@dataclass
class SupplierImpact:
    root: ImpactNode
    affected: list[ImpactNode]  # every relationship hurt, once, nearest first
    journeys: list[Any]
    consumers: list[Any]  # organisations at the receiving end of a hurt relationship, other than us
    any_dependency: bool

    @property
    def direct(self) -> list[ImpactNode]:
        return [n for n in self.affected if n.depth == 1]

    @property
    def indirect(self) -> list[ImpactNode]:
        return [n for n in self.affected if n.depth > 1]

    @property
    def critical_count(self) -> int:
        return sum(1 for n in self.affected if n.dependency and n.dependency.critical)


def supplier_impact(*, relationship: ServiceRelationship, user: Any) -> SupplierImpact:
    """Which relationships stop or suffer if ``relationship``'s provider stops delivering: those depending
    on it directly, then, transitively, those depending on them (ElectroInstala -> the council's stations
    -> eCampus's campus car sharing). Each relationship appears once, at its nearest distance; a cycle of
    dependencies ends where it meets a relationship already reached. Reads only the dependencies, the
    relationships and the journeys the user may see, in three queries."""
    from wayfare.journeys.models import JourneyMap

    visible = restrict(ServiceRelationship.objects.all(), user, "view")
    dependencies = list(
        restrict(RelationshipDependency.objects.all(), user, "view")
        .filter(dependent__in=visible, depends_on__in=visible)
        .select_related("dependent__provider", "dependent__consumer", "depends_on")
        .prefetch_related(
            Prefetch(
                "journeys",
                queryset=restrict(JourneyMap.objects.all(), user, "view"),
                to_attr="shown_journeys",
            )
        )
        .order_by("dependent__name")
    )
    dependents: dict[int, list[RelationshipDependency]] = defaultdict(list)
    for dependency in dependencies:
        dependents[dependency.depends_on_id].append(dependency)

    root = ImpactNode(relationship, 0)
    seen = {relationship.pk}
    affected: list[ImpactNode] = []
    frontier = [root]
    while frontier:  # breadth first: a relationship is placed at its nearest distance
        following = []
        for node in frontier:
            for dependency in dependents.get(node.relationship.pk, []):
                child = ImpactNode(dependency.dependent, node.depth + 1, dependency)
                node.children.append(child)
                if dependency.dependent_id in seen:
                    child.repeated = True
                    continue
                seen.add(dependency.dependent_id)
                affected.append(child)
                following.append(child)
        frontier = following

    journeys: dict[int, Any] = {}
    consumers: dict[int, Any] = {}
    for node in affected:
        assert node.dependency is not None
        for journey in node.dependency.shown_journeys:  # type: ignore[attr-defined]
            journeys[journey.pk] = journey
        consumer = node.relationship.consumer
        if consumer.kind != OrganisationKind.INTERNAL:
            consumers[consumer.pk] = consumer
    return SupplierImpact(
        root=root,
        affected=affected,
        journeys=sorted(journeys.values(), key=lambda j: j.name),
        consumers=sorted(consumers.values(), key=lambda o: o.name),
        any_dependency=bool(dependencies),
    )


# -- experience profiles (Table 4.13) -------------------------------------------------------------------


def experience_profile_for(
    *, relationship: ServiceRelationship | None, user: Any, segment: str | None = None
) -> ExperienceProfile | None:
    """The experience profile that says which factors matter, for surveys and offerings to use: the
    relationship's own profile if it has one the user may see, else the named segment's, else ``None``.
    The profile comes with its factor importances (``profile.factors.all()``, most important first)."""
    from ..models import ExperienceFactorImportance

    factors = restrict(ExperienceFactorImportance.objects.all(), user, "view")
    profiles = restrict(ExperienceProfile.objects.all(), user, "view").prefetch_related(
        Prefetch("factors", queryset=factors)
    )
    if relationship is not None:
        found = profiles.filter(relationship=relationship).first()
        if found is not None:
            return found
    if segment:
        return profiles.filter(relationship__isnull=True, segment__iexact=segment.strip()).first()
    return None
