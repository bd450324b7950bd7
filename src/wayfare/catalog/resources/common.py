"""Who writes here."""

SERVICE_MANAGERS = ("Administrator", "Service level manager")
NEED_WRITERS = ("Administrator", "Service level manager", "Relationship manager")
