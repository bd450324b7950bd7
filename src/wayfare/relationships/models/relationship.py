"""The service relationship between a provider and a consumer organisation (seed 003 4.2-4.3; 004 Table
1.2; DOMAIN.md section 2). Either side may be us (the internal organisation running Wayfare): where we
are the consumer, the relationship is a supplier or partner relationship (003 4.4)."""

from __future__ import annotations

import zoneinfo

from django.conf import global_settings, settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wayfare.core.models import TranslatedTextMixin, WayfareModel

__all__ = [
    "JOURNEY_ORDER",
    "JourneyStep",
    "LadderEvidence",
    "LadderStage",
    "ManagerRole",
    "RelationshipStepChange",
    "RelationshipType",
    "ServiceRelationship",
    "TrustKind",
]


class JourneyStep(models.TextChoices):
    """The seven steps of the customer journey (Table 1.1); a relationship moves back and forth."""

    EXPLORE = "explore", _("Explore")
    ENGAGE = "engage", _("Engage")
    OFFER = "offer", _("Offer")
    AGREE = "agree", _("Agree")
    ONBOARD = "onboard", _("Onboard")
    COCREATE = "cocreate", _("Co-create")
    REALIZE = "realize", _("Realize")


JOURNEY_ORDER: dict[str, int] = {value: number for number, value in enumerate(JourneyStep.values, 1)}


class RelationshipType(models.TextChoices):
    """004 Table 1.2: basic, cooperative, partnership."""

    BASIC = "basic", _("Basic")
    COOPERATIVE = "cooperative", _("Cooperative")
    PARTNERSHIP = "partnership", _("Partnership")


class TrustKind(models.TextChoices):
    """003 4.3.2: trust grounded in knowing each other, or in weighing what each side gains and risks."""

    KNOWLEDGE = "knowledge", _("Knowledge-based")
    CALCULUS = "calculus", _("Calculus-based")


class LadderStage(models.IntegerChoices):
    """The service relationship ladder (003 Table 4.7), in order; stages 3 and 4 run alongside Offer and
    Agree."""

    ENVIRONMENT = 1, _("Create an environment where relationships can form")
    TRUST = 2, _("Establish and keep trust")
    PROVIDER_CAPABILITIES = 3, _("Understand the provider's capabilities")
    CONSUMER_NEEDS = 4, _("Understand the consumer's needs")
    READINESS = 5, _("Assess mutual readiness and maturity")


class ManagerRole(models.TextChoices):
    """The relationship manager's part (003 4.2: the BRM metaphors)."""

    CONNECTOR = "connector", _("Connector")
    ORCHESTRATOR = "orchestrator", _("Orchestrator")
    NAVIGATOR = "navigator", _("Navigator")


def _weekdays() -> list[int]:
    return [0, 1, 2, 3, 4]  # Monday to Friday (Python's weekday numbers)


