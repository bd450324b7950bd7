"""Declarations of the journey design studio, one module per part: people (personas, research,
aspirations, scenarios, culture profiles), maps (journey maps and what they hold) and design (reviews,
design work, Johari windows)."""

from .. import panels  # noqa: F401  (the relationship page's panel)
from . import design, maps, people  # noqa: F401
