"""The journey design studio (seed 004 chapter 2; DOMAIN.md sections 5-6): personas and scenarios, culture
maps, journey maps with stages, touchpoints and emotions, their reviews and design work, Johari windows.

A journey map is also the *designed journey* that journey analytics holds observed event logs against
(issue #13 section 3): its stages and touchpoints name activities of the map's event log."""

from .design import *  # noqa: F403
from .maps import *  # noqa: F403
from .personas import *  # noqa: F403
