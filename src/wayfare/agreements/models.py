"""Agreements and the value co-creation plan (issue #14 section 4; 002 step 4; DOMAIN.md section 4).

An agreement states on what basis (an obligation, an agreement, a promise or a social norm) and of which
kind (service level, experience level, outcome-based, contract, supplier) the two sides of a relationship
expect value, and which offerings it covers. Its *terms* are measurable targets placed on a layer of the
value-driver tree (outcome, experience, utility, warranty), each saying how, how often and by whom it is
measured; its *value plan* says which indicators show value is being created, when value is expected,
who tracks each and how often it is reviewed.

Life cycle (``resources``' transitions): draft → proposed → agreed → active ⇄ under review → ended.
Proposing freezes the agreement as version 1 (the core's versions, with its terms and plan); every later
change freezes the next version. A formal agreement (obligation or agreement basis) is agreed only once
both sides have signed the latest version (``AgreementSignOff``); the version in force is the newest one
both sides signed (``selectors.version_in_force``), so an amendment waits for both signatures while the
version before it stays in force. Promises and social norms are informal: they need no sign-off.

Who sees what: both sides' people see a proposed, agreed, active or ended agreement of their
relationship, with its terms, plan and sign-offs; never a draft, never the internal notes.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wayfare.catalog.models import ValueLayer
from wayfare.core.models import TranslatedTextMixin, WayfareModel

BOTH_SIDES = ("relationship__consumer", "relationship__provider")
AGREEMENT_SIDES = ("agreement__relationship__consumer", "agreement__relationship__provider")


class Basis(models.TextChoices):
    """What binds the sides (002 step 4), from the most to the least formal."""

    OBLIGATION = "obligation", _("Obligation")
    AGREEMENT = "agreement", _("Agreement")
    PROMISE = "promise", _("Promise")
    SOCIAL_NORM = "social_norm", _("Social norm")


FORMAL_BASES = (Basis.OBLIGATION, Basis.AGREEMENT)  # these need both sides' sign-off


class AgreementKind(models.TextChoices):
    SERVICE_LEVEL = "service_level", _("Service level agreement")
    EXPERIENCE_LEVEL = "experience_level", _("Experience level agreement")
    OUTCOME_BASED = "outcome_based", _("Outcome-based agreement")
    CONTRACT = "contract", _("Contract")
    SUPPLIER = "supplier", _("Supplier agreement")


class AgreementState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PROPOSED = "proposed", _("Proposed")
    AGREED = "agreed", _("Agreed")
    ACTIVE = "active", _("Active")
    UNDER_REVIEW = "under_review", _("Under review")
    ENDED = "ended", _("Ended")


SHOWN_STATES = [s for s in AgreementState.values if s != AgreementState.DRAFT]  # what consumers see
SIGNABLE_STATES = [
    AgreementState.PROPOSED,
    AgreementState.AGREED,
    AgreementState.ACTIVE,
    AgreementState.UNDER_REVIEW,
]


class Side(models.TextChoices):
    PROVIDER = "provider", _("Provider")
    CONSUMER = "consumer", _("Consumer")


class MeasuringParty(models.TextChoices):
    PROVIDER = "provider", _("Provider")
    CONSUMER = "consumer", _("Consumer")
    BOTH = "both", _("Both sides")
    THIRD_PARTY = "third_party", _("A third party")


class Frequency(models.TextChoices):
    CONTINUOUSLY = "continuously", _("Continuously")
    EACH_INTERACTION = "each_interaction", _("At each interaction")
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    EACH_TERM = "each_term", _("Each academic term")
    YEARLY = "yearly", _("Yearly")


class Agreement(TranslatedTextMixin, WayfareModel):
    """What the two sides of a relationship agree (or promise) about the value of the offerings it
    covers. ``agreed_on`` is set by the *agree* transition; the state changes only by transitions."""

    owner_path = BOTH_SIDES
    frontstage = True
    frontstage_rows = {"state__in": SHOWN_STATES}

    name = models.CharField(_("name"), max_length=200)
    relationship = models.ForeignKey(
        "relationships.ServiceRelationship",
        verbose_name=_("relationship"),
        on_delete=models.PROTECT,
        related_name="agreements",
    )
    basis = models.CharField(
        _("basis"),
        max_length=12,
        choices=Basis.choices,
        default=Basis.AGREEMENT,
        help_text=_(
            "Obligations and agreements are signed by both sides; promises and social norms are not."
        ),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=AgreementKind.choices, default=AgreementKind.SERVICE_LEVEL
    )
    offerings = models.ManyToManyField(
        "catalog.ServiceOffering",
        verbose_name=_("offerings covered"),
        blank=True,
        related_name="agreements",
    )
    calendar = models.ForeignKey(
        "core.BusinessCalendar",
        verbose_name=_("business-hours calendar"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreements",
        help_text=_("The working hours its targets in business time are counted in."),
    )
    summary = models.TextField(_("summary"), blank=True)
    scope = models.TextField(
        _("scope"), blank=True, help_text=_("What it covers and what it leaves out, in plain words.")
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    review_on = models.DateField(
        _("next review"), null=True, blank=True, help_text=_("The relationship manager is reminded.")
    )
    state = models.CharField(
        _("state"), max_length=12, choices=AgreementState.choices, default=AgreementState.DRAFT
    )
    agreed_on = models.DateField(_("agreed on"), null=True, blank=True, editable=False)
    internal_notes = models.TextField(_("internal notes"), blank=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = [
            models.UniqueConstraint(fields=["relationship", "name"], name="agreement_name_per_relationship")
        ]

    def __str__(self) -> str:
        return str(self.translated("name"))

    @property
    def needs_sign_off(self) -> bool:
        return self.basis in FORMAL_BASES

    def clean(self) -> None:
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("It cannot end before it starts.")})
        if self.pk and not self.calendar_id and self.terms.filter(business_time=True).exists():
            raise ValidationError(
                {"calendar": _("Some of its terms count business time: they need a business-hours calendar.")}
            )


class AgreementSignOff(WayfareModel):
    """One side's signature of one version of an agreement: who signed, for which side, when. Written
    only by ``services.agreement_sign``; a record of what happened, so only its note may change."""

    owner_path = AGREEMENT_SIDES
    frontstage = True

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.PROTECT, related_name="sign_offs"
    )
    side = models.CharField(_("side"), max_length=10, choices=Side.choices, editable=False)
    person = models.ForeignKey(
        "parties.Person",
        verbose_name=_("signed by"),
        on_delete=models.PROTECT,
        related_name="agreement_sign_offs",
        blank=True,  # empty: the signer is the reader's own person (services.agreement_sign)
        help_text=_(
            "A person of the side that signs; for the consumer, its customer or sponsor. Empty: yourself."
        ),
    )
    version = models.PositiveIntegerField(_("version"), editable=False)
    signed_on = models.DateField(_("signed on"), editable=False)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        ordering = ["agreement", "version", "side", "pk"]
        verbose_name = _("sign-off")
        verbose_name_plural = _("sign-offs")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "version", "side"], name="one_sign_off_per_side")
        ]

    def __str__(self) -> str:
        return _("%(agreement)s, version %(version)s: %(side)s") % {
            "agreement": self.agreement,
            "version": self.version,
            "side": self.get_side_display(),
        }


# Which layer of the value-driver tree each aspect sits on (000 Figure 1.11).
ASPECT_LAYERS = {
    "outcome": ValueLayer.OUTCOME,
    "experience": ValueLayer.EXPERIENCE,
    "utility": ValueLayer.UTILITY,
    "warranty": ValueLayer.WARRANTY,
}


class Aspect(models.TextChoices):
    OUTCOME = "outcome", _("Outcome")
    UTILITY = "utility", _("Utility")
    WARRANTY = "warranty", _("Warranty")
    EXPERIENCE = "experience", _("Experience")
    OTHER = "other", _("Other")


REQUIRED_ASPECTS = (Aspect.OUTCOME, Aspect.UTILITY, Aspect.WARRANTY, Aspect.EXPERIENCE)


class Comparator(models.TextChoices):
    AT_MOST = "at_most", _("at most")
    AT_LEAST = "at_least", _("at least")
    EXACTLY = "exactly", _("exactly")


class AgreementTerm(TranslatedTextMixin, WayfareModel):
    """A measurable target: "incident response within 1 business hour", "CSAT at least 4.5". Its layer
    follows from its aspect (chosen for "other"); a value driver it measures must lie on that layer."""

    owner_path = AGREEMENT_SIDES
    frontstage = True
    frontstage_rows = {"agreement__state__in": SHOWN_STATES}

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="terms"
    )
    aspect = models.CharField(_("aspect"), max_length=12, choices=Aspect.choices)
    layer = models.CharField(
        _("layer of the value-driver tree"),
        max_length=12,
        choices=ValueLayer.choices,
        blank=True,
        help_text=_("Follows from the aspect; choose it for “other”."),
    )
    value_driver = models.ForeignKey(
        "catalog.ValueDriverNode",
        verbose_name=_("value driver"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreement_terms",
        help_text=_("The node of a value-driver tree this term measures."),
    )
    metric = models.CharField(
        _("metric"), max_length=300, help_text=_("What is measured, e.g. “incident response time”.")
    )
    comparator = models.CharField(
        _("target is"), max_length=10, choices=Comparator.choices, default=Comparator.AT_MOST
    )
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=3)
    unit = models.CharField(_("unit"), max_length=60, help_text=_("e.g. hours, %, points out of 5."))
    business_time = models.BooleanField(
        _("in business time"),
        default=False,
        help_text=_("Counted only in the working hours of the agreement's calendar."),
    )
    measured_how = models.TextField(_("how it is measured"))
    measured_every = models.CharField(
        _("how often"), max_length=20, choices=Frequency.choices, default=Frequency.MONTHLY
    )
    measured_by_party = models.CharField(
        _("measured by (side)"),
        max_length=12,
        choices=MeasuringParty.choices,
        default=MeasuringParty.PROVIDER,
    )
    measured_by = models.ForeignKey(
        "parties.Person",
        verbose_name=_("measured by (person)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="measured_terms",
    )

    class Meta:
        ordering = ["agreement", "aspect", "pk"]
        verbose_name = _("agreement term")
        verbose_name_plural = _("agreement terms")

    def __str__(self) -> str:
        return self.statement

    @property
    def statement(self) -> str:
        """The term in one line: “Incident response time: at most 1 hour (business time)”."""
        target = f"{Decimal(str(self.target)).normalize():f}" if self.target is not None else "?"
        text = _("%(metric)s: %(comparator)s %(target)s %(unit)s") % {
            "metric": self.translated("metric"),
            "comparator": self.get_comparator_display(),
            "target": target,
            "unit": self.translated("unit"),
        }
        if self.business_time:
            text = _("%(term)s (business time)") % {"term": text}
        return str(text)

    def clean(self) -> None:
        super().clean()
        errors: dict[str, Any] = {}
        if self.aspect in ASPECT_LAYERS:
            self.layer = ASPECT_LAYERS[self.aspect]
        elif self.aspect and not self.layer:
            errors["layer"] = _("Say on which layer of the value-driver tree this term sits.")
        driver = self.value_driver if self.value_driver_id else None
        if driver is not None and self.layer and driver.layer != self.layer:
            errors["value_driver"] = _(
                "This driver is on the layer “%(driver)s”; the term is on “%(term)s”."
            ) % {
                "driver": driver.get_layer_display(),
                "term": ValueLayer(self.layer).label,
            }
        if self.business_time and self.agreement_id and not self.agreement.calendar_id:
            errors["business_time"] = _(
                "Name the agreement's business-hours calendar first: business time is counted in it."
            )
        if self.measured_by is not None and self.agreement_id:
            sides = {self.agreement.relationship.provider_id, self.agreement.relationship.consumer_id}
            if self.measured_by.organisation_id not in sides:
                errors["measured_by"] = _("Choose a person of one of the two sides.")
        if errors:
            raise ValidationError(errors)


class Evidence(models.TextChoices):
    DIRECT = "direct", _("Direct")
    INDIRECT = "indirect", _("Indirect")


class ValuePlanItem(TranslatedTextMixin, WayfareModel):
    """A line of the value co-creation plan: an indicator that shows value is being created, when that
    value is expected, who tracks it and how often it is reviewed."""

    owner_path = AGREEMENT_SIDES
    frontstage = True
    frontstage_rows = {"agreement__state__in": SHOWN_STATES}

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="plan_items"
    )
    indicator = models.CharField(
        _("indicator"), max_length=300, help_text=_("What shows that value is being created.")
    )
    term = models.ForeignKey(
        AgreementTerm,
        verbose_name=_("term it tracks"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_items",
    )
    evidence = models.CharField(
        _("evidence"),
        max_length=10,
        choices=Evidence.choices,
        default=Evidence.DIRECT,
        help_text=_("Direct: the value itself is measured; indirect: a sign that points to it."),
    )
    expected_on = models.DateField(_("value expected by"))
    tracked_by_party = models.CharField(
        _("tracked by (side)"), max_length=12, choices=MeasuringParty.choices, default=MeasuringParty.PROVIDER
    )
    tracked_by = models.ForeignKey(
        "parties.Person",
        verbose_name=_("tracked by (person)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tracked_plan_items",
    )
    review_every = models.CharField(
        _("reviewed"), max_length=20, choices=Frequency.choices, default=Frequency.QUARTERLY
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["agreement", "expected_on", "pk"]
        verbose_name = _("value plan item")
        verbose_name_plural = _("value co-creation plan")

    def __str__(self) -> str:
        return str(self.translated("indicator"))

    def clean(self) -> None:
        super().clean()
        if self.term is not None and self.agreement_id and self.term.agreement_id != self.agreement_id:
            raise ValidationError({"term": _("This term belongs to another agreement.")})
        if self.tracked_by is not None and self.agreement_id:
            sides = {self.agreement.relationship.provider_id, self.agreement.relationship.consumer_id}
            if self.tracked_by.organisation_id not in sides:
                raise ValidationError({"tracked_by": _("Choose a person of one of the two sides.")})
