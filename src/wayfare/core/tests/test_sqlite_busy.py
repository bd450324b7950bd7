"""SQLite under concurrent writes (issue #11): write transactions take the lock at BEGIN, a busy database
answers 503 with Retry-After (never 500), and an import validates before it takes the lock.

The tests move the test database into a file for their duration (the suite's SQLite test database lives
in memory, where a second connection cannot take a real lock), and hold the write lock from a second,
plain sqlite3 connection: no threads and no waiting.
"""

from __future__ import annotations

import sqlite3

import pytest
from django.db import connection, transaction

from wayfare.core.testing import client_for
from wayfare.parties.models import Organisation
from wayfare.parties.tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's locking")


@pytest.fixture
def file_db(transactional_db, tmp_path):
    """The test database copied into a file, used by Django's connection with a zero busy timeout."""
    from django.db.backends.base.base import BaseDatabaseWrapper

    settings_dict = connection.settings_dict
    memory_name, options = settings_dict["NAME"], settings_dict["OPTIONS"]
    path = tmp_path / "wayfare.sqlite3"
    connection.ensure_connection()
    keeper = None
    if connection.is_in_memory_db():  # a shared in-memory database lives as long as one connection does
        name = str(memory_name)
        uri = name if name.startswith("file:") else f"file:{name}?mode=memory&cache=shared"
        keeper = sqlite3.connect(uri, uri=True)
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    BaseDatabaseWrapper.close(connection)  # the SQLite backend keeps in-memory connections open otherwise
    settings_dict["NAME"] = str(path)
    settings_dict["OPTIONS"] = {**options, "timeout": 0}
    try:
        yield path
    finally:
        BaseDatabaseWrapper.close(connection)
        settings_dict["NAME"], settings_dict["OPTIONS"] = memory_name, options
        connection.ensure_connection()
        if keeper is not None:
            keeper.close()


def _lock(path) -> sqlite3.Connection:
    """A second connection that holds the write lock until it is closed."""
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_write_transactions_take_the_lock_at_begin(file_db):
    with transaction.atomic():
        # Nothing written yet; with deferred transactions the other connection would get the lock.
        other = sqlite3.connect(file_db, timeout=0, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


def test_busy_database_answers_503_with_retry_after_in_the_api(file_db):
    org = OrganisationFactory(name="Before")
    client = client_for(UserFactory(username="writer", roles=["Administrator"]))
    other = _lock(file_db)
    try:
        response = client.patch(
            f"/api/parties/organisations/{org.pk}/", {"name": "After"}, content_type="application/json"
        )
    finally:
        other.close()
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    assert response.json()["code"] == "database_busy"
    assert Organisation.objects.get(pk=org.pk).name == "Before"
    # Once the lock is free, the same request goes through.
    response = client.patch(
        f"/api/parties/organisations/{org.pk}/", {"name": "After"}, content_type="application/json"
    )
    assert response.status_code == 200
    assert Organisation.objects.get(pk=org.pk).name == "After"


def test_busy_database_answers_503_on_a_page(file_db):
    org = OrganisationFactory(name="Before")
    client = client_for(UserFactory(username="writer", roles=["Administrator"]))
    other = _lock(file_db)
    try:
        response = client.post(
            f"/parties/organisations/{org.pk}/edit/", {"name": "After", "kind": org.kind, "country": "BR"}
        )
    finally:
        other.close()
    assert response.status_code == 503
    assert "Retry-After" in response
    assert "try again" in response.content.decode()


def test_import_validates_every_row_before_taking_the_write_lock(transactional_db, monkeypatch):
    from wayfare.core.resources import registry
    from wayfare.core.services import resource_import_csv

    resource = registry.get(Organisation)
    seen = []
    base = resource.form_class

    class Watching(base):  # type: ignore[misc, valid-type]
        def is_valid(self):
            seen.append(connection.in_atomic_block)
            return super().is_valid()

    monkeypatch.setitem(resource.__dict__, "form_class", Watching)
    text = "name,kind,country\nFirst,external,BR\nSecond,external,PT\n"
    created = resource_import_csv(
        resource, actor=UserFactory(username="importer", roles=["Administrator"]), text=text
    )
    assert len(created) == 2
    assert seen == [False, False]
