"""Suppliers and partners, and the factors of experience (issue #12 sections 3 and 6).

Seed 003 4.4: a provider is itself the consumer of its suppliers and partners, so a supplier relationship
is a ``ServiceRelationship`` whose consumer is one of our own (internal) organisations, walked through the
same seven steps. What 4.4 adds, and what lives here: how we integrate our suppliers' services (the four
service integration models; whether our consumers see us as a hub or as a black box), a classification of
suppliers by dependency and risk on criteria we define (Table 4.19, "understand the provider's
capabilities"), their performance and compliance (Table 4.19, "assess mutual readiness and maturity"), and
which relationships depend on which, so that we can answer "what is hurt if this supplier stops".

Seed 003 Table 4.13 (4.3.4.3): the product and service factors that shape a consumer's experience, with the
aspects of service quality. An ``ExperienceProfile`` says how much each matters to one relationship or one
segment. Everything here is backstage: the provider's own view of its suppliers and consumers.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wayfare.core.access import RestrictedQuerySet
from wayfare.core.models import TranslatedTextMixin, WayfareModel

__all__ = [
    "CLASSIFICATION_GUIDANCE",
    "EXPERIENCE_FACTOR_GUIDANCE",
    "INTEGRATION_MODEL_GUIDANCE",
    "INTEGRATION_STANCE_GUIDANCE",
    "QUALITY_ASPECT_GUIDANCE",
    "ComplianceStatus",
    "CriterionDimension",
    "ExperienceFactor",
    "ExperienceFactorImportance",
    "ExperienceProfile",
    "IntegrationModel",
    "IntegrationStance",
    "PerformanceDirection",
    "QualityAspect",
    "RelationshipDependency",
    "ServiceIntegration",
    "SupplierAssessment",
    "SupplierClassification",
    "SupplierCompliance",
    "SupplierCriterion",
    "SupplierPerformance",
    "SupplierScore",
    "classify_supplier",
    "is_supplier_relationship",
]

HIGH_LEVEL = 3  # on the 1-5 scales, 3 or more counts as high (classify_supplier)

LEVEL_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]
SUPPLIER_OWNERS = ("relationship__consumer", "relationship__provider")


def is_supplier_relationship(relationship: object) -> bool:
    """A supplier or partner relationship: we (an internal organisation) are its consumer (003 4.4)."""
    from wayfare.parties.models import OrganisationKind

    consumer = getattr(relationship, "consumer", None)
    return bool(consumer is not None and consumer.kind == OrganisationKind.INTERNAL)


def _supplier_only(relationship: object, field: str = "relationship") -> None:
    if relationship is not None and not is_supplier_relationship(relationship):
        raise ValidationError(
            {
                field: _(
                    "%(name)s is not a supplier relationship: its consumer, %(consumer)s, is not one of our "
                    "own (internal) organisations. Supplier records belong to relationships where we are "
                    "the consumer."
                )
                % {"name": relationship, "consumer": getattr(relationship, "consumer", "")}
            }
        )


# -- service integration (003 4.4) ---------------------------------------------------------------------


class IntegrationModel(models.TextChoices):
    """The four ways of integrating and managing services from several suppliers (003 4.4)."""

    RETAINED = "retained_organisation", _("Retained organisation as integrator")
    SINGLE_PROVIDER = "single_provider", _("Single provider")
    GUARDIAN = "service_guardian", _("Service guardian")
    INDEPENDENT = "independent_integrator", _("Independent integrator")


INTEGRATION_MODEL_GUIDANCE: dict[str, Any] = {
    IntegrationModel.RETAINED: _(
        "We keep the integration ourselves: our own people coordinate every supplier and answer for the "
        "end-to-end service."
    ),
    IntegrationModel.SINGLE_PROVIDER: _(
        "One supplier delivers all the services and also integrates and manages them for us."
    ),
    IntegrationModel.GUARDIAN: _(
        "One supplier delivers some of the services and, besides, integrates and manages the other "
        "suppliers on our behalf."
    ),
    IntegrationModel.INDEPENDENT: _(
        "A separate organisation integrates and manages all our suppliers without delivering any of the "
        "services itself."
    ),
}


class IntegrationStance(models.TextChoices):
    """How our consumers see us with respect to our suppliers (003 4.4)."""

    HUB = "hub", _("Hub")
    BLACK_BOX = "black_box", _("Black box")


INTEGRATION_STANCE_GUIDANCE: dict[str, Any] = {
    IntegrationStance.HUB: _(
        "Our consumers expect us to coordinate suppliers and partners for them: they know who is involved "
        "and come to us for all of it."
    ),
    IntegrationStance.BLACK_BOX: _(
        "Our consumers do not want to know which suppliers we rely on: they see one service, and its "
        "dependencies stay our business."
    ),
}


class ServiceIntegration(TranslatedTextMixin, WayfareModel):
    """How one of our own organisations integrates the services of its suppliers and partners (003 4.4):
    the integration model, whether its consumers treat it as a hub or as a black box, and who does the
    integrating. One record per internal organisation. Backstage."""

    owner_path = ("organisation", "integrator")
    frontstage = False

    organisation = models.OneToOneField(
        "parties.Organisation",
        verbose_name=_("our organisation"),
        on_delete=models.CASCADE,
        related_name="service_integration",
    )
    integration_model = models.CharField(
        _("integration model"),
        max_length=30,
        choices=IntegrationModel.choices,
        default=IntegrationModel.RETAINED,
    )
    stance = models.CharField(
        _("towards our consumers"),
        max_length=20,
        choices=IntegrationStance.choices,
        default=IntegrationStance.HUB,
        help_text=_(
            "Hub: consumers expect us to coordinate suppliers for them. Black box: they do not want to know."
        ),
    )
    integrator = models.ForeignKey(
        "parties.Organisation",
        verbose_name=_("integrator"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="integrations_run",
        help_text=_("Who integrates and manages the suppliers (our organisation itself when we retain it)."),
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("service integration")
        verbose_name_plural = _("service integrations")

    def __str__(self) -> str:
        return str(_("Service integration of %(organisation)s") % {"organisation": self.organisation})

    @property
    def model_guidance(self) -> str:
        return str(INTEGRATION_MODEL_GUIDANCE.get(self.integration_model, ""))

    @property
    def stance_guidance(self) -> str:
        return str(INTEGRATION_STANCE_GUIDANCE.get(self.stance, ""))

    def clean(self) -> None:
        super().clean()
        from wayfare.parties.models import OrganisationKind

        if self.organisation_id and self.organisation.kind != OrganisationKind.INTERNAL:
            raise ValidationError(
                {
                    "organisation": _(
                        "The integration model is recorded for one of our own (internal) organisations."
                    )
                }
            )
        if (
            self.integration_model == IntegrationModel.RETAINED
            and self.integrator_id
            and self.integrator_id != self.organisation_id
        ):
            raise ValidationError(
                {
                    "integrator": _(
                        "With the retained-organisation model, our organisation is its own integrator."
                    )
                }
            )


# -- classification (Table 4.19) -----------------------------------------------------------------------


class CriterionDimension(models.TextChoices):
    DEPENDENCY = "dependency", _("Dependency")
    RISK = "risk", _("Risk")
    OTHER = "other", _("Other")


class SupplierCriterion(TranslatedTextMixin, WayfareModel):
    """A criterion the organisation defines for classifying its suppliers (Table 4.19: define how suppliers
    are managed by relationship type, dependency and risk). Each supplier profile scores it from 1 to 5."""

    owner_path = None
    frontstage = False

    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    dimension = models.CharField(
        _("dimension"), max_length=20, choices=CriterionDimension.choices, default=CriterionDimension.OTHER
    )
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )

    class Meta:
        ordering = ["dimension", "name"]
        verbose_name = _("supplier criterion")
        verbose_name_plural = _("supplier criteria")

    def __str__(self) -> str:
        return self.name


class SupplierClassification(models.TextChoices):
    """Where a supplier sits on dependency against risk (``classify_supplier``)."""

    STRATEGIC = "strategic", _("Strategic")
    BOTTLENECK = "bottleneck", _("Bottleneck")
    LEVERAGE = "leverage", _("Leverage")
    ROUTINE = "routine", _("Routine")


CLASSIFICATION_GUIDANCE: dict[str, Any] = {
    SupplierClassification.STRATEGIC: _(
        "High dependency and high risk: our service relies on it and failure is likely or hard to replace. "
        "Manage it closely, review it often and keep a fallback."
    ),
    SupplierClassification.BOTTLENECK: _(
        "Low dependency but high risk: a small part of the service that is hard to secure. Watch it and "
        "look for alternatives."
    ),
    SupplierClassification.LEVERAGE: _(
        "High dependency but low risk: important to us and easy to source. Negotiate terms and compare "
        "offers."
    ),
    SupplierClassification.ROUTINE: _(
        "Low dependency and low risk: standard goods under a standard contract. Keep it simple and cheap "
        "to manage."
    ),
}


def classify_supplier(dependency_level: int | None, risk_level: int | None) -> str:
    """The classification from dependency and risk (1-5 each; 3 or more is high): both high is strategic,
    only risk high is bottleneck, only dependency high is leverage, neither is routine."""
    high_dependency = (dependency_level or 0) >= HIGH_LEVEL
    high_risk = (risk_level or 0) >= HIGH_LEVEL
    if high_dependency and high_risk:
        return SupplierClassification.STRATEGIC
    if high_risk:
        return SupplierClassification.BOTTLENECK
    if high_dependency:
        return SupplierClassification.LEVERAGE
    return SupplierClassification.ROUTINE


class SupplierAssessmentManager(models.Manager.from_queryset(RestrictedQuerySet)):  # type: ignore[misc]
    """Its name is its relationship's: every list of profiles (form and filter choices) loads both at once."""

    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().select_related("relationship")


