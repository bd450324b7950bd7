"""Declarations of services and products (issue #14 section 1)."""

from django.utils.translation import gettext_lazy as _

from wayfare.core.navigation import step_card
from wayfare.core.resources import Access, Related, Resource, register
from wayfare.core.roles import grant

from ..models import WARRANTY_ASPECTS, Product, Service, ServiceOffering
from ..services.products import product_create, product_update
from .common import SERVICE_MANAGERS

register(
    Resource(
        Service,
        columns=["name", "provider", "kind", "status", "owner"],
        filters=["provider", "kind", "status", "owner"],
        search=["name", "summary", "utility"],
        translated_fields=["name", "summary", "utility", *WARRANTY_ASPECTS],
        select_related=["provider", "owner", "calendar"],
        fields=[
            "name",
            "provider",
            "kind",
            "status",
            "owner",
            "summary",
            "utility",
            *WARRANTY_ASPECTS,
            "internal_notes",
        ],
        related=[Related(ServiceOffering, "service")],
        backstage_fields=["internal_notes"],
        access=Access(write=SERVICE_MANAGERS),
        step="offer",
        slug="services",
        duplicate_check=["name"],
    )
)
register(
    Resource(
        Product,
        columns=["name", "provider"],
        filters=["provider", "uses_services"],
        search=["name", "description", "resources"],
        translated_fields=["name", "description", "resources"],
        select_related=["provider"],
        fields=["name", "provider", "description", "resources", "uses_products", "uses_services"],
        create_service=product_create,
        update_service=product_update,
        access=Access(write=SERVICE_MANAGERS),
        step="offer",
        slug="products",
    )
)

for model in (Service, Product):
    grant("Service level manager", model, "view add change delete")

step_card(
    "catalog",
    step="offer",
    label=_("Service catalogue"),
    description=_(
        "Services, products and offerings as each audience sees them: sponsors, customers, users, IT."
    ),
    url_name="catalog:catalogue",
    permission="catalog.view_serviceoffering",
    home=True,
    replaces=["offer.catalogue", "offer.offerings"],
)
step_card(
    "catalog.needs",
    step="offer",
    label=_("Needs, demand and business cases"),
    description=_(
        "The jobs consumers must get done, the demand against capacity, and the cases for meeting it."
    ),
    url_name="catalog:need_list",
    permission="catalog.view_need",
    replaces=["offer.business_cases"],
)
