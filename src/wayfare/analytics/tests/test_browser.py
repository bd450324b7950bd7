"""An analyst in Chromium opens the process map of an imported log and hides rare paths with the slider."""

import re

import pytest

from wayfare.analytics.services import event_log_import_run
from wayfare.parties.tests.factories import UserFactory

from .factories import EventLogFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in_as_analyst(page, url: str) -> None:
    UserFactory(username="tomas", roles=["Analyst", "CX designer"])
    page.goto(f"{url}/accounts/login/")
    page.fill("input[name=username]", "tomas")
    page.fill("input[name=password]", "pw")
    page.click("main button[type=submit]")


def test_process_map_and_slider(live_server, page):
    log = event_log_import_run(event_log_id=EventLogFactory().pk)
    _log_in_as_analyst(page, live_server.url)
    page.goto(f"{live_server.url}/analytics/event-logs/{log.pk}/explore/")
    page.wait_for_selector("body[data-explorer-ready='1']")
    assert page.locator("#process-map canvas").count() == 1
    assert page.locator("#explorer-error").is_hidden()

    def shown() -> tuple[int, int]:
        numbers = re.findall(r"\d+", page.locator("#map-caption").inner_text())
        return int(numbers[0]), int(numbers[1])

    def boxes() -> int:  # activity boxes plus the start and end circles the map draws
        return page.evaluate(
            "() => echarts.getInstanceByDom(document.getElementById('process-map')).getOption()"
            ".series.find(s => s.name === 'activities').data.length"
        )

    all_paths, total = shown()
    assert all_paths == total == 5  # the five directly-follows pairs of the small log
    activities = page.evaluate("() => document.querySelectorAll('#activities tbody tr').length")
    assert activities > 0 and boxes() == activities + 2
    assert page.locator("#paths tbody tr").count() == total  # every path, also as a table
    with page.expect_download() as download:  # and as CSV: raw numbers, times in seconds
        page.click("[data-csv-table=paths-table]")
    rows = download.value.path().read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == total + 1 and rows[0].startswith("From,To,Cases,Mean time (s)")
    assert "Book,Pick up,2,5400,5400,3600,7200" in rows
    with page.expect_download() as image:
        page.click("#map-image")
    assert image.value.path().read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page.locator("#edge-slider").fill("80")
    assert page.locator("#edge-slider-value").inner_text() == "80%"
    # the map is laid out once the slider rests
    page.wait_for_function(f"!document.getElementById('map-caption').textContent.startsWith('{all_paths} ')")
    fewer, total_after = shown()
    assert total_after == total and fewer < all_paths
    assert boxes() < activities + 2  # activities only the hidden paths reached go with them

    # A click on an activity box keeps the cases through it.
    page.locator("#process-map").scroll_into_view_if_needed()
    box = page.evaluate(
        """() => {
            const chart = echarts.getInstanceByDom(document.getElementById('process-map'));
            const series = chart.getOption().series.findIndex(s => s.name === 'activities');
            const data = chart.getOption().series[series].data;
            for (let i = 0; i < data.length; i++) {
                const [x, y] = chart.convertToPixel({seriesIndex: series}, [data[i][0], data[i][1]]);
                const hit = chart.getZr().findHover(x, y).target;
                if (hit && hit.type === 'rect') return [x, y];  // an activity box, not start or end
            }
            return null;
        }"""
    )
    assert box is not None
    canvas = page.locator("#process-map canvas").bounding_box()
    page.mouse.click(canvas["x"] + box[0], canvas["y"] + box[1])
    page.wait_for_function("location.search.includes('with_activity=')")
    page.wait_for_function("!document.body.hasAttribute('aria-busy')")
    assert page.locator("#filters [name=with_activity]").input_value() != ""
    page.locator("#filters [name=with_activity]").select_option([])

    # The view lives in the address: a reload (or a shared link) opens the same view.
    page.locator("#filters [name=start_activity]").select_option("Book")
    page.click("#filters button[type=submit]")
    page.wait_for_function("location.search.includes('start_activity=Book')")
    page.wait_for_function("!document.body.hasAttribute('aria-busy')")
    assert "hide=80" in page.url
    filtered = page.locator("#summary").inner_text()
    page.reload()
    page.wait_for_selector("body[data-explorer-ready='1']")
    assert page.locator("#edge-slider").input_value() == "80"
    assert page.locator("#filters [name=start_activity]").input_value() == "Book"
    assert page.locator("#summary").inner_text() == filtered
    page.click("#filters [type=reset]")
    page.wait_for_function("!location.search.includes('start_activity')")
    page.wait_for_function("!document.body.hasAttribute('aria-busy')")
    page.locator("#edge-slider").fill("0")
    assert page.locator("#variants tbody tr").count() == 3
    with page.expect_download() as download:
        page.click("[data-csv-table=variants]")
    header, first, *_ = download.value.path().read_text(encoding="utf-8-sig").splitlines()
    assert header == "#,Path,Cases,Share,Mean duration (s),Median duration (s)"  # no buttons column
    assert first.split(",")[2:4] == ["1", "0.3333333333333333"]

    # One click turns the most frequent variant into a designed path and shows its conformance.
    page.locator("[data-use-variant='1']").click()
    page.wait_for_selector("#deviations tbody tr")
    assert page.locator("#journey-select option").count() == 1
    assert "33.3%" in page.locator("#conformance-summary").inner_text()  # one of the three cases conforms
    # an example case of a deviation opens its events, in journey order
    page.locator("#deviations tbody a").first.click()
    page.wait_for_selector("#case-dialog[open]")
    assert page.locator("#case-dialog tbody tr").count() >= 3
    # #15: titled by the case's own id ("The events of c1"), never "Case Case 1009"
    assert page.locator("#case-dialog h3").inner_text().startswith("The events of ")
    # #15: dwell time in days and hours (seconds on the bars, durations on the axis), not in hours
    dwell = page.evaluate(
        "(() => { const o = echarts.getInstanceByDom(document.getElementById('dwell')).getOption();"
        " return [o.series[0].name, o.yAxis[0].axisLabel.formatter(7200)]; })()"
    )
    assert dwell == ["Median dwell time per stage", "2\u00a0h"], dwell  # a no-break space
    page.click("#case-dialog footer button")
    page.wait_for_selector("#case-dialog:not([open])", state="attached")

    # A window with no case: the page says so instead of drawing an empty map.
    page.fill("[name=start]", "2030-01-01")
    page.click("#filters button[type=submit]")
    page.wait_for_function("document.getElementById('map-caption').textContent.includes('No case')")
    page.wait_for_function("!document.body.hasAttribute('aria-busy')")  # no request left in flight
    assert page.locator("#process-map").bounding_box()["height"] == 0
    assert "No case" in page.locator("#variants-caption").inner_text()


