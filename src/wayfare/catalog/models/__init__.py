"""Services, products and offerings, the needs they serve and the catalogue that shows them (step 3,
Offer: DOMAIN.md sections 3, 4 and 7; seeds 001, 002 step 3, 003 4.3.1.1 and 4.3.4). One module per
sub-domain; this package re-exports every model."""

from .demand import *  # noqa: F403
from .needs import *  # noqa: F403
from .offerings import *  # noqa: F403
from .services import *  # noqa: F403
from .value import *  # noqa: F403
