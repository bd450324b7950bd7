"""Services and products (seed 001; DOMAIN.md section 4): a service enables value co-creation and is
described by its utility (fit for purpose) and its warranty (fit for use); a product is a configuration
of resources, which may use other products and services. Both are the provider's own records: what a
consumer's people read of them comes through the catalogue (``selectors.catalogue``)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wayfare.core.models import TranslatedTextMixin, WayfareModel

__all__ = ["LifecycleStatus", "Product", "Service", "ServiceKind", "WARRANTY_ASPECTS"]


class ServiceKind(models.TextChoices):
    INTERNAL = "internal", _("Internal: for consumers within our organisation")
    EXTERNAL = "external", _("External: for other organisations")


class LifecycleStatus(models.TextChoices):
    PIPELINE = "pipeline", _("In the pipeline")
    LIVE = "live", _("Live")
    RETIRED = "retired", _("Retired")


# The warranty aspects a service states (001, DOMAIN.md section 3), plus usability and accessibility.
WARRANTY_ASPECTS = (
    "availability",
    "performance",
    "capacity",
    "security",
    "continuity",
    "usability",
    "accessibility",
)


class Service(TranslatedTextMixin, WayfareModel):
    """A means of enabling value co-creation, offered to consumers through its offerings."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    provider = models.ForeignKey(
        "parties.Organisation", verbose_name=_("provider"), on_delete=models.PROTECT, related_name="services"
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=ServiceKind.choices, default=ServiceKind.EXTERNAL
    )
    status = models.CharField(
        _("status"), max_length=10, choices=LifecycleStatus.choices, default=LifecycleStatus.PIPELINE
    )
    summary = models.TextField(_("summary"), blank=True)
    utility = models.TextField(
        _("utility"), blank=True, help_text=_("What the service does for the consumer: fit for purpose.")
    )
    availability = models.TextField(_("availability"), blank=True, help_text=_("When it can be used."))
    performance = models.TextField(_("performance"), blank=True, help_text=_("How fast and how well."))
    capacity = models.TextField(_("capacity"), blank=True, help_text=_("How much, for how many at once."))
    security = models.TextField(_("security"), blank=True, help_text=_("How data and people are protected."))
    continuity = models.TextField(_("continuity"), blank=True, help_text=_("What happens when things fail."))
    usability = models.TextField(_("usability"), blank=True)
    accessibility = models.TextField(_("accessibility"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("service owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_services",
    )
    calendar = models.ForeignKey(
        "core.BusinessCalendar",
        verbose_name=_("business hours"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="services",
        help_text=_("The working hours its targets are measured in (SLA clocks count only these)."),
    )
    internal_notes = models.TextField(_("internal notes"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def __str__(self) -> str:
        return str(self.translated("name"))

    def warranty(self) -> list[tuple[str, str]]:
        """The warranty aspects it states, as (label, text), in their order."""
        return [
            (str(getattr(self._meta.get_field(name), "verbose_name", name)), str(self.translated(name)))
            for name in WARRANTY_ASPECTS
            if getattr(self, name)
        ]


class Product(TranslatedTextMixin, WayfareModel):
    """A configuration of resources meant to create value for consumers; it may use other products and
    services (the booking app uses the fleet and the payment service)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    provider = models.ForeignKey(
        "parties.Organisation", verbose_name=_("provider"), on_delete=models.PROTECT, related_name="products"
    )
    description = models.TextField(_("description"), blank=True)
    resources = models.TextField(
        _("resources"),
        blank=True,
        help_text=_("The people, information, technology and partners it is made of."),
    )
    uses_products = models.ManyToManyField(
        "self",
        verbose_name=_("uses products"),
        symmetrical=False,
        blank=True,
        related_name="used_by_products",
    )
    uses_services = models.ManyToManyField(
        Service, verbose_name=_("uses services"), blank=True, related_name="used_by_products"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("product")
        verbose_name_plural = _("products")

    def __str__(self) -> str:
        return str(self.translated("name"))

    def uses_itself(self, products: list[Product]) -> bool:
        """Whether using ``products`` would make this product use itself, directly or through others."""
        seen: set[int] = set()
        todo = [p.pk for p in products]
        while todo:
            pk = todo.pop()
            if pk == self.pk:
                return True
            if pk in seen:
                continue
            seen.add(pk)
            todo.extend(
                Product.uses_products.through.objects.filter(from_product_id=pk).values_list(
                    "to_product_id", flat=True
                )
            )
        return False
