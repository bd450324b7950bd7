"""Wayfare: service relationships and customer journeys (ITIL 4 Drive Stakeholder Value)."""

__version__ = "0.1.0"
