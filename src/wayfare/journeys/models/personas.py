"""Personas, the research they rest on, their aspirations, scenarios and culture profiles (004 2.1, 2.3.1,
2.3.2, 2.4.3). All backstage: the provider's design material. A consumer's people meet a persona only by
name, on a published journey map of their relationship."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wayfare.core.models import TranslatedTextMixin, WayfareModel

__all__ = [
    "CULTURE_SCALES",
    "HUMAN_ONLY_FIELDS",
    "PERSONA_TEXT_FIELDS",
    "AspirationKind",
    "CultureProfile",
    "Persona",
    "PersonaAspiration",
    "PersonaResearch",
    "ResearchKind",
    "Scenario",
]

# The thirteen fields of the story's persona (004 2.3.1), in the order a persona card shows them.
PERSONA_TEXT_FIELDS = (
    "responsibilities",
    "goals",
    "needs",
    "family",
    "typical_day",
    "pain_points",
    "touchpoints",
    "constraints",
    "channels",
    "online_behaviour",
    "looking_for",
    "influences",
    "hopes_and_dreams",
)
# Fields about feelings and private life that do not apply to a machine consumer (004 2.3.1).
HUMAN_ONLY_FIELDS = ("family", "typical_day", "online_behaviour", "influences", "hopes_and_dreams")


class Persona(TranslatedTextMixin, WayfareModel):
    """A fictional but realistic archetype of a group of customers or users, drawn from research
    (004 2.3.1). ``segment`` names the group it stands for. A persona may be a machine (a microservice
    consuming an API): then emotions and private-life fields do not apply."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    segment = models.CharField(
        _("segment"),
        max_length=200,
        blank=True,
        help_text=_("The group of customers or users it stands for."),
    )
    summary = models.TextField(_("in their own words"), blank=True)
    is_machine = models.BooleanField(
        _("machine consumer"),
        default=False,
        help_text=_("A system or service rather than a person: emotions and private life do not apply."),
    )
    picture = models.ImageField(_("picture"), upload_to="personas/", blank=True, max_length=300)
    relationship = models.ForeignKey(
        "relationships.ServiceRelationship",
        verbose_name=_("relationship"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="personas",
    )
    responsibilities = models.TextField(_("responsibilities"), blank=True)
    goals = models.TextField(_("goals"), blank=True)
    needs = models.TextField(_("needs"), blank=True)
    family = models.TextField(_("family"), blank=True)
    typical_day = models.TextField(_("typical day"), blank=True)
    pain_points = models.TextField(_("pain points"), blank=True)
    touchpoints = models.TextField(_("touchpoints"), blank=True)
    constraints = models.TextField(_("constraints"), blank=True)
    channels = models.TextField(_("communication channels"), blank=True)
    online_behaviour = models.TextField(_("online behaviour"), blank=True)
    looking_for = models.TextField(_("looking for"), blank=True)
    influences = models.TextField(_("influences"), blank=True)
    hopes_and_dreams = models.TextField(_("hopes and dreams"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("persona")
        verbose_name_plural = _("personas")

    def __str__(self) -> str:
        return str(self.translated("name"))

    def clean(self) -> None:
        super().clean()
        if self.is_machine:
            filled = [f for f in HUMAN_ONLY_FIELDS if getattr(self, f)]
            if filled:
                raise ValidationError(
                    {f: _("A machine consumer has no such field: leave it empty.") for f in filled}
                )


class AspirationKind(models.TextChoices):
    """Why stakeholders choose what they choose (004 2.1)."""

    FUNCTIONAL = "functional", _("Functional")
    SOCIAL = "social", _("Social")
    EMOTIONAL = "emotional", _("Emotional")


class PersonaAspiration(TranslatedTextMixin, WayfareModel):
    """One aspiration of a persona, tagged functional, social or emotional (004 2.1)."""

    persona = models.ForeignKey(
        Persona, verbose_name=_("persona"), on_delete=models.CASCADE, related_name="aspirations"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=AspirationKind.choices)
    text = models.CharField(_("aspiration"), max_length=500)

    class Meta:
        ordering = ["persona", "kind", "pk"]
        verbose_name = _("persona aspiration")
        verbose_name_plural = _("persona aspirations")

    def __str__(self) -> str:
        return str(self.translated("text"))


class ResearchKind(models.TextChoices):
    INTERVIEW = "interview", _("Interview")
    SURVEY = "survey", _("Survey")
    DATA = "data", _("Data source")
    OBSERVATION = "observation", _("Observation")
    TRIAL = "trial", _("Trying the service as a customer")


class PersonaResearch(TranslatedTextMixin, WayfareModel):
    """Research a persona rests on (004 2.3.1: personas are drawn from data and interviews)."""

    persona = models.ForeignKey(
        Persona, verbose_name=_("persona"), on_delete=models.CASCADE, related_name="research"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=ResearchKind.choices)
    title = models.CharField(_("title"), max_length=300)
    link = models.URLField(_("link"), max_length=500, blank=True)
    held_on = models.DateField(_("date"), null=True, blank=True)
    findings = models.TextField(_("findings"), blank=True)

    class Meta:
        ordering = ["persona", "-held_on", "pk"]
        verbose_name = _("persona research")
        verbose_name_plural = _("persona research")

    def __str__(self) -> str:
        return str(self.translated("title"))


class Scenario(TranslatedTextMixin, WayfareModel):
    """A short story of a persona reaching a goal with the service in a context (004 2.3.2): who, why,
    goal, how. It feeds a journey map; several scenarios may be merged into one high-level map."""

    name = models.CharField(_("name"), max_length=200)
    persona = models.ForeignKey(
        Persona, verbose_name=_("persona"), on_delete=models.PROTECT, related_name="scenarios"
    )
    journey_map = models.ForeignKey(
        "journeys.JourneyMap",
        verbose_name=_("journey map"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="scenarios",
    )
    position = models.PositiveIntegerField(_("position"), default=1)
    who = models.TextField(_("who"), blank=True)
    why = models.TextField(_("why they need the service"), blank=True)
    goal = models.TextField(_("goal"), blank=True)
    how = models.TextField(_("how they reach it"), blank=True)
    context = models.TextField(_("context"), blank=True)

    class Meta:
        ordering = ["persona", "position", "name"]
        verbose_name = _("scenario")
        verbose_name_plural = _("scenarios")
        constraints = [
            models.UniqueConstraint(
                fields=["persona", "name"],
                name="journeys_scenario_unique",
                violation_error_message=_("This persona already has a scenario of this name."),
            )
        ]

    def __str__(self) -> str:
        return str(self.translated("name"))


# Erin Meyer's eight scales (The Culture Map, 2014; Figure 2.5 shows them only as a picture): each runs
# from the first pole (1) to the second (10).
CULTURE_SCALES = (
    ("communicating", _("Communicating"), _("Low-context"), _("High-context")),
    ("evaluating", _("Evaluating"), _("Direct negative feedback"), _("Indirect negative feedback")),
    ("persuading", _("Persuading"), _("Principles first"), _("Applications first")),
    ("leading", _("Leading"), _("Egalitarian"), _("Hierarchical")),
    ("deciding", _("Deciding"), _("Consensual"), _("Top-down")),
    ("trusting", _("Trusting"), _("Task-based"), _("Relationship-based")),
    ("disagreeing", _("Disagreeing"), _("Confrontational"), _("Avoids confrontation")),
    ("scheduling", _("Scheduling"), _("Linear time"), _("Flexible time")),
)
_SCALE = [MinValueValidator(1), MaxValueValidator(10)]


class CultureProfile(TranslatedTextMixin, WayfareModel):
    """Where a group of users stands on the eight culture scales (004 2.4.3, Figure 2.5), for a persona or
    a segment; two profiles are compared on one chart."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    persona = models.ForeignKey(
        Persona,
        verbose_name=_("persona"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="culture_profiles",
    )
    segment = models.CharField(_("segment"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    communicating = models.PositiveSmallIntegerField(_("communicating"), validators=_SCALE, default=5)
    evaluating = models.PositiveSmallIntegerField(_("evaluating"), validators=_SCALE, default=5)
    persuading = models.PositiveSmallIntegerField(_("persuading"), validators=_SCALE, default=5)
    leading = models.PositiveSmallIntegerField(_("leading"), validators=_SCALE, default=5)
    deciding = models.PositiveSmallIntegerField(_("deciding"), validators=_SCALE, default=5)
    trusting = models.PositiveSmallIntegerField(_("trusting"), validators=_SCALE, default=5)
    disagreeing = models.PositiveSmallIntegerField(_("disagreeing"), validators=_SCALE, default=5)
    scheduling = models.PositiveSmallIntegerField(_("scheduling"), validators=_SCALE, default=5)

    class Meta:
        ordering = ["name"]
        verbose_name = _("culture profile")
        verbose_name_plural = _("culture profiles")

    def __str__(self) -> str:
        return str(self.translated("name"))

    def clean(self) -> None:
        super().clean()
        if not self.persona_id and not self.segment:
            raise ValidationError({"segment": _("Name the persona or the segment this profile describes.")})
