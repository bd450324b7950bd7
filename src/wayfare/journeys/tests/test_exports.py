"""Exports of a journey map (issue #13 section 5): SVG, PDF, PNG and JSON, drawn only from the reader's
map document, so a consumer's file holds the published frontstage only."""

import io
import json
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import translation

from wayfare.core.access import SYSTEM
from wayfare.core.resources import registry
from wayfare.core.testing import make_user
from wayfare.core.versions import version_publish
from wayfare.journeys.models import JourneyMap

from .factories import (
    JourneyStageFactory,
    PersonaFactory,
    StageEmotionFactory,
    TouchpointFactory,
    TouchpointLinkFactory,
)

pytestmark = pytest.mark.django_db
HOSTILE = '</text><script>alert("x")</script>&amp;'


def build_map(**stage_fields):
    persona = PersonaFactory(name="Katrina")
    first = JourneyStageFactory(
        name="Find the service",
        phase="before",
        customer_actions="Sees an advert on campus",
        backstage_notes="Marketing budget SECRET-NOTE",
        support_processes="Ad agency contract SECRET-SUPPORT",
        duration_minutes=30,
        **stage_fields,
    )
    journey_map = first.journey_map
    journey_map.personas.add(persona)
    journey_map.internal_notes = "SECRET-INTERNAL"
    journey_map.save()
    second = JourneyStageFactory(
        journey_map=journey_map, name="Pick up the van", phase="during", pain_points="Van not charged"
    )
    front = TouchpointFactory(
        stage=first, name="Campus advert", kind="touchpoint", channel="advert", lane="frontstage"
    )
    back = TouchpointFactory(stage=second, name="SECRET-BACKSTAGE charge check", lane="backstage")
    TouchpointLinkFactory(source=front, target=back)
    StageEmotionFactory(stage=first, persona=persona, as_is=1, to_be=2)
    StageEmotionFactory(stage=second, persona=persona, as_is=-2, to_be=1)
    return journey_map


@pytest.fixture
def designer():
    return make_user("designer", ["CX designer"])


def _get(client, journey_map, fmt, **params):
    return client.get(reverse("journeys:map_export", args=[journey_map.pk, fmt]), params)


def _pdf_text(content):
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(content)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def test_svg_is_well_formed_and_escapes_hostile_names(client, designer):
    journey_map = build_map()
    journey_map.stages.filter(position=journey_map.stages.first().position).update(name=HOSTILE)
    client.force_login(designer)
    response = _get(client, journey_map, "svg")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    root = ET.fromstring(response.content)  # well-formed
    assert root.tag.endswith("svg")
    assert not any(el.tag.endswith("script") for el in root.iter())
    texts = "".join(root.itertext())
    assert HOSTILE in texts and "Pick up the van" in texts
    assert root.find(".//{http://www.w3.org/2000/svg}polyline") is not None  # the emotion curve


def test_blueprint_svg_has_lanes_and_backstage_for_staff(client, designer):
    journey_map = build_map()
    client.force_login(designer)
    texts = "".join(ET.fromstring(_get(client, journey_map, "svg", view="blueprint").content).itertext())
    for lane in (
        "Customer actions",
        "Frontstage",
        "Line of visibility",
        "Backstage",
        "Support processes",
        "Time",
    ):
        assert lane in texts
    assert "SECRET-BACKSTAGE charge check" in texts and "30 minutes" in texts


def test_a_text_starting_with_equals_is_just_text(client, designer):
    journey_map = build_map(thoughts='=HYPERLINK("http://evil","x")+1')
    client.force_login(designer)
    svg = _get(client, journey_map, "svg").content.decode()
    assert (
        "=HYPERLINK(&quot;http://evil&quot;,&quot;x&quot;)+1" in svg
        or '=HYPERLINK("http://evil","x")+1' in svg
    )
    data = json.loads(_get(client, journey_map, "json").content)
    assert data["stages"][0]["thoughts"] == '=HYPERLINK("http://evil","x")+1'


