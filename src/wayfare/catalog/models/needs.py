"""The consumer's needs and the requirements derived from them (003 4.3.4: customers do not buy services,
they buy the fulfilment of a need, the job they have to get done; a need is not a requirement)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from wayfare.core.models import TranslatedTextMixin, WayfareModel

__all__ = ["Need", "NeedStatus", "Requirement", "RequirementKind", "RequirementPriority"]


class NeedStatus(models.TextChoices):
    STATED = "stated", _("Stated")
    UNDERSTOOD = "understood", _("Understood")
    SERVED = "served", _("Served by an offering")
    DROPPED = "dropped", _("Dropped")


class Need(TranslatedTextMixin, WayfareModel):
    """The job a consumer organisation has to get done, with the four problem questions of 003 4.3.4.1
    as its prompts. The consumer's people read their organisation's needs; the notes are the provider's."""

    owner_path = "organisation"
    frontstage = True

    organisation = models.ForeignKey(
        "parties.Organisation",
        verbose_name=_("consumer organisation"),
        on_delete=models.PROTECT,
        related_name="needs",
    )
    relationship = models.ForeignKey(
        "relationships.ServiceRelationship",
        verbose_name=_("relationship"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="needs",
    )
    title = models.CharField(_("the job to get done"), max_length=300)
    problem = models.TextField(
        _("main problem"), blank=True, help_text=_("What is the main problem the consumer faces?")
    )
    causes = models.TextField(_("causes"), blank=True, help_text=_("What causes the problem?"))
    effects = models.TextField(
        _("effects"),
        blank=True,
        help_text=_("How does the problem affect the consumer's purpose, objectives and performance?"),
    )
    context = models.TextField(
        _("context"),
        blank=True,
        help_text=_(
            "The consumer's strategy, architecture and structure that shape the problem or suffer from it."
        ),
    )
    segment = models.CharField(
        _("segment"), max_length=200, blank=True, help_text=_("Who in particular has it.")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=NeedStatus.choices, default=NeedStatus.STATED
    )
    internal_notes = models.TextField(_("internal notes"), blank=True)

    class Meta:
        ordering = ["organisation__name", "title"]
        verbose_name = _("need")
        verbose_name_plural = _("needs")

    def __str__(self) -> str:
        return str(self.translated("title"))


class RequirementKind(models.TextChoices):
    OUTCOME = "outcome", _("Outcome")
    UTILITY = "utility", _("Utility")
    WARRANTY = "warranty", _("Warranty")
    EXPERIENCE = "experience", _("Experience")
    CONSTRAINT = "constraint", _("Constraint")


class RequirementPriority(models.TextChoices):
    MUST = "must", _("Must have")
    SHOULD = "should", _("Should have")
    COULD = "could", _("Could have")
    WONT = "wont", _("Not this time")


class Requirement(TranslatedTextMixin, WayfareModel):
    """A concrete requirement derived from a need, once the need is understood."""

    owner_path = "need__organisation"
    frontstage = True

    need = models.ForeignKey(
        Need, verbose_name=_("need"), on_delete=models.CASCADE, related_name="requirements"
    )
    text = models.TextField(_("requirement"))
    kind = models.CharField(
        _("kind"), max_length=12, choices=RequirementKind.choices, default=RequirementKind.UTILITY
    )
    priority = models.CharField(
        _("priority"), max_length=8, choices=RequirementPriority.choices, default=RequirementPriority.SHOULD
    )
    acceptance = models.TextField(_("how we know it is met"), blank=True)

    class Meta:
        ordering = ["need", "pk"]
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")

    def __str__(self) -> str:
        return str(self.translated("text"))[:80]
