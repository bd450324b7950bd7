"""Agreements as issue #14 section 4 asks: agreed only once both sides signed the latest version; every
change after proposal is a new version, comparable with the one before; the consumer signs only for its
own organisation, through a customer or sponsor; promises need no sign-off; the completeness check;
review reminders."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from wayfare.agreements.models import AgreementSignOff, AgreementState, AgreementTerm, ValuePlanItem
from wayfare.agreements.selectors import coverage, version_in_force
from wayfare.agreements.services import (
    agreement_activate,
    agreement_agree_refusal,
    agreement_propose,
    agreement_sign,
    agreement_update,
    part_create,
    part_delete,
    part_update,
)
from wayfare.catalog.tests.factories_value import ValueDriverNodeFactory
from wayfare.core.exceptions import AccessError, DomainError
from wayfare.core.reminder_store import Reminder
from wayfare.core.reminders import reminders_run
from wayfare.core.resources import registry
from wayfare.core.testing import client_for, make_user
from wayfare.core.versions import version_compare, versions_for
from wayfare.parties.models import ConsumerRole, ConsumerRoleKind
from wayfare.parties.selectors import person_for_user
from wayfare.parties.tests.factories import PersonFactory

from .factories import AgreementFactory, AgreementTermFactory, agreement_for, signer_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def slm():
    return make_user("slm", ["Service level manager"])


@pytest.fixture
def proposed(org_a, slm):
    agreement = agreement_for(org_a, state=AgreementState.DRAFT, name="Car sharing levels")
    AgreementTermFactory(agreement=agreement, aspect="warranty", metric="Incident response", target=1)
    return agreement_propose(instance=agreement, actor=slm)


def _provider_person(agreement):
    return PersonFactory(organisation=agreement.relationship.provider)


def _sign_both(agreement, actor, consumer=None):
    agreement_sign(agreement=agreement, actor=actor, person=_provider_person(agreement))
    agreement_sign(
        agreement=agreement, actor=actor, person=consumer or signer_of(agreement.relationship.consumer)
    )


def _agree(agreement, client):
    return client.post(
        reverse("api:agreements-agreement-transition-agree", args=[agreement.pk]),
        content_type="application/json",
    )


def test_proposing_makes_version_1(proposed):
    (version,) = versions_for(registry.get(type(proposed)), proposed)
    assert version.number == 1 and version.data["children"]["terms"]


def test_cannot_agree_without_both_sign_offs(proposed, slm, org_a):
    client = client_for(slm)
    assert "Provider, Consumer" in str(agreement_agree_refusal(proposed))
    response = _agree(proposed, client)
    assert response.status_code == 409 and "Provider, Consumer" in response.content.decode()
    agreement_sign(agreement=proposed, actor=slm, person=_provider_person(proposed))
    response = _agree(proposed, client)
    assert response.status_code == 409 and "Consumer" in response.content.decode()
    proposed.refresh_from_db()
    assert proposed.state == AgreementState.PROPOSED
    agreement_sign(agreement=proposed, actor=slm, person=signer_of(org_a))
    assert _agree(proposed, client).status_code == 200
    proposed.refresh_from_db()
    assert proposed.state == AgreementState.AGREED and proposed.agreed_on is not None
    assert version_in_force(proposed) == 1


def test_a_sign_off_of_an_older_version_does_not_count(proposed, slm, org_a):
    _sign_both(proposed, slm)
    term = proposed.terms.get()
    part_update(instance=term, actor=slm, target=Decimal("2"))  # version 2, before anyone agreed
    assert "Version 2" in str(agreement_agree_refusal(proposed))


def test_an_edit_after_agreement_makes_a_new_version_and_the_old_one_stays_in_force(proposed, slm, org_a):
    _sign_both(proposed, slm)
    _agree(proposed, client_for(slm))
    proposed.refresh_from_db()
    agreement_activate(instance=proposed, actor=slm)
    resource = registry.get(type(proposed))
    term = proposed.terms.get()
    part_update(instance=term, actor=slm, target=Decimal("0.5"))
    part_create(AgreementTerm)(
        actor=slm,
        agreement=proposed,
        aspect="experience",
        metric="Customer satisfaction",
        comparator="at_least",
        target=Decimal("4.5"),
        unit="points out of 5",
        measured_how="Survey",
    )
    proposed.refresh_from_db()
    agreement_update(instance=proposed, actor=slm, summary="Term time only")
    numbers = sorted(v.number for v in versions_for(resource, proposed))
    assert numbers == [1, 2, 3, 4]
    assert version_in_force(proposed) == 1  # nobody signed the amendments yet
    # Comparing version 1 with the latest names the changed target and the added term.
    first, last = (versions_for(resource, proposed).get(number=n) for n in (1, 4))
    diff = version_compare(resource, first.data, last.data, user=slm)
    assert "summary" in diff["changed"]
    terms = next(part for part in diff["children"] if part["name"] == "terms")
    assert [row["display"] for row in terms["added"]] == [str(proposed.terms.get(aspect="experience"))]
    assert [f["name"] for f in terms["changed"][0]["fields"]] == ["target"]
    # Both sides sign version 4: it is in force now.
    _sign_both(proposed, slm)
    assert version_in_force(proposed) == 4


def test_a_change_that_versions_do_not_hold_makes_no_version(proposed, slm):
    agreement_update(instance=proposed, actor=slm, review_on=dt.date(2027, 6, 1), internal_notes="Watch")
    assert versions_for(registry.get(type(proposed)), proposed).count() == 1


def test_the_consumer_signs_from_their_own_account_only_for_their_organisation(proposed, users, org_a, org_b):
    page = reverse("agreements:agreement_sign", args=[proposed.pk])
    # A consumer of another organisation does not even find the agreement.
    assert client_for(users["consumer_other"]).post(page).status_code == 404
    # One of the consumer's own people without the customer or sponsor role is refused, with the reason.
    own = client_for(users["consumer_own"])
    response = own.post(page, follow=True)
    assert "neither role" in response.content.decode()
    assert not AgreementSignOff.objects.exists()
    # With the sponsor role they sign, as themselves, for the consumer side.
    me = person_for_user(users["consumer_own"])
    ConsumerRole.objects.create(person=me, organisation=org_a, role=ConsumerRoleKind.SPONSOR)
    detail = own.get(proposed.get_absolute_url()).content.decode()
    assert "Sign version 1" in detail
    own.post(page)
    (signed,) = AgreementSignOff.objects.all()
    assert (signed.person, signed.side, signed.version, signed.recorded_by) == (
        me,
        "consumer",
        1,
        users["consumer_own"],
    )
    # ... once: the side has signed this version.
    with pytest.raises(ValidationError, match="already"):
        agreement_sign(agreement=proposed, actor=users["consumer_own"])


def test_a_consumer_cannot_sign_for_someone_else_or_another_organisation(proposed, users, org_b, slm):
    other = agreement_for(org_b, state=AgreementState.DRAFT)
    AgreementTermFactory(agreement=other)
    other = agreement_propose(instance=other, actor=slm)
    me = person_for_user(users["consumer_own"])
    # Holding the sponsor role for another organisation does not let them sign its agreement.
    ConsumerRole.objects.create(person=me, organisation=org_b, role=ConsumerRoleKind.SPONSOR)
    with pytest.raises(ValidationError, match="neither side"):
        agreement_sign(agreement=other, actor=users["consumer_own"], person=signer_of(org_b))


def test_staff_record_a_signature_only_for_a_person_of_either_side(proposed, slm):
    stranger = PersonFactory()
    with pytest.raises(ValidationError, match="neither side"):
        agreement_sign(agreement=proposed, actor=slm, person=stranger)
    nobody = make_user("nobody-signs")
    with pytest.raises(AccessError):
        agreement_sign(agreement=proposed, actor=nobody, person=_provider_person(proposed))


def test_a_promise_needs_no_sign_off(org_a, slm):
    promise = agreement_for(org_a, basis="promise", state=AgreementState.DRAFT)
    promise = agreement_propose(instance=promise, actor=slm)  # a promise may have no term yet
    assert agreement_agree_refusal(promise) is None
    with pytest.raises(ValidationError, match="informal"):
        agreement_sign(agreement=promise, actor=slm, person=_provider_person(promise))
    assert _agree(promise, client_for(slm)).status_code == 200
    promise.refresh_from_db()
    assert version_in_force(promise) == 1


def test_an_ended_agreement_refuses_every_change(proposed, slm):
    proposed.state = AgreementState.ENDED
    proposed.save()
    term = proposed.terms.get()
    for change in (
        lambda: agreement_update(instance=proposed, actor=slm, summary="Later"),
        lambda: part_update(instance=term, actor=slm, target=Decimal("3")),
        lambda: part_delete(instance=term, actor=slm),
    ):
        with pytest.raises(DomainError, match="ended"):
            change()
    with pytest.raises(ValidationError, match="proposed or agreed"):
        agreement_sign(agreement=proposed, actor=slm, person=_provider_person(proposed))


def test_an_agreed_agreement_is_not_deleted(proposed, slm):
    proposed.state = AgreementState.ACTIVE
    proposed.save()
    response = client_for(make_user("admin-del", ["Administrator"])).delete(
        reverse("api:agreements-agreement-detail", args=[proposed.pk])
    )
    assert response.status_code in (400, 409) and "end it instead" in response.content.decode()


def test_completeness_names_the_aspects_without_a_term(proposed, slm):
    rows = {row["aspect"]: row for row in coverage(proposed, slm)}
    assert rows["warranty"]["count"] == 1
    assert [a for a, row in rows.items() if row["missing"]] == ["outcome", "utility", "experience"]
    page = client_for(slm).get(proposed.get_absolute_url()).content.decode()
    assert page.count('class="missing"') == 3 and "data-coverage-warning" in page


def test_a_term_sits_on_its_layer(proposed, slm):
    utility_node = ValueDriverNodeFactory(layer="utility")
    with pytest.raises(ValidationError, match="layer"):
        part_create(AgreementTerm)(
            actor=slm,
            agreement=proposed,
            aspect="warranty",
            value_driver=utility_node,
            metric="Availability",
            target=Decimal("99.5"),
            unit="%",
            measured_how="Monitoring",
        )
    term = part_create(AgreementTerm)(
        actor=slm,
        agreement=proposed,
        aspect="utility",
        value_driver=utility_node,
        metric="Bookings confirmed within 2 minutes",
        comparator="at_least",
        target=Decimal("90"),
        unit="%",
        measured_how="Booking log",
    )
    assert term.layer == "utility"
    assert term.statement == "Bookings confirmed within 2 minutes: at least 90 %"


def test_business_time_needs_the_agreements_calendar(proposed, slm):
    with pytest.raises(ValidationError, match="calendar"):
        part_create(AgreementTerm)(
            actor=slm,
            agreement=proposed,
            aspect="warranty",
            metric="Response",
            target=Decimal("1"),
            unit="hour",
            business_time=True,
            measured_how="Tickets",
        )


def test_a_plan_item_tracks_a_term_of_its_own_agreement(proposed, slm, org_b):
    foreign = AgreementTermFactory(agreement=AgreementFactory())
    with pytest.raises(ValidationError, match="another agreement"):
        part_create(ValuePlanItem)(
            actor=slm,
            agreement=proposed,
            indicator="Placements reached",
            term=foreign,
            expected_on=dt.date(2027, 3, 1),
        )


def test_review_dates_raise_reminders_for_the_relationship_manager(proposed, slm):
    relationship = proposed.relationship
    relationship.manager = make_user("manager", ["Relationship manager"])
    relationship.save()
    agreement_update(instance=proposed, actor=slm, review_on=dt.date(2027, 6, 1))
    reminders_run(today=dt.date(2027, 5, 28))  # within the 7 days' lead
    (reminder,) = Reminder.objects.filter(source="agreements.agreement.review_on")
    assert reminder.recipient == proposed.relationship.manager and reminder.due_date == dt.date(2027, 6, 1)


def test_consumers_never_see_a_draft_or_the_internal_notes(org_a, users, slm):
    draft = agreement_for(org_a, state=AgreementState.DRAFT, internal_notes="Margin is thin")
    shown = agreement_for(org_a, state=AgreementState.PROPOSED, internal_notes="Margin is thin")
    client = client_for(users["consumer_own"])
    assert client.get(draft.get_absolute_url()).status_code == 404
    listing = client.get(reverse("api:agreements-agreement-list")).json()
    rows = listing["results"] if isinstance(listing, dict) else listing
    assert [row["id"] for row in rows] == [shown.pk]
    assert "Margin is thin" not in client.get(shown.get_absolute_url()).content.decode()
    assert "internal_notes" not in rows[0]


def test_the_api_says_where_it_stands_and_a_consumer_signs_through_it(proposed, users, org_a, slm):
    me = person_for_user(users["consumer_own"])
    ConsumerRole.objects.create(person=me, organisation=org_a, role=ConsumerRoleKind.CUSTOMER)
    client = client_for(users["consumer_own"])
    url = reverse("api:agreements-agreement-standing", args=[proposed.pk])
    standing = client.get(url).json()
    assert standing["latest_version"] == 1 and standing["version_in_force"] is None
    assert standing["you_may_sign"] is True and standing["signatures"] == {"provider": None, "consumer": None}
    assert [row["aspect"] for row in standing["coverage"] if row["missing"]] == [
        "outcome",
        "utility",
        "experience",
    ]
    response = client.post(reverse("api:agreements-agreementsignoff-list"), {"agreement": proposed.pk})
    assert response.status_code == 201, response.content
    standing = client.get(url).json()
    assert standing["signatures"]["consumer"]["person"] == str(me) and standing["you_may_sign"] is False
    assert "already" in standing["why_not"]
    assert client_for(users["consumer_other"]).get(url).status_code == 404


def test_a_signed_proposal_is_not_deleted_and_a_service_call_keeps_the_guard(proposed, slm):
    from wayfare.agreements.services import agreement_agree, agreement_delete

    with pytest.raises(DomainError, match="Consumer"):
        agreement_agree(instance=proposed, actor=slm)  # called directly, not through the transition
    agreement_sign(agreement=proposed, actor=slm, person=_provider_person(proposed))
    with pytest.raises(DomainError, match="signed it already"):
        agreement_delete(instance=proposed, actor=slm)


def test_a_stale_copy_of_the_agreement_still_makes_a_version(org_a, slm):
    from wayfare.agreements.models import Agreement

    agreement = agreement_for(org_a, state=AgreementState.DRAFT)
    AgreementTermFactory(agreement=agreement)
    stale = Agreement.objects.get(pk=agreement.pk)
    agreement_propose(instance=agreement, actor=slm)
    part_create(AgreementTerm)(
        actor=slm,
        agreement=stale,
        aspect="utility",
        metric="Confirmed",
        target=Decimal("90"),
        unit="%",
        measured_how="Log",
    )
    assert versions_for(registry.get(Agreement), agreement).count() == 2


def test_the_calendar_stays_while_terms_count_business_time(org_a, slm):
    from wayfare.core.tests.test_calendar_resources import make_calendar

    agreement = agreement_for(org_a, calendar=make_calendar())
    AgreementTermFactory(agreement=agreement, business_time=True)
    with pytest.raises(ValidationError, match="business-hours calendar"):
        agreement_update(instance=agreement, actor=slm, calendar=None)


def test_a_consumer_reads_no_name_of_the_providers_people(proposed, users, org_a, slm):
    """The provider's signer is a person of the provider organisation, which the consumer's people may
    not open: the page and the API say "not shown", as every related name does."""
    from wayfare.core.related import NOT_SHOWN

    signer = PersonFactory(organisation=proposed.relationship.provider, name="Provider Signer")
    agreement_sign(agreement=proposed, actor=slm, person=signer)
    client = client_for(users["consumer_own"])
    page = client.get(proposed.get_absolute_url()).content.decode()
    assert "Provider Signer" not in page and str(NOT_SHOWN) in page
    standing = client.get(reverse("api:agreements-agreement-standing", args=[proposed.pk])).json()
    assert standing["signatures"]["provider"]["person"] == str(NOT_SHOWN)
    assert "Provider Signer" in client_for(slm).get(proposed.get_absolute_url()).content.decode()


def test_comparing_versions_names_the_offerings_covered(proposed, slm, users):
    """A many-to-many value in a comparison shows the records' names, each only to a reader who may
    see it (core.versions), never their ids."""
    from wayfare.catalog.tests.factories import ServiceOfferingFactory

    hidden = ServiceOfferingFactory(name="Long-stay commuting", state="draft")
    agreement_update(instance=proposed, actor=slm, offerings=[hidden])
    resource = registry.get(type(proposed))
    first, second = (versions_for(resource, proposed).get(number=n) for n in (1, 2))
    row = next(
        f
        for f in version_compare(resource, first.data, second.data, user=slm)["fields"]
        if f["name"] == "offerings"
    )
    assert row["changed"] and row["b"] == "Long-stay commuting"
    row = next(
        f
        for f in version_compare(resource, first.data, second.data, user=users["consumer_own"])["fields"]
        if f["name"] == "offerings"
    )
    assert "Long-stay" not in str(row["b"])
