"""Service offerings (seed 001; DOMAIN.md section 4): a formal description of services for a target
consumer group, made of goods, access to resources and service actions, with its charges and its effect
on the consumer's outcomes, costs and risks (003 Table 4.12's shape). An offering is published only when
the needs it serves are stated (002 step 3); a risk it imposes is accepted only by the customer, and the
acceptance is recorded (003 4.3.1.1)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wayfare.core.models import TranslatedTextMixin, WayfareModel

__all__ = [
    "Charge",
    "ChargeUnit",
    "CostKind",
    "EffectCategory",
    "EffectDirection",
    "ElementKind",
    "Level",
    "OfferingEffect",
    "OfferingElement",
    "OfferingState",
    "Party",
    "RiskAcceptance",
    "ServiceOffering",
]


class OfferingState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ServiceOffering(TranslatedTextMixin, WayfareModel):
    """What a target consumer group is offered of a service. The consumers it is meant for
    (``target_organisations``) see it in their catalogue once it is published."""

    owner_path = "target_organisations"
    frontstage = True
    frontstage_rows = {"state": OfferingState.PUBLISHED}

    name = models.CharField(_("name"), max_length=200, unique=True)
    service = models.ForeignKey(
        "catalog.Service", verbose_name=_("service"), on_delete=models.PROTECT, related_name="offerings"
    )
    target_group = models.CharField(
        _("target consumer group"),
        max_length=300,
        help_text=_("Who it is for: a segment or a kind of consumer."),
    )
    target_organisations = models.ManyToManyField(
        "parties.Organisation",
        verbose_name=_("offered to"),
        blank=True,
        related_name="offerings",
        help_text=_("The consumer organisations that see it in their catalogue once it is published."),
    )
    needs = models.ManyToManyField(
        "catalog.Need", verbose_name=_("needs it serves"), blank=True, related_name="offerings"
    )
    state = models.CharField(
        _("state"), max_length=10, choices=OfferingState.choices, default=OfferingState.DRAFT
    )
    published_on = models.DateField(_("published on"), null=True, blank=True, editable=False)
    summary = models.TextField(_("summary"), blank=True)
    what_it_does = models.TextField(_("what it does"), blank=True, help_text=_("In the user's words."))
    how_to_ask = models.TextField(
        _("how to ask for it"), blank=True, help_text=_("Where and how users request it.")
    )
    performance = models.TextField(
        _("performance"),
        blank=True,
        help_text=_("How well it has performed: figures a customer can judge it by."),
    )
    constraints = models.TextField(
        _("risks and constraints"),
        blank=True,
        help_text=_("Stated, never hidden: limits, exclusions, dependencies."),
    )
    technical = models.TextField(
        _("technical interfaces"),
        blank=True,
        help_text=_("For IT-to-IT: interfaces, data exchanged, integration."),
    )
    internal_notes = models.TextField(_("internal notes"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("service offering")
        verbose_name_plural = _("service offerings")

    def __str__(self) -> str:
        return str(self.translated("name"))


class ElementKind(models.TextChoices):
    GOODS = "goods", _("Goods: transferred to the consumer")
    ACCESS = "access", _("Access to resources: the provider keeps control")
    ACTION = "action", _("Service action: done by the provider")


class OfferingElement(TranslatedTextMixin, WayfareModel):
    """One part of an offering: goods, access to resources or a service action."""

    owner_path = "offering__target_organisations"
    frontstage = True
    frontstage_rows = {"offering__state": OfferingState.PUBLISHED}

    offering = models.ForeignKey(
        ServiceOffering, verbose_name=_("offering"), on_delete=models.CASCADE, related_name="elements"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ElementKind.choices)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    product = models.ForeignKey(
        "catalog.Product",
        verbose_name=_("product"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offering_elements",
    )

    class Meta:
        ordering = ["offering", "kind", "pk"]
        verbose_name = _("offering element")
        verbose_name_plural = _("offering elements")

    def __str__(self) -> str:
        return str(self.translated("name"))


class ChargeUnit(models.TextChoices):
    ONE_OFF = "one_off", _("once")
    PER_USE = "per_use", _("per use")
    PER_HOUR = "per_hour", _("per hour")
    PER_DAY = "per_day", _("per day")
    PER_MONTH = "per_month", _("per month")
    PER_YEAR = "per_year", _("per year")
    PER_USER_MONTH = "per_user_month", _("per user and month")


class Charge(TranslatedTextMixin, WayfareModel):
    """A price of an offering. Cost figures are for sponsors and customers, never for users: consumers
    read charges through the catalogue's audience views only (``selectors.catalogue``)."""

    offering = models.ForeignKey(
        ServiceOffering, verbose_name=_("offering"), on_delete=models.CASCADE, related_name="charges"
    )
    name = models.CharField(_("name"), max_length=200)
    amount = models.DecimalField(
        _("amount"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    currency = models.CharField(
        _("currency"),
        max_length=3,
        default="BRL",
        validators=[
            RegexValidator(r"^[A-Z]{3}$", _("A currency is three capital letters (ISO 4217), such as BRL."))
        ],
    )
    unit = models.CharField(_("unit"), max_length=16, choices=ChargeUnit.choices, default=ChargeUnit.PER_USE)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["offering", "pk"]
        verbose_name = _("charge")
        verbose_name_plural = _("charges")

    def __str__(self) -> str:
        return f"{self.translated('name')}: {self.amount} {self.currency} {self.get_unit_display()}"


class EffectCategory(models.TextChoices):
    OUTCOME = "outcome", _("Outcome")
    COST = "cost", _("Cost")
    RISK = "risk", _("Risk")


class EffectDirection(models.TextChoices):
    SUPPORTED = "supported", _("Supported")
    AFFECTED = "affected", _("Affected")
    REMOVED = "removed", _("Removed from the consumer")
    INTRODUCED = "introduced", _("Imposed on the consumer")


# Which directions each category takes (Table 4.12: outcomes supported or affected; risks and costs
# removed or introduced).
DIRECTIONS = {
    EffectCategory.OUTCOME: (EffectDirection.SUPPORTED, EffectDirection.AFFECTED),
    EffectCategory.COST: (EffectDirection.REMOVED, EffectDirection.INTRODUCED),
    EffectCategory.RISK: (EffectDirection.REMOVED, EffectDirection.INTRODUCED),
}


class CostKind(models.TextChoices):
    MONEY = "money", _("Money")
    TIME = "time", _("Time")
    RESOURCES = "resources", _("Resources")


class Party(models.TextChoices):
    CONSUMER = "consumer", _("The consumer")
    PROVIDER = "provider", _("The provider")
    PARTNER = "partner", _("A partner or supplier")


class Level(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class OfferingEffect(TranslatedTextMixin, WayfareModel):
    """What an offering does to a consumer's outcomes, costs or risks. A cost counts money, time or
    resources, of whichever party bears it (000 1.2.6). Read by consumers through the catalogue only."""

    offering = models.ForeignKey(
        ServiceOffering, verbose_name=_("offering"), on_delete=models.CASCADE, related_name="effects"
    )
    category = models.CharField(_("category"), max_length=10, choices=EffectCategory.choices)
    direction = models.CharField(_("effect"), max_length=12, choices=EffectDirection.choices)
    description = models.TextField(_("description"))
    cost_kind = models.CharField(_("kind of cost"), max_length=10, choices=CostKind.choices, blank=True)
    amount = models.DecimalField(
        _("amount"), max_digits=12, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    amount_unit = models.CharField(
        _("amount unit"), max_length=40, blank=True, help_text=_("BRL per month, hours per week, people…")
    )
    borne_by = models.CharField(_("borne by"), max_length=10, choices=Party.choices, blank=True)
    borne_by_organisation = models.ForeignKey(
        "parties.Organisation",
        verbose_name=_("organisation bearing it"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    likelihood = models.CharField(_("likelihood"), max_length=8, choices=Level.choices, blank=True)
    impact = models.CharField(_("impact"), max_length=8, choices=Level.choices, blank=True)
    mitigation = models.TextField(_("mitigation"), blank=True)

    class Meta:
        ordering = ["offering", "category", "direction", "pk"]
        verbose_name = _("outcome, cost or risk")
        verbose_name_plural = _("outcomes, costs and risks")

    def __str__(self) -> str:
        return f"{self.get_category_display()} · {self.get_direction_display()}: {str(self.translated('description'))[:60]}"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, Any] = {}
        allowed = DIRECTIONS.get(self.category, ())  # type: ignore[call-overload]
        if self.category and self.direction and self.direction not in allowed:
            errors["direction"] = _("%(category)s takes one of: %(allowed)s.") % {
                "category": self.get_category_display(),
                "allowed": ", ".join(str(d.label) for d in allowed),
            }
        if self.category == EffectCategory.COST:
            if not self.cost_kind:
                errors["cost_kind"] = _("Say whether the cost is money, time or resources.")
            if not self.borne_by:
                errors["borne_by"] = _("Say which party bears the cost.")
        else:
            if self.cost_kind or self.amount is not None:
                errors["cost_kind"] = _("Only a cost has a kind and an amount.")
        if self.category != EffectCategory.RISK and (self.likelihood or self.impact):
            errors["likelihood"] = _("Only a risk has a likelihood and an impact.")
        if errors:
            raise ValidationError(errors)

    @property
    def needs_acceptance(self) -> bool:
        """A risk the offering imposes on the consumer: the customer must accept it."""
        return self.category == EffectCategory.RISK and self.direction == EffectDirection.INTRODUCED


class RiskAcceptance(TranslatedTextMixin, WayfareModel):
    """A customer's acceptance of a risk an offering imposes, for their organisation (003 4.3.1.1: only
    the customer decides which risks the consumer accepts). Written only by ``risk_accept``."""

    owner_path = "organisation"
    frontstage = True

    effect = models.ForeignKey(
        OfferingEffect, verbose_name=_("risk"), on_delete=models.CASCADE, related_name="acceptances"
    )
    organisation = models.ForeignKey(
        "parties.Organisation",
        verbose_name=_("consumer organisation"),
        on_delete=models.PROTECT,
        related_name="risk_acceptances",
    )
    person = models.ForeignKey(
        "parties.Person",
        verbose_name=_("accepted by"),
        on_delete=models.PROTECT,
        related_name="risk_acceptances",
    )
    accepted_on = models.DateField(_("accepted on"))
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-accepted_on", "pk"]
        verbose_name = _("risk acceptance")
        verbose_name_plural = _("risk acceptances")
        constraints = [
            models.UniqueConstraint(
                fields=["effect", "organisation"],
                name="catalog_riskacceptance_unique",
                violation_error_message=_("This organisation has accepted this risk already."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.organisation} · {self.accepted_on}"