class SupplierAssessment(TranslatedTextMixin, WayfareModel):
    """Our profile of one supplier relationship (Table 4.19: identify and classify suppliers against the
    criteria, focus on the most important): how much we depend on it, how risky it is, the classification
    that follows, whether we manage it at all (the council's charging stations are a dependency eCampus
    does not manage) and when to review it again. Backstage."""

    owner_path = SUPPLIER_OWNERS
    frontstage = False

    relationship = models.OneToOneField(
        "relationships.ServiceRelationship",
        verbose_name=_("supplier relationship"),
        on_delete=models.CASCADE,
        related_name="supplier_assessment",
    )
    dependency_level = models.PositiveSmallIntegerField(
        _("dependency level"),
        validators=LEVEL_VALIDATORS,
        default=1,
        help_text=_("1: we barely rely on it; 5: our service stops without it."),
    )
    risk_level = models.PositiveSmallIntegerField(
        _("risk level"),
        validators=LEVEL_VALIDATORS,
        default=1,
        help_text=_("1: failure is unlikely and easily replaced; 5: failure is likely or hard to replace."),
    )
    classification = models.CharField(
        _("classification"), max_length=20, choices=SupplierClassification.choices, editable=False
    )
    managed_by_us = models.BooleanField(
        _("managed by us"), default=True, help_text=_("Clear this when we depend on it but cannot manage it.")
    )
    reviewed_on = models.DateField(_("reviewed on"), null=True, blank=True)
    next_review = models.DateField(_("next review"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    objects = SupplierAssessmentManager()  # type: ignore[misc]

    class Meta:
        ordering = ["relationship__name"]
        verbose_name = _("supplier profile")
        verbose_name_plural = _("supplier profiles")

    def __str__(self) -> str:
        return str(self.relationship)

    @property
    def classification_guidance(self) -> str:
        return str(CLASSIFICATION_GUIDANCE.get(self.classification, ""))

    def clean(self) -> None:
        super().clean()
        if self.relationship_id:
            _supplier_only(self.relationship)
        self.classification = classify_supplier(self.dependency_level, self.risk_level)
        if self.reviewed_on and self.next_review and self.next_review < self.reviewed_on:
            raise ValidationError({"next_review": _("The next review comes after the last one.")})

    def save(self, *args: object, **kwargs: object) -> None:
        self.classification = classify_supplier(self.dependency_level, self.risk_level)
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class SupplierScore(WayfareModel):
    """One criterion's score (1-5) in a supplier profile."""

    owner_path = ("assessment__relationship__consumer", "assessment__relationship__provider")
    frontstage = False

    assessment = models.ForeignKey(
        SupplierAssessment,
        verbose_name=_("supplier profile"),
        on_delete=models.CASCADE,
        related_name="scores",
    )
    criterion = models.ForeignKey(
        SupplierCriterion, verbose_name=_("criterion"), on_delete=models.PROTECT, related_name="scores"
    )
    score = models.PositiveSmallIntegerField(_("score"), validators=LEVEL_VALIDATORS)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["assessment", "criterion__dimension", "criterion__name"]
        verbose_name = _("supplier score")
        verbose_name_plural = _("supplier scores")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "criterion"],
                name="relationships_supplierscore_unique",
                violation_error_message=_("This profile already scores this criterion."),
            )
        ]

    def __str__(self) -> str:
        return str(_("%(criterion)s: %(score)s") % {"criterion": self.criterion, "score": self.score})


