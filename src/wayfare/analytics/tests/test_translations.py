"""Record text in the reader's language (core.translations): journey maps and event logs carry
Chinese and Russian names and descriptions, shown on lists, detail pages, the API and exports, edited on
the form and through the API (issue #11: the demo's records were English on Chinese and Russian pages)."""

import io
import json

import pytest
from django.core.management import call_command

from wayfare.analytics.models import EventLog
from wayfare.core.testing import client_for
from wayfare.journeys.models import JourneyMap
from wayfare.journeys.tests.factories import JourneyMapFactory, JourneyStageFactory

from .factories import EventLogFactory

pytestmark = pytest.mark.django_db

LIST = "/journeys/maps/"
API = "/api/journeys/maps/"


@pytest.fixture
def journey():
    log = EventLogFactory(name="Ticket history", translations={"ru": {"name": "История заявок"}})
    return JourneyMapFactory(
        event_log=log,
        name="Incident path",
        description="From call to closure",
        translations={"ru": {"name": "Путь инцидента", "description": "От звонка до закрытия"}},
    )


def _client(user, language):
    client = client_for(user)
    client.cookies["django_language"] = language
    return client


def test_list_shows_the_readers_language_and_the_original_where_missing(users, journey):
    russian = _client(users["staff"], "ru").get(LIST).content.decode()
    assert "Путь инцидента" in russian
    assert "История заявок" in russian  # the related event log's name too (core.related)
    assert "Incident path" not in russian
    english = _client(users["staff"], "en").get(LIST).content.decode()
    assert "Incident path" in english and "Путь инцидента" not in english
    chinese = _client(users["staff"], "zh-hans").get(LIST).content.decode()  # no Chinese text: the original
    assert "Incident path" in chinese and "Ticket history" in chinese


def test_detail_page_shows_the_translation(users, journey):
    body = _client(users["staff"], "ru").get(f"{LIST}{journey.pk}/").content.decode()
    assert "Путь инцидента" in body and "От звонка до закрытия" in body
    body = _client(users["staff"], "en").get(f"{LIST}{journey.pk}/").content.decode()
    assert "From call to closure" in body and "От звонка" not in body


def test_api_display_and_translations(users, journey):
    data = _client(users["staff"], "ru").get(f"{API}{journey.pk}/").json()
    assert data["display"] == "Путь инцидента" and data["name"] == "Incident path"
    assert data["translations"]["ru"]["description"] == "От звонка до закрытия"
    assert _client(users["staff"], "en").get(f"{API}{journey.pk}/").json()["display"] == "Incident path"
    zh = _client(users["staff"], "zh-hans").get(f"{API}{journey.pk}/").json()
    assert zh["display"] == "Incident path"


def test_export_is_in_the_readers_language(users, journey):
    russian = _client(users["staff"], "ru").get(LIST + "?_export=csv").content.decode("utf-8-sig")
    assert "Путь инцидента" in russian and "История заявок" in russian
    english = _client(users["staff"], "en").get(LIST + "?_export=csv").content.decode("utf-8-sig")
    assert "Incident path" in english and "Путь" not in english


def test_search_finds_a_translated_name(users, journey):
    JourneyMapFactory(name="Other path", event_log=journey.event_log)
    body = _client(users["staff"], "en").get(LIST + "?q=инцидент").content.decode()
    assert "Incident path" in body and "Other path" not in body


def test_edit_form_saves_a_translation(users, journey):
    client = _client(users["staff"], "en")
    page = client.get(f"{LIST}{journey.pk}/edit/")
    form = page.context["form"]
    assert "name__zh-hans" in form.fields and "name__ru" in form.fields
    assert str(form.fields["name__ru"].label) == "Name (Русский)"
    assert form["name__ru"].value() == "Путь инцидента"
    before = journey.history.count()
    response = client.post(
        f"{LIST}{journey.pk}/edit/",
        {
            "name": "Incident path",
            "event_log": journey.event_log.pk,
            "description": "From call to closure",
            "name__zh-hans": "事件路径",
            "name__ru": "Путь инцидента",
            "description__ru": "От звонка до закрытия",
            "_version": page.context["version"],
        },
    )
    assert response.status_code == 302
    journey.refresh_from_db()
    assert journey.translations == {
        "zh-hans": {"name": "事件路径"},
        "ru": {"name": "Путь инцидента", "description": "От звонка до закрытия"},
    }
    assert journey.history.count() == before + 1
    assert "事件路径" in _client(users["staff"], "zh-hans").get(LIST).content.decode()


