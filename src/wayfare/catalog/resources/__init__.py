"""Declarations of the catalog app, one module per part: services and products, offerings (with their
elements, charges, outcomes, costs and risks, and risk acceptances), needs and requirements, demand and
business cases, value-driver trees."""

from . import demand, needs, offerings, services, value  # noqa: F401
