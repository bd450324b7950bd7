"""One date and one datetime format per language, the same in lists, detail pages and history (#11)."""

import datetime

import django_tables2 as tables
import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from wayfare.core.templatetags.wayfare import status_badge_html

MOMENT = datetime.datetime(2026, 12, 1, 22, 40, tzinfo=datetime.UTC)

EXPECTED = {
    "en": ("1\xa0Dec\xa02026, 22:40", "1\xa0Dec\xa02026"),  # the date itself never splits
    "zh-hans": ("2026年12月1日 22:40", "2026年12月1日"),
    "ru": ("01.12.2026, 22:40", "01.12.2026"),
}


class _MomentTable(tables.Table):
    at = tables.DateTimeColumn()
    on = tables.DateColumn()


@pytest.mark.parametrize("language", list(EXPECTED))
def test_lists_and_detail_pages_show_a_moment_alike(language):
    datetime_text, date_text = EXPECTED[language]
    with translation.override(language), timezone.override(datetime.UTC):
        # a detail page and history print the value as it is ({{ object.created }})
        page = Template("{{ at }}|{{ on }}").render(Context({"at": MOMENT, "on": MOMENT.date()}))
        # a list is a django-tables2 table, whose date columns use the SHORT_ formats
        row = _MomentTable([{"at": MOMENT, "on": MOMENT.date()}]).rows[0]
        listed = f"{row.get_cell('at')}|{row.get_cell('on')}"
    assert page == listed == f"{datetime_text}|{date_text}"


def test_status_badges_differ_by_more_than_colour():
    ready = status_badge_html("ready", "Ready")
    failed = status_badge_html("failed", "Failed")
    assert "status-ready" in ready and "status-failed" in failed
    assert "✓" in ready and "✕" in failed  # an icon as well as the colour, and the words
    assert "Ready" in ready and "Failed" in failed
    assert "<script>" not in status_badge_html("x", "<script>")


def test_chinese_figures_are_grouped_as_the_browser_groups_them():
    from wayfare.core.tables import CountColumn

    with translation.override("zh-hans"):
        assert CountColumn().render(21348) == "21,348"  # Intl.NumberFormat("zh-Hans") writes the same