# -- performance and compliance (Table 4.19) -------------------------------------------------------------


class PerformanceDirection(models.TextChoices):
    AT_LEAST = "at_least", _("At least the target")
    AT_MOST = "at_most", _("At most the target")


class SupplierPerformance(TranslatedTextMixin, WayfareModel):
    """One measured result of a supplier against its target for a period (Table 4.19: track the
    supplier's performance). ``met`` follows from target, actual and direction."""

    owner_path = SUPPLIER_OWNERS
    frontstage = False

    relationship = models.ForeignKey(
        "relationships.ServiceRelationship",
        verbose_name=_("supplier relationship"),
        on_delete=models.CASCADE,
        related_name="supplier_performance",
    )
    measured_on = models.DateField(_("measured on"), help_text=_("The end of the period measured."))
    period = models.CharField(_("period"), max_length=60, blank=True, help_text=_("For example 2026-10."))
    measure = models.CharField(_("measure"), max_length=200)
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    direction = models.CharField(
        _("good when"),
        max_length=10,
        choices=PerformanceDirection.choices,
        default=PerformanceDirection.AT_LEAST,
    )
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2)
    actual = models.DecimalField(_("actual"), max_digits=12, decimal_places=2)
    met = models.BooleanField(_("met"), default=False, editable=False)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-measured_on", "measure"]
        verbose_name = _("supplier performance")
        verbose_name_plural = _("supplier performance records")

    def __str__(self) -> str:
        return str(_("%(measure)s, %(date)s") % {"measure": self.measure, "date": self.measured_on})

    def _is_met(self) -> bool:
        if self.target is None or self.actual is None:
            return False
        actual, target = Decimal(self.actual), Decimal(self.target)
        return actual <= target if self.direction == PerformanceDirection.AT_MOST else actual >= target

    def clean(self) -> None:
        super().clean()
        if self.relationship_id:
            _supplier_only(self.relationship)
        self.met = self._is_met()

    def save(self, *args: object, **kwargs: object) -> None:
        self.met = self._is_met()
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class ComplianceStatus(models.TextChoices):
    COMPLIANT = "compliant", _("Compliant")
    PARTLY = "partly", _("Partly compliant")
    NOT = "not_compliant", _("Not compliant")
    UNKNOWN = "unknown", _("Not known yet")