def test_edit_form_on_a_record_with_its_own_service_saves_a_translation(users):
    log = EventLogFactory(name="Bookings")
    client = _client(users["staff"], "en")
    page = client.get(f"/analytics/event-logs/{log.pk}/edit/")
    form = page.context["form"]
    data = {name: form[name].value() for name in form.fields if name != "source"}
    data = {k: v for k, v in data.items() if v is not None}
    data |= {"name__ru": "Бронирования", "_version": page.context["version"]}
    response = client.post(f"/analytics/event-logs/{log.pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors
    log.refresh_from_db()
    assert log.translations == {"ru": {"name": "Бронирования"}} and str(log) == "Bookings"


@pytest.mark.parametrize(
    "translations",
    [
        {"de": {"name": "Pfad"}},  # not a language of the site
        {"en": {"name": "Path"}},  # the base language is the field itself
        {"ru": {"event_log": "x"}},  # not a translated field
        {"ru": {"name": 3}},  # not text
        {"ru": {"name": "x" * 201}},  # longer than the field allows
        {"ru": "Путь"},  # not an object of fields
        ["ru"],
    ],
)
def test_api_refuses_bad_translations(users, journey, translations):
    response = client_for(users["staff"]).patch(
        f"{API}{journey.pk}/", {"translations": translations}, content_type="application/json"
    )
    assert response.status_code == 400 and "translations" in response.json()
    journey.refresh_from_db()
    assert journey.translations["ru"]["name"] == "Путь инцидента"


def test_api_writes_translations(users, journey):
    response = client_for(users["staff"]).patch(
        f"{API}{journey.pk}/",
        {"translations": {"zh-hans": {"name": "事件路径"}}},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    journey.refresh_from_db()
    assert journey.translations == {"zh-hans": {"name": "事件路径"}} and journey.name == "Incident path"


def test_api_creates_with_translations_through_a_declared_service(users):
    log = EventLogFactory()
    journey = client_for(users["staff"]).post(
        API,
        {"name": "Path", "event_log": log.pk, "translations": {"ru": {"name": "Путь"}}},
        content_type="application/json",
    )
    assert journey.status_code == 201, journey.content
    assert JourneyMap.objects.get(pk=journey.json()["id"]).translations == {"ru": {"name": "Путь"}}
    response = client_for(users["staff"]).patch(
        f"/api/analytics/event-logs/{log.pk}/",
        {"translations": {"ru": {"description": "Журнал"}}},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    log.refresh_from_db()
    assert log.translations == {"ru": {"description": "Журнал"}}


def test_demo_event_log_reads_in_chinese(users):
    call_command("demo", stdout=io.StringIO())
    log = EventLog.objects.get(name="Service desk ticket history")
    client = _client(users["staff"], "zh-hans")
    body = client.get(f"/analytics/event-logs/{log.pk}/").content.decode()
    assert "服务台工单记录" in body and "服务台在 2010 年至 2014 年间" in body
    assert "Polato et al." in body  # the attribution is a citation: as it is
    assert "服务台工单记录" in client.get("/analytics/").content.decode()  # the analytics home's card
    from wayfare.parties.models import Organisation

    def history():
        return [m.history.model.objects.count() for m in (EventLog, Organisation)]

    before = history()
    call_command("demo", stdout=io.StringIO())
    assert history() == before  # the demo stays idempotent with its translations


def test_conformance_names_stages_in_the_readers_language(users):
    from wayfare.analytics.services import event_log_import_run

    log = event_log_import_run(event_log_id=EventLogFactory().pk)
    journey = JourneyMapFactory(event_log=log)
    for position, (name, russian) in enumerate(
        [("Book", "Бронь"), ("Pick up", "Выдача"), ("Return", "Возврат")], 1
    ):
        JourneyStageFactory(
            journey_map=journey,
            position=position,
            name=name,
            activities=[name],
            translations={"ru": {"name": russian}},
        )
    url = f"/api/analytics/event-logs/{log.pk}/conformance/"
    russian = _client(users["staff"], "ru").get(url, {"journey_map": journey.pk}).content.decode()
    assert "Бронь" in russian and "Выдача" in russian
    english = _client(users["staff"], "en").get(url, {"journey_map": journey.pk}).json()
    assert english["cases"] == 3 and "Бронь" not in json.dumps(english, ensure_ascii=False)


def test_history_shows_translations_as_words(users, journey):
    client = client_for(users["staff"])
    client.patch(
        f"{API}{journey.pk}/",
        {"translations": {"ru": {"name": "Новый путь"}}},
        content_type="application/json",
    )
    page = _client(users["staff"], "en").get(f"{LIST}{journey.pk}/")
    changes = [
        c for e in page.context["history"] for c in e["changes"] if str(c["field"]).lower() == "translations"
    ]
    assert changes and str(changes[0]["new"]) == "Name (Русский): Новый путь"


def test_add_form_of_a_record_with_its_own_create_service_saves_translations(users):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .factories import SMALL_LOG

    response = _client(users["staff"], "en").post(
        "/analytics/event-logs/add/",
        {
            "name": "Bookings uploaded",
            "name__zh-hans": "上传的预订",
            "description__ru": "Бронирования",
            "source": SimpleUploadedFile("b.csv", SMALL_LOG.encode()),
            "case_column": "case",
            "activity_column": "activity",
            "timestamp_column": "time",
            "resource_column": "who",
            "timezone": "UTC",
        },
    )
    assert response.status_code == 302
    log = EventLog.objects.get(name="Bookings uploaded")
    assert log.translations == {"zh-hans": {"name": "上传的预订"}, "ru": {"description": "Бронирования"}}
    assert log.history.count() == 1  # one write: the translations go with the record, not after it


def test_stale_form_keeps_the_users_translation(users, journey):
    client = _client(users["staff"], "en")
    page = client.get(f"{LIST}{journey.pk}/edit/")
    client_for(users["staff"]).patch(
        f"{API}{journey.pk}/", {"name": "Renamed"}, content_type="application/json"
    )
    response = client.post(
        f"{LIST}{journey.pk}/edit/",
        {
            "name": "Incident path",
            "event_log": journey.event_log.pk,
            "description": "From call to closure",
            "name__ru": "Мой путь",
            "name__zh-hans": "",
            "description__ru": "От звонка до закрытия",
            "_version": page.context["version"],
        },
    )
    assert response.status_code == 409
    assert response.context["form"]["name__ru"].value() == "Мой путь"
    journey.refresh_from_db()
    assert journey.name == "Renamed" and journey.translations["ru"]["name"] == "Путь инцидента"
