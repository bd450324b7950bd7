"""Parties: organisations, the people in them, and the roles people hold for consumer organisations.

An organisation is neither a provider nor a consumer by itself: it is one or the other in each service
relationship (DOMAIN.md section 2; seed 001, 000 1.2.1-1.2.3), so chains and networks of relationships are
recorded later by relationship records that point at two organisations, without changing these models.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from wayfare.core.models import TranslatedTextMixin, WayfareModel


class OrganisationKind(models.TextChoices):
    INTERNAL = "internal", _("Internal")
    EXTERNAL = "external", _("External")


class Organisation(TranslatedTextMixin, WayfareModel):
    """A person or group with its own functions, responsibilities and authority. *Internal* organisations
    are parts of the organisation that runs Wayfare (a department, a business unit); *external* ones are
    everyone else: consumers, suppliers, partners, regulators and so on."""

    owner_path = "pk"
    frontstage = True

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=OrganisationKind.choices, default=OrganisationKind.EXTERNAL
    )
    country = CountryField(_("country"), blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class Person(WayfareModel):
    """A person the provider deals with, in an organisation or on their own. ``user`` links the person's
    login account, if they have one; consumer accounts see what their organisation may see."""

    owner_path = "organisation"
    frontstage = True

    name = models.CharField(pgettext_lazy("person", "name"), max_length=200)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, blank=True
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name


class ConsumerRoleKind(models.TextChoices):
    CUSTOMER = "customer", _("Customer")
    USER = "user", _("User")
    SPONSOR = "sponsor", _("Sponsor")


class ConsumerRole(WayfareModel):
    """A service-consumer role a person holds for a consumer organisation (seed 001): the *customer*
    defines requirements and owns the outcomes, the *user* uses the service, the *sponsor* authorises the
    budget. One person may hold several roles, and roles are per consumer organisation."""

    owner_path = "organisation"
    frontstage = True

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="consumer_roles"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("consumer organisation"),
        on_delete=models.CASCADE,
        related_name="consumer_roles",
    )
    role = models.CharField(_("role"), max_length=20, choices=ConsumerRoleKind.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["organisation__name", "person__name", "role"]
        verbose_name = _("consumer role")
        verbose_name_plural = _("consumer roles")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organisation", "role"],
                name="parties_consumerrole_unique",
                violation_error_message=_("This person already holds this role for this organisation."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.get_role_display()} · {self.organisation}"
