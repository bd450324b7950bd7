"""Stakeholders and the stakeholder map (issue #12 section 2; DOMAIN.md section 2).

A stakeholder is anyone who contributes to, gains from or sways a service relationship (seed 004 1.x and
3.1.1; the typical internal and external stakeholders of 004 Table 3.2). Each is placed on a grid by its
influence and its interest (1 to 5); the place gives the approach to take with it. Positions change over
the journey, so every re-assessment is kept as a ``StakeholderPosition`` with its date.

The map is the provider's own analysis: it is backstage, the consumer's people never see any of it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wayfare.core.models import TranslatedTextMixin, WayfareModel

__all__ = [
    "HIGH_FROM",
    "SCALE",
    "Stakeholder",
    "StakeholderApproach",
    "StakeholderCategory",
    "StakeholderKind",
    "StakeholderPosition",
    "StakeholderSide",
    "approach_for",
]

SCALE = (1, 5)
# On the 1-5 scale, 3 and above count as high: the middle of the scale is taken seriously (a stakeholder
# with middling influence is not one to leave to "monitor").
HIGH_FROM = 3


class StakeholderKind(models.TextChoices):
    PERSON = "person", _("Person")
    ORGANISATION = "organisation", _("Organisation")
    GROUP = "group", _("Group")


class StakeholderSide(models.TextChoices):
    """Inside our own organisation, or outside it (004 Table 3.2's two columns)."""

    INTERNAL = "internal", _("Internal")
    EXTERNAL = "external", _("External")


class StakeholderCategory(models.TextChoices):
    """Typical stakeholders (004 Table 3.2), in our words; the first group is internal, the second
    external. ``other`` fits either side."""

    OWNER = "owner", _("Owner or shareholder")
    BOARD = "board", _("Board")
    EXECUTIVE = "executive", _("Senior decision maker")
    MANAGER = "manager", _("Manager")
    EMPLOYEE = "employee", _("Employee")
    INTERNAL_USER = "internal_user", _("User inside the organisation")
    UNION = "union", _("Trade union or staff body")
    INTERNAL_CUSTOMER = "internal_customer", _("Internal customer")
    INTERNAL_SUPPLIER = "internal_supplier", _("Internal supplier")
    SUPPORT_FUNCTION = "support_function", _("Legal, HR or security")
    GOVERNANCE = "governance", _("Governance, risk and compliance")
    CUSTOMER = "customer", _("Customer outside the organisation")
    SUPPLIER = "supplier", _("Supplier")
    PARTNER = "partner", _("Partner")
    INTEREST_GROUP = "interest_group", _("Special interest group")
    REGULATOR = "regulator", _("Regulator")
    COMMUNITY = "community", _("Community")
    PUBLIC = "public", _("The public")
    MEDIA = "media", _("Media")
    COMPETITOR = "competitor", _("Competitor")
    OTHER = "other", _("Other")


INTERNAL_CATEGORIES = frozenset(
    {"owner", "board", "executive", "manager", "employee", "internal_user", "union", "internal_customer"}
    | {"internal_supplier", "support_function", "governance"}
)
EXTERNAL_CATEGORIES = frozenset(
    {"customer", "supplier", "partner", "interest_group", "regulator", "community", "public", "media"}
    | {"competitor"}
)


class StakeholderApproach(models.TextChoices):
    """What to do with a stakeholder, from its place on the grid (influence x interest)."""

    MANAGE_CLOSELY = "manage_closely", _("Manage closely")
    KEEP_SATISFIED = "keep_satisfied", _("Keep satisfied")
    KEEP_INFORMED = "keep_informed", _("Keep informed")
    MONITOR = "monitor", _("Monitor")


def approach_for(influence: int, interest: int) -> str:
    """The approach for a place on the grid: high influence and high interest, manage closely; high
    influence only, keep satisfied; high interest only, keep informed; neither, monitor. ``HIGH_FROM`` (3,
    the middle of the scale) counts as high."""
    strong, keen = influence >= HIGH_FROM, interest >= HIGH_FROM
    if strong and keen:
        return StakeholderApproach.MANAGE_CLOSELY
    if strong:
        return StakeholderApproach.KEEP_SATISFIED
    if keen:
        return StakeholderApproach.KEEP_INFORMED
    return StakeholderApproach.MONITOR


def _scale(label: Any) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        label,
        validators=[MinValueValidator(SCALE[0]), MaxValueValidator(SCALE[1])],
        help_text=_("From 1 (lowest) to 5 (highest); 3 and above count as high."),
    )


