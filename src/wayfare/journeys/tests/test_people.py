"""The people part (issue #13 section 1): persona card, picture upload, merging scenarios, culture."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from wayfare.core.testing import client_for, make_user
from wayfare.journeys.models import JourneyMap, Persona, Scenario
from wayfare.journeys.services import people as people_services

from .factories import (
    CultureProfileFactory,
    JourneyMapFactory,
    PersonaAspirationFactory,
    PersonaFactory,
    PersonaResearchFactory,
    ScenarioFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def designer(db):
    return make_user("designer", ["CX designer"])


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return tmp_path


def png(width, height):
    out = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(out, format="PNG")
    return SimpleUploadedFile("face.png", out.getvalue(), content_type="image/png")


def test_persona_card_groups_and_aspirations(designer):
    persona = PersonaFactory(name="Katrina", family="Lives with a flatmate", channels="Chat app")
    PersonaAspirationFactory(persona=persona, kind="emotional", text="Feel free at weekends")
    PersonaResearchFactory(persona=persona, title="Car pool talk", link="https://example.org/r")
    page = client_for(designer).get(reverse("journeys:persona_detail", args=[persona.pk])).content.decode()
    assert "How to reach them" in page and "Chat app" in page and "Lives with a flatmate" in page
    assert "Feel free at weekends" in page and 'href="https://example.org/r"' in page


def test_machine_persona_hides_human_fields(designer):
    persona = PersonaFactory(name="Billing service", is_machine=True)
    page = client_for(designer).get(reverse("journeys:persona_detail", args=[persona.pk])).content.decode()
    assert "Hopes and dreams" not in page and "do not apply" in page


def test_picture_is_resized_on_upload(designer, media):
    client = client_for(designer)
    response = client.post(reverse("journeys:persona_add"), {"name": "Katrina", "picture": png(1600, 800)})
    assert response.status_code == 302, response.content.decode()[:1500]
    persona = Persona.objects.get(name="Katrina")
    with Image.open(persona.picture.path) as image:
        assert max(image.size) == 512 and image.size == (512, 256)


def test_text_file_named_png_is_refused(designer, media):
    upload = SimpleUploadedFile("face.png", b"not a picture at all", content_type="image/png")
    response = client_for(designer).post(reverse("journeys:persona_add"), {"name": "K", "picture": upload})
    assert response.status_code == 400
    assert response.context["form"].errors["picture"]
    assert not Persona.objects.exists() and not any(media.rglob("*.*"))


def test_oversize_picture_is_refused(designer, media, monkeypatch):
    monkeypatch.setattr(people_services, "PICTURE_MAX_BYTES", 100)
    response = client_for(designer).post(
        reverse("journeys:persona_add"), {"name": "K", "picture": png(300, 300)}
    )
    assert response.status_code == 400
    assert "larger than 5 MB" in " ".join(response.context["form"].errors["picture"])
    assert not Persona.objects.exists() and not any(media.rglob("*.*"))


def test_decompression_bomb_is_refused(monkeypatch):
    monkeypatch.setattr(people_services, "PICTURE_MAX_PIXELS", 1000)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="too many pixels"):
        people_services.persona_picture_prepare(png(200, 200))


def test_scenarios_merge_into_one_map(designer):
    first = ScenarioFactory(name="Book", position=1, goal="A van", how="On the app", why="Festival")
    second = ScenarioFactory(name="Return", position=2, goal="Give it back")
    response = client_for(designer).post(
        reverse("journeys:scenario_merge"), {"scenarios": [second.pk, first.pk], "name": "Weekend trip"}
    )
    journey_map = JourneyMap.objects.get(name="Weekend trip")
    assert response.status_code == 302
    stages = list(journey_map.stages.order_by("position"))
    assert [s.name for s in stages] == ["Book", "Return"]
    assert stages[0].consumer_goals == "A van" and stages[0].customer_actions == "On the app"
    assert set(journey_map.personas.all()) == {first.persona, second.persona}
    assert set(Scenario.objects.filter(journey_map=journey_map)) == {first, second}


def test_merge_refuses_empty_choice_and_taken_name(designer):
    JourneyMapFactory(name="Taken")
    scenario = ScenarioFactory()
    client = client_for(designer)
    url = reverse("journeys:scenario_merge")
    assert "at least one scenario" in client.post(url, {"name": "New"}).content.decode()
    response = client.post(url, {"scenarios": [scenario.pk], "name": "Taken"})
    assert response.status_code == 400 and "exists already" in response.content.decode()
    scenario.refresh_from_db()
    assert scenario.journey_map is None and JourneyMap.objects.count() == 1


def test_culture_detail_and_compare(designer):
    a = CultureProfileFactory(name="Finnish staff", communicating=2)
    b = CultureProfileFactory(name="Chinese students", communicating=9)
    client = client_for(designer)
    detail = client.get(reverse("journeys:cultureprofile_detail", args=[a.pk])).content.decode()
    assert "culture-data" in detail and "Low-context" in detail
    page = client.get(reverse("journeys:culture_compare"), {"a": a.pk, "b": b.pk})
    assert page.status_code == 200
    text = page.content.decode()
    assert "Chinese students" in text and "High-context" in text and "<td>9</td>" in text


def test_consumer_does_not_see_people_pages(org_a, make_consumer):
    client = client_for(make_consumer("c", org_a))
    assert client.get(reverse("journeys:culture_compare")).status_code == 404
    assert client.get(reverse("journeys:scenario_merge")).status_code == 404


def test_the_api_checks_and_resizes_a_picture_too(designer):
    client = client_for(designer)
    url = reverse("api:journeys-persona-list")
    bad = SimpleUploadedFile("face.png", b"GIF89a but not really a picture", content_type="image/png")
    response = client.post(url, {"name": "K", "picture": bad})
    assert response.status_code == 400
    assert "picture" in response.json() or "picture" in str(response.json())
    assert not Persona.objects.exists()
    response = client.post(url, {"name": "Katrina", "picture": png(1600, 800)})
    assert response.status_code == 201, response.content
    persona = Persona.objects.get()
    with Image.open(persona.picture.path) as image:
        assert max(image.size) <= 512
    # A change through the API goes through the same check.
    from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

    detail = reverse("api:journeys-persona-detail", args=[persona.pk])
    response = client.patch(
        detail, encode_multipart(BOUNDARY, {"picture": png(300, 1200)}), content_type=MULTIPART_CONTENT
    )
    assert response.status_code == 200, response.content
    persona.refresh_from_db()
    with Image.open(persona.picture.path) as image:
        assert max(image.size) <= 512
