"""Experience factors (issue #12 section 3, seed 003 Table 4.13): profiles per relationship or segment
and the selector later surveys and offerings use."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from wayfare.core.testing import client_for, make_user
from wayfare.relationships.models import (
    EXPERIENCE_FACTOR_GUIDANCE,
    QUALITY_ASPECT_GUIDANCE,
    ExperienceFactor,
    ExperienceFactorImportance,
    ExperienceProfile,
    QualityAspect,
)
from wayfare.relationships.services.suppliers import experience_profile_for

from .factories import ServiceRelationshipFactory
from .factories_suppliers import ExperienceFactorImportanceFactory, ExperienceProfileFactory

pytestmark = pytest.mark.django_db


def test_eight_factors_and_eight_quality_aspects_each_explained():
    assert len(ExperienceFactor.choices) == 8 and len(QualityAspect.choices) == 8
    assert set(EXPERIENCE_FACTOR_GUIDANCE) == set(ExperienceFactor)
    assert set(QUALITY_ASPECT_GUIDANCE) == set(QualityAspect)


def test_a_profile_is_for_a_relationship_or_a_segment_not_both():
    relationship = ServiceRelationshipFactory()
    with pytest.raises(ValidationError):
        ExperienceProfile(name="Both", relationship=relationship, segment="Students").full_clean()
    with pytest.raises(ValidationError):
        ExperienceProfile(name="Neither").full_clean()
    ExperienceProfile(name="Students", segment="Students").full_clean()


def test_quality_aspects_only_under_service_quality():
    profile = ExperienceProfileFactory()
    with pytest.raises(ValidationError):
        ExperienceFactorImportance(
            profile=profile, factor="price_cost", aspect="usability", importance=3
        ).full_clean()
    ExperienceFactorImportance(
        profile=profile, factor="service_quality", aspect="usability", importance=3
    ).full_clean()


def test_selector_prefers_the_relationship_then_the_segment(org_a, make_consumer):
    staff = make_user("boss", ["Administrator"])
    relationship = ServiceRelationshipFactory(consumer=org_a)
    own = ExperienceProfileFactory(relationship=relationship)
    ExperienceFactorImportanceFactory(profile=own, factor="price_cost", importance=2)
    ExperienceFactorImportanceFactory(profile=own, factor="control", importance=5)
    students = ExperienceProfileFactory(relationship=None, segment="Students", name="Students")
    found = experience_profile_for(relationship=relationship, user=staff, segment="students")
    assert found == own
    assert [f.factor for f in found.factors.all()] == ["control", "price_cost"]  # most important first
    other = ServiceRelationshipFactory()
    assert experience_profile_for(relationship=other, user=staff, segment="students") == students
    assert experience_profile_for(relationship=other, user=staff) is None
    # backstage: a consumer's people get nothing, not even their own relationship's profile
    consumer = make_consumer("reader", org_a)
    assert experience_profile_for(relationship=relationship, user=consumer, segment="Students") is None


def test_profile_page_draws_the_factors(org_a, make_consumer):
    staff = make_user("boss", ["Administrator"])
    profile = ExperienceProfileFactory(relationship__consumer=org_a)
    ExperienceFactorImportanceFactory(profile=profile, factor="design_convenience", importance=5)
    url = reverse("relationships:experience_profile_chart", args=[profile.pk])
    response = client_for(staff).get(url)
    assert response.status_code == 200
    assert response.context["chart"]["values"] == [5]
    assert 'id="experience-chart"' in response.content.decode()
    assert client_for(make_consumer("reader", org_a)).get(url).status_code == 404
    assert client_for(make_user("nobody")).get(url).status_code == 403
