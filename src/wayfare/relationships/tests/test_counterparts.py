"""A consumer's people see whom their organisation deals with (issue #12 section 7), and nobody else."""

import pytest

from wayfare.core.testing import client_for
from wayfare.parties.models import Organisation
from wayfare.parties.tests.factories import OrganisationFactory, PersonFactory

from .factories import ServiceRelationshipFactory


@pytest.mark.django_db
def test_the_other_side_of_a_consumers_relationship_is_named_and_nobody_else(users, org_a, org_b):
    provider = OrganisationFactory(name="Axle Car Hire of the test")
    stranger = OrganisationFactory(name="A stranger to organisation A")
    PersonFactory(organisation=provider, name="Someone at the provider")
    relationship = ServiceRelationshipFactory(provider=provider, consumer=org_a)
    ServiceRelationshipFactory(provider=stranger, consumer=org_b)
    consumer = users["consumer_own"]

    visible = set(Organisation.objects.restrict(consumer).values_list("pk", flat=True))
    assert visible == {org_a.pk, provider.pk}

    client = client_for(consumer)
    page = client.get(relationship.get_absolute_url()).content.decode()
    assert "Axle Car Hire of the test" in page
    assert client.get(stranger.get_absolute_url()).status_code == 404
    # the provider's own people stay the provider's
    provider_page = client.get(provider.get_absolute_url()).content.decode()
    assert "Someone at the provider" not in provider_page
    listed = client.get("/api/parties/organisations/").json()["results"]
    assert sorted(row["id"] for row in listed) == sorted([org_a.pk, provider.pk])


@pytest.mark.django_db
def test_a_consumer_reads_the_questionnaire_of_its_own_sides_assessment(users, org_a):
    """The template's name is no secret (``named_to_all_readers``), though consumers cannot open it."""
    from wayfare.assessments.models import Assessment, AssessmentTemplate

    template = AssessmentTemplate.objects.get(code="three_cs_customer")
    relationship = ServiceRelationshipFactory(provider=OrganisationFactory(kind="internal"), consumer=org_a)
    assessment = Assessment.objects.create(
        template=template,
        subject=relationship,
        organisation=org_a,
        made_by="counterpart",
        assessed_on="2026-10-27",
    )
    client = client_for(users["consumer_own"])
    page = client.get(assessment.get_absolute_url()).content.decode()
    assert str(template.translated("name")) in page and "not shown" not in page
    assert client.get(template.get_absolute_url()).status_code in (403, 404)
    export = client.get("/assessments/assessments/?_export=csv").content.decode("utf-8-sig")
    assert str(template.translated("name")) in export
