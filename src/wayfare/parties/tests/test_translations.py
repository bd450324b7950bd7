"""An organisation's description carries translations (core.translations); its name is a proper name."""

import io

import pytest
from django.core.management import call_command

from wayfare.core.testing import client_for
from wayfare.parties.models import Organisation

pytestmark = pytest.mark.django_db


def _client(user, language):
    client = client_for(user)
    client.cookies["django_language"] = language
    return client


def test_organisation_description_in_the_readers_language(users, org_a):
    org_a.description = "Hires cars"
    org_a.translations = {"ru": {"description": "Прокат автомобилей"}}
    org_a.save()
    url = f"/parties/organisations/{org_a.pk}/"
    assert "Прокат автомобилей" in _client(users["staff"], "ru").get(url).content.decode()
    assert "Прокат автомобилей" in _client(users["consumer_own"], "ru").get(url).content.decode()

    def description(language):
        rows = _client(users["staff"], language).get(url).context["fields"]
        return next(r["value"] for r in rows if r["name"] == "description")

    assert description("ru") == "Прокат автомобилей"
    assert description("en") == "Hires cars"
    assert description("zh-hans") == "Hires cars"  # no Chinese text: the original


def test_organisation_edit_form_offers_description_translations_only(users, org_a):
    form = _client(users["staff"], "en").get(f"/parties/organisations/{org_a.pk}/edit/").context["form"]
    assert "description__ru" in form.fields and "name__ru" not in form.fields
    names = list(form.fields)
    assert names.index("description__zh-hans") == names.index("description") + 1


def test_demo_organisation_descriptions_in_russian(users):
    call_command("demo", stdout=io.StringIO())
    axle = Organisation.objects.get(name="Axle Car Hire")
    body = _client(users["staff"], "ru").get(f"/parties/organisations/{axle.pk}/").content.decode()
    assert "Компания по прокату автомобилей" in body and "Axle Car Hire" in body
