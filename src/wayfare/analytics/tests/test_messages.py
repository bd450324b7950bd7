"""Engine messages are shown in the reader's language, with their values kept."""

from django.utils import translation

from wayfare.analytics.engine.csv_import import MESSAGES
from wayfare.analytics.messages import TRANSLATED, translate_engine_message


def test_every_engine_message_has_a_translation():
    from wayfare.analytics.engine.xes_import import MESSAGES as XES_MESSAGES

    assert set(MESSAGES) | {f"xes_{k}" for k in XES_MESSAGES} <= set(TRANSLATED)


def test_values_survive_translation():
    text = MESSAGES["missing_column"] % {"column": "ticket", "columns": "case, activity"}
    with translation.override("en"):
        assert (
            translate_engine_message(text) == "column 'ticket' is not in the header (columns: case, activity)"
        )
    with translation.override("ru"):
        translated = translate_engine_message(text)
        assert "'ticket'" in translated and "case, activity" in translated
        assert translated != text


def test_unknown_text_is_unchanged():
    assert translate_engine_message("something else entirely") == "something else entirely"


def test_timestamp_hint_keeps_the_format_in_every_language():
    text = MESSAGES["timestamp_hint"] % {"count": 3, "formats": "%d/%m/%Y %H:%M"}
    with translation.override("zh-hans"):
        translated = translate_engine_message(text)
    assert translated != text and "%d/%m/%Y %H:%M" in translated and "3" in translated