def test_upload_offers_the_files_columns_and_imports(live_server, page, tmp_path):
    """An analyst picks a semicolon CSV with spaced column names: the form offers its columns, guesses
    the mapping, shows the first rows, and the upload imports (through the form's multipart encoding)."""
    src = tmp_path / "tickets.csv"
    src.write_text(
        "Incident ID;Activity Type;Date Stamp;Assignment Group\n"
        "IM1;Open;07/01/2013 08:17;TEAM1\nIM1;Close;07/01/2013 09:00;TEAM2\n"
        "IM2;Open;08/01/2013 10:00;TEAM1\nIM2;Reopen;09/01/2013 10:00;TEAM1\nIM2;Close;13/01/2013 11:00;TEAM2\n",
        encoding="utf-8",
    )
    _log_in_as_analyst(page, live_server.url)
    page.goto(f"{live_server.url}/analytics/event-logs/add/")
    page.set_input_files("input[name=source]", str(src))
    page.wait_for_selector("#csv-preview table")
    assert page.input_value("[name=name]") == "tickets"
    assert page.input_value("[name=case_column]") == "Incident ID"
    assert page.input_value("[name=activity_column]") == "Activity Type"
    assert page.input_value("[name=timestamp_column]") == "Date Stamp"
    assert page.input_value("[name=resource_column]") == "Assignment Group"
    assert page.locator("#csv-preview tr").count() == 6  # header and five rows
    page.fill("[name=timestamp_format]", "%d/%m/%Y %H:%M")
    page.click("main button[type=submit]")
    page.wait_for_selector("#import-status")
    assert "5" in page.locator("main").inner_text()
    from wayfare.analytics.models import EventLog

    log = EventLog.objects.get(name="tickets")
    assert (log.status, log.events, log.cases) == ("ready", 5, 2)


def test_a_large_map_opens_with_rare_paths_hidden(live_server, page):
    """A log of hundreds of distinct paths opens with only the busiest shown (readable, quick to lay
    out); the caption says so and the slider can still show every path."""
    from django.core.files.base import ContentFile

    rows = ["case,activity,time,who"]
    for case in range(300):  # 16 activities, each case a walk of 6 steps: 240 distinct paths
        for step in range(6):
            activity = f"Step {(case * 7 + step * step * (case % 11 + 1)) % 16}"
            rows.append(f"c{case},{activity},2024-03-01T{step:02d}:{case % 60:02d}:00Z,ana")
    log = event_log_import_run(
        event_log_id=EventLogFactory(source=ContentFile("\n".join(rows).encode(), name="walks.csv")).pk
    )
    _log_in_as_analyst(page, live_server.url)
    page.goto(f"{live_server.url}/analytics/event-logs/{log.pk}/explore/")
    page.wait_for_selector("body[data-explorer-ready='1']")
    shown, total = (int(n) for n in re.findall(r"\d+", page.locator("#map-caption").inner_text())[:2])
    assert total > 120 >= shown > 100
    assert int(page.locator("#edge-slider").input_value()) > 0
    page.locator("#edge-slider").fill("0")
    page.wait_for_function(f"document.getElementById('map-caption').textContent.startsWith('{total} ')")


def test_names_from_a_log_are_shown_as_text_never_run(live_server, page):
    """An activity named like HTML (a hostile or careless export) is text everywhere, tooltips included."""
    from django.core.files.base import ContentFile

    hostile = "<img src=x onerror=window.__xss=1>"
    rows = ["case,activity,time", f'c1,"{hostile}",2024-03-01T09:00:00Z', "c1,Done,2024-03-01T10:00:00Z"]
    log = event_log_import_run(
        event_log_id=EventLogFactory(
            source=ContentFile("\n".join(rows).encode(), name="hostile.csv"), resource_column=""
        ).pk
    )
    _log_in_as_analyst(page, live_server.url)
    page.goto(f"{live_server.url}/analytics/event-logs/{log.pk}/explore/")
    page.wait_for_selector("body[data-explorer-ready='1']")
    for series in ("activities", "paths"):
        for index in range(3):
            page.evaluate(
                """([name, index]) => {
                    const chart = echarts.getInstanceByDom(document.getElementById('process-map'));
                    const seriesIndex = chart.getOption().series.findIndex(s => s.name === name);
                    chart.dispatchAction({type: 'showTip', seriesIndex, dataIndex: index});
                }""",
                [series, index],
            )
            page.wait_for_timeout(50)
    assert page.evaluate("window.__xss") is None
    assert page.locator("main img").count() == 0
    assert hostile in page.locator("#variants").inner_text()
