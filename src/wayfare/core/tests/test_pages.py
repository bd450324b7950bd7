"""Pages outside the registers: home, steps, account and token, health check, API schema and docs."""

from unittest import mock

import pytest
import yaml
from django.db.utils import OperationalError
from django.urls import reverse
from drf_spectacular.validation import validate_schema

from wayfare.core.navigation import STEPS
from wayfare.core.testing import client_for

pytestmark = pytest.mark.django_db


def test_home_and_every_step_page(users):
    client = client_for(users["staff"])
    assert client.get(reverse("home")).status_code == 200
    for step in STEPS:
        response = client.get(reverse("step", args=[step.slug]))
        assert response.status_code == 200
        assert str(step.purpose) in response.content.decode()
    assert client.get(reverse("step", args=["journeys"])).status_code == 200
    assert client.get(reverse("step", args=["nowhere"])).status_code == 404


def test_login_required(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_login_and_logout(client, users):
    user = users["staff"]
    response = client.post(reverse("login"), {"username": user.username, "password": "pw"})
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200
    client.post(reverse("logout"))
    assert client.get(reverse("home")).status_code == 302


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json()["status"] == "ok"


def test_healthz_reports_database_failure(client):
    with mock.patch("wayfare.core.views.pages.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["status"] == "error"


def test_openapi_schema_is_valid(users):
    response = client_for(users["staff"]).get("/api/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    validate_schema(schema)
    assert "/api/parties/organisations/" in schema["paths"]


def test_schema_says_a_related_id_in_an_answer_may_be_null(users):
    """A related row the reader may not open is null in answers (core.related), so the response schema
    says nullable; a request must still name a person."""
    schema = yaml.safe_load(client_for(users["staff"]).get("/api/schema/").content)
    components = schema["components"]["schemas"]
    assert components["ConsumerRole"]["properties"]["person"].get("nullable") is True
    assert not components["ConsumerRoleRequest"]["properties"]["person"].get("nullable")
    assert "person" in components["ConsumerRoleRequest"]["required"]


def test_api_docs_are_served_offline(users):
    response = client_for(users["staff"]).get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "drf_spectacular_sidecar" in html
    assert "cdn" not in html.lower() and "unpkg" not in html.lower()


def test_token_authentication(client, users, org_a):
    user = users["staff"]
    staff = client_for(user)
    token = staff.post(reverse("account_token"), {"days": 30}).context["new_key"]
    response = client.get("/api/parties/organisations/", headers={"Authorization": f"Token {token}"})
    assert response.status_code == 200 and response.json()["count"] >= 1
    staff.post(reverse("account_token"), {"days": 30})  # regenerate: the old token stops working
    response = client.get("/api/parties/organisations/", headers={"Authorization": f"Token {token}"})
    assert response.status_code == 401


def test_static_files_are_vendored_not_from_a_cdn(users):
    html = client_for(users["staff"]).get(reverse("home")).content.decode()
    assert "/static/vendor/htmx/htmx.min.js" in html
    assert "https://" not in html.split("<body")[0]


def test_password_change_page(users):
    assert client_for(users["staff"]).get(reverse("password_change")).status_code == 200


@pytest.mark.django_db
def test_record_page_links_web_addresses_and_email(users, org_a):
    from wayfare.parties.models import Organisation, Person

    Organisation.objects.filter(pk=org_a.pk).update(website="https://axle.example")
    person = Person.objects.create(name="Link Test", email="link@axle.example", organisation=org_a)
    client = client_for(users["staff"])
    assert 'href="https://axle.example"' in client.get(f"/parties/organisations/{org_a.pk}/").content.decode()
    assert 'href="mailto:link@axle.example"' in client.get(f"/parties/people/{person.pk}/").content.decode()
