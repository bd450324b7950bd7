"""Apps plug in (issue #11): core imports no app; each app declares its roles' permissions, its navigation
entries and its step cards."""

import ast
import re
from pathlib import Path

import pytest
from django.urls import reverse

import wayfare.core
from wayfare.core import navigation
from wayfare.core.navigation import STEP_BY_SLUG, nav_entry, step_card
from wayfare.core.roles import ROLES, role_by_group, role_codenames
from wayfare.core.testing import client_for

CORE = Path(wayfare.core.__file__).parent


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            if node.module == "wayfare":
                names |= {f"wayfare.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if re.fullmatch(r"wayfare(\.[a-z_]+)+", node.value):
                names.add(node.value)  # import_module("wayfare.parties...") or a dotted path in a string
    return names


def test_core_imports_no_app():
    """Core's own code (not its tests, which run with the project's apps installed) names no app."""
    offenders = []
    for path in sorted(CORE.rglob("*.py")):
        if "tests" in path.relative_to(CORE).parts or "migrations" in path.relative_to(CORE).parts:
            continue
        for name in _imported_modules(path):
            parts = name.split(".")
            if parts[0] == "wayfare" and len(parts) > 1 and parts[1] not in ("core",):
                offenders.append(f"{path.relative_to(CORE)}: {name}")
    assert not offenders, offenders


def test_the_scan_finds_an_app_import(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("def f():\n    from wayfare.parties.selectors import person_for_user\n")
    assert "wayfare.parties.selectors" in _imported_modules(probe)


def test_roles_grant_nothing_in_apps_that_do_not_exist():
    known = {"*"}
    for role in ROLES:
        assert set(role.grants) <= known, (role.group, role.grants)


@pytest.mark.django_db
def test_apps_declare_their_roles_permissions():
    from wayfare.analytics.models import EventLog
    from wayfare.journeys.models import JourneyMap, JourneyStage
    from wayfare.parties.models import Organisation

    cx = role_by_group("CX designer")
    assert cx is not None
    assert {"add_journeymap", "change_journeymap"} <= set(role_codenames(cx, JourneyMap))
    assert {"add_journeystage", "delete_journeystage"} <= set(role_codenames(cx, JourneyStage))
    assert role_codenames(cx, EventLog) == ["view_eventlog"]
    manager = role_by_group("Relationship manager")
    assert manager is not None and "add_organisation" in role_codenames(manager, Organisation)
    assert role_codenames(manager, EventLog) == ["view_eventlog"]


@pytest.mark.django_db
def test_cx_designer_creates_a_journey_map_of_a_log_and_stages_through_the_api():
    from wayfare.analytics.tests.factories import EventLogFactory
    from wayfare.journeys.models import JourneyStage
    from wayfare.parties.tests.factories import UserFactory

    designer = UserFactory(username="designer", roles=["CX designer"])
    log = EventLogFactory()
    client = client_for(designer)
    response = client.post(
        "/api/journeys/maps/", {"name": "From the API", "event_log": log.pk}, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    response = client.post(
        "/api/journeys/stages/",
        {"journey_map": response.json()["id"], "position": 1, "name": "Pick up", "activities": ["Pick up"]},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert JourneyStage.objects.count() == 1
    # ... but the event log itself stays the analysts'.
    assert client.post("/api/analytics/event-logs/", {"name": "x"}).status_code == 403


@pytest.mark.django_db
def test_navigation_comes_from_declarations(users):
    from wayfare.parties.tests.factories import UserFactory

    analyst = client_for(UserFactory(username="analyst", roles=["Analyst"])).get(reverse("home"))
    html = analyst.content.decode()
    assert (
        f'href="{reverse("analytics:home")}"' in html
        and f'href="{reverse("step", args=["journeys"])}"' in html
    )
    assert f'href="{reverse("admin:index")}"' not in html  # not staff
    consumer = client_for(users["consumer_own"]).get(reverse("home")).content.decode()
    assert f'href="{reverse("analytics:home")}"' not in consumer


@pytest.mark.django_db
def test_an_app_adds_entries_cards_and_replaces_planned_items_without_editing_core(users, monkeypatch):
    monkeypatch.setattr(navigation, "NAV_ENTRIES", dict(navigation.NAV_ENTRIES))
    monkeypatch.setattr(navigation, "STEP_CARDS", dict(navigation.STEP_CARDS))
    offer = STEP_BY_SLUG["onboard"]  # a step whose plans no app has brought yet
    planned = offer.coming[0]
    client = client_for(users["staff"])
    assert str(planned) in client.get(reverse("step", args=["onboard"])).content.decode()
    nav_entry("probe", "Probe entry", "account", order=60)
    step_card(
        "probe",
        step="onboard",
        home=True,
        label="Probe card",
        description="A card an app declared.",
        url_name="account",
        replaces=[planned.key],
    )
    step_card(
        "hidden",
        step="onboard",
        label="Hidden card",
        description="-",
        url_name="account",
        permission="parties.no_such_permission",
    )
    page = client.get(reverse("step", args=["onboard"])).content.decode()
    assert "Probe card" in page and "Probe entry" in page
    assert str(planned) not in page and "Hidden card" not in page
    assert str(offer.coming[1]) in page
    assert "Probe card" in client.get(reverse("home")).content.decode()
    with pytest.raises(ValueError):
        step_card("bad", step="nowhere", label="-", description="-", url_name="account")


def test_a_grant_names_an_existing_role():
    from wayfare.core.roles import grant

    with pytest.raises(ValueError):
        grant("Wizard", "parties", "view")


@pytest.mark.django_db
def test_a_consumer_with_a_staff_role_is_offered_no_page_that_refuses_them(users):
    """A consumer's staff roles widen nothing (core.access.has_permission), so the navigation, the step
    pages and the home cards must not offer them pages that answer 403 (issue #11)."""
    from django.contrib.auth.models import Group

    from wayfare.core.navigation import nav_entries, step_entries

    user = users["consumer_own"]
    user.groups.add(Group.objects.get(name="Analyst"))
    user = type(user).objects.get(pk=user.pk)  # fresh permission cache
    client = client_for(user)
    urls = [e["url"] for e in nav_entries(user)]
    urls += [link["url"] for entry in step_entries(user) for link in entry["links"]]
    assert reverse("analytics:home") not in urls
    for url in urls:
        assert client.get(url).status_code == 200, url
