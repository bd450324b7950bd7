"""Reviewing and designing a journey (004 2.3.4, 2.4.1, Figure 2.4): the eight customer-experience
questions as a checklist per map, design work along the design-thinking stages and Stickdorn's five
principles, and the Johari window of a relationship or journey. All backstage."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wayfare.core.models import TranslatedTextMixin, WayfareModel

__all__ = [
    "CxQuestion",
    "DesignPrinciple",
    "DesignStage",
    "DesignWork",
    "JohariEntry",
    "JohariPane",
    "MapReviewAnswer",
    "ReviewStatus",
    "WorkStatus",
]


class CxQuestion(models.TextChoices):
    """The eight questions to ask of a customer experience (004 2.3.4), in our words."""

    DOING = "doing", _("What is the customer doing at each stage?")
    MOTIVATION = "motivation", _("What moves them on to the next stage, or holds them back?")
    EMOTIONS = "emotions", _("Which emotions does each stage stir?")
    QUESTIONS = "questions", _("Which questions do they struggle to find answers to?")
    ANXIETY = "anxiety", _("When do they feel anxious?")
    ABANDON = "abandon", _("What uncertainty could make them give up and go to another provider?")
    BARRIERS = "barriers", _("Which obstacles do they meet at each stage?")
    COST_RISK = "cost_risk", _("What costs and risks weigh on them?")


class ReviewStatus(models.TextChoices):
    OPEN = "open", _("Not answered")
    ANSWERED = "answered", _("Answered")
    ACTION = "action", _("Needs action")


class MapReviewAnswer(TranslatedTextMixin, WayfareModel):
    """The answer of a map's review to one of the eight customer-experience questions."""

    journey_map = models.ForeignKey(
        "journeys.JourneyMap", verbose_name=_("journey map"), on_delete=models.CASCADE, related_name="review"
    )
    question = models.CharField(_("question"), max_length=12, choices=CxQuestion.choices)
    answer = models.TextField(_("answer"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.OPEN
    )
    stage = models.ForeignKey(
        "journeys.JourneyStage",
        verbose_name=_("stage"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The stage the answer is mostly about, if one."),
    )

    class Meta:
        ordering = ["journey_map", "question"]
        verbose_name = _("review answer")
        verbose_name_plural = _("review answers")
        constraints = [
            models.UniqueConstraint(fields=["journey_map", "question"], name="journeys_review_unique")
        ]

    def __str__(self) -> str:
        return str(self.get_question_display())


class DesignStage(models.TextChoices):
    """The design-thinking stages of the Hasso Plattner Institute of Design (004 2.4.1)."""

    EMPATHISE = "empathise", _("Empathise")
    DEFINE = "define", _("Define")
    IDEATE = "ideate", _("Ideate")
    PROTOTYPE = "prototype", _("Prototype")
    TEST = "test", _("Test")


class DesignPrinciple(models.TextChoices):
    """Stickdorn's five principles of service design thinking (004 2.4.1)."""

    USER_CENTRED = "user_centred", _("User-centred")
    CO_CREATIVE = "co_creative", _("Co-creative")
    SEQUENCING = "sequencing", _("Sequencing")
    EVIDENCING = "evidencing", _("Evidencing")
    HOLISTIC = "holistic", _("Holistic")


class WorkStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    DOING = "doing", _("Under way")
    DONE = "done", _("Done")


class DesignWork(TranslatedTextMixin, WayfareModel):
    """An activity of designing a journey: at a design-thinking stage, serving one of the five
    principles, with notes and the evidence it produced (interviews, prototypes, A/B test results)."""

    journey_map = models.ForeignKey(
        "journeys.JourneyMap",
        verbose_name=_("journey map"),
        on_delete=models.CASCADE,
        related_name="design_work",
    )
    design_stage = models.CharField(_("design stage"), max_length=12, choices=DesignStage.choices)
    principle = models.CharField(_("principle"), max_length=14, choices=DesignPrinciple.choices, blank=True)
    activity = models.CharField(_("activity"), max_length=300)
    notes = models.TextField(_("notes"), blank=True)
    evidence = models.TextField(_("evidence"), blank=True)
    evidence_link = models.URLField(_("evidence link"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=WorkStatus.choices, default=WorkStatus.PLANNED
    )
    due = models.DateField(_("due"), null=True, blank=True)

    class Meta:
        ordering = ["journey_map", "design_stage", "pk"]
        verbose_name = _("design work")
        verbose_name_plural = _("design work")

    def __str__(self) -> str:
        return str(self.translated("activity"))


class JohariPane(models.TextChoices):
    """The four panes of the Johari window applied to a service relationship (004 2.3.4, Figure 2.4)."""

    OPEN = "open", _("Open: known to both")
    ASK = "ask", _("Blind spot: the provider must ask")
    TELL = "tell", _("The consumer's blind spot: the provider must tell")
    UNKNOWN = "unknown", _("Unknown to both: explore together")


class JohariEntry(TranslatedTextMixin, WayfareModel):
    """One thing in a pane of the Johari window of a relationship or of a journey map."""

    relationship = models.ForeignKey(
        "relationships.ServiceRelationship",
        verbose_name=_("relationship"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="johari_entries",
    )
    journey_map = models.ForeignKey(
        "journeys.JourneyMap",
        verbose_name=_("journey map"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="johari_entries",
    )
    pane = models.CharField(_("pane"), max_length=10, choices=JohariPane.choices)
    text = models.TextField(_("what"))
    action = models.TextField(_("how we ask or tell"), blank=True)
    done = models.BooleanField(_("done"), default=False)

    class Meta:
        ordering = ["relationship", "journey_map", "pane", "pk"]
        verbose_name = _("Johari window entry")
        verbose_name_plural = _("Johari window entries")

    def __str__(self) -> str:
        return str(self.translated("text"))[:80]

    def clean(self) -> None:
        super().clean()
        if bool(self.relationship_id) == bool(self.journey_map_id):
            raise ValidationError(_("An entry belongs either to a relationship or to a journey map."))
