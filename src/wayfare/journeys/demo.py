"""The journey design studio in the running story (DOMAIN.md section 8; issue #13 section 6): Katrina
and the other personas, her scenarios, the end-to-end map of campus car sharing (published, then
edited), the incident map that is the reference of the service desk's ticket log, and the map's review,
design work and Johari windows. One module per part in ``demo_parts``."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from .demo_parts import design, incident, maps, personas


@transaction.atomic
def load(stdout: Any) -> None:
    personas.load(stdout)
    journey_map = maps.load(stdout)
    incident.load(stdout)
    from wayfare.relationships.demo_parts.suppliers import link_incident_journey

    link_incident_journey()  # the supplier dependencies the incident journey runs through
    design.load(stdout, journey_map)
    stdout.write(f"  {maps.MAP_NAME}: published as version {journey_map.published_number}, edited since.")