class Stakeholder(TranslatedTextMixin, WayfareModel):
    """A stakeholder of a service relationship or, with no relationship, of our own organisation as a
    whole (our own stakeholder map). A person, an organisation or a group; it may name the person or
    organisation it stands for among the parties. ``influence`` and ``interest`` are the current
    position (the latest ``StakeholderPosition``); ``approach`` is derived from them and stored for
    filtering. Aspirations follow 004 2.1: what it needs done (functional), how it wants to be seen
    (social) and how it wants to feel (emotional)."""

    owner_path = ("relationship__consumer", "relationship__provider")
    frontstage = False

    relationship = models.ForeignKey(
        "relationships.ServiceRelationship",
        verbose_name=_("relationship"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="stakeholders",
        help_text=_("Empty: a stakeholder of our own organisation as a whole."),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=20, choices=StakeholderKind.choices, default=StakeholderKind.PERSON
    )
    person = models.ForeignKey(
        "parties.Person",
        verbose_name=_("person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="stakeholder_roles",
    )
    organisation = models.ForeignKey(
        "parties.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="stakeholder_roles",
    )
    side = models.CharField(
        _("inside or outside"),
        max_length=10,
        choices=StakeholderSide.choices,
        default=StakeholderSide.EXTERNAL,
    )
    category = models.CharField(
        _("category"), max_length=30, choices=StakeholderCategory.choices, default=StakeholderCategory.OTHER
    )
    functional_aspiration = models.TextField(
        _("functional aspiration"), blank=True, help_text=_("What they need the service to get done.")
    )
    social_aspiration = models.TextField(
        _("social aspiration"), blank=True, help_text=_("How they want to be seen by others.")
    )
    emotional_aspiration = models.TextField(
        _("emotional aspiration"), blank=True, help_text=_("How they want to feel.")
    )
    influence = _scale(_("influence"))
    interest = _scale(_("interest"))
    approach = models.CharField(
        _("approach"), max_length=20, choices=StakeholderApproach.choices, editable=False
    )
    revisit_by = models.DateField(_("revisit by"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["relationship__name", "name"]
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.side == StakeholderSide.INTERNAL and self.category in EXTERNAL_CATEGORIES:
            raise ValidationError(
                {"category": _("This category is for stakeholders outside the organisation.")}
            )
        if self.side == StakeholderSide.EXTERNAL and self.category in INTERNAL_CATEGORIES:
            raise ValidationError(
                {"category": _("This category is for stakeholders inside the organisation.")}
            )
        if self.kind != StakeholderKind.PERSON and self.person_id:
            raise ValidationError({"person": _("Only a stakeholder who is a person names a person.")})
        if self.influence and self.interest:
            self.approach = approach_for(self.influence, self.interest)


class StakeholderPosition(TranslatedTextMixin, WayfareModel):
    """One assessment of a stakeholder's influence and interest on a date: the history of its place on
    the map (DOMAIN.md section 2: positions change during the journey, keep them). Written by
    ``stakeholder_reassess``; the latest one is the stakeholder's current position."""

    owner_path = ("stakeholder__relationship__consumer", "stakeholder__relationship__provider")
    frontstage = False

    stakeholder = models.ForeignKey(
        Stakeholder, verbose_name=_("stakeholder"), on_delete=models.CASCADE, related_name="positions"
    )
    assessed_on = models.DateField(_("assessed on"))
    influence = _scale(_("influence"))
    interest = _scale(_("interest"))
    approach = models.CharField(
        _("approach"), max_length=20, choices=StakeholderApproach.choices, editable=False
    )
    note = models.TextField(_("note"), blank=True, help_text=_("Why the position changed."))
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assessed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        ordering = ["stakeholder", "-assessed_on", "-pk"]
        verbose_name = _("stakeholder position")
        verbose_name_plural = _("stakeholder positions")

    def __str__(self) -> str:
        return str(
            _("%(stakeholder)s on %(date)s") % {"stakeholder": self.stakeholder, "date": self.assessed_on}
        )

    def clean(self) -> None:
        super().clean()
        if self.influence and self.interest:
            self.approach = approach_for(self.influence, self.interest)
