"""Demand and capacity (002 step 3: for services, demand and capacity are linked; the provider manages
capacity AND influences demand, from patterns of business activity and user profiles) and the business
case for meeting the demand (004 3.1.5, Table 3.6's shape: options with outcomes, costs, risks,
mitigations and residual risk; "do nothing" is always one of them). All the provider's own planning."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wayfare.core.models import TranslatedTextMixin, WayfareModel

__all__ = [
    "BusinessCase",
    "BusinessCaseOption",
    "CaseDecision",
    "DemandMeasure",
    "DemandRecord",
    "MeasureKind",
    "MeasureStatus",
    "ReturnEstimate",
]


class DemandRecord(TranslatedTextMixin, WayfareModel):
    """The demand expected on an offering in a period, from a pattern of business activity and the user
    profile behind it, against the capacity the offering has then."""

    offering = models.ForeignKey(
        "catalog.ServiceOffering", verbose_name=_("offering"), on_delete=models.CASCADE, related_name="demand"
    )
    name = models.CharField(
        _("name"), max_length=200, help_text=_("The period or event: start of the academic year.")
    )
    starts = models.DateField(_("starts on"))
    ends = models.DateField(_("ends on"))
    pattern = models.TextField(
        _("pattern of business activity"), blank=True, help_text=_("What drives the demand, and when.")
    )
    user_profile = models.TextField(
        _("user profile"), blank=True, help_text=_("Who asks, how often, for what.")
    )
    demand = models.DecimalField(
        _("expected demand"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    capacity = models.DecimalField(
        _("capacity"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    unit = models.CharField(
        _("unit"), max_length=60, help_text=_("The same for both: bookings per week, calls per day.")
    )

    class Meta:
        ordering = ["offering", "starts"]
        verbose_name = _("demand and capacity")
        verbose_name_plural = _("demand and capacity")

    def __str__(self) -> str:
        return f"{self.translated('name')} ({self.starts:%Y-%m-%d} – {self.ends:%Y-%m-%d})"

    def clean(self) -> None:
        super().clean()
        if self.starts and self.ends and self.ends < self.starts:
            raise ValidationError({"ends": _("The period ends before it starts.")})

    @property
    def utilisation(self) -> Decimal | None:
        """Demand as a share of capacity (1 = full); ``None`` without capacity."""
        if not self.capacity:
            return None
        return self.demand / self.capacity

    @property
    def gap(self) -> Decimal:
        """How much demand exceeds capacity (negative: room to spare)."""
        return self.demand - self.capacity


class MeasureKind(models.TextChoices):
    SHAPE = "shape", _("Shape demand")
    CAPACITY = "capacity", _("Add capacity")


class MeasureStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class DemandMeasure(TranslatedTextMixin, WayfareModel):
    """What is done about a demand: influence it (low prices for new students in a quiet month) or add
    capacity (more desk staff at the start of term), with its expected effect in the record's unit."""

    record = models.ForeignKey(
        DemandRecord, verbose_name=_("demand"), on_delete=models.CASCADE, related_name="measures"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=MeasureKind.choices)
    description = models.TextField(_("measure"))
    effect = models.DecimalField(
        _("expected effect"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("In the demand's unit: capacity added, or demand moved (negative: less demand)."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    due = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MeasureStatus.choices, default=MeasureStatus.PLANNED
    )

    class Meta:
        ordering = ["record", "kind", "pk"]
        verbose_name = _("demand measure")
        verbose_name_plural = _("demand measures")

    def __str__(self) -> str:
        return str(self.translated("description"))[:80]


class CaseDecision(models.TextChoices):
    OPEN = "open", _("Open")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    DEFERRED = "deferred", _("Deferred")


class BusinessCase(TranslatedTextMixin, WayfareModel):
    """The case for meeting a need with new or changed products and services: its options side by side
    and the decision, with who took it and when (written by the decision transitions only)."""

    need = models.ForeignKey(
        "catalog.Need", verbose_name=_("need"), on_delete=models.PROTECT, related_name="business_cases"
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    horizon_years = models.PositiveSmallIntegerField(
        _("horizon in years"),
        default=3,
        validators=[MinValueValidator(1)],
        help_text=_("The years the return is counted over."),
    )
    currency = models.CharField(_("currency"), max_length=3, default="BRL")
    chosen = models.ForeignKey(
        "catalog.BusinessCaseOption",
        verbose_name=_("chosen option"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decision = models.CharField(
        _("decision"), max_length=10, choices=CaseDecision.choices, default=CaseDecision.OPEN
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True, editable=False)
    decision_note = models.TextField(_("reasons for the decision"), blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("business case")
        verbose_name_plural = _("business cases")

    def __str__(self) -> str:
        return str(self.translated("title"))

    def clean(self) -> None:
        super().clean()
        if self.chosen_id and self.pk and self.chosen.case_id != self.pk:  # type: ignore[union-attr]
            raise ValidationError({"chosen": _("Choose one of this case's own options.")})


class BusinessCaseOption(TranslatedTextMixin, WayfareModel):
    """One way to meet the need (Table 3.6): what it brings and costs, its risks, how they are mitigated
    and what risk remains; money figures for the return estimate."""

    case = models.ForeignKey(
        BusinessCase, verbose_name=_("business case"), on_delete=models.CASCADE, related_name="options"
    )
    name = models.CharField(_("option"), max_length=200)
    do_nothing = models.BooleanField(_("do nothing"), default=False, help_text=_("Carry on as today."))
    outcomes = models.TextField(_("outcomes"), blank=True)
    costs = models.TextField(_("costs"), blank=True)
    risks = models.TextField(_("risks"), blank=True)
    mitigations = models.TextField(_("mitigations"), blank=True)
    residual_risk = models.TextField(_("residual risk"), blank=True)
    one_off_cost = models.DecimalField(
        _("one-off cost"), max_digits=14, decimal_places=2, default=0, validators=[MinValueValidator(0)]
    )
    yearly_cost = models.DecimalField(
        _("running cost per year"),
        max_digits=14,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    yearly_benefit = models.DecimalField(
        _("benefit per year"), max_digits=14, decimal_places=2, default=0, validators=[MinValueValidator(0)]
    )

    class Meta:
        ordering = ["case", "-do_nothing", "pk"]
        verbose_name = _("business case option")
        verbose_name_plural = _("business case options")

    def __str__(self) -> str:
        return str(self.translated("name"))

    def estimate(self) -> ReturnEstimate:
        return ReturnEstimate.of(self, self.case.horizon_years)


class ReturnEstimate:
    """The return of an option over the case's horizon, with the formula it was computed by:
    ROI = (benefit × years − (one-off cost + running cost × years)) ÷ (one-off cost + running cost × years)."""

    def __init__(
        self, *, years: int, one_off: Decimal, yearly_cost: Decimal, yearly_benefit: Decimal
    ) -> None:
        self.years = years
        self.one_off, self.yearly_cost, self.yearly_benefit = one_off, yearly_cost, yearly_benefit
        self.cost = one_off + yearly_cost * years
        self.benefit = yearly_benefit * years
        self.net = self.benefit - self.cost
        self.roi: Decimal | None = (self.net / self.cost) if self.cost else None
        yearly_net = yearly_benefit - yearly_cost
        self.payback_years: Decimal | None = (one_off / yearly_net) if yearly_net > 0 else None

    @classmethod
    def of(cls, option: Any, years: int) -> ReturnEstimate:
        return cls(
            years=years,
            one_off=Decimal(option.one_off_cost),
            yearly_cost=Decimal(option.yearly_cost),
            yearly_benefit=Decimal(option.yearly_benefit),
        )

    def formula(self) -> str:
        """The formula with this option's numbers in it."""
        cost = f"({self.one_off:,.0f} + {self.years} × {self.yearly_cost:,.0f})"
        text = f"ROI = ({self.years} × {self.yearly_benefit:,.0f} − {cost}) ÷ {cost}"
        return text + (f" = {self.roi * 100:,.0f} %" if self.roi is not None else " = —")
