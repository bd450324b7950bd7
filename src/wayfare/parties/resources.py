from wayfare.core.resources import Access, Related, Resource, register
from wayfare.core.roles import grant

from .models import ConsumerRole, Organisation, Person

# Who may do what, as the authorization matrix checks it (core/matrix.py); every staff role reads.
MANAGERS = ("Administrator", "Relationship manager")

register(
    Resource(
        Organisation,
        columns=["name", "kind", "country", "website"],
        filters=["kind", "country"],
        search=["name", "description", "website"],
        translated_fields=["description"],
        fields=["name", "kind", "country", "website", "description"],
        related=[Related(Person, "organisation"), Related(ConsumerRole, "organisation")],
        access=Access(write=MANAGERS, consumer=("view",)),
        step="engage",
    )
)
register(
    Resource(
        Person,
        columns=["name", "organisation", "email", "phone", "preferred_language"],
        filters=["organisation", "preferred_language"],
        search=["name", "email", "phone"],
        fields=["name", "email", "phone", "organisation", "preferred_language"],
        duplicate_check=["name", "email"],
        related=[Related(ConsumerRole, "person")],
        select_related=["organisation", "user"],
        # A consumer's people keep their own organisation's contact list current (the portal's "our
        # people"); the organisation is always theirs, whatever the input says.
        consumer_actions=["add", "change"],
        access=Access(
            write=MANAGERS,
            consumer=("view", "add", "change"),
            actions={"page.person_account": ("change", ("Administrator",))},  # managing logins
        ),
        detail_template="parties/person_detail.html",
        step="engage",
        slug="people",
    )
)
register(
    Resource(
        ConsumerRole,
        columns=["person", "role", "organisation", "note"],
        filters=["person", "organisation", "role"],
        search=["person__name", "organisation__name", "note"],
        select_related=["person", "organisation"],
        # The person may belong to another organisation (a consultant acting as sponsor): the row's
        # name shows each part only if the reader may open it. The note is the provider's own.
        display_parts=["person", "role", "organisation"],
        backstage_fields=["note"],
        access=Access(write=MANAGERS, consumer=("view",)),
        step="engage",
        slug="consumer-roles",
    )
)

# What the staff roles may do here (issue #11: each app declares its roles' permissions).
grant("Relationship manager", "parties", "view add change delete")
