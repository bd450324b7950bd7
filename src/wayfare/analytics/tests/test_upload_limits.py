"""What an upload may become (issue #11): text encodings only, and caps on the file, on what it expands
to and on its events, the same for form, API, engine and command line."""

import bz2
import gzip
import re
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from wayfare.analytics.engine import ColumnMapping, EventLogImportError, import_csv
from wayfare.analytics.engine.guards import CappedReader
from wayfare.analytics.engine.types import ImportLimits
from wayfare.analytics.engine.xes_import import import_xes
from wayfare.analytics.models import EventLog, EventLogFormat, EventLogStatus
from wayfare.analytics.services import event_log_import_run
from wayfare.core.testing import client_for

from .factories import SMALL_LOG, EventLogFactory
from .test_upload_cleanup import ADD_URL, media_files

MAPPING = ColumnMapping("case", "activity", "time", "who")
NOT_TEXT = ["bz2_codec", "zlib_codec", "base64_codec", "hex_codec", "rot13", "uu_codec"]


def _csv(tmp_path, text: str, encoding: str = "utf-8", name: str = "log.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _xes(events: int, padding: int = 0) -> str:
    """A valid XES log of one trace with ``events`` events, ``padding`` spaces before it (which gzip
    shrinks about a thousandfold: the shape of a gzip bomb)."""
    event = (
        '<event><string key="concept:name" value="Book"/>'
        '<date key="time:timestamp" value="2024-03-01T09:00:00Z"/></event>'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0">'
        + " " * padding
        + '<trace><string key="concept:name" value="c1"/>'
        + event * events
        + "</trace></log>"
    )


# --- 1. encodings ----------------------------------------------------------------------------------


@pytest.mark.parametrize("codec", NOT_TEXT)
def test_the_engine_refuses_a_codec_that_is_not_a_text_encoding(tmp_path, codec):
    # rot13 is a str-to-str transform: it cannot turn bytes into text, so it is refused like the others.
    bomb = bz2.compress(b"case,activity,time\n" + b"x" * 5_000_000) if codec == "bz2_codec" else None
    source = tmp_path / "log.csv"
    source.write_bytes(bomb or zlib.compress(SMALL_LOG.encode()))
    dest = tmp_path / "out.parquet"
    with pytest.raises(EventLogImportError) as info:
        import_csv(source, dest, MAPPING, encoding=codec)
    assert info.value.code == "not_text_encoding" and info.value.params == {"encoding": codec}
    assert not dest.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["log.csv"]


@pytest.mark.parametrize(
    ("encoding", "activity"),
    [
        ("utf-8", "Réservé 预订"),
        ("cp1252", "Réservé €"),
        ("latin-1", "Réservé"),
        ("gb18030", "预订"),
        ("koi8-r", "Бронь"),
        ("utf-16", "预订 Бронь"),
    ],
)
def test_text_encodings_still_import(tmp_path, encoding, activity):
    text = SMALL_LOG.replace("Book", activity)
    result = import_csv(_csv(tmp_path, text, encoding), tmp_path / "out.parquet", MAPPING, encoding=encoding)
    assert (result.events, result.cases, result.activities) == (10, 3, 4)
    from wayfare.analytics.engine import EventLogAnalysis

    with EventLogAnalysis.from_parquet(result.path) as analysis:
        assert activity in analysis.activity_counts()


@pytest.mark.django_db
@pytest.mark.parametrize("codec", NOT_TEXT)
def test_the_model_refuses_a_codec_that_is_not_a_text_encoding(codec):
    event_log = EventLogFactory.build(encoding=codec)
    with pytest.raises(ValidationError) as info:
        event_log.full_clean()
    assert list(info.value.message_dict) == ["encoding"]
    assert codec in info.value.message_dict["encoding"][0]
    assert "Encoding" in info.value.message_dict["encoding"][0]


@pytest.mark.django_db
def test_form_and_api_refuse_bz2_codec_and_store_nothing(users):
    client = client_for(users["staff"])
    before = media_files()
    data = {
        "name": "Bomb",
        "source": SimpleUploadedFile("b.csv", bz2.compress(b"x" * 1_000_000)),
        "case_column": "case",
        "activity_column": "activity",
        "timestamp_column": "time",
        "timezone": "UTC",
        "encoding": "bz2_codec",
    }
    page = client.post(ADD_URL(), data)
    assert page.status_code == 400 and "is not a text encoding" in page.content.decode()
    data["source"] = SimpleUploadedFile("b.csv", bz2.compress(b"x" * 1_000_000))
    response = client.post("/api/analytics/event-logs/", data)
    assert response.status_code == 400 and "encoding" in response.json()
    assert not EventLog.objects.exists() and media_files() == before


@pytest.mark.django_db
def test_commands_refuse_a_codec_that_is_not_a_text_encoding(tmp_path):
    source = _csv(tmp_path, SMALL_LOG)
    options = {"case": "case", "activity": "activity", "timestamp": "time", "encoding": "zlib_codec"}
    with pytest.raises(CommandError, match="not a text encoding"):
        call_command("analyse_log", str(source), no_progress=True, **options)
    with pytest.raises(CommandError, match="not a text encoding"):
        call_command("import_log", str(source), name="Bomb", no_progress=True, **options)
    assert not EventLog.objects.exists()


# --- 2. caps ---------------------------------------------------------------------------------------


@pytest.mark.django_db
@override_settings(WAYFARE_MAX_UPLOAD_BYTES=100)
def test_an_upload_over_the_limit_is_refused_before_it_is_stored(users):
    client = client_for(users["staff"])
    before = media_files()
    data = {
        "name": "Big",
        "case_column": "case",
        "activity_column": "activity",
        "timestamp_column": "time",
        "timezone": "UTC",
    }
    page = client.post(ADD_URL(), {**data, "source": SimpleUploadedFile("b.csv", SMALL_LOG.encode())})
    assert page.status_code == 400 and "the largest accepted is 100" in page.content.decode()
    response = client.post(
        "/api/analytics/event-logs/", {**data, "source": SimpleUploadedFile("b.csv", SMALL_LOG.encode())}
    )
    assert response.status_code == 400 and "source" in response.json()
    assert not EventLog.objects.exists() and media_files() == before


def test_the_engine_refuses_a_file_over_the_limit(tmp_path):
    with pytest.raises(EventLogImportError) as info:
        import_csv(
            _csv(tmp_path, SMALL_LOG),
            tmp_path / "o.parquet",
            MAPPING,
            limits=ImportLimits(max_source_bytes=99),
        )
    assert info.value.code == "too_large"
    xes = tmp_path / "log.xes"
    xes.write_text(_xes(3))
    with pytest.raises(EventLogImportError) as info:
        import_xes(xes, tmp_path / "o.parquet", limits=ImportLimits(max_source_bytes=99))
    assert info.value.code == "too_large"


@pytest.mark.django_db
@override_settings(WAYFARE_MAX_EXPANDED_BYTES=1_000_000)
def test_a_gzip_bomb_fails_fast_with_the_cap_and_leaves_nothing_behind(settings):
    bomb = gzip.compress(_xes(3, padding=20_000_000).encode(), compresslevel=9)
    assert len(bomb) < 40_000  # a few KB that expand to 20 MB, twenty times the (lowered) cap
    event_log = EventLogFactory(
        source=ContentFile(bomb, name="bomb.xes.gz"), source_format=EventLogFormat.XES
    )
    event_log = event_log_import_run(event_log_id=event_log.pk)
    assert event_log.status == EventLogStatus.FAILED
    assert event_log.message == "the file expands to more than the limit of 976.6 KiB"
    assert not event_log.parquet_path.exists()
    # no scratch files of this log either (other tests' logs may share the folder: on PostgreSQL the
    # primary keys are not reused, so their files are named apart)
    mine = re.compile(rf"eventlog-{event_log.pk}\.")  # its file, or a scratch folder .eventlog-<pk>.parquet.*
    assert [p.name for p in event_log.parquet_path.parent.iterdir() if mine.search(p.name)] == []


def test_the_capped_reader_stops_after_the_cap_not_after_the_stream(tmp_path):
    path = tmp_path / "bomb.gz"
    path.write_bytes(gzip.compress(b" " * 50_000_000))
    reader = CappedReader(gzip.open(path), limit=1_000_000)
    with pytest.raises(EventLogImportError) as info:
        while reader.read(64 * 1024):
            pass
    assert info.value.code == "too_expanded" and reader.count < 1_100_000


def test_a_csv_gz_imports_and_its_expansion_is_capped(tmp_path):
    source = tmp_path / "log.csv.gz"
    source.write_bytes(gzip.compress(SMALL_LOG.encode()))
    assert import_csv(source, tmp_path / "first.parquet", MAPPING).events == 10
    (tmp_path / "first.parquet").unlink()
    padded = SMALL_LOG + "\n" * 3_000_000
    source.write_bytes(gzip.compress(padded.encode()))
    with pytest.raises(EventLogImportError) as info:
        import_csv(source, tmp_path / "o.parquet", MAPPING, limits=ImportLimits(max_expanded_bytes=1_000_000))
    assert info.value.code == "too_expanded"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.csv.gz"]


@pytest.mark.django_db
@override_settings(WAYFARE_MAX_EVENTS_PER_LOG=9)
def test_a_log_over_the_event_cap_fails_and_keeps_nothing():
    csv_log = event_log_import_run(event_log_id=EventLogFactory().pk)  # 10 events
    assert csv_log.status == EventLogStatus.FAILED and not csv_log.parquet_path.exists()
    assert csv_log.message == "the log holds more than the limit of 9 events"
    xes_log = EventLogFactory(
        source=ContentFile(_xes(10).encode(), name="l.xes"), source_format=EventLogFormat.XES
    )
    xes_log = event_log_import_run(event_log_id=xes_log.pk)
    assert xes_log.status == EventLogStatus.FAILED and "limit of 9 events" in xes_log.message
    with override_settings(WAYFARE_MAX_EVENTS_PER_LOG=10):
        assert event_log_import_run(event_log_id=csv_log.pk).status == EventLogStatus.READY


def test_the_xes_parse_stops_at_the_first_event_past_the_cap(tmp_path):
    from wayfare.analytics.engine.xes_import import iter_xes_batches

    source = tmp_path / "l.xes"
    # one trace that never ends: the count runs inside a trace, not only once it is closed
    source.write_text(_xes(1000).removesuffix("</trace></log>"))
    with pytest.raises(EventLogImportError) as info:
        list(iter_xes_batches(source, limits=ImportLimits(max_events=5)))
    assert info.value.code == "too_many_events" and info.value.params == {"limit": "5"}


@pytest.mark.django_db
@override_settings(WAYFARE_MAX_EVENTS_PER_LOG=9)
def test_analyse_log_applies_the_event_cap(tmp_path):
    source = _csv(tmp_path, SMALL_LOG)
    with pytest.raises(CommandError, match="limit of 9 events"):
        call_command(
            "analyse_log", str(source), case="case", activity="activity", timestamp="time", no_progress=True
        )


@pytest.mark.django_db
@override_settings(WAYFARE_MAX_UPLOAD_BYTES=100)
def test_import_log_applies_the_upload_cap_and_stores_nothing(tmp_path):
    before = media_files()
    source = _csv(tmp_path, SMALL_LOG)
    with pytest.raises(CommandError, match="the largest accepted is 100"):
        call_command(
            "import_log",
            str(source),
            name="Big",
            case="case",
            activity="activity",
            timestamp="time",
            no_progress=True,
        )
    assert not EventLog.objects.exists() and media_files() == before


@pytest.mark.parametrize("name", ["log.csv.gz", "log.xes.gz"])
def test_a_truncated_gzip_is_named_as_such(tmp_path, name):
    text = SMALL_LOG if name.startswith("log.csv") else _xes(200)
    source = tmp_path / name
    source.write_bytes(gzip.compress(text.encode())[:-12])  # the end of the stream is cut off
    with pytest.raises(EventLogImportError) as info:
        if name.endswith(".xes.gz"):
            import_xes(source, tmp_path / "o.parquet")
        else:
            import_csv(source, tmp_path / "o.parquet", MAPPING)
    assert (
        info.value.code == "corrupt_gzip"
        and info.value.message == "the compressed file is corrupt or cut short"
    )
