"""Stakeholders (issue #12 section 2): the services keep every position, the approach follows the grid
(3 counts as high), bad input is refused whole, a revisit date is a reminder source, and the map and
its data stay backstage."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from wayfare.core.access import SYSTEM
from wayfare.core.reminders import reminder_source
from wayfare.core.testing import client_for, make_user
from wayfare.relationships.health import health_measures
from wayfare.relationships.models import Stakeholder, StakeholderApproach, StakeholderPosition, approach_for
from wayfare.relationships.panels import panels_for
from wayfare.relationships.services.stakeholders import (
    stakeholder_create,
    stakeholder_position_delete,
    stakeholder_position_update,
    stakeholder_reassess,
    stakeholder_update,
    stakeholders_current_share,
)

from .factories import ServiceRelationshipFactory
from .factories_stakeholders import StakeholderFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.mark.parametrize(
    ("influence", "interest", "approach"),
    [
        (5, 5, "manage_closely"),
        (3, 3, "manage_closely"),  # the middle counts as high, on both axes
        (3, 2, "keep_satisfied"),
        (5, 1, "keep_satisfied"),
        (2, 3, "keep_informed"),
        (1, 5, "keep_informed"),
        (2, 2, "monitor"),
        (1, 1, "monitor"),
    ],
)
def test_approach_on_each_side_of_every_boundary(influence, interest, approach):
    assert approach_for(influence, interest) == approach
    stakeholder = stakeholder_create(actor=SYSTEM, name="S", influence=influence, interest=interest)
    assert stakeholder.approach == approach
    assert Stakeholder.objects.filter(approach=approach).count() == 1  # stored, so lists filter on it


def test_create_writes_the_first_position():
    relationship = ServiceRelationshipFactory()
    stakeholder = stakeholder_create(
        actor=SYSTEM, relationship=relationship, name="Sponsor", influence=4, interest=2, note="First look"
    )
    (position,) = stakeholder.positions.all()
    assert (position.influence, position.interest, position.assessed_on) == (4, 2, TODAY)
    assert position.approach == "keep_satisfied" and position.note == "First look"


def test_reassess_keeps_every_position_and_moves_the_stakeholder():
    user = make_user("rm", ["Relationship manager"])
    stakeholder = StakeholderFactory(
        influence=4, interest=2, first_position=TODAY - datetime.timedelta(days=60)
    )
    stakeholder_reassess(
        stakeholder=stakeholder,
        influence=4,
        interest=5,
        assessed_on=TODAY - datetime.timedelta(days=10),
        note="Interest rose after the discount deal",
        revisit_by=TODAY + datetime.timedelta(days=30),
        actor=user,
    )
    stakeholder.refresh_from_db()
    assert (stakeholder.influence, stakeholder.interest, stakeholder.approach) == (4, 5, "manage_closely")
    assert stakeholder.revisit_by == TODAY + datetime.timedelta(days=30)
    positions = list(stakeholder.positions.order_by("assessed_on").values_list("influence", "interest"))
    assert positions == [(4, 2), (4, 5)]
    latest = stakeholder.positions.order_by("-assessed_on").first()
    assert latest.assessed_by == user and latest.history.first().history_user == user
    # a late entry for an earlier date joins the history and leaves the current place alone
    stakeholder_reassess(
        stakeholder=stakeholder,
        influence=1,
        interest=1,
        assessed_on=TODAY - datetime.timedelta(days=30),
        actor=user,
    )
    stakeholder.refresh_from_db()
    assert (stakeholder.influence, stakeholder.interest) == (4, 5)
    assert stakeholder.positions.count() == 3
    assert stakeholder.revisit_by == TODAY + datetime.timedelta(days=30)  # not given: kept


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"influence": 0}, "influence"),
        ({"influence": 6}, "influence"),
        ({"interest": "high"}, "interest"),
        ({"interest": True}, "interest"),
        ({"interest": 2.5}, "interest"),
        ({"assessed_on": TODAY + datetime.timedelta(days=1)}, "assessed_on"),
        ({"revisit_by": TODAY - datetime.timedelta(days=1)}, "revisit_by"),
    ],
)
def test_reassess_refuses_bad_input_and_writes_nothing(changes, field):
    stakeholder = StakeholderFactory(influence=2, interest=2)
    arguments = {"influence": 3, "interest": 3, "assessed_on": TODAY, **changes}
    with pytest.raises(ValidationError) as error:
        stakeholder_reassess(stakeholder=stakeholder, actor=SYSTEM, **arguments)
    assert field in error.value.message_dict
    stakeholder.refresh_from_db()
    assert (stakeholder.influence, stakeholder.interest) == (2, 2)
    assert stakeholder.positions.count() == 1


def test_reassess_needs_the_change_permission():
    reader = make_user("reader", ["Read-only"])
    stakeholder = StakeholderFactory()
    with pytest.raises(Exception, match="may not"):
        stakeholder_reassess(stakeholder=stakeholder, influence=1, interest=1, actor=reader)
    assert stakeholder.positions.count() == 1


def test_edit_of_influence_is_a_new_position_not_an_overwrite():
    stakeholder = StakeholderFactory(influence=2, interest=2)
    stakeholder_update(instance=stakeholder, actor=SYSTEM, influence=4, name="Renamed")
    stakeholder.refresh_from_db()
    assert (stakeholder.name, stakeholder.influence, stakeholder.approach) == ("Renamed", 4, "keep_satisfied")
    assert list(stakeholder.positions.values_list("influence", flat=True)) == [4, 2]


def test_a_position_keeps_its_values_and_deleting_the_latest_steps_back():
    stakeholder = StakeholderFactory(influence=2, interest=2)
    position = stakeholder_reassess(stakeholder=stakeholder, influence=5, interest=5, actor=SYSTEM)
    with pytest.raises(ValidationError):
        stakeholder_position_update(instance=position, actor=SYSTEM, influence=1)
    stakeholder_position_update(instance=position, actor=SYSTEM, note="Met the dean")
    position.refresh_from_db()
    assert position.note == "Met the dean" and position.influence == 5
    stakeholder_position_delete(instance=position, actor=SYSTEM)
    stakeholder.refresh_from_db()
    assert (stakeholder.influence, stakeholder.interest, stakeholder.approach) == (2, 2, "monitor")


def test_category_must_fit_the_side():
    with pytest.raises(ValidationError) as error:
        stakeholder_create(
            actor=SYSTEM, name="X", side="internal", category="regulator", influence=1, interest=1
        )
    assert "category" in error.value.message_dict
    assert not Stakeholder.objects.exists() and not StakeholderPosition.objects.exists()


def test_revisit_date_is_a_reminder_source():
    source = reminder_source("relationships.stakeholder.revisit_by")
    assert source is not None and source.model is Stakeholder
    manager = make_user("manager", ["Relationship manager"])
    of_relationship = StakeholderFactory(relationship__manager=manager, revisit_by=TODAY)
    creator = make_user("creator", ["Relationship manager"])
    own = StakeholderFactory(relationship=None, created_by=creator, revisit_by=TODAY)
    StakeholderFactory(revisit_by=None)
    assert list(source.recipients(of_relationship)) == [manager]
    assert list(source.recipients(own)) == [creator]
    assert set(source.open_rows(Stakeholder.objects.all())) == {of_relationship, own}


def test_health_measure_share_of_stakeholders_not_overdue():
    (measure,) = [m for m in health_measures() if m.key == "stakeholders"]
    relationship = ServiceRelationshipFactory()
    assert measure.compute(relationship) is None  # no stakeholders: missing, never zero
    StakeholderFactory(relationship=relationship, revisit_by=TODAY)  # due today: not overdue yet
    StakeholderFactory(relationship=relationship, revisit_by=None)
    StakeholderFactory(relationship=relationship, revisit_by=TODAY - datetime.timedelta(days=1))
    StakeholderFactory(relationship=relationship, revisit_by=TODAY - datetime.timedelta(days=9))
    assert stakeholders_current_share(relationship) == 50.0


def test_panel_counts_per_approach_for_staff_only(rf, org_a, make_consumer):
    relationship = ServiceRelationshipFactory(consumer=org_a)
    StakeholderFactory(relationship=relationship, influence=5, interest=5, revisit_by=TODAY)
    StakeholderFactory(relationship=relationship, influence=1, interest=1)
    request = rf.get("/")
    request.user = make_user("staff", ["Relationship manager"])
    ((panel, context),) = [(p, c) for p, c in panels_for(request, relationship) if p.key == "stakeholders"]
    counts = {approach.value: count for approach, count in context["approaches"]}
    assert counts == {"manage_closely": 1, "keep_satisfied": 0, "keep_informed": 0, "monitor": 1}
    assert context["revisits_due"] == 1 and context["total"] == 2
    from django.template.loader import render_to_string

    html = render_to_string(panel.template, context)
    assert context["map_url"] in html and "1" in html
    request.user = make_consumer("consumer", org_a, ("Consumer", "Relationship manager"))
    assert all(p.key != "stakeholders" for p, _c in panels_for(request, relationship))


def _map_config(response):
    html = response.content.decode()
    start = html.index('<script id="stakeholder-map-config" type="application/json">')
    body = html[start:].split(">", 1)[1].split("</script>", 1)[0]
    return json.loads(body)


def test_map_page_data(org_a):
    relationship = ServiceRelationshipFactory(consumer=org_a)
    moved = StakeholderFactory(relationship=relationship, name="Dean", influence=4, interest=2)
    stakeholder_reassess(stakeholder=moved, influence=4, interest=5, actor=SYSTEM)
    StakeholderFactory(relationship=relationship, name="Students' union", influence=2, interest=4)
    StakeholderFactory(relationship=ServiceRelationshipFactory(), name="Elsewhere")
    StakeholderFactory(relationship=None, name="Our board")
    client = client_for(make_user("reader", ["Read-only"]))
    response = client.get(reverse("relationships:stakeholder_map", args=[relationship.pk]))
    assert response.status_code == 200
    config = _map_config(response)
    assert config["canChange"] is False
    names = {p["name"]: p for p in config["points"]}
    assert set(names) == {"Dean", "Students' union"}
    assert names["Dean"]["previous"]["interest"] == 2 and names["Dean"]["approach"] == "manage_closely"
    assert names["Students' union"]["previous"] is None
    own = client.get(reverse("relationships:stakeholder_map_own"))
    assert [p["name"] for p in _map_config(own)["points"]] == ["Our board"]


def test_map_is_backstage(org_a, make_consumer):
    relationship = ServiceRelationshipFactory(consumer=org_a)
    StakeholderFactory(relationship=relationship, name="Secret sponsor view")
    for roles in (("Consumer",), ("Consumer", "Administrator")):
        client = client_for(make_consumer(f"c{len(roles)}", org_a, roles))
        for url in (
            reverse("relationships:stakeholder_map", args=[relationship.pk]),
            reverse("relationships:stakeholder_map_own"),
        ):
            response = client.get(url)
            assert response.status_code == 404
            assert b"Secret sponsor view" not in response.content
        assert client.get(reverse("api:relationships-stakeholder-list")).status_code == 403
    assert (
        client_for(make_user("nobody")).get(reverse("relationships:stakeholder_map_own")).status_code == 403
    )


def test_api_reassess_moves_and_answers_the_point():
    stakeholder = StakeholderFactory(influence=2, interest=2)
    client = client_for(make_user("rm", ["Relationship manager"]))
    url = reverse("api:relationships-stakeholder-reassess", args=[stakeholder.pk])
    response = client.post(
        url, {"influence": 5, "interest": 4, "note": "Now sponsors us"}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    point = response.json()["stakeholder"]
    assert (point["influence"], point["interest"], point["approach"]) == (5, 4, "manage_closely")
    assert point["previous"] == {"influence": 2, "interest": 2, "assessedOn": "2026-09-01"}
    bad = client.post(url, {"influence": 8, "interest": 4}, content_type="application/json")
    assert bad.status_code == 400 and "influence" in bad.json()
    assert stakeholder.positions.count() == 2
    reader = client_for(make_user("reader", ["Read-only"]))
    assert (
        reader.post(url, {"influence": 1, "interest": 1}, content_type="application/json").status_code == 403
    )


def test_reassess_page_without_scripts():
    stakeholder = StakeholderFactory(influence=2, interest=2)
    client = client_for(make_user("rm", ["Relationship manager"]))
    url = reverse("relationships:stakeholder_reassess", args=[stakeholder.pk])
    assert client.get(url).status_code == 200
    future = (TODAY + datetime.timedelta(days=3)).isoformat()
    response = client.post(url, {"influence": 4, "interest": 4, "assessed_on": future})
    assert response.status_code == 400 and response.context["form"].errors["assessed_on"]
    response = client.post(url, {"influence": 4, "interest": 4, "assessed_on": TODAY.isoformat()})
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "relationships:stakeholder_map", args=[stakeholder.relationship_id]
    )
    stakeholder.refresh_from_db()
    assert stakeholder.approach == StakeholderApproach.MANAGE_CLOSELY
