"""The demo story loads, and loading it again changes nothing."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command

from wayfare.core.testing import client_for

pytestmark = pytest.mark.django_db


def _counts():
    return {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label in {"parties", "auth"}
    }


def test_demo_is_idempotent():
    call_command("demo", stdout=io.StringIO())
    first = _counts()
    assert first["parties.Organisation"] >= 6 and first["parties.Person"] >= 10
    call_command("demo", stdout=io.StringIO())
    assert _counts() == first


def test_demo_consumers_are_isolated():
    from django.contrib.auth import get_user_model

    call_command("demo", stdout=io.StringIO())
    User = get_user_model()
    radhika = client_for(User.objects.get(username="radhika"))
    body = radhika.get("/parties/people/").content.decode()
    assert "Solmaz Karimi" in body and "Beatriz Lima" not in body
    beatriz = User.objects.get(username="beatriz").person
    assert radhika.get(f"/parties/people/{beatriz.pk}/").status_code == 404
    assert radhika.get(f"/api/parties/people/{beatriz.pk}/").status_code == 404