def test_pdf_holds_the_stage_names(client, designer):
    journey_map = build_map()
    client.force_login(designer)
    response = _get(client, journey_map, "pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].startswith("attachment; filename=")
    text = _pdf_text(response.content)
    assert "Find the service" in text and "Pick up the van" in text
    blueprint = _pdf_text(_get(client, journey_map, "pdf", view="blueprint").content)
    assert "Line of visibility" in blueprint and "SECRET-BACKSTAGE" in blueprint


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdf_made_in_chinese_embeds_a_cjk_font(client, designer, tmp_path):
    journey_map = build_map()
    stage = journey_map.stages.order_by("position").first()
    stage.translations = {"zh-hans": {"name": "发现服务"}}
    stage.save()
    client.force_login(designer)
    with translation.override("zh-hans"):
        response = client.get(
            reverse("journeys:map_export", args=[journey_map.pk, "pdf"]), HTTP_ACCEPT_LANGUAGE="zh-hans"
        )
    path = tmp_path / "map.pdf"
    path.write_bytes(response.content)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "CJK-SC" in fonts  # the Simplified Chinese face of the collection, not the Japanese one
    assert "Serif" not in fonts  # the page's own sans-serif fonts apply (no fallback to a serif)
    assert "发现服务" in _pdf_text(response.content)


def test_png_is_the_first_page(client, designer):
    from PIL import Image

    journey_map = build_map()
    client.force_login(designer)
    response = _get(client, journey_map, "png")
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert image.width > 1500  # A4 landscape at 150 dpi is 1754 px wide


def test_file_name_is_ascii_with_a_utf8_name(client, designer):
    journey_map = build_map()
    JourneyMap.objects.filter(pk=journey_map.pk).update(name='Прокат "машин"/выходные')
    client.force_login(designer)
    disposition = _get(client, journey_map, "json")["Content-Disposition"]
    ascii_part = disposition.split(";")[1]
    assert ascii_part.isascii() and '"' not in ascii_part.split("=", 1)[1].strip('"')
    assert "filename*=UTF-8''" in disposition and "%D0%9F" in disposition


def test_json_for_staff_holds_the_whole_map(client, designer):
    journey_map = build_map()
    client.force_login(designer)
    data = json.loads(_get(client, journey_map, "json").content)
    assert data["format"] == "wayfare.journey-map" and data["version"] == 1
    assert data["map"]["internal_notes"] == "SECRET-INTERNAL"
    assert data["map"]["personas"][0]["name"] == "Katrina"
    assert len(data["stages"]) == 2 and len(data["touchpoints"]) == 2 and len(data["links"]) == 1
    assert data["emotions"][0]["persona"]["name"] == "Katrina"
    assert data["stages"][0]["backstage_notes"].startswith("Marketing budget")


@pytest.mark.parametrize("fmt", ["json", "svg", "pdf", "png"])
def test_a_consumer_gets_only_the_published_frontstage(client, make_consumer, fmt):
    journey_map = build_map()
    consumer = make_consumer("katrina", journey_map.relationship.consumer)
    client.force_login(consumer)
    assert _get(client, journey_map, fmt).status_code == 404  # not published yet
    version_publish(registry.get(JourneyMap), instance=journey_map, actor=SYSTEM)
    for view in ("map", "blueprint"):
        response = _get(client, journey_map, fmt, view=view)
        assert response.status_code == 200
        if fmt == "json":
            text = response.content.decode()
        elif fmt == "svg":
            text = "".join(ET.fromstring(response.content).itertext())
        elif fmt == "pdf":
            text = _pdf_text(response.content)
            assert "Find the service" in text
        else:
            assert response.content.startswith(b"\x89PNG")
            continue
        assert "SECRET" not in text
        assert "Backstage" not in text and "Support processes" not in text
    if fmt == "json":
        data = json.loads(response.content)
        assert data["links"] == [] and "event_log" not in data["map"]
        assert all("activities" not in s for s in data["stages"])


def test_another_consumer_and_unknown_formats_answer_404(client, make_consumer, org_b, designer):
    journey_map = build_map()
    version_publish(registry.get(JourneyMap), instance=journey_map, actor=SYSTEM)
    client.force_login(make_consumer("other", org_b))
    assert _get(client, journey_map, "pdf").status_code == 404
    client.force_login(designer)
    assert _get(client, journey_map, "docx").status_code == 404


def test_pdf_fetches_nothing():
    from wayfare.journeys.exports.pdf import FetchRefused, url_fetcher

    with pytest.raises(FetchRefused):
        url_fetcher("http://example.org/x.png")
    with pytest.raises(FetchRefused):
        url_fetcher("file:///etc/passwd")
