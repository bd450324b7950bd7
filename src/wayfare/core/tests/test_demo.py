"""The demo story loads, and loading it again changes nothing."""

import html
import io
import re

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


LINK = re.compile(r'href="(/[^"#]*)"')
NOT_FOLLOWED = re.compile(r"^/(admin/|accounts/logout|i18n/|static/|media/|api/)|[?&](export|sort|page)=")


@pytest.mark.parametrize("username", ["mariana", "tomas", "ana", "radhika", "beatriz"])
def test_every_link_a_demo_user_is_shown_opens(username):
    """Following every link from the home page (pages, not downloads or the API) never ends in an error
    or a refusal: nobody is shown a door they may not open."""
    from django.contrib.auth import get_user_model

    call_command("demo", stdout=io.StringIO())
    client = client_for(get_user_model().objects.get(username=username))
    seen: set[str] = set()
    queue = ["/"]
    failures = {}
    while queue and len(seen) < 250:
        path = html.unescape(queue.pop(0))
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code >= 400:
            failures[path] = response.status_code
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        for link in LINK.findall(response.content.decode()):
            if not NOT_FOLLOWED.search(link) and link not in seen:
                queue.append(link)
    assert len(seen) > 10
    assert not failures, failures
