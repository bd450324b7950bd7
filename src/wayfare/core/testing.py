"""The standard test battery for declared resources (STYLE.md section 6), written once.

A model's test class subclasses ``ResourceTests`` and supplies only its model, how to make a row owned
by an organisation, and valid and invalid input. The battery then checks list, detail, add, edit, delete,
export, import and the API, for anonymous users, staff without and with permission, a consumer of the
owning organisation and a consumer of another organisation; that every declared filter works, every
column sorts, and that the list's query count does not grow with the number of rows (no N+1) and matches
the app's baseline in ``tests/query_counts.json``.
"""

from __future__ import annotations

import io
import json
from importlib import import_module
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.db.models.fields.files import FieldFile
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wayfare.core.resources import Resource, registry

ROLES = ("anonymous", "staff_none", "staff", "consumer_own", "consumer_other")


def make_user(username: str, roles: Any = (), **fields: Any) -> Any:
    """A login account with the named roles (group names of ``core.roles.ROLES``), password "pw"."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="pw", **fields
    )
    if roles:
        user.groups.set(Group.objects.filter(name__in=roles))
    return user


# ``org_a``, ``org_b`` and ``make_consumer`` come from the app that keeps organisations and people
# (``wayfare.parties.tests.fixtures``, registered in the root conftest.py): core imports no app.
@pytest.fixture
def users(db, org_a, org_b, make_consumer):
    return {
        "anonymous": None,
        "staff_none": make_user("nobody"),
        "staff": make_user("staffer", ["Administrator"]),
        "consumer_own": make_consumer("consumer_a", org_a),
        "consumer_other": make_consumer("consumer_b", org_b),
    }


def client_for(user: Any) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


class ResourceTests:
    """Subclass with ``model`` set and ``make`` / ``valid_data`` / ``invalid_data`` implemented."""

    __test__ = False  # the base itself is not a test; every subclass is
    model: Any = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.__test__ = True

    # Form fields whose value in the CSV import and API is the id of a related row.
    update_field: str = "name"

    # -- to implement -------------------------------------------------------------------------
    def make(self, owner: Any) -> Any:
        """A row owned by the organisation ``owner``."""
        raise NotImplementedError

    def valid_data(self, owner: Any) -> dict[str, Any]:
        """Form/API input for a new row owned by ``owner`` (related rows by id)."""
        raise NotImplementedError

    def invalid_data(self, owner: Any) -> dict[str, Any]:
        raise NotImplementedError

    def make_extra(self, owner: Any) -> Any:
        """A new row nothing else depends on (for delete and row-count checks)."""
        return self.make(owner)

    def updated_value(self) -> Any:
        return "Changed by the test battery"

    # -- helpers ------------------------------------------------------------------------------
    @property
    def resource(self) -> Resource:
        return registry.get(self.model)

    def url(self, action: str, obj: Any = None) -> str:
        return reverse(self.resource.url_name(action), args=[obj.pk] if obj is not None else [])

    def api_url(self, obj: Any = None) -> str:
        r = self.resource
        name = f"api:{r.app_label}-{r.model_name}-" + ("detail" if obj is not None else "list")
        return reverse(name, args=[obj.pk] if obj is not None else [])

    @pytest.fixture
    def rows(self, org_a, org_b):
        return self.make(org_a), self.make(org_b)

    def expected(self, role: str, own: bool) -> int:
        """Expected status of a read of one row."""
        if role == "staff":
            return 200
        if role == "staff_none":
            return 403
        if not self.model.frontstage:
            return 403
        return 200 if own and role == "consumer_own" else 404

    # -- the battery --------------------------------------------------------------------------
    def test_list_anonymous_redirects_to_login(self, client, rows):
        response = client.get(self.url("list"))
        assert response.status_code == 302 and reverse("login") in response["Location"]
        assert client.get(self.api_url()).status_code in (401, 403)

    @pytest.mark.parametrize("role", ROLES[1:])
    def test_list_by_role(self, users, rows, role):
        row_a, row_b = rows
        client = client_for(users[role])
        response = client.get(self.url("list"))
        api = client.get(self.api_url())
        if role == "staff_none" or (role.startswith("consumer") and not self.model.frontstage):
            assert response.status_code == 403 and api.status_code == 403
            return
        assert response.status_code == 200 and api.status_code == 200
        ids = {r["id"] for r in api.json()["results"]}
        if role == "staff":
            assert {row_a.pk, row_b.pk} <= ids
        else:
            mine, theirs = (row_a, row_b) if role == "consumer_own" else (row_b, row_a)
            assert mine.pk in ids and theirs.pk not in ids
            assert str(theirs) not in response.content.decode()

    @pytest.mark.parametrize("role", ROLES[1:])
    def test_detail_by_role(self, users, rows, role):
        row_a, _row_b = rows
        client = client_for(users[role])
        expected = self.expected(role, own=True)
        assert client.get(self.url("detail", row_a)).status_code == expected
        assert client.get(self.api_url(row_a)).status_code == expected

    def test_detail_shows_history(self, users, rows):
        response = client_for(users["staff"]).get(self.url("detail", rows[0]))
        assert response.status_code == 200
        assert response.context["history"], "every record keeps its change history"

    def test_create_through_ui(self, users, org_a):
        client = client_for(users["staff"])
        assert client.get(self.url("add")).status_code == 200
        before = self.model.objects.count()
        response = client.post(self.url("add"), self.valid_data(org_a))
        assert response.status_code == 302, response.content.decode()[:2000]
        assert self.model.objects.count() == before + 1
        created = self.model.objects.order_by("-pk").first()
        assert created.created_by == users["staff"]
        assert created.history.first().history_user == users["staff"]

    def test_create_invalid_loses_nothing(self, users, org_a):
        client = client_for(users["staff"])
        before = self.model.objects.count()
        data = self.invalid_data(org_a)
        response = client.post(self.url("add"), data)
        assert response.status_code == 400
        assert response.context["form"].errors
        assert self.model.objects.count() == before

    def test_consumer_and_unprivileged_cannot_create(self, users, org_a):
        roles = ["staff_none"] + ([] if "add" in self.resource.consumer_actions else ["consumer_own"])
        for role in roles:
            client = client_for(users[role])
            assert client.post(self.url("add"), self.valid_data(org_a)).status_code == 403
            assert client.post(self.api_url(), self.valid_data(org_a)).status_code == 403

    def test_consumer_actions_take_the_owner_from_the_actor(self, users, org_a, org_b):
        """A resource that lets consumers add rows: the new row is the actor's organisation's, whatever
        organisation the input names (UI and API)."""
        r = self.resource
        if "add" not in r.consumer_actions:
            pytest.skip("consumers add no rows of this resource")
        client = client_for(users["consumer_own"])
        # The second send repeats the first row: confirmed as no duplicate (core.duplicates).
        api = self.api_url() + "?confirm_duplicate=1"
        for send in (lambda d: client.post(self.url("add"), d), lambda d: client.post(api, d)):
            before = set(self.model.objects.values_list("pk", flat=True))
            response = send(self.valid_data(org_b))
            assert response.status_code in (201, 302), response.content.decode()[:2000]
            (created,) = self.model.objects.exclude(pk__in=before)
            if r.owner_field:
                assert getattr(created, f"{r.owner_field}_id") == org_a.pk
            assert self.model.objects.restrict(users["consumer_own"]).filter(pk=created.pk).exists()

    def test_update_through_ui(self, users, rows):
        row = rows[0]
        client = client_for(users["staff"])
        assert client.get(self.url("edit", row)).status_code == 200
        form = client.get(self.url("edit", row)).context["form"]
        # A stored file is not sent back (a browser sends no file for an unchanged file input).
        data = {
            k: v
            for k, v in form.initial.items()
            if k in form.fields and v is not None and not isinstance(v, FieldFile)
        }
        data = {
            k: [x.pk if hasattr(x, "pk") else x for x in v]
            if isinstance(v, (list, tuple))
            else getattr(v, "pk", v)
            for k, v in data.items()
        }
        data[self.update_field] = self.updated_value()
        response = client.post(self.url("edit", row), data)
        assert response.status_code == 302, response.content.decode()[:2000]
        row.refresh_from_db()
        assert getattr(row, self.update_field) == self.updated_value()
        history = client.get(self.url("detail", row)).context["history"]
        assert any(entry["changes"] for entry in history)

    def test_delete_through_ui(self, users, org_a):
        row = self.make_extra(org_a)
        client = client_for(users["staff"])
        assert client.get(self.url("delete", row)).status_code == 200
        assert client.post(self.url("delete", row)).status_code == 302
        assert not self.model.objects.filter(pk=row.pk).exists()

    def test_consumer_cannot_reach_other_rows_for_change(self, users, rows):
        _row_a, row_b = rows
        client = client_for(users["consumer_own"])
        for action in ("edit", "delete"):
            assert client.get(self.url(action, row_b)).status_code in (403, 404)
        assert client.delete(self.api_url(row_b)).status_code in (403, 404)
        assert self.model.objects.filter(pk=row_b.pk).exists()

    @pytest.mark.parametrize("fmt", ["csv", "xlsx"])
    def test_export(self, users, rows, fmt):
        response = client_for(users["staff"]).get(self.url("list") + f"?_export={fmt}")
        assert response.status_code == 200
        assert response.content
        if fmt == "csv":
            lines = response.content.decode("utf-8-sig").strip().splitlines()
            assert len(lines) == 1 + self.model.objects.count()

    def test_export_respects_access_rule(self, users, rows):
        if not self.model.frontstage:
            pytest.skip("backstage model: consumers get 403, checked in test_list_by_role")
        response = client_for(users["consumer_own"]).get(self.url("list") + "?_export=csv")
        text = response.content.decode("utf-8-sig")
        assert str(rows[1]) not in text

    def test_api_create_update_delete(self, users, org_a):
        client = client_for(users["staff"])
        response = client.post(self.api_url(), self.valid_data(org_a), content_type="application/json")
        assert response.status_code == 201, response.content
        pk = response.json()["id"]
        obj = self.model.objects.get(pk=pk)
        response = client.patch(
            self.api_url(obj), {self.update_field: self.updated_value()}, content_type="application/json"
        )
        assert response.status_code == 200, response.content
        obj.refresh_from_db()
        assert getattr(obj, self.update_field) == self.updated_value()
        assert client.delete(self.api_url(obj)).status_code == 204
        assert not self.model.objects.filter(pk=pk).exists()

    def test_api_invalid_is_400(self, users, org_a):
        client = client_for(users["staff"])
        before = self.model.objects.count()
        response = client.post(self.api_url(), self.invalid_data(org_a), content_type="application/json")
        assert response.status_code == 400
        assert self.model.objects.count() == before

    def test_every_filter_works(self, users, rows):
        client = client_for(users["staff"])
        row = rows[0]
        for name in self.resource.filters:
            if self.model._meta.get_field(name).many_to_many:
                value = getattr(row, name).values_list("pk", flat=True).first()
            else:
                value = getattr(row, f"{name}_id", None) or getattr(row, name)
            value = getattr(value, "code", value)  # countries
            assert value is not None, f"make() leaves {name} empty: the filter cannot be tried"
            response = client.get(self.url("list"), {name: value})
            assert response.status_code == 200, name
            assert row in list(response.context["table"].data), name
            api = client.get(self.api_url(), {name: value})
            assert api.status_code == 200 and row.pk in {r["id"] for r in api.json()["results"]}, name

    def test_search(self, users, rows):
        if not self.resource.search:
            pytest.skip("no search declared")
        client = client_for(users["staff"])
        response = client.get(self.url("list"), {"q": "no-such-text-anywhere-zz"})
        assert response.status_code == 200 and len(response.context["table"].data) == 0

    def test_every_column_sorts(self, users, rows):
        client = client_for(users["staff"])
        for column in self.resource.columns:
            for order in (column, f"-{column}"):
                assert client.get(self.url("list"), {"sort": order}).status_code == 200, order

    def test_htmx_list_returns_fragment(self, users, rows):
        response = client_for(users["staff"]).get(self.url("list"), headers={"HX-Request": "true"})
        assert response.status_code == 200
        assert b"<html" not in response.content and b'id="results"' in response.content

    def test_list_query_count_does_not_grow(self, users, org_a, org_b):
        client = client_for(users["staff"])
        self.make_extra(org_a)
        client.get(self.url("list"))  # warm caches (content types, permissions)
        with CaptureQueriesContext(connection) as few:
            client.get(self.url("list"))
        for _ in range(5):
            self.make_extra(org_b)
        with CaptureQueriesContext(connection) as many:
            client.get(self.url("list"))
        assert len(many) == len(few), [q["sql"] for q in many.captured_queries]
        # ... and equals the app's recorded baseline (tests/query_counts.json), so a new query is a
        # decision: change the baseline in the same commit, with the reason in its message.
        baseline_file = Path(import_module(f"wayfare.{self.resource.app_label}").__file__ or "").parent
        baseline_file = baseline_file / "tests" / "query_counts.json"
        baseline = json.loads(baseline_file.read_text()) if baseline_file.exists() else {}
        key = f"{self.model.__name__}.list"
        assert key in baseline, f"add {key!r}: {len(many)} to {baseline_file}"
        assert len(many) == baseline[key], [q["sql"] for q in many.captured_queries]

    def test_csv_import_all_or_nothing(self, users, org_a):
        if not self.resource.importable:
            pytest.skip("this register has no CSV import (its rows come from files or services)")
        client = client_for(users["staff"])
        from .matrix import rows_csv

        good, bad = self.valid_data(org_a), self.invalid_data(org_a)
        columns = list(dict.fromkeys([*good.keys(), *bad.keys()]))

        def as_csv(rows: list[dict]) -> io.BytesIO:  # every file has the same columns
            return rows_csv([{c: row.get(c, "") for c in columns} for row in rows])

        before = self.model.objects.count()
        response = client.post(self.url("import"), {"file": as_csv([good, bad])})
        assert response.status_code == 400
        assert any(line == 3 for line, _message in response.context["errors"])
        assert self.model.objects.count() == before
        response = client.post(self.url("import"), {"file": as_csv([good])})
        assert response.status_code == 302
        assert self.model.objects.count() == before + 1

    def test_authorization_matrix(self, org_a, org_b, make_consumer, record_property):
        """Every action x every role on this resource against its declared ``access`` (core/matrix.py)."""
        from wayfare.core import matrix

        people = matrix.principals(org_a, org_b, make_consumer)
        count, violations = matrix.run(self.resource, self, people, org_a)
        record_property("authorization_matrix", [count, len(violations)])
        assert not violations, f"{len(violations)} of {count} cells:\n" + "\n".join(violations)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Add up the authorization matrix of every resource (reports carry it from xdist workers too)."""
    cells = violations = resources = 0
    for status in ("passed", "failed"):
        for report in terminalreporter.stats.get(status, []):
            if getattr(report, "when", None) != "call":
                continue
            for name, value in getattr(report, "user_properties", ()):
                if name == "authorization_matrix":
                    resources += 1
                    cells += value[0]
                    violations += value[1]
    if resources:
        terminalreporter.write_line(
            f"authorization matrix: {cells} cells over {resources} resources, {violations} violations"
        )
