"""What the parts' declarations share: who may write here."""

from wayfare.core.access import CONSUMER_GROUP
from wayfare.core.roles import ROLES

DESIGNERS = ("Administrator", "CX designer")
STAFF_ROLES = tuple(role.group for role in ROLES if role.group != CONSUMER_GROUP)
