from wayfare.core.resources import Related, Resource, register

from .models import ConsumerRole, Organisation, Person

register(
    Resource(
        Organisation,
        columns=["name", "kind", "country", "website"],
        filters=["kind", "country"],
        search=["name", "description", "website"],
        fields=["name", "kind", "country", "website", "description"],
        related=[Related(Person, "organisation"), Related(ConsumerRole, "organisation")],
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
        step="engage",
        slug="consumer-roles",
    )
)
