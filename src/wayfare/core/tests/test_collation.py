"""Lists sort text as the reader's language does, on SQLite and PostgreSQL alike (#11)."""

import re

import pytest
from django.utils import translation

from wayfare.core.collation import collate_ordering
from wayfare.parties.models import Organisation
from wayfare.parties.tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

LATIN = ["Sao Paulo", "eCampus", "Axle", "Évora", "zeta"]
RUSSIAN = ["Яблоко", "ёлка", "Апельсин", "Ель", "банан"]


def _names(queryset):
    return [o.name for o in queryset]


def test_case_and_accents_do_not_decide_the_order():
    for name in LATIN:
        OrganisationFactory(name=name)
    with translation.override("en"):
        names = _names(collate_ordering(Organisation.objects.order_by("name")))
    assert names == ["Axle", "eCampus", "Évora", "Sao Paulo", "zeta"]
    # the same queryset without the collation is what the lists showed before (#11)
    raw = _names(Organisation.objects.order_by("name"))
    assert raw.index("eCampus") > raw.index("Sao Paulo")


def test_descending_and_model_ordering_are_collated():
    for name in LATIN:
        OrganisationFactory(name=name)
    with translation.override("en"):
        assert _names(collate_ordering(Organisation.objects.all()))[:2] == ["Axle", "eCampus"]
        assert _names(collate_ordering(Organisation.objects.order_by("-name")))[-2:] == ["eCampus", "Axle"]


def test_russian_names_sort_alphabetically():
    for name in RUSSIAN:
        OrganisationFactory(name=name)
    with translation.override("ru"):
        names = _names(collate_ordering(Organisation.objects.order_by("name")))
    # Ё sorts with Е (ёлка before Ель: к comes before ь), small letters with capitals
    assert names == ["Апельсин", "банан", "ёлка", "Ель", "Яблоко"]


def test_chinese_names_keep_a_stable_sensible_order():
    for name in ["北京", "上海", "安徽", "Axle"]:
        OrganisationFactory(name=name)
    with translation.override("zh-hans"):
        names = _names(collate_ordering(Organisation.objects.order_by("name")))
    from django.db import connection

    han = [n for n in names if n != "Axle"]
    if connection.vendor == "postgresql":  # ICU's zh collation: Han first, by pinyin (an, bei, shang)
        assert names == ["安徽", "北京", "上海", "Axle"]
    else:  # the UCA's root table: Latin first, Han by radical and stroke
        assert names[0] == "Axle"
        assert han == ["上海", "北京", "安徽"]


def test_the_list_page_sorts_by_language_both_ways(client):
    for name in LATIN:
        OrganisationFactory(name=name)
    client.force_login(UserFactory(username="mariana", roles=["Administrator"]))
    shown = set(LATIN)

    def order(query):
        html = client.get("/parties/organisations/" + query).content.decode()
        return [n for n in re.findall(r">([^<>]+)</a></td>", html) if n in shown]

    assert order("") == ["Axle", "eCampus", "Évora", "Sao Paulo", "zeta"]
    assert order("?sort=name") == ["Axle", "eCampus", "Évora", "Sao Paulo", "zeta"]
    assert order("?sort=-name") == ["zeta", "Sao Paulo", "Évora", "eCampus", "Axle"]