class SupplierCompliance(TranslatedTextMixin, WayfareModel):
    """Whether a supplier meets one requirement we hold it to (Table 4.19: track compliance), with the
    evidence and the date of the next check."""

    owner_path = SUPPLIER_OWNERS
    frontstage = False

    relationship = models.ForeignKey(
        "relationships.ServiceRelationship",
        verbose_name=_("supplier relationship"),
        on_delete=models.CASCADE,
        related_name="supplier_compliance",
    )
    requirement = models.CharField(_("requirement"), max_length=200)
    status = models.CharField(
        _("status"), max_length=20, choices=ComplianceStatus.choices, default=ComplianceStatus.UNKNOWN
    )
    checked_on = models.DateField(_("checked on"), null=True, blank=True)
    evidence = models.TextField(_("evidence"), blank=True)
    next_check = models.DateField(_("next check"), null=True, blank=True)

    class Meta:
        ordering = ["relationship__name", "requirement"]
        verbose_name = _("supplier compliance check")
        verbose_name_plural = _("supplier compliance checks")

    def __str__(self) -> str:
        return self.requirement

    def clean(self) -> None:
        super().clean()
        if self.relationship_id:
            _supplier_only(self.relationship)
        if self.checked_on and self.next_check and self.next_check < self.checked_on:
            raise ValidationError({"next_check": _("The next check comes after the last one.")})


# -- dependencies (Table 4.19 and the questions after it) -------------------------------------------------


