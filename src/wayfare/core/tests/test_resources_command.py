"""``wayfare resources`` lists every declaration with what core generated from it (issue #11)."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from wayfare.core.resources import registry

pytestmark = pytest.mark.django_db


def _run(*args):
    out = StringIO()
    call_command("resources", *args, stdout=out)
    return out.getvalue()


def test_json_lists_every_declaration_with_pages_api_permissions_and_roles():
    data = json.loads(_run("--json"))
    by_model = {r["model"]: r for r in data["resources"]}
    assert set(by_model) == {f"{r.app_label}.{r.model.__name__}" for r in registry.all()}
    org = by_model["parties.Organisation"]
    assert org["pages"]["parties:organisation_list"] == "/parties/organisations/"
    assert org["pages"]["parties:organisation_detail"] == "/parties/organisations/<int:pk>/"
    assert org["api"]["api:parties-organisation-list"] == "/api/parties/organisations/"
    assert org["api"]["api:parties-organisation-detail"] == "/api/parties/organisations/<pk>/"
    assert "parties.change_organisation" in org["permissions"]
    assert org["filters"] == ["kind", "country"]
    assert "add_organisation" in org["roles"]["Relationship manager"]
    assert "add_organisation" not in org["roles"]["Analyst"]
    log = by_model["analytics.EventLog"]
    again = next(t for t in log["transitions"] if t["name"] == "import-again")
    assert again["from"] == ["ready", "failed"] and again["to"] == "pending"
    assert again["service"] == "wayfare.analytics.services.event_log_import_again"
    assert again["permission"] == "analytics.change_eventlog"
    assert "api:analytics-eventlog-transition-import-again" in log["api"]
    assert "api:analytics-eventlog-summary" in log["api"]  # the app's own custom actions too
    journey = by_model["journeys.JourneyMap"]
    assert journey["versioned"] and journey["version_children"][0] == "stages"
    assert "journeys:journeymap_version_compare" in journey["pages"]
    assert "add_journeymap" in journey["roles"]["CX designer"]
    assert any(e["key"] == "analytics" and e["url"] == "/analytics/" for e in data["navigation"])
    assert any(c["key"] == "analytics" and c["step"] == "journeys" for c in data["step_cards"])


def test_text_names_each_resource_and_its_generated_pieces():
    text = _run()
    assert "parties.Person" in text and "/parties/people/<int:pk>/edit/" in text
    assert "transition    import-again: status ready|failed -> pending" in text
    assert "versioned     with stages" in text
    assert "CX designer" in text and "navigation" in text


@pytest.mark.parametrize("app", ["parties", "analytics"])
def test_one_app(app):
    data = json.loads(_run("--json", "--app", app))
    assert data["resources"] and all(r["model"].startswith(f"{app}.") for r in data["resources"])
