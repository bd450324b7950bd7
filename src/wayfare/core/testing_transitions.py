"""The test battery of declared transitions (``core.transitions``), written once.

A model's class subclasses ``TransitionTests`` and says how to make a row in a state from which a named
transition may run (``make_ready``), one where its guard fails (``make_guarded``, ``None`` when it has no
guard that can fail there), and one in a wrong state (``make_wrong_state``). Every declared transition
of the resource is then checked through the page and the API: an allowed role succeeds and the change is
in the history with the actor; a role without the permission gets 403; a consumer of another
organisation 404 (403 on backstage models, which consumers cannot read at all); a failing guard and a
wrong state answer 409 with the reason and change nothing; the button shows only when it may be used;
the API action is in the OpenAPI schema.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from django.urls import reverse

from .resources import Resource, registry
from .testing import client_for
from .transitions import Transition


class TransitionTests:
    __test__ = False
    model: Any = None
    allowed_role = "staff"  # a key of the ``users`` fixture whose role holds every transition's permission

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.__test__ = True

    # -- to implement -------------------------------------------------------------------------
    def make_ready(self, transition: Transition, owner: Any) -> Any:
        raise NotImplementedError

    def make_guarded(self, transition: Transition, owner: Any) -> Any | None:
        return None

    def make_wrong_state(self, transition: Transition, owner: Any) -> Any:
        raise NotImplementedError

    # -- helpers ------------------------------------------------------------------------------
    @property
    def resource(self) -> Resource:
        return registry.get(self.model)

    @property
    def transitions(self) -> list[Transition]:
        declared = list(self.resource.transitions)
        assert declared, f"{self.model.__name__} declares no transitions"
        return declared

    def page_url(self, obj: Any, t: Transition) -> str:
        return reverse(self.resource.url_name("transition"), args=[obj.pk, t.name])

    def api_url(self, obj: Any, t: Transition) -> str:
        r = self.resource
        return reverse(f"api:{r.app_label}-{r.model_name}-transition-{t.name}", args=[obj.pk])

    def state(self, obj: Any, t: Transition) -> Any:
        obj.refresh_from_db()
        return getattr(obj, t.field)

    # -- the battery --------------------------------------------------------------------------
    def test_allowed_role_runs_it_through_page_and_api(self, users, org_a):
        user = users[self.allowed_role]
        client = client_for(user)
        for t in self.transitions:
            obj = self.make_ready(t, org_a)
            detail = client.get(obj.get_absolute_url()).content.decode()
            assert f'action="{self.page_url(obj, t)}"' in detail, f"{t.name}: no button"
            if t.confirm:
                response = client.post(self.page_url(obj, t))
                assert response.status_code == 200 and str(t.confirm) in response.content.decode()
                assert self.state(obj, t) != t.target, f"{t.name} ran before it was confirmed"
            response = client.post(self.page_url(obj, t), {"confirmed": "1"})
            assert response.status_code == 302, t.name
            assert self.state(obj, t) == t.target, t.name
            last = obj.history.order_by("-history_date", "-history_id").first()
            assert last.history_user == user and getattr(last, t.field) == t.target, t.name
            obj = self.make_ready(t, org_a)
            response = client.post(self.api_url(obj, t))
            assert response.status_code == 200, (t.name, response.content)
            assert response.json()[t.field] == t.target and self.state(obj, t) == t.target

    def test_role_without_the_permission_gets_403(self, users, org_a):
        client = client_for(users["staff_none"])
        for t in self.transitions:
            obj = self.make_ready(t, org_a)
            before = self.state(obj, t)
            assert client.post(self.page_url(obj, t), {"confirmed": "1"}).status_code == 403
            assert client.post(self.api_url(obj, t)).status_code == 403
            assert self.state(obj, t) == before
            assert (
                f'action="{self.page_url(obj, t)}"'
                not in client_for(users["staff_none"]).get(obj.get_absolute_url()).content.decode()
            )

    def test_anonymous_is_sent_to_login(self, client, org_a):
        for t in self.transitions:
            obj = self.make_ready(t, org_a)
            response = client.post(self.page_url(obj, t))
            assert response.status_code == 302 and reverse("login") in response["Location"]
            assert client.post(self.api_url(obj, t)).status_code in (401, 403)

    def test_consumer_of_another_organisation_gets_404(self, users, org_a):
        expected = 404 if self.model.frontstage else 403
        client = client_for(users["consumer_other"])
        for t in self.transitions:
            obj = self.make_ready(t, org_a)
            before = self.state(obj, t)
            assert client.post(self.page_url(obj, t), {"confirmed": "1"}).status_code == expected
            assert client.post(self.api_url(obj, t)).status_code == expected
            assert self.state(obj, t) == before

    def test_failing_guard_answers_409_with_its_reason(self, users, org_a):
        client = client_for(users[self.allowed_role])
        checked = 0
        for t in self.transitions:
            obj = self.make_guarded(t, org_a)
            if obj is None:
                continue
            checked += 1
            before = self.state(obj, t)
            response = client.post(self.api_url(obj, t))
            assert response.status_code == 409, (t.name, response.content)
            assert response.json()["code"] == "transition_refused"
            assert response.json()["detail"] == str(t.refusal(obj))
            assert (
                f'action="{self.page_url(obj, t)}"' not in client.get(obj.get_absolute_url()).content.decode()
            )
            response = client.post(self.page_url(obj, t), {"confirmed": "1"}, follow=True)
            assert str(t.refusal(obj)) in response.content.decode()
            assert self.state(obj, t) == before
        if not checked and any(t.guard for t in self.transitions):
            pytest.fail("a declared guard is never tested: implement make_guarded")

    def test_wrong_state_is_refused(self, users, org_a):
        client = client_for(users[self.allowed_role])
        for t in self.transitions:
            obj = self.make_wrong_state(t, org_a)
            before = self.state(obj, t)
            assert before not in t.source
            response = client.post(self.api_url(obj, t))
            assert response.status_code == 409 and response.json()["code"] == "transition_refused"
            assert client.post(self.page_url(obj, t), {"confirmed": "1"}).status_code == 302
            assert self.state(obj, t) == before

    def test_state_field_is_not_editable(self, users, org_a):
        for t in self.transitions:
            assert t.field not in self.resource.editable_fields
            assert t.field not in self.resource.form_class(user=users["staff"]).fields

    def test_transitions_are_in_the_schema(self, users):
        schema = yaml.safe_load(client_for(users["staff"]).get("/api/schema/").content)
        r = self.resource
        for t in self.transitions:
            assert f"/api/{r.app_label}/{r.url_slug}/{{id}}/transitions/{t.name}/" in schema["paths"] or (
                f"/api/{r.app_label}/{r.url_slug}/{{pk}}/transitions/{t.name}/" in schema["paths"]
            ), t.name
