"""Assessments: a reusable questionnaire engine (issue #12, section 3; seed 003 4.3.2-4.3.5).

A *template* (three Cs of trustworthiness, provider capabilities, readiness checks, ...) holds weighted
*sections* of weighted *items*, each answered on an *answer scale*. An *assessment* applies a template to a
*subject*: any record an app declares as one (``wayfare.assessments.subjects.assessment_subject``; the
relationships app declares the service relationship). Its *answers* give scores per section and overall
(``services``); its gaps become *follow-up actions* with owners and due dates.

Who sees what: an assessment belongs to the counterpart organisation of its subject (``organisation``).
A consumer's people see only the assessments their own side made (``made_by = counterpart``); what the
provider made about them is backstage (issue #12 section 7).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wayfare.core.access import RestrictedQuerySet
from wayfare.core.models import TranslatedTextMixin, WayfareModel


class Relevance(models.TextChoices):
    """How much an assessment matters for a relationship type (seed 003 Table 4.14)."""

    CRITICAL = "critical", _("Critical")
    MODERATE = "moderate", _("Moderate")
    LIGHT = "light", _("Light")
    NOT_NEEDED = "not_needed", _("Not needed")


class ItemReference(models.TextChoices):
    """The record a readiness item points at (seed 003 Table 4.17's checklists and references)."""

    THREE_CS = "three_cs", _("Three Cs assessment")
    STAKEHOLDER_MAP = "stakeholder_map", _("Stakeholder map")
    COMMUNICATION_PLAN = "communication_plan", _("Communication plan")
    RISKS = "risks", _("Risk register")


class MadeBy(models.TextChoices):
    US = "us", _("Us (provider staff)")
    COUNTERPART = "counterpart", _("The counterpart")


class AssessedParty(models.TextChoices):
    """Which party of the subject the answers describe (the four dimensions are answered for each)."""

    PROVIDER = "provider", _("Provider")
    CONSUMER = "consumer", _("Consumer")


class AssessmentState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    COMPLETED = "completed", _("Completed")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


RELATIONSHIP_TYPES = ("basic", "cooperative", "partnership")


def _parsed(value: Any) -> Any:
    """JSON given as text (a CSV cell, an API client sending a string) is read as JSON."""
    if isinstance(value, str):
        import json

        try:
            return json.loads(value) if value.strip() else value
        except ValueError:
            return value
    return value


class AnswerScale(TranslatedTextMixin, WayfareModel):
    """The choices an item is answered with, each a whole number with a label in every language (1-5
    agreement, no/partly/yes, maturity 0-4). "Not applicable" is never an option: it is an unanswered
    item, left out of the scores (never counted as zero)."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    options = models.JSONField(
        _("options"),
        default=list,
        help_text=_(
            'A list of {"value": number, "label": {"en": ..., "zh-hans": ..., "ru": ...}}, lowest first.'
        ),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("answer scale")
        verbose_name_plural = _("answer scales")

    def __str__(self) -> str:
        return str(self.translated("name"))

    def clean(self) -> None:
        super().clean()
        self.options = options = _parsed(self.options)
        message = _("Give at least two options, each with a whole-number value and a label; values differ.")
        if not isinstance(options, list) or len(options) < 2:
            raise ValidationError({"options": message})
        values = []
        for option in options:
            if not isinstance(option, dict) or not isinstance(option.get("value"), int):
                raise ValidationError({"options": message})
            label = option.get("label")
            if not (isinstance(label, dict) and isinstance(label.get("en"), str) and label["en"].strip()):
                raise ValidationError({"options": message})
            values.append(option["value"])
        if len(set(values)) != len(values):
            raise ValidationError({"options": message})

    def values(self) -> list[int]:
        return [o["value"] for o in self.options or []]

    def label_of(self, value: Any, language: str | None = None) -> str:
        from django.utils.translation import get_language

        language = (language or get_language() or "en").lower()
        for option in self.options or []:
            if option.get("value") == value:
                labels = option.get("label") or {}
                return str(labels.get(language) or labels.get("en") or value)
        return ""

    def normalised(self, value: int | None) -> float | None:
        """The answer as 0-100 (lowest option 0, highest 100); ``None`` for an unanswered item."""
        if value is None:
            return None
        values = self.values()
        low, high = min(values), max(values)
        if high == low:
            return None
        return (value - low) * 100.0 / (high - low)


class AssessmentTemplate(TranslatedTextMixin, WayfareModel):
    """A questionnaire: weighted sections of weighted items. ``relevance`` says, per relationship type,
    whether the assessment is critical, moderate, light or not needed (seed 003 Table 4.14); with
    ``cumulative_levels`` the sections carry levels that build on each other (Table 4.15: a level counts
    only when every level below it is met). Built-in templates are kept up to date by the application;
    templates people write are theirs."""

    # A consumer who sees an assessment its side made reads the questionnaire's name (core.related).
    named_to_all_readers = True

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    relevance = models.JSONField(
        _("relevance by relationship type"),
        default=dict,
        blank=True,
        help_text=_('For example {"basic": "critical", "cooperative": "moderate", "partnership": "light"}.'),
    )
    cumulative_levels = models.BooleanField(
        _("levels build on each other"),
        default=False,
        help_text=_("A level is reached only when its sections and those of every lower level are met."),
    )
    built_in = models.BooleanField(_("built in"), default=False, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("assessment template")
        verbose_name_plural = _("assessment templates")

    def __str__(self) -> str:
        return str(self.translated("name"))

    def clean(self) -> None:
        super().clean()
        self.relevance = relevance = _parsed(self.relevance)
        if relevance in (None, ""):
            self.relevance = relevance = {}
        allowed = set(Relevance.values)
        if not isinstance(relevance, dict) or any(
            k not in RELATIONSHIP_TYPES or v not in allowed for k, v in relevance.items()
        ):
            raise ValidationError(
                {
                    "relevance": _("Keys are %(types)s; values are %(values)s.")
                    % {"types": ", ".join(RELATIONSHIP_TYPES), "values": ", ".join(sorted(allowed))}
                }
            )

    def relevance_for(self, kind: str | None) -> str:
        return str((self.relevance or {}).get(kind or "", Relevance.NOT_NEEDED))


class TemplateSection(TranslatedTextMixin, WayfareModel):
    """A weighted part of a template (a trust factor, a capability area, a maturity level)."""

    template = models.ForeignKey(
        AssessmentTemplate, verbose_name=_("template"), on_delete=models.CASCADE, related_name="sections"
    )
    code = models.SlugField(_("code"), max_length=50)
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    title = models.CharField(_("title"), max_length=200)
    weight = models.FloatField(_("weight"), default=1.0, validators=[MinValueValidator(0.0)])
    level = models.PositiveSmallIntegerField(
        _("level"), null=True, blank=True, help_text=_("Only for templates whose levels build on each other.")
    )

    class Meta:
        ordering = ["template", "position", "pk"]
        verbose_name = _("template section")
        verbose_name_plural = _("template sections")
        constraints = [
            models.UniqueConstraint(fields=["template", "code"], name="assessments_section_code_unique")
        ]

    def __str__(self) -> str:
        return str(self.translated("title"))


class TemplateItem(TranslatedTextMixin, WayfareModel):
    """One question or statement, answered on its scale. ``reference`` links it to the record it names
    (Table 4.17), found through the subject's declaration."""

    section = models.ForeignKey(
        TemplateSection, verbose_name=_("section"), on_delete=models.CASCADE, related_name="items"
    )
    code = models.SlugField(_("code"), max_length=50)
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    text = models.CharField(_("text"), max_length=500)
    help = models.TextField(_("help"), blank=True)
    weight = models.FloatField(_("weight"), default=1.0, validators=[MinValueValidator(0.0)])
    scale = models.ForeignKey(
        AnswerScale, verbose_name=_("answer scale"), on_delete=models.PROTECT, related_name="items"
    )
    reference = models.CharField(_("reference"), max_length=30, choices=ItemReference.choices, blank=True)

    class Meta:
        ordering = ["section__template", "section__position", "position", "pk"]
        verbose_name = _("template item")
        verbose_name_plural = _("template items")
        constraints = [
            models.UniqueConstraint(fields=["section", "code"], name="assessments_item_code_unique")
        ]

    def __str__(self) -> str:
        return str(self.translated("text"))


class AssessmentManager(models.Manager.from_queryset(RestrictedQuerySet)):  # type: ignore[misc]
    """An assessment's name holds its template's: read them together (lists of choices, filters)."""

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related("template")


class Assessment(WayfareModel):
    """One application of a template to a subject, by our side or by the counterpart (the owning
    organisation, ``organisation``, follows from the subject's declaration). Consumers see only the rows
    their own side made; the provider's assessments about them stay backstage."""

    owner_path = "organisation"
    frontstage = True
    frontstage_rows = {"made_by": "counterpart"}

    template = models.ForeignKey(
        AssessmentTemplate, verbose_name=_("template"), on_delete=models.PROTECT, related_name="assessments"
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType",
        verbose_name=_("kind of subject"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    object_id = models.PositiveBigIntegerField(_("subject"))
    subject = GenericForeignKey("content_type", "object_id")
    organisation = models.ForeignKey(
        "parties.Organisation",
        verbose_name=_("counterpart organisation"),
        on_delete=models.PROTECT,
        related_name="assessments",
        blank=True,
        help_text=_("Follows from the subject."),
    )
    made_by = models.CharField(_("made by"), max_length=20, choices=MadeBy.choices, default=MadeBy.US)
    assessed_party = models.CharField(
        _("party assessed"),
        max_length=20,
        choices=AssessedParty.choices,
        blank=True,
        help_text=_("For templates answered once for each party, such as the four dimensions."),
    )
    assessed_on = models.DateField(_("assessed on"), default=timezone.localdate)
    assessor = models.CharField(_("assessor"), max_length=200, blank=True)
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=AssessmentState.choices,
        default=AssessmentState.DRAFT,
        editable=False,
    )
    notes = models.TextField(_("internal notes"), blank=True)

    objects = AssessmentManager()  # type: ignore[misc]

    class Meta:
        ordering = ["-assessed_on", "-pk"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        indexes = [
            models.Index(fields=["content_type", "object_id", "template"], name="assessments_subject_idx")
        ]

    def __str__(self) -> str:
        return str(
            _("%(template)s (%(date)s)") % {"template": self.template, "date": self.assessed_on.isoformat()}
        )

    def clean(self) -> None:
        super().clean()
        from .subjects import subject_declaration

        if not self.content_type_id:
            return
        model = self.content_type.model_class()
        declaration = subject_declaration(model) if model is not None else None
        if declaration is None:
            raise ValidationError({"content_type": _("Records of this kind cannot be assessed.")})
        subject = model._default_manager.filter(pk=self.object_id).first()  # type: ignore[union-attr]
        if subject is None:
            raise ValidationError({"object_id": _("No such record.")})
        self.organisation = declaration.organisation(subject)


class AssessmentAnswer(WayfareModel):
    """The answer to one item of an assessment: a value of the item's scale, or none (unanswered, not
    applicable), and a comment."""

    owner_path = "assessment__organisation"
    frontstage = True
    frontstage_rows = {"assessment__made_by": "counterpart"}

    assessment = models.ForeignKey(
        Assessment, verbose_name=_("assessment"), on_delete=models.CASCADE, related_name="answers"
    )
    item = models.ForeignKey(TemplateItem, verbose_name=_("item"), on_delete=models.PROTECT, related_name="+")
    value = models.SmallIntegerField(_("answer"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["assessment", "item__section__position", "item__position"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "item"], name="assessments_answer_unique")
        ]

    def __str__(self) -> str:
        return str(self.item)


class FollowUpAction(TranslatedTextMixin, WayfareModel):
    """Something to do about a gap an assessment showed, with its owner and due date. Backstage: the
    provider's own work list."""

    owner_path = "assessment__organisation"
    frontstage = False

    assessment = models.ForeignKey(
        Assessment, verbose_name=_("assessment"), on_delete=models.CASCADE, related_name="actions"
    )
    item = models.ForeignKey(
        TemplateItem,
        verbose_name=_("item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.PROTECT, related_name="+"
    )
    due = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )

    class Meta:
        ordering = ["due", "pk"]
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if (
            self.item is not None
            and self.assessment_id
            and self.item.section.template_id != self.assessment.template_id
        ):
            raise ValidationError({"item": _("This item is not part of the assessment's template.")})
