"""Service relationships and what keeps them alive (step 2, Engage: seed 003 chapter 4; DOMAIN.md
sections 2 and 7). One module per sub-domain; this package re-exports every model."""

from .communication import *  # noqa: F403
from .relationship import *  # noqa: F403
from .stakeholders import *  # noqa: F403
from .suppliers import *  # noqa: F403
