"""The standard battery for each register of the agreements app, and its transitions."""

import pytest

from wayfare.agreements.models import (
    Agreement,
    AgreementSignOff,
    AgreementState,
    AgreementTerm,
    ValuePlanItem,
)
from wayfare.agreements.services import agreement_sign
from wayfare.catalog.tests.factories import ServiceOfferingFactory
from wayfare.core.testing import ResourceTests, client_for
from wayfare.core.testing_transitions import TransitionTests
from wayfare.core.tests.test_calendar_resources import make_calendar
from wayfare.parties.models import ConsumerRole, ConsumerRoleKind
from wayfare.parties.selectors import person_for_user
from wayfare.parties.tests.factories import OrganisationFactory, PersonFactory, UserFactory
from wayfare.relationships.tests.factories import ServiceRelationshipFactory

from .factories import (
    AgreementTermFactory,
    ValuePlanItemFactory,
    agreement_for,
    signer_of,
)


class AgreementTests(ResourceTests):
    model = Agreement
    update_field = "summary"

    def make(self, owner):
        agreement = agreement_for(owner, calendar=make_calendar())
        agreement.offerings.add(ServiceOfferingFactory())
        return agreement

    def valid_data(self, owner):
        relationship = ServiceRelationshipFactory(consumer=owner, provider=OrganisationFactory())
        return {
            "name": f"Service levels for {owner}",
            "relationship": relationship.pk,
            "basis": "agreement",
            "kind": "service_level",
            "starts_on": "2027-01-01",
            "ends_on": "2027-12-31",
        }

    def invalid_data(self, owner):
        relationship = ServiceRelationshipFactory(consumer=owner)
        return {
            "name": "Backwards",
            "relationship": relationship.pk,
            "basis": "agreement",
            "kind": "contract",
            "starts_on": "2027-12-31",
            "ends_on": "2027-01-01",
        }

    def updated_value(self):
        return "Desk and booking system, term time"


class AgreementTermTests(ResourceTests):
    model = AgreementTerm
    update_field = "metric"

    def make(self, owner):
        return AgreementTermFactory(agreement=agreement_for(owner))

    def valid_data(self, owner):
        return {
            "agreement": agreement_for(owner).pk,
            "aspect": "experience",
            "metric": "Customer satisfaction",
            "comparator": "at_least",
            "target": "4.5",
            "unit": "points out of 5",
            "measured_how": "Survey after each booking",
            "measured_every": "monthly",
            "measured_by_party": "provider",
        }

    def invalid_data(self, owner):
        data = self.valid_data(owner)
        data["business_time"] = "on"  # the agreement names no calendar
        return data

    def updated_value(self):
        return "Satisfaction after a booking"


class ValuePlanItemTests(ResourceTests):
    model = ValuePlanItem
    update_field = "indicator"

    def make(self, owner):
        return ValuePlanItemFactory(agreement=agreement_for(owner))

    def valid_data(self, owner):
        return {
            "agreement": agreement_for(owner).pk,
            "indicator": "Students who book in their first week",
            "evidence": "indirect",
            "expected_on": "2027-03-31",
            "tracked_by_party": "consumer",
            "review_every": "each_term",
        }

    def invalid_data(self, owner):
        return {"agreement": agreement_for(owner).pk, "indicator": "", "expected_on": "soon"}

    def updated_value(self):
        return "First-week bookings"