class RelationshipDependency(TranslatedTextMixin, WayfareModel):
    """One relationship needing another to deliver (003 4.4: the wider supply chain, including our
    suppliers' own subcontractors): campus car sharing depends on public charging, which depends on the
    council's installer. Read transitively, these answer "what is hurt if this supplier stops". A
    dependency may name the journey maps it touches."""

    owner_path = ("dependent__consumer", "dependent__provider")
    frontstage = False

    dependent = models.ForeignKey(
        "relationships.ServiceRelationship",
        verbose_name=_("relationship that depends"),
        on_delete=models.CASCADE,
        related_name="dependencies",
    )
    depends_on = models.ForeignKey(
        "relationships.ServiceRelationship",
        verbose_name=_("depends on"),
        on_delete=models.CASCADE,
        related_name="dependents",
    )
    critical = models.BooleanField(
        _("critical"),
        default=False,
        help_text=_("The dependent service stops, not merely suffers, without it."),
    )
    note = models.TextField(_("note"), blank=True)
    journeys = models.ManyToManyField(
        "journeys.JourneyMap",
        verbose_name=_("journeys affected"),
        blank=True,
        related_name="relationship_dependencies",
    )

    class Meta:
        ordering = ["dependent__name", "depends_on__name"]
        verbose_name = _("relationship dependency")
        verbose_name_plural = _("relationship dependencies")
        constraints = [
            models.UniqueConstraint(
                fields=["dependent", "depends_on"],
                name="relationships_dependency_unique",
                violation_error_message=_("This dependency is already recorded."),
            )
        ]

    def __str__(self) -> str:
        return str(
            _("%(dependent)s depends on %(depends_on)s")
            % {"dependent": self.dependent, "depends_on": self.depends_on}
        )

    def clean(self) -> None:
        super().clean()
        if self.dependent_id and self.dependent_id == self.depends_on_id:
            raise ValidationError({"depends_on": _("A relationship cannot depend on itself.")})


# -- experience factors (Table 4.13) ----------------------------------------------------------------------


class ExperienceFactor(models.TextChoices):
    """The key product and service factors of a consumer's experience (003 Table 4.13)."""

    SERVICE_QUALITY = "service_quality", _("Service quality")
    RISK_COMPLIANCE = "risk_compliance", _("Risk and compliance")
    PRICE_COST = "price_cost", _("Price and cost")
    DESIGN_CONVENIENCE = "design_convenience", _("Design and convenience")
    COMPATIBILITY = "compatibility", _("Compatibility and interfaces")
    TRANSPARENCY = "transparency", _("Information, transparency and fairness")
    CONTROL = "control", _("Control")
    SOCIAL_RESPONSIBILITY = "social_responsibility", _("Social responsibility")


EXPERIENCE_FACTOR_GUIDANCE: dict[str, Any] = {
    ExperienceFactor.SERVICE_QUALITY: _(
        "How well the service works: what it does, and the quality aspects below (usability, availability, "
        "security and the rest)."
    ),
    ExperienceFactor.RISK_COMPLIANCE: _(
        "The service keeps to the rules that apply to it and exposes the consumer to no more risk than they "
        "are willing to take."
    ),
    ExperienceFactor.PRICE_COST: _(
        "What the consumer pays for what they get, and how the price looks beside the alternatives, such as "
        "a competitor's service."
    ),
    ExperienceFactor.DESIGN_CONVENIENCE: _(
        "How pleasant and easy the service is to use, and how much time and effort it saves the consumer."
    ),
    ExperienceFactor.COMPATIBILITY: _(
        "The service fits what the consumer already uses and works across their channels and devices."
    ),
    ExperienceFactor.TRANSPARENCY: _(
        "Prices, usage and charges are open to the consumer, who can easily check that they are right."
    ),
    ExperienceFactor.CONTROL: _(
        "The consumer stays in charge of how they use the service and has the tools to change options and "
        "plans."
    ),
    ExperienceFactor.SOCIAL_RESPONSIBILITY: _(
        "The provider behaves responsibly: little pollution, fair work and fair trade."
    ),
}


class QualityAspect(models.TextChoices):
    """The aspects of service quality in Table 4.13."""

    FUNCTIONALITY = "functionality", _("Functionality")
    DATA = "data_availability", _("Data and information available")
    USABILITY = "usability", _("Usability")
    PERFORMANCE = "performance_capacity", _("Performance and capacity")
    SECURITY = "information_security", _("Information security")
    CONTINUITY = "continuity", _("Continuity")
    ACCESSIBILITY = "accessibility", _("Accessibility")
    AVAILABILITY = "availability", _("Availability")


