"""Journey maps (004 2.3.3; DOMAIN.md section 5): stages in order, each tagged with one of the seven journey
steps and with before / during / after the service, holding the customer's actions, thoughts and emotions
per persona; touchpoints and service interactions per stage (004 2.2), frontstage or backstage of the line
of visibility (000 1.2.5), with links between them for alternative paths and loops.

Every child row points at its map directly (``journey_map``), so that the core's versions
(``Resource(versioned=True, version_children=[...])``) snapshot the whole map and a comparison names what
changed in stages, touchpoints, links and emotions alike. The map is written as a whole through
``services.editor.JourneyMapEditor`` (one transaction, one version check).

Who sees what: provider staff by their roles. A consumer's people see a map of their relationship only once
it is published (``published_number``), and then only its published snapshot without the backstage
(``selectors.journey_map_document``); child rows are never frontstage on their own, so no generic page or
API answers a consumer with a stage, touchpoint or comment.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wayfare.core.models import TranslatedTextMixin, WayfareModel
from wayfare.relationships.models import JourneyStep

__all__ = [
    "EMOTION_MAX",
    "EMOTION_MIN",
    "Aspect",
    "Channel",
    "InteractionForm",
    "JourneyMap",
    "JourneyStage",
    "Lane",
    "LinkKind",
    "Phase",
    "StageComment",
    "StageEmotion",
    "Touchpoint",
    "TouchpointKind",
    "TouchpointLink",
    "BACKSTAGE_LANES",
]

EMOTION_MIN, EMOTION_MAX = -3, 3


def _activity_list(value: object) -> None:
    if not isinstance(value, list) or any(not isinstance(a, str) or not a.strip() for a in value):
        raise ValidationError(_("A list of activity names of the map's event log."))


class JourneyMap(TranslatedTextMixin, WayfareModel):
    """A customer journey map of a relationship for one or more personas (004 2.3.3). It is also the
    designed journey of its event log: stages and touchpoints name the log's activities, and journey
    analytics checks the log's cases against it (``analytics`` reads it through ``selectors``)."""

    owner_path = ("relationship__consumer", "relationship__provider")
    frontstage = True
    frontstage_rows = {"published_number__gt": 0}

    name = models.CharField(_("name"), max_length=200)
    relationship = models.ForeignKey(
        "relationships.ServiceRelationship",
        verbose_name=_("relationship"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="journey_maps",
    )
    personas = models.ManyToManyField(
        "journeys.Persona", verbose_name=_("personas"), blank=True, related_name="journey_maps"
    )
    description = models.TextField(_("description"), blank=True)
    scope = models.TextField(
        _("scope"), blank=True, help_text=_("Where the journey starts and where it ends.")
    )
    event_log = models.ForeignKey(
        "analytics.EventLog",
        verbose_name=_("event log"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="journey_maps",
        help_text=_("The observed journeys this map is the reference for."),
    )
    log_filters = models.JSONField(
        _("event log filters"),
        default=dict,
        blank=True,
        help_text=_("The explorer's filters that select the cases this map describes."),
    )
    internal_notes = models.TextField(_("internal notes"), blank=True)
    published_number = models.PositiveIntegerField(
        _("published version"), default=0, editable=False, help_text=_("0 while never published.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("journey map")
        verbose_name_plural = _("journey maps")
        constraints = [
            models.UniqueConstraint(
                fields=["name"],
                name="journeys_journeymap_name_unique",
                violation_error_message=_("A journey map of this name exists already."),
            )
        ]

    def __str__(self) -> str:
        return str(self.translated("name"))


class MapPart(models.Model):
    """A row of a journey map's content (stage, emotion, touchpoint, link, comment). Every save or delete
    moves the map's version (its ``updated``), by whatever way it comes (the editor, a row's own form, the
    API, an import), so an editor open on the map meets the version check (issue #13: two people editing
    one map never lose each other's change). The map's row is updated directly: no history entry of the
    map for a change of one of its rows, which has its own."""

    journey_map_id: int

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().save(*args, **kwargs)
        self._touch_map()

    def delete(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        answer = super().delete(*args, **kwargs)
        self._touch_map()
        return answer

    def _touch_map(self) -> None:
        from django.utils import timezone

        if self.journey_map_id:
            JourneyMap.objects.filter(pk=self.journey_map_id).update(updated=timezone.now())


class Phase(models.TextChoices):
    """Before, during and after the service (004 2.4.1, Stickdorn's sequencing)."""

    BEFORE = "before", _("Before the service")
    DURING = "during", _("During the service")
    AFTER = "after", _("After the service")


class JourneyStage(MapPart, TranslatedTextMixin, WayfareModel):
    """One stage of a journey map, in the map's order (``position``), tagged with a journey step (stages
    may visit the steps in any order) and a phase. ``activities`` are event-log activities that belong to
    the stage itself (besides those of its touchpoints); ``optional``: a case may skip it."""

    journey_map = models.ForeignKey(
        JourneyMap, verbose_name=_("journey map"), on_delete=models.CASCADE, related_name="stages"
    )
    position = models.PositiveIntegerField(_("position"))
    name = models.CharField(_("name"), max_length=200)
    step = models.CharField(_("journey step"), max_length=20, choices=JourneyStep.choices, blank=True)
    phase = models.CharField(_("phase"), max_length=10, choices=Phase.choices, default=Phase.DURING)
    customer_actions = models.TextField(_("customer actions"), blank=True)
    thoughts = models.TextField(_("thoughts"), blank=True)
    pain_points = models.TextField(_("pain points"), blank=True)
    opportunities = models.TextField(_("opportunities"), blank=True)
    moments_of_truth = models.TextField(_("moments of truth"), blank=True)
    duration_minutes = models.PositiveIntegerField(_("designed duration (minutes)"), null=True, blank=True)
    provider_teams = models.TextField(_("provider teams and roles"), blank=True)
    consumer_goals = models.TextField(_("consumer goals"), blank=True)
    provider_goals = models.TextField(_("provider goals"), blank=True)
    data_sources = models.TextField(_("data sources"), blank=True)
    past_improvements = models.TextField(_("past improvements"), blank=True)
    support_processes = models.TextField(_("support processes"), blank=True)
    consumer_waits = models.BooleanField(
        _("the consumer waits here"),
        default=False,
        help_text=_("For the hint: offer a choice while they wait."),
    )
    backstage_notes = models.TextField(_("backstage notes"), blank=True)
    activities = models.JSONField(
        _("event log activities"), default=list, blank=True, validators=[_activity_list]
    )
    optional = models.BooleanField(_("optional"), default=False, help_text=_("A case may skip this stage."))

    class Meta:
        ordering = ["journey_map", "position"]
        verbose_name = _("journey stage")
        verbose_name_plural = _("journey stages")
        constraints = [
            models.UniqueConstraint(fields=["journey_map", "position"], name="journeys_stage_position_unique")
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.translated('name')}"


class StageEmotion(MapPart, WayfareModel):
    """How a persona feels at a stage, from -3 (very bad) to +3 (very good), as it is and as designed to
    be: the points of the emotion curve (004 2.3.3)."""

    journey_map = models.ForeignKey(
        JourneyMap, verbose_name=_("journey map"), on_delete=models.CASCADE, related_name="emotions"
    )
    stage = models.ForeignKey(
        JourneyStage, verbose_name=_("stage"), on_delete=models.CASCADE, related_name="emotions"
    )
    persona = models.ForeignKey(
        "journeys.Persona", verbose_name=_("persona"), on_delete=models.CASCADE, related_name="emotions"
    )
    as_is = models.SmallIntegerField(
        _("as it is"), validators=[MinValueValidator(EMOTION_MIN), MaxValueValidator(EMOTION_MAX)]
    )
    to_be = models.SmallIntegerField(
        _("to be"),
        null=True,
        blank=True,
        validators=[MinValueValidator(EMOTION_MIN), MaxValueValidator(EMOTION_MAX)],
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["journey_map", "stage__position", "persona"]
        verbose_name = _("stage emotion")
        verbose_name_plural = _("stage emotions")
        constraints = [models.UniqueConstraint(fields=["stage", "persona"], name="journeys_emotion_unique")]

    def __str__(self) -> str:
        return f"{self.stage} · {self.persona}: {self.as_is:+d}"

    def clean(self) -> None:
        super().clean()
        if self.stage_id and self.journey_map_id and self.stage.journey_map_id != self.journey_map_id:
            raise ValidationError({"stage": _("The stage belongs to another journey map.")})
        if self.persona_id and self.persona.is_machine:
            raise ValidationError({"persona": _("A machine consumer has no emotions.")})


class Channel(models.TextChoices):
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")
    PORTAL = "portal", _("Portal")
    APP = "app", _("App")
    IN_PERSON = "in_person", _("In person")
    SOCIAL = "social", _("Social media")
    FORUM = "forum", _("Forum")
    ADVERT = "advert", _("Advert")
    CHAT = "chat", _("Chat")
    SMS = "sms", _("Text message")
    CATALOGUE = "catalogue", _("Service catalogue")
    DEVICE = "device", _("Device or vehicle")
    OTHER = "other", _("Other")


class TouchpointKind(models.TextChoices):
    """Not every touchpoint is a service interaction (004 2.2): an advert is met, not co-created."""

    TOUCHPOINT = "touchpoint", _("Touchpoint without interaction")
    INTERACTION = "interaction", _("Service interaction")


class InteractionForm(models.TextChoices):
    """The four forms of a service interaction (004 2.2)."""

    GOODS = "goods", _("Transfer of goods")
    ACCESS = "access", _("Access to resources")
    USE = "use", _("Use of provider resources")
    JOINT = "joint", _("Joint action")


class Lane(models.TextChoices):
    """Where a touchpoint sits on the service blueprint; backstage and support lie below the line of
    visibility and are never shown to a consumer."""

    CUSTOMER = "customer", _("Customer action")
    FRONTSTAGE = "frontstage", _("Frontstage")
    BACKSTAGE = "backstage", _("Backstage")
    SUPPORT = "support", _("Support process")


BACKSTAGE_LANES = (Lane.BACKSTAGE, Lane.SUPPORT)


class Aspect(models.TextChoices):
    """What part of the experience a touchpoint shapes (004 Figure 1.5)."""

    JOURNEY = "journey", _("Journey")
    BRAND = "brand", _("Brand")
    ENVIRONMENT = "environment", _("Environment")


class Touchpoint(MapPart, TranslatedTextMixin, WayfareModel):
    """A touchpoint or service interaction of a stage (004 2.2), in the stage's order. ``third_party``:
    the organisation through which it happens (roadside help by a partner). ``expected=False`` marks a
    surprise (a step the consumer did not expect); ``offers_choice`` a point where they choose."""

    journey_map = models.ForeignKey(
        JourneyMap, verbose_name=_("journey map"), on_delete=models.CASCADE, related_name="touchpoints"
    )
    stage = models.ForeignKey(
        JourneyStage, verbose_name=_("stage"), on_delete=models.CASCADE, related_name="touchpoints"
    )
    position = models.PositiveIntegerField(_("position"))
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    channel = models.CharField(_("channel"), max_length=12, choices=Channel.choices, default=Channel.OTHER)
    kind = models.CharField(
        _("kind"), max_length=12, choices=TouchpointKind.choices, default=TouchpointKind.INTERACTION
    )
    interaction_form = models.CharField(
        _("form of interaction"), max_length=10, choices=InteractionForm.choices, blank=True
    )
    lane = models.CharField(_("lane"), max_length=12, choices=Lane.choices, default=Lane.FRONTSTAGE)
    third_party = models.ForeignKey(
        "parties.Organisation",
        verbose_name=_("third party"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    aspect = models.CharField(_("aspect"), max_length=12, choices=Aspect.choices, default=Aspect.JOURNEY)
    expected = models.BooleanField(_("the consumer expects it"), default=True)
    offers_choice = models.BooleanField(_("offers the consumer a choice"), default=False)
    activities = models.JSONField(
        _("event log activities"), default=list, blank=True, validators=[_activity_list]
    )

    class Meta:
        ordering = ["journey_map", "stage__position", "position"]
        verbose_name = _("touchpoint")
        verbose_name_plural = _("touchpoints")
        constraints = [
            models.UniqueConstraint(fields=["stage", "position"], name="journeys_touchpoint_position_unique")
        ]

    def __str__(self) -> str:
        return str(self.translated("name"))

    @property
    def is_backstage(self) -> bool:
        return self.lane in BACKSTAGE_LANES

    def clean(self) -> None:
        super().clean()
        if self.stage_id and self.journey_map_id and self.stage.journey_map_id != self.journey_map_id:
            raise ValidationError({"stage": _("The stage belongs to another journey map.")})
        if self.kind == TouchpointKind.TOUCHPOINT and self.interaction_form:
            raise ValidationError(
                {"interaction_form": _("A touchpoint without interaction has no form of interaction.")}
            )


class LinkKind(models.TextChoices):
    NEXT = "next", _("Then")
    ALTERNATIVE = "alternative", _("Alternative path")
    LOOP = "loop", _("Loop back")


class TouchpointLink(MapPart, TranslatedTextMixin, WayfareModel):
    """A path between two touchpoints of a map: journeys are not linear (004 2.2), so a map draws
    alternatives and loops besides the stages' order."""

    journey_map = models.ForeignKey(
        JourneyMap, verbose_name=_("journey map"), on_delete=models.CASCADE, related_name="links"
    )
    source = models.ForeignKey(
        Touchpoint, verbose_name=_("from"), on_delete=models.CASCADE, related_name="links_out"
    )
    target = models.ForeignKey(
        Touchpoint, verbose_name=_("to"), on_delete=models.CASCADE, related_name="links_in"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=LinkKind.choices, default=LinkKind.ALTERNATIVE)
    label = models.CharField(_("label"), max_length=200, blank=True)

    class Meta:
        ordering = ["journey_map", "pk"]
        verbose_name = _("touchpoint link")
        verbose_name_plural = _("touchpoint links")
        constraints = [models.UniqueConstraint(fields=["source", "target"], name="journeys_link_unique")]

    def __str__(self) -> str:
        return f"{self.source} → {self.target}"

    def clean(self) -> None:
        super().clean()
        if self.source_id and self.source_id == self.target_id:
            raise ValidationError({"target": _("A link joins two different touchpoints.")})
        for name in ("source", "target"):
            touchpoint = getattr(self, name, None) if getattr(self, f"{name}_id") else None
            if touchpoint is not None and touchpoint.journey_map_id != self.journey_map_id:
                raise ValidationError({name: _("The touchpoint belongs to another journey map.")})


class StageComment(MapPart, WayfareModel):
    """A comment on a stage by someone working on the map: provider staff only, never on a consumer's
    view of the map."""

    journey_map = models.ForeignKey(
        JourneyMap, verbose_name=_("journey map"), on_delete=models.CASCADE, related_name="comments"
    )
    stage = models.ForeignKey(
        JourneyStage, verbose_name=_("stage"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    text = models.TextField(_("comment"))
    resolved = models.BooleanField(_("resolved"), default=False)

    class Meta:
        ordering = ["journey_map", "stage__position", "created"]
        verbose_name = _("stage comment")
        verbose_name_plural = _("stage comments")

    def __str__(self) -> str:
        return self.text[:60]
