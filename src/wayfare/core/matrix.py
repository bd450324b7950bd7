"""The authorization matrix (issue #11; STYLE.md section 6), generated from the declaration registry.

For one resource, every *action* (list, detail, history, exports, add, import, edit, delete and their
forms; every API method; every extra viewset action; every page of the app under the resource's URL)
is tried by every *principal* (anonymous, an inactive administrator, an account without roles, a
superuser, each staff role of ``core.roles.ROLES``, consumers of two organisations, and a consumer who
also holds every staff role), on a row owned by organisation A. Each answer is compared with what the
resource declares in ``Resource.access`` (an ``Access``), never with the permissions that implement it.

Outcomes: ``ok`` (allowed and shown), ``unlisted`` (a list answered without A's row), ``hidden`` (404),
``forbidden`` (403; a 404 also counts, it reveals less), ``login`` (redirect to the login page or 401),
``error`` (5xx, always a violation). A refused write must also leave the database as it was; every cell
runs in a savepoint that is rolled back, so cells never see each other's writes.

``ResourceTests.test_authorization_matrix`` runs it per resource; the pytest plugin in ``core.testing``
adds up the cells and violations of all resources in the terminal summary.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.test import Client
from django.urls import get_resolver, reverse

from .access import CONSUMER_GROUP
from .resources import Access, Resource

GENERATED_PAGES = ("list", "add", "import", "detail", "edit", "delete")
# Pages generated from ``transitions`` and ``versioned`` (their cells come from the declaration, below).
DECLARED_PAGES = ("transition", "versions", "version_compare", "version_publish", "version_draft")


@dataclass
class Principal:
    name: str
    user: Any
    kind: str  # anonymous, inactive, none, superuser, staff, consumer
    group: str | None = None  # the staff role
    organisation: str | None = None  # "a" or "b", for consumers


@dataclass
class Cell:
    action: str
    method: str
    url: str
    needs: str  # view, add, change, delete
    on_row: bool  # the URL names A's row (else: a list or an add)
    roles: tuple[str, ...] | None = None  # who may, for custom actions that say so
    data: Any = None
    content_type: str | None = None
    check: str | None = None  # "list", "api_list", "history"


def principals(org_a: Any, org_b: Any, make_consumer: Any) -> list[Principal]:
    from .roles import ROLES
    from .testing import make_user

    staff = [role.group for role in ROLES if role.group != CONSUMER_GROUP]
    people = [
        Principal("anonymous", None, "anonymous"),
        Principal("inactive", make_user("m-inactive", ["Administrator"], is_active=False), "inactive"),
        Principal("no role", make_user("m-none"), "none"),
        Principal("superuser", make_user("m-super", is_superuser=True), "superuser"),
    ]
    people += [Principal(g, make_user(f"m-{g.lower().replace(' ', '-')}", [g]), "staff", g) for g in staff]
    people += [
        Principal("consumer A", make_consumer("m-consumer-a", org_a), "consumer", organisation="a"),
        Principal("consumer B", make_consumer("m-consumer-b", org_b), "consumer", organisation="b"),
        Principal(
            "consumer A with staff roles",
            make_consumer("m-consumer-staff", org_a, (CONSUMER_GROUP, *staff)),
            "consumer",
            organisation="a",
        ),
    ]
    return people


def rows_csv(rows: list[dict[str, Any]]) -> io.BytesIO:
    """An uploaded CSV file of ``rows`` (columns: every key of any row, blanks where a row lacks one)."""
    columns = list(dict.fromkeys(k for row in rows for k in row))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    writer.writerows([{c: row.get(c, "") for c in columns} for row in rows])
    data = io.BytesIO(buffer.getvalue().encode())
    data.name = "rows.csv"
    return data


def custom_routes(resource: Resource) -> list[tuple[str, str]]:
    """Pages of the resource's app under ``<slug>/<int:pk>/`` that the declaration does not generate:
    (name, route)."""
    namespace = get_resolver().namespace_dict.get(resource.app_label)
    if namespace is None:
        return []
    generated = {f"{resource.model_name}_{page}" for page in (*GENERATED_PAGES, *DECLARED_PAGES)}
    prefix = f"{resource.url_slug}/<int:pk>/"
    found = []
    for pattern in namespace[1].url_patterns:
        name = getattr(pattern, "name", None)
        if name and name not in generated and str(pattern.pattern).startswith(prefix):
            found.append((name, str(pattern.pattern)))
    return found


def cells(resource: Resource, tests: Any, row: Any, spare: Any, org_a: Any) -> list[Cell]:
    """Every action on ``resource``, with a fresh input for each write. Deletes aim at ``spare`` (a row
    nothing uses, ``make_extra``), so that they test access, not what still uses the row."""
    access = resource.access or Access(write=())
    detail = reverse(resource.url_name("detail"), args=[row.pk])
    listing = reverse(resource.url_name("list"))
    api_name = f"api:{resource.app_label}-{resource.model_name}"
    api_list, api_row = reverse(f"{api_name}-list"), reverse(f"{api_name}-detail", args=[row.pk])
    change = {tests.update_field: tests.updated_value()}
    edit_data = {**tests.valid_data(org_a), **change}
    result = [
        Cell("list", "get", listing, "view", False, check="list"),
        Cell("detail", "get", detail, "view", True),
        Cell("history", "get", detail, "view", True, check="history"),
        Cell("export csv", "get", listing + "?_export=csv", "view", False),
        Cell("export xlsx", "get", listing + "?_export=xlsx", "view", False),
        Cell("add form", "get", reverse(resource.url_name("add")), "add", False),
        Cell("add", "post", reverse(resource.url_name("add")), "add", False, data=tests.valid_data(org_a)),
        Cell("edit form", "get", reverse(resource.url_name("edit"), args=[row.pk]), "change", True),
        Cell(
            "edit", "post", reverse(resource.url_name("edit"), args=[row.pk]), "change", True, data=edit_data
        ),
        Cell("delete form", "get", reverse(resource.url_name("delete"), args=[spare.pk]), "delete", True),
        Cell("delete", "post", reverse(resource.url_name("delete"), args=[spare.pk]), "delete", True),
        Cell("api list", "get", api_list, "view", False, check="api_list"),
        Cell("api detail", "get", api_row, "view", True),
        Cell("api head", "head", api_row, "view", True),
        Cell("api options", "options", api_list, "view", False),
        Cell("api create", "post", api_list, "add", False, data=tests.valid_data(org_a)),
        Cell(
            "api put",
            "put",
            api_row,
            "change",
            True,
            data=json.dumps(change),
            content_type="application/json",
        ),
        Cell(
            "api patch",
            "patch",
            api_row,
            "change",
            True,
            data=json.dumps(change),
            content_type="application/json",
        ),
        Cell("api delete", "delete", reverse(f"{api_name}-detail", args=[spare.pk]), "delete", True),
    ]
    if resource.importable:
        url = reverse(resource.url_name("import"))
        result += [
            Cell("import form", "get", url, "add", False),
            Cell("import", "post", url, "add", False, data={"file": rows_csv([tests.valid_data(org_a)])}),
        ]
    viewset: Any = resource.viewset_class
    for extra in viewset.get_extra_actions():
        name = f"api.{extra.__name__}"
        needs, roles = access.actions.get(name, ("?", None))
        args = [row.pk] if extra.detail else []
        url = reverse(f"{api_name}-{extra.url_name}", args=args)
        for method in extra.mapping:
            result.append(Cell(name, method, url, needs, extra.detail, roles))
    result += declared_cells(resource, row)
    for route_name, _route in custom_routes(resource):
        name = f"page.{route_name}"
        needs, roles = access.actions.get(name, ("?", None))
        url = reverse(f"{resource.app_label}:{route_name}", args=[row.pk])
        result.append(Cell(name, "get", url, needs, True, roles))
    return result


def declared_cells(resource: Resource, row: Any) -> list[Cell]:
    """Cells of the pages and API routes that ``transitions`` and ``versioned`` generate. What each needs
    comes from the declaration itself (a transition's permission; versions are read with "view" and
    written with "change"), exactly as for the generated list and edit pages."""
    app, model = resource.app_label, resource.model_name
    result = []
    for transition in resource.transitions:
        needs = transition.permission if transition.permission in ("view", "add", "change", "delete") else "?"
        page = reverse(f"{app}:{model}_transition", args=[row.pk, transition.name])
        api = reverse(f"api:{app}-{model}-transition-{transition.name}", args=[row.pk])
        result += [
            Cell(f"transition {transition.name}", "post", page, needs, True),
            Cell(f"api transition {transition.name}", "post", api, needs, True),
        ]
    if resource.versioned:
        api = f"api:{app}-{model}-version"
        result += [
            Cell("versions", "get", reverse(f"{app}:{model}_versions", args=[row.pk]), "view", True),
            Cell(
                "version compare",
                "get",
                reverse(f"{app}:{model}_version_compare", args=[row.pk]),
                "view",
                True,
            ),
            Cell(
                "version publish",
                "post",
                reverse(f"{app}:{model}_version_publish", args=[row.pk]),
                "change",
                True,
            ),
            Cell(
                "version draft",
                "post",
                reverse(f"{app}:{model}_version_draft", args=[row.pk]),
                "change",
                True,
            ),
            Cell("api versions", "get", reverse(f"{api}-list", args=[row.pk]), "view", True),
            Cell("api version compare", "get", reverse(f"{api}-compare", args=[row.pk]), "view", True),
            Cell("api version publish", "post", reverse(f"{api}-publish", args=[row.pk]), "change", True),
            Cell("api version draft", "post", reverse(f"{api}-draft", args=[row.pk]), "change", True),
        ]
    return result


def expected(access: Access, principal: Principal, cell: Cell, staff_roles: list[str]) -> str:
    if principal.kind in ("anonymous", "inactive"):
        return "login"
    if principal.kind == "superuser":
        return "ok"
    if principal.kind == "none":
        return "forbidden"
    if principal.kind == "staff":
        if cell.roles is not None:
            allowed = principal.group in cell.roles
        elif cell.needs == "view":
            allowed = principal.group in (access.read if access.read is not None else staff_roles)
        else:
            allowed = principal.group in access.write
        return "ok" if allowed else "forbidden"
    # consumers: only what the resource lets them do, on their own organisation's rows
    allowed = CONSUMER_GROUP in cell.roles if cell.roles is not None else cell.needs in access.consumer
    if not allowed:
        return "forbidden"
    if principal.organisation == "a":
        return "ok"
    if cell.on_row:
        return "hidden"
    return "unlisted" if cell.check in ("list", "api_list") else "ok"


def outcome(response: Any, cell: Cell, row: Any) -> str:
    status = response.status_code
    if status >= 500:
        return "error"
    if status == 401 or (status == 302 and reverse("login") in response.get("Location", "")):
        return "login"
    if status == 403:
        return "forbidden"
    if status == 404:
        return "hidden"
    if cell.check == "list" and response.context is not None:
        return "ok" if row in list(response.context["table"].data) else "unlisted"
    if cell.check == "api_list":
        return "ok" if row.pk in {r["id"] for r in response.json()["results"]} else "unlisted"
    if cell.check == "history":
        return "ok" if response.context and response.context.get("history") else "no history"
    return "ok"


class _Rollback(Exception):
    pass


def _state(model: Any, row: Any) -> tuple[Any, ...]:
    current = model._default_manager.filter(pk=row.pk).values_list("updated", flat=True).first()
    return (model._default_manager.count(), current)


def run(resource: Resource, tests: Any, people: list[Principal], org_a: Any) -> tuple[int, list[str]]:
    """Try every cell; answer the number of cells and the violations found."""
    from .roles import ROLES

    if resource.access is None:
        return 0, [f"{resource.model.__name__} declares no access expectations (Resource.access)"]
    staff_roles = [role.group for role in ROLES if role.group != CONSUMER_GROUP]
    clients = {}
    for person in people:
        client = Client(raise_request_exception=False)
        if person.user is not None:
            client.force_login(person.user)
        clients[person.name] = client
    count, violations = 0, []
    row, spare = tests.make(org_a), tests.make_extra(org_a)
    for person in people:
        for cell in cells(resource, tests, row, spare, org_a):
            count += 1
            if cell.needs == "?":
                violations.append(
                    f"{cell.action}: not declared in {resource.model.__name__}'s Access.actions"
                )
                continue
            want = expected(resource.access, person, cell, staff_roles)
            try:
                with transaction.atomic():
                    target = spare if cell.needs == "delete" else row
                    before = _state(resource.model, target)
                    kwargs = {"content_type": cell.content_type} if cell.content_type else {}
                    send = getattr(clients[person.name], cell.method)
                    response = (
                        send(cell.url, cell.data, **kwargs) if cell.data is not None else send(cell.url)
                    )
                    got = outcome(response, cell, row)
                    wrote = cell.needs != "view" and _state(resource.model, target) != before
                    raise _Rollback
            except _Rollback:
                pass
            refused = want in ("forbidden", "hidden", "login")
            if got != want and not (want == "forbidden" and got == "hidden"):
                violations.append(
                    f"{person.name} · {cell.action} ({cell.method.upper()} {cell.url}): "
                    f"expected {want}, got {got} ({response.status_code})"
                )
            elif refused and wrote:
                violations.append(f"{person.name} · {cell.action}: refused but the data changed")
    return count, violations