QUALITY_ASPECT_GUIDANCE: dict[str, Any] = {
    QualityAspect.FUNCTIONALITY: _("The service does what the consumer needs it to do."),
    QualityAspect.DATA: _("The data and information the consumer needs are there when needed."),
    QualityAspect.USABILITY: _("People can use it without effort or training."),
    QualityAspect.PERFORMANCE: _("It responds quickly and copes with the demand placed on it."),
    QualityAspect.SECURITY: _("The consumer's information stays confidential, correct and protected."),
    QualityAspect.CONTINUITY: _("It keeps going, or comes back quickly, after a serious disruption."),
    QualityAspect.ACCESSIBILITY: _("Everyone can use it, including people with disabilities."),
    QualityAspect.AVAILABILITY: _("It is there to use when the consumer wants it."),
}


class ExperienceProfile(TranslatedTextMixin, WayfareModel):
    """How much each experience factor (Table 4.13) matters to one relationship or one segment of
    consumers (e.g. students: cost and convenience). Later surveys and offerings read it through
    ``experience_profile_for``. Backstage for now."""

    owner_path = SUPPLIER_OWNERS
    frontstage = False

    name = models.CharField(_("name"), max_length=200)
    relationship = models.ForeignKey(
        "relationships.ServiceRelationship",
        verbose_name=_("relationship"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="experience_profiles",
    )
    segment = models.CharField(
        _("segment"),
        max_length=200,
        blank=True,
        help_text=_("A group of consumers, when not one relationship."),
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("experience profile")
        verbose_name_plural = _("experience profiles")
        constraints = [
            models.UniqueConstraint(
                fields=["relationship"],
                condition=models.Q(relationship__isnull=False),
                name="relationships_experienceprofile_one_per_relationship",
                violation_error_message=_("This relationship already has an experience profile."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if bool(self.relationship_id) == bool(self.segment.strip()):
            raise ValidationError(
                _("An experience profile is for either one relationship or one segment: give exactly one.")
            )


class ExperienceFactorImportance(TranslatedTextMixin, WayfareModel):
    """How much one factor (or, for service quality, one of its aspects) matters in a profile, 1 to 5."""

    owner_path = ("profile__relationship__consumer", "profile__relationship__provider")
    frontstage = False

    profile = models.ForeignKey(
        ExperienceProfile,
        verbose_name=_("experience profile"),
        on_delete=models.CASCADE,
        related_name="factors",
    )
    factor = models.CharField(_("factor"), max_length=30, choices=ExperienceFactor.choices)
    aspect = models.CharField(
        _("quality aspect"),
        max_length=30,
        choices=QualityAspect.choices,
        blank=True,
        help_text=_("Only for service quality: one of its aspects, or empty for quality as a whole."),
    )
    importance = models.PositiveSmallIntegerField(
        _("importance"),
        validators=LEVEL_VALIDATORS,
        help_text=_("1: hardly matters; 5: decides the experience."),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["profile", "-importance", "factor", "aspect"]
        verbose_name = _("experience factor importance")
        verbose_name_plural = _("experience factor importances")
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "factor", "aspect"],
                name="relationships_experiencefactor_unique",
                violation_error_message=_("This profile already rates this factor."),
            )
        ]

    def __str__(self) -> str:
        label = self.get_aspect_display() if self.aspect else self.get_factor_display()
        return str(_("%(factor)s: %(importance)s") % {"factor": label, "importance": self.importance})

    @property
    def label(self) -> str:
        if self.aspect:
            return str(
                _("%(factor)s: %(aspect)s")
                % {"factor": self.get_factor_display(), "aspect": self.get_aspect_display()}
            )
        return str(self.get_factor_display())

    @property
    def guidance(self) -> str:
        if self.aspect:
            return str(QUALITY_ASPECT_GUIDANCE.get(self.aspect, ""))
        return str(EXPERIENCE_FACTOR_GUIDANCE.get(self.factor, ""))

    def clean(self) -> None:
        super().clean()
        if self.aspect and self.factor != ExperienceFactor.SERVICE_QUALITY:
            raise ValidationError({"aspect": _("Quality aspects belong to the service quality factor only.")})
