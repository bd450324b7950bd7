"""The declarations of the relationships app, one module per sub-domain (read by core's autodiscovery).
``assessing`` ties the assessment engine (``wayfare.assessments``) to relationships."""

from . import assessing, communication, relationship, stakeholders, suppliers  # noqa: F401