class AgreementSignOffTests(ResourceTests):
    model = AgreementSignOff
    update_field = "note"

    def make(self, owner):
        agreement = _proposed(agreement_for(owner))
        return agreement_sign(agreement=agreement, actor=_staff(), person=signer_of(owner))

    def valid_data(self, owner):
        agreement = _proposed(agreement_for(owner))
        return {"agreement": agreement.pk, "person": signer_of(owner).pk, "note": "Signed at the kick-off"}

    def invalid_data(self, owner):
        agreement = _proposed(agreement_for(owner))
        # A person of the consumer without the customer or sponsor role may not sign.
        return {"agreement": agreement.pk, "person": PersonFactory(organisation=owner).pk}

    def updated_value(self):
        return "Signed at the kick-off, in person"

    def test_consumer_actions_take_the_owner_from_the_actor(self, users, org_a, org_b):
        """A customer or sponsor signs from their own account, as their own person and for their own
        side, whatever person the input names (UI and API)."""
        me = person_for_user(users["consumer_own"])
        ConsumerRole.objects.create(person=me, organisation=org_a, role=ConsumerRoleKind.SPONSOR)
        client = client_for(users["consumer_own"])
        for url in (self.url("add"), self.api_url()):
            agreement = _proposed(agreement_for(org_a))
            other = PersonFactory(organisation=org_a)
            before = set(AgreementSignOff.objects.values_list("pk", flat=True))
            response = client.post(url, {"agreement": agreement.pk, "person": other.pk})
            assert response.status_code in (201, 302), response.content.decode()[:2000]
            (created,) = AgreementSignOff.objects.exclude(pk__in=before)
            assert (created.person, created.side, created.version) == (me, "consumer", 1)

    def test_delete_through_ui(self, users, rows):
        pytest.skip("a sign-off is never deleted (test_sign_offs: test_a_sign_off_is_kept)")

    def test_delete_through_api(self, users, rows):
        pytest.skip("a sign-off is never deleted (test_sign_offs: test_a_sign_off_is_kept)")

    def test_api_create_update_delete(self, users, org_a):
        """Created and its note changed through the API; never deleted (400 with the reason)."""
        client = client_for(users["staff"])
        response = client.post(self.api_url(), self.valid_data(org_a), content_type="application/json")
        assert response.status_code == 201, response.content
        obj = AgreementSignOff.objects.get(pk=response.json()["id"])
        response = client.patch(self.api_url(obj), {"note": "Again"}, content_type="application/json")
        assert response.status_code == 200, response.content
        response = client.delete(self.api_url(obj))
        assert response.status_code == 400 and "never deleted" in response.content.decode()
        assert AgreementSignOff.objects.filter(pk=obj.pk).exists()


def _staff():
    from wayfare.core.testing import make_user

    return make_user(f"slm{UserFactory.build().username}", ["Service level manager"])


def _proposed(agreement):
    """The agreement with one term, proposed (version 1)."""
    from wayfare.agreements.services import agreement_propose

    agreement.state = AgreementState.DRAFT
    agreement.save()
    AgreementTermFactory(agreement=agreement)
    return agreement_propose(instance=agreement, actor=_staff())


class AgreementTransitionTests(TransitionTests):
    model = Agreement

    READY = {
        "propose": AgreementState.DRAFT,
        "withdraw": AgreementState.PROPOSED,
        "agree": AgreementState.PROPOSED,
        "activate": AgreementState.AGREED,
        "review": AgreementState.ACTIVE,
        "resume": AgreementState.UNDER_REVIEW,
        "end": AgreementState.ACTIVE,
    }

    def make_ready(self, transition, owner):
        agreement = agreement_for(owner, state=self.READY[transition.name])
        AgreementTermFactory(agreement=agreement)
        if transition.name == "agree":
            agreement = _proposed(agreement)
            staff = _staff()
            agreement_sign(agreement=agreement, actor=staff, person=signer_of(owner))
            agreement_sign(
                agreement=agreement,
                actor=staff,
                person=PersonFactory(organisation=agreement.relationship.provider),
            )
        return agreement

    def make_guarded(self, transition, owner):
        if transition.name == "agree":
            return _proposed(agreement_for(owner))  # nobody signed
        if transition.name == "propose":
            return agreement_for(owner, state=AgreementState.DRAFT)  # no term
        return None

    def make_wrong_state(self, transition, owner):
        wrong = AgreementState.ENDED if transition.name != "end" else AgreementState.DRAFT
        return agreement_for(owner, state=wrong)

    def test_consumer_of_another_organisation_gets_404(self, users, org_a):
        """Consumers take no transition on agreements ("change" is no consumer action), so the core view
        refuses with 403 before it looks at any row, revealing nothing (as for assessments)."""
        client = client_for(users["consumer_other"])
        for t in self.transitions:
            obj = self.make_ready(t, org_a)
            before = self.state(obj, t)
            assert client.post(self.page_url(obj, t), {"confirmed": "1"}).status_code in (403, 404)
            assert client.post(self.api_url(obj, t)).status_code in (403, 404)
            assert self.state(obj, t) == before
