"""Communication and keeping a relationship alive (seed 003 4.1, 4.3.1.2, 4.3.2.3; issue #12 section 4):
the communication plan agreed with the other side, the log of contacts, the promises made in them, and
the alerts the rules raise when the relationship is at risk (a missed contact, an unanswered complaint,
a new face on the other side nobody introduced, an overdue promise)."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wayfare.core.models import TranslatedTextMixin, WayfareModel

__all__ = [
    "LISTENING_GUIDE",
    "Alert",
    "Channel",
    "CommunicationPlan",
    "Contact",
    "ContactKind",
    "ListeningMode",
    "Promise",
]

BOTH_SIDES = ("relationship__consumer", "relationship__provider")


class Channel(models.TextChoices):
    """How a planned contact happens."""

    MEETING = "meeting", _("Meeting")
    CALL = "call", _("Phone call")
    VIDEO_CALL = "video_call", _("Video call")
    EMAIL = "email", _("E-mail")
    VISIT = "visit", _("Visit")
    NEWSLETTER = "newsletter", _("Newsletter")
    REPORT = "report", _("Report")


class ContactKind(models.TextChoices):
    """What kind of contact took place."""

    MEETING = "meeting", _("Meeting")
    CALL = "call", _("Phone call")
    EMAIL = "email", _("E-mail")
    VISIT = "visit", _("Visit")


class ListeningMode(models.TextChoices):
    """The three basic ways of listening (seed 003 4.1.1, Table 4.2)."""

    INTERNAL = "internal", _("Internal listening")
    FOCUSED = "focused", _("Focused listening")
    GLOBAL = "global", _("360-degree listening")


# What each listening mode is and when it fits (Table 4.2, in our own words): shown on the contact form.
LISTENING_GUIDE: list[tuple[str, Any, Any, Any]] = [
    (
        ListeningMode.INTERNAL,
        ListeningMode.INTERNAL.label,
        _(
            "Your attention is on yourself: how the subject affects you, what it makes you feel, how it fits "
            "what you already think."
        ),
        _(
            "When you take something in as a learner or user: a training, a report on results, new "
            "instructions, coaching or mentoring, reading documents."
        ),
    ),
    (
        ListeningMode.FOCUSED,
        ListeningMode.FOCUSED.label,
        _(
            "Your attention is on the other person: their words, tone, body language and reactions. You "
            "show empathy, check that you understood and work things out together."
        ),
        _(
            "When you talk through what the other side needs (negotiating service levels, for example), in "
            "meetings that decide something, when you plan a change together."
        ),
    ),
    (
        ListeningMode.GLOBAL,
        ListeningMode.GLOBAL.label,
        _(
            "You take in everything around you: the mood in the room and how it shifts as you speak and act, "
            "and you adjust to it."
        ),
        _(
            "When you solve a problem, design a product or service, teach, audit, coordinate a team or sell; "
            "also for what reaches you indirectly: surveys, reviews, social media, e-mails, feedback forms, "
            "usage data."
        ),
    ),
]


class CommunicationPlan(WayfareModel):
    """A planned, recurring contact with a group of the other side's stakeholders (seed 003 4.1 and
    4.3.1.2: keep an environment where the relationship can live): who, over which channel, how often,
    and who of ours is responsible. Both organisations of the relationship see the plan; the owner's
    notes stay backstage. ``next_due`` is kept by the services: the last contact (or the start) plus the
    cadence, moved to the other side's next working day (4.1.2)."""

    owner_path = BOTH_SIDES
    frontstage = True

    relationship = models.ForeignKey(
        "relationships.ServiceRelationship",
        verbose_name=_("relationship"),
        on_delete=models.CASCADE,
        related_name="communication_plans",
    )
    audience = models.CharField(
        _("stakeholder group"), max_length=200, help_text=_("Who on the other side this contact is for.")
    )
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, default=Channel.MEETING)
    cadence_days = models.PositiveSmallIntegerField(
        _("cadence (days)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(730)],
        help_text=_("How many days between two contacts."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="communication_plans",
    )
    starts_on = models.DateField(_("starts on"), default=datetime.date.today)
    next_due = models.DateField(_("next contact due"), null=True, blank=True, editable=False)
    active = models.BooleanField(_("active"), default=True)
    notes = models.TextField(_("owner's notes"), blank=True)

    class Meta:
        ordering = ["relationship", "next_due", "audience"]
        verbose_name = _("communication plan")
        verbose_name_plural = _("communication plans")

    def __str__(self) -> str:
        return str(
            _("%(audience)s, %(channel)s every %(days)s days")
            % {"audience": self.audience, "channel": self.get_channel_display(), "days": self.cadence_days}
        )


class Contact(TranslatedTextMixin, WayfareModel):
    """One contact with the other side: a meeting, call, e-mail or visit, who took part, what was said,
    how we listened (Table 4.2). Complaints and escalations are marked as such (003 4.3.2.3: a formal
    complaint and escalation path eases the unavoidable complaints); ``answer_due`` says the other side
    is waiting for an answer by that date. Backstage: the provider's own record."""

    owner_path = BOTH_SIDES
    frontstage = False

    relationship = models.ForeignKey(
        "relationships.ServiceRelationship",
        verbose_name=_("relationship"),
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    plan = models.ForeignKey(
        CommunicationPlan,
        verbose_name=_("communication plan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=ContactKind.choices, default=ContactKind.MEETING
    )
    occurred_on = models.DateField(_("date"))
    time = models.TimeField(
        _("time"), null=True, blank=True, help_text=_("In our time zone; their local time is shown.")
    )
    participants = models.CharField(_("participants"), max_length=500, blank=True)
    people = models.ManyToManyField(
        "parties.Person", verbose_name=_("people"), blank=True, related_name="relationship_contacts"
    )
    summary = models.TextField(_("summary"), blank=True)
    listening_mode = models.CharField(
        _("listening mode"), max_length=20, choices=ListeningMode.choices, blank=True
    )
    is_complaint = models.BooleanField(_("complaint"), default=False)
    is_escalation = models.BooleanField(_("escalation"), default=False)
    answer_due = models.DateField(
        _("answer due"), null=True, blank=True, help_text=_("The date by which they expect our answer.")
    )
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    answers = models.ForeignKey(
        "self",
        verbose_name=_("in answer to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="answered_by",
        help_text=_("An earlier contact of theirs that this one answers: it counts as answered."),
    )
    introduces = models.ForeignKey(
        "parties.Person",
        verbose_name=_("introduces"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="introduced_in",
        help_text=_("A new contact person of theirs introduced in this contact."),
    )

    class Meta:
        ordering = ["-occurred_on", "-time", "-pk"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self) -> str:
        return str(
            _("%(kind)s on %(date)s")
            % {
                "kind": self.get_kind_display(),
                "date": self.occurred_on.isoformat() if self.occurred_on else "",
            }
        )

    @property
    def summary_text(self) -> str:
        """The summary in the reader's language."""
        return str(self.translated("summary"))

    @property
    def their_local_time(self) -> datetime.datetime | None:
        """When it was for them (``time`` is ours)."""
        from ..calendar import their_time

        return their_time(self.relationship, self.occurred_on, self.time) if self.occurred_on else None

    @property
    def timing_warnings(self) -> list[str]:
        """Why the contact's date or time may not have suited them (their day off, holiday, hours)."""
        from ..calendar import timing_warnings

        return timing_warnings(self.relationship, self.occurred_on, self.time)

    @property
    def listening_guidance(self) -> Any:
        """What the contact's listening mode is and when it fits (Table 4.2)."""
        return next((row for row in LISTENING_GUIDE if row[0] == self.listening_mode), None)

    def clean(self) -> None:
        super().clean()
        if (
            self.plan is not None
            and self.relationship_id
            and self.plan.relationship_id != self.relationship_id
        ):
            raise ValidationError({"plan": _("This plan belongs to another relationship.")})
        if self.answered_on and self.occurred_on and self.answered_on < self.occurred_on:
            raise ValidationError({"answered_on": _("An answer cannot come before the contact.")})
        if self.answers_id:
            if self.answers_id == self.pk:
                raise ValidationError({"answers": _("A contact cannot answer itself.")})
            if self.answers is not None and self.answers.relationship_id != self.relationship_id:
                raise ValidationError({"answers": _("This contact belongs to another relationship.")})


class Promise(TranslatedTextMixin, WayfareModel):
    """Something we promised the other side, by a date (003 4.3.2.3: a promise left unkept wears trust
    down). Backstage."""

    owner_path = BOTH_SIDES
    frontstage = False

    relationship = models.ForeignKey(
        "relationships.ServiceRelationship",
        verbose_name=_("relationship"),
        on_delete=models.CASCADE,
        related_name="promises",
    )
    contact = models.ForeignKey(
        Contact,
        verbose_name=_("made in contact"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="promises",
    )
    what = models.CharField(_("what was promised"), max_length=300)
    promised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("promised by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="relationship_promises",
    )
    due = models.DateField(_("due"))
    kept_on = models.DateField(_("kept on"), null=True, blank=True)

    class Meta:
        ordering = ["due", "pk"]
        verbose_name = _("promise")
        verbose_name_plural = _("promises")

    def __str__(self) -> str:
        return self.what


class Alert(WayfareModel):
    """A warning on a relationship raised by a rule (``relationships.alerts``): a missed planned contact,
    an unanswered contact point or complaint, a threat to trust (003 4.3.2.3). The alert engine
    (``services.communication.alerts_refresh``) raises, keeps and resolves them; people acknowledge
    them. At most one open alert per (rule, key). Backstage: consumers never see alerts."""

    owner_path = BOTH_SIDES
    frontstage = False

    relationship = models.ForeignKey(
        "relationships.ServiceRelationship",
        verbose_name=_("relationship"),
        on_delete=models.CASCADE,
        related_name="alerts",
    )
    rule = models.CharField(_("rule"), max_length=50)
    key = models.CharField(_("key"), max_length=200)
    params = models.JSONField(_("details"), default=dict, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="relationship_alerts",
    )
    raised_on = models.DateField(_("raised on"))
    due = models.DateField(_("due"), null=True, blank=True)
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
    resolved = models.BooleanField(_("resolved"), default=False, editable=False)  # resolved_on is set
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("acknowledged by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)

    class Meta:
        ordering = ["resolved_on", "-raised_on", "-pk"]
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "key"],
                condition=Q(resolved_on__isnull=True),
                name="relationships_alert_one_open",
                violation_error_message=_("This alert is open already."),
            )
        ]

    def __str__(self) -> str:
        from ..alerts import alert_rule_for

        rule = alert_rule_for(self.rule)
        return str(rule.label) if rule else self.rule

    @property
    def description(self) -> str:
        from ..alerts import alert_rule_for

        rule = alert_rule_for(self.rule)
        if rule is None:
            return ""
        try:
            return str(rule.describe(self.params or {}))
        except (KeyError, TypeError, ValueError):
            return str(rule.label)

    @property
    def is_open(self) -> bool:
        return self.resolved_on is None

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.resolved = self.resolved_on is not None
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "resolved_on" in update_fields:
            kwargs["update_fields"] = {*update_fields, "resolved"}
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        from ..alerts import alert_rule_for

        if self.rule and alert_rule_for(self.rule) is None:
            raise ValidationError({"rule": _("No alert rule has this code.")})