class ServiceRelationship(TranslatedTextMixin, WayfareModel):
    """A provider organisation serving a consumer organisation. Both sides' people see it (it belongs to
    either organisation); its internal notes and the trust kind are the provider staff's own.

    ``counterpart_*`` describe the other side (003 4.1.2, diversity): their time zone, working days,
    holidays and language, which planned contacts respect.

    ``journey_step`` changes only through ``services.relationship.relationship_step_move`` (each move kept
    as a ``RelationshipStepChange``); ``ladder_stage`` climbs through ``ladder_evidence_record``."""

    owner_path = ("consumer", "provider")
    frontstage = True

    name = models.CharField(_("name"), max_length=200)
    provider = models.ForeignKey(
        "parties.Organisation",
        verbose_name=_("provider"),
        on_delete=models.PROTECT,
        related_name="provided_relationships",
    )
    consumer = models.ForeignKey(
        "parties.Organisation",
        verbose_name=_("consumer"),
        on_delete=models.PROTECT,
        related_name="consumed_relationships",
    )
    relationship_type = models.CharField(
        _("relationship type"),
        max_length=20,
        choices=RelationshipType.choices,
        default=RelationshipType.BASIC,
    )
    trust_kind = models.CharField(_("kind of trust"), max_length=20, choices=TrustKind.choices, blank=True)
    journey_step = models.CharField(
        _("journey step"), max_length=20, choices=JourneyStep.choices, default=JourneyStep.ENGAGE
    )
    ladder_stage = models.PositiveSmallIntegerField(
        _("ladder stage"), choices=LadderStage.choices, null=True, blank=True
    )
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("relationship manager"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="managed_relationships",
    )
    manager_role = models.CharField(
        _("manager's role"), max_length=20, choices=ManagerRole.choices, blank=True
    )
    started = models.DateField(_("started"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    internal_notes = models.TextField(_("internal notes"), blank=True)
    counterpart_time_zone = models.CharField(
        _("their time zone"), max_length=64, blank=True, help_text=_("For example America/Sao_Paulo.")
    )
    counterpart_working_days = models.JSONField(
        _("their working days"), default=_weekdays, blank=True, help_text=_("0 is Monday, 6 is Sunday.")
    )
    counterpart_holidays = models.JSONField(
        _("their holidays"), default=list, blank=True, help_text=_("Dates as YYYY-MM-DD.")
    )
    counterpart_language = models.CharField(
        _("their language"), max_length=15, choices=global_settings.LANGUAGES, blank=True
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("service relationship")
        verbose_name_plural = _("service relationships")
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "consumer", "name"],
                name="relationships_relationship_unique",
                violation_error_message=_("These organisations already have a relationship of this name."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def display_counterpart_working_days(self) -> str:
        from django.utils.dates import WEEKDAYS

        days = self.counterpart_working_days or []
        return ", ".join(str(WEEKDAYS[d]) for d in sorted(days) if d in WEEKDAYS)

    def display_counterpart_holidays(self) -> str:
        import datetime

        from django.utils.formats import date_format

        dates = []
        for value in self.counterpart_holidays or []:
            try:
                dates.append(date_format(datetime.date.fromisoformat(str(value)), "SHORT_DATE_FORMAT"))
            except ValueError:
                dates.append(str(value))
        return ", ".join(dates)

    def clean(self) -> None:
        super().clean()
        if self.provider_id and self.provider_id == self.consumer_id:
            raise ValidationError({"consumer": _("An organisation cannot provide a service to itself.")})
        if self.counterpart_time_zone:
            try:
                zoneinfo.ZoneInfo(self.counterpart_time_zone)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                raise ValidationError(
                    {"counterpart_time_zone": _("Not a known time zone (for example Europe/Moscow).")}
                ) from None
        days = self.counterpart_working_days
        if not isinstance(days, list) or any(not isinstance(d, int) or not 0 <= d <= 6 for d in days):
            raise ValidationError(
                {"counterpart_working_days": _("A list of weekday numbers from 0 (Monday) to 6 (Sunday).")}
            )
        holidays = self.counterpart_holidays
        if not isinstance(holidays, list):
            raise ValidationError({"counterpart_holidays": _("A list of dates as YYYY-MM-DD.")})
        import datetime

        for value in holidays:
            try:
                datetime.date.fromisoformat(str(value))
            except ValueError:
                raise ValidationError(
                    {"counterpart_holidays": _("%(value)s is not a date as YYYY-MM-DD.") % {"value": value}}
                ) from None


class RelationshipStepChange(TranslatedTextMixin, WayfareModel):
    """One move of a relationship from one journey step to another (DOMAIN.md section 1: journeys jump
    back and forth and start midway). Written only by ``services.relationship.relationship_step_move``;
    never edited. Backstage: the provider's own account of how the relationship went."""

    owner_path = ("relationship__consumer", "relationship__provider")
    frontstage = False

    relationship = models.ForeignKey(
        ServiceRelationship,
        verbose_name=_("relationship"),
        on_delete=models.CASCADE,
        related_name="step_changes",
    )
    from_step = models.CharField(_("from step"), max_length=20, choices=JourneyStep.choices, blank=True)
    to_step = models.CharField(_("to step"), max_length=20, choices=JourneyStep.choices)
    changed_on = models.DateField(_("changed on"))
    note = models.TextField(_("note"), blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-changed_on", "-pk"]
        verbose_name = _("journey step change")
        verbose_name_plural = _("journey step changes")

    def __str__(self) -> str:
        return f"{self.get_from_step_display() or '—'} → {self.get_to_step_display()}"

    @property
    def note_text(self) -> str:
        """The note in the reader's language (the demo's story has translations)."""
        return str(self.translated("note"))

    @property
    def backwards(self) -> bool:
        """Whether the move went back along the journey (e.g. from Agree to Offer)."""
        return bool(self.from_step) and JOURNEY_ORDER[self.to_step] < JOURNEY_ORDER[self.from_step]


class LadderEvidence(TranslatedTextMixin, WayfareModel):
    """What shows that a relationship reached a stage of the service relationship ladder (003 Table 4.7,
    Figure 4.2): a first meeting, a trust assessment, a capability check, the needs written down, a
    readiness review. Recorded through ``services.relationship.ladder_evidence_record``, which moves the
    relationship up to the stage. Backstage: the provider's working notes."""

    owner_path = ("relationship__consumer", "relationship__provider")
    frontstage = False

    relationship = models.ForeignKey(
        ServiceRelationship,
        verbose_name=_("relationship"),
        on_delete=models.CASCADE,
        related_name="ladder_evidence",
    )
    stage = models.PositiveSmallIntegerField(_("ladder stage"), choices=LadderStage.choices)
    evidence = models.TextField(_("evidence"))
    reached_on = models.DateField(_("reached on"))
    link = models.URLField(_("link"), blank=True, help_text=_("Where the evidence is kept, if online."))

    class Meta:
        ordering = ["relationship", "stage", "reached_on", "pk"]
        verbose_name = _("ladder evidence")
        verbose_name_plural = _("ladder evidence")

    def __str__(self) -> str:
        return f"{self.get_stage_display()} · {self.reached_on}"

    @property
    def evidence_text(self) -> str:
        """The evidence in the reader's language."""
        return str(self.translated("evidence"))
