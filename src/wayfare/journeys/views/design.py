"""Pages of the journey design studio: design (issue #13 sections 2 and 4): the service blueprint, the
review of a map against the eight customer-experience questions, the design work along the
design-thinking stages, and the Johari window of a map or a relationship.

The service blueprint draws from the map document (``selectors.journey_map_document``), so a consumer's
people see only the published frontstage of a map of their relationship: no backstage or support lane.
Time per stage is the designed ``duration_minutes`` and, for staff of a map with a log, the observed
median dwell of the cases that reached the stage (``reference.journey_map_observed``)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import URLPattern, path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wayfare.core.access import has_permission, is_consumer, restrict
from wayfare.core.concurrency import StaleVersion, version_of
from wayfare.core.exceptions import DomainError

from ..forms_design import DesignWorkForm, JohariEntryForm, JohariMoveForm, ReviewAnswerForm
from ..guide import DESIGN_STAGES, PRINCIPLES, review_evidence
from ..models import (
    CxQuestion,
    DesignPrinciple,
    DesignStage,
    DesignWork,
    JohariEntry,
    JohariPane,
    JourneyMap,
    Lane,
    MapReviewAnswer,
    WorkStatus,
)
from ..selectors import journey_map_document
from ..services.design import (
    ReviewInput,
    design_work_add,
    design_work_set_status,
    johari_entry_add,
    johari_entry_update,
    map_review_save,
    map_review_summary,
)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def blueprint_rows(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The lanes of the blueprint, top to bottom, each with one cell per stage; ``line`` marks the row
    that is the line of visibility. Backstage lanes only when the document carries the backstage."""
    stages = document["stages"]

    def cells(lane: str, extra: str | None = None) -> list[dict[str, Any]]:
        return [
            {
                "texts": _lines(stage.get(extra, "")) if extra else [],
                "touchpoints": [t for t in stage["touchpoints"] if t["lane"] == lane],
            }
            for stage in stages
        ]

    rows: list[dict[str, Any]] = [
        {
            "key": "customer",
            "label": _("Customer actions"),
            "cells": cells(Lane.CUSTOMER, "customer_actions"),
        },
        {"key": "frontstage", "label": _("Frontstage"), "cells": cells(Lane.FRONTSTAGE)},
    ]
    if document.get("backstage"):
        rows += [
            {"key": "line", "label": _("Line of visibility"), "line": True},
            {"key": "backstage", "label": _("Backstage"), "cells": cells(Lane.BACKSTAGE)},
            {
                "key": "support",
                "label": _("Support processes"),
                "cells": cells(Lane.SUPPORT, "support_processes"),
            },
        ]
    return rows


@login_required
def map_blueprint(request: HttpRequest, pk: int) -> HttpResponse:
    journey_map = get_object_or_404(restrict(JourneyMap.objects.all(), request.user, "view"), pk=pk)
    document = journey_map_document(journey_map, request.user)
    if document is None:
        raise Http404
    consumer = is_consumer(request.user)
    # Beside the designed time, the observed median dwell per stage from the map's log (staff only).
    observed: dict[int, int] = {}
    if not consumer and journey_map.event_log_id:
        from ..reference import journey_map_observed

        try:
            figures = journey_map_observed(journey_map, request.user, request.GET)["stages"]
        except DomainError:
            figures = {}
        for key, row in figures.items():
            if row.get("median_dwell_seconds") is not None:
                observed[int(key)] = round(row["median_dwell_seconds"] / 60)
    for stage in document["stages"]:
        stage["observed_minutes"] = observed.get(stage["id"])
    return render(
        request,
        "journeys/design/blueprint.html",
        {
            "journey_map": journey_map,
            "document": document,
            "rows": blueprint_rows(document),
            "consumer_view": consumer,
        },
    )


def _staff_map(request: HttpRequest, pk: int) -> JourneyMap:
    """A map for the backstage pages: 404 for a consumer's people and for maps the reader may not see."""
    if is_consumer(request.user):
        raise Http404
    return get_object_or_404(
        restrict(JourneyMap.objects.select_related("relationship"), request.user, "view"), pk=pk
    )


def _refused(request: HttpRequest, exc: DomainError) -> None:
    if exc.code == "forbidden":
        raise PermissionDenied(str(exc))
    messages.error(request, str(exc))


@login_required
def map_review(request: HttpRequest, pk: int) -> HttpResponse:
    """The eight questions with an answer, a status and the stage it is mostly about, saved at once;
    next to each question what the map already says about it."""
    journey_map = _staff_map(request, pk)
    if not has_permission(request.user, MapReviewAnswer, "view"):
        raise PermissionDenied
    may_write = has_permission(request.user, MapReviewAnswer, "add") and has_permission(
        request.user, MapReviewAnswer, "change"
    )
    stored = {a.question: a for a in journey_map.review.select_related("stage")}
    posted = request.method == "POST"
    if posted and not may_write:
        raise PermissionDenied
    forms = {}
    for question in CxQuestion:
        answer = stored.get(question.value)
        initial: dict[str, Any] = {"version": version_of(answer) or ""}
        if answer is not None:
            initial |= {"answer": answer.answer, "status": answer.status, "stage": answer.stage_id}
        forms[question.value] = ReviewAnswerForm(
            request.POST if posted else None, prefix=question.value, initial=initial, journey_map=journey_map
        )
    theirs: dict[str, MapReviewAnswer] = {}
    status = 200
    if posted:
        if all(form.is_valid() for form in forms.values()):
            inputs = {
                q: ReviewInput(
                    answer=f.cleaned_data["answer"].strip(),
                    status=f.cleaned_data["status"],
                    stage=f.cleaned_data["stage"],
                    version=f.cleaned_data["version"],
                )
                for q, f in forms.items()
            }
            try:
                map_review_save(journey_map=journey_map, actor=request.user, answers=inputs)
            except StaleVersion:
                # Keep what this reader typed; show the answers saved meanwhile, and take their
                # versions, so a second save is a conscious overwrite.
                now = {a.question: a for a in journey_map.review.select_related("stage")}
                for code, form in forms.items():
                    answer = now.get(code)
                    if (version_of(answer) or "") != inputs[code].version and answer is not None:
                        theirs[code] = answer
                    data = request.POST.copy()
                    data[f"{code}-version"] = version_of(answer) or ""
                    form.data = data
                messages.error(
                    request,
                    gettext(
                        "Someone saved answers of this review since you opened it. Nothing was saved: "
                        "your answers are kept below, next to theirs. Save again to keep yours."
                    ),
                )
                status = 409
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
                status = 400
            except DomainError as exc:
                _refused(request, exc)
                status = 400
            else:
                messages.success(request, gettext("The review is saved."))
                return HttpResponseRedirect(request.path)
        else:
            status = 400
    evidence = review_evidence(journey_map_document(journey_map, request.user) or {"stages": []})
    rows = [
        {
            "question": question,
            "form": forms[question.value],
            "stored": stored.get(question.value),
            "theirs": theirs.get(question.value),
            "evidence": evidence.get(question.value, []),
            "number": index,
        }
        for index, question in enumerate(CxQuestion, start=1)
    ]
    return render(
        request,
        "journeys/design/review.html",
        {
            "journey_map": journey_map,
            "rows": rows,
            "summary": map_review_summary(journey_map),
            "may_write": may_write,
        },
        status=status,
    )


@login_required
def map_design(request: HttpRequest, pk: int) -> HttpResponse:
    """The design work on a map as five columns, one per design-thinking stage, with a guide to each and
    the principles no activity serves yet."""
    journey_map = _staff_map(request, pk)
    if not has_permission(request.user, DesignWork, "view"):
        raise PermissionDenied
    may_add = has_permission(request.user, DesignWork, "add")
    may_change = has_permission(request.user, DesignWork, "change")
    failed: DesignWorkForm | None = None
    status = 200
    if request.method == "POST":
        action = request.POST.get("_do")
        try:
            if action == "add":
                if not may_add:
                    raise PermissionDenied
                failed = DesignWorkForm(request.POST)
                if failed.is_valid():
                    work = design_work_add(
                        journey_map=journey_map, actor=request.user, data=failed.cleaned_data
                    )
                    messages.success(request, gettext("The activity is added."))
                    return HttpResponseRedirect(f"{request.path}#work-{work.pk}")
            elif action == "status":
                if not may_change:
                    raise PermissionDenied
                work = get_object_or_404(
                    restrict(DesignWork.objects.filter(journey_map=journey_map), request.user, "change"),
                    pk=request.POST.get("work") if str(request.POST.get("work", "")).isdigit() else 0,
                )
                wanted = request.POST.get("status", "")
                if wanted not in WorkStatus.values:
                    raise ValidationError(gettext("Not one of the statuses."))
                design_work_set_status(
                    work=work,
                    actor=request.user,
                    status=wanted,
                    expected_version=request.POST.get("version") or None,
                )
                return HttpResponseRedirect(f"{request.path}#work-{work.pk}")
            else:
                raise Http404
        except StaleVersion as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(request.path)
        except ValidationError as exc:
            if failed is not None:
                failed.add_error(None, exc)
            else:
                messages.error(request, " ".join(exc.messages))
        except DomainError as exc:
            _refused(request, exc)
        status = 400
    works = list(restrict(DesignWork.objects.filter(journey_map=journey_map), request.user, "view"))
    used = {w.principle for w in works if w.principle}
    columns = []
    for stage in DesignStage:
        form = failed if failed is not None and failed.data.get("design_stage") == stage.value else None
        columns.append(
            {
                "stage": stage,
                "guide": DESIGN_STAGES[stage],
                "works": [
                    {"work": w, "version": version_of(w)} for w in works if w.design_stage == stage.value
                ],
                "form": form
                or DesignWorkForm(initial={"design_stage": stage.value}, auto_id=f"id_{stage.value}_%s"),
            }
        )
    principles = [
        {
            "principle": principle,
            "meaning": PRINCIPLES[principle],
            "count": sum(1 for w in works if w.principle == principle.value),
        }
        for principle in DesignPrinciple
    ]
    return render(
        request,
        "journeys/design/work.html",
        {
            "journey_map": journey_map,
            "columns": columns,
            "principles": principles,
            "missing": [p for p in principles if p["principle"].value not in used],
            "statuses": WorkStatus.choices,
            "may_add": may_add,
            "may_change": may_change,
        },
        status=status,
    )


def _johari(request: HttpRequest, owner: Any, *, journey_map: JourneyMap | None) -> HttpResponse:
    """The Johari window of ``owner`` (a map or a relationship): four panes, each with its entries and a
    form to add one; an entry moves between panes as it becomes known, or is marked done."""
    if not has_permission(request.user, JohariEntry, "view"):
        raise PermissionDenied
    may_add = has_permission(request.user, JohariEntry, "add")
    may_change = has_permission(request.user, JohariEntry, "change")
    key = "journey_map" if journey_map is not None else "relationship"
    entries = restrict(JohariEntry.objects.filter(**{key: owner}), request.user, "view")
    failed: JohariEntryForm | None = None
    status = 200
    if request.method == "POST":
        try:
            if request.POST.get("_do") == "add":
                if not may_add:
                    raise PermissionDenied
                failed = JohariEntryForm(request.POST, instance=JohariEntry(**{key: owner}))
                if failed.is_valid():
                    entry = johari_entry_add(owner=owner, actor=request.user, data=failed.cleaned_data)
                    return HttpResponseRedirect(f"{request.path}#entry-{entry.pk}")
            elif request.POST.get("_do") == "update":
                if not may_change:
                    raise PermissionDenied
                move = JohariMoveForm(request.POST)
                if not move.is_valid():
                    raise ValidationError(gettext("The entry could not be changed: the form is incomplete."))
                entry = get_object_or_404(
                    restrict(entries, request.user, "change"), pk=move.cleaned_data["entry"]
                )
                data: dict[str, Any] = {"done": move.cleaned_data["done"]}
                if move.cleaned_data["pane"]:
                    data["pane"] = move.cleaned_data["pane"]
                johari_entry_update(
                    entry=entry,
                    actor=request.user,
                    data=data,
                    expected_version=move.cleaned_data["version"] or None,
                )
                return HttpResponseRedirect(f"{request.path}#entry-{entry.pk}")
            else:
                raise Http404
        except StaleVersion as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(request.path)
        except ValidationError as exc:
            if failed is not None:
                failed.add_error(None, exc)
            else:
                messages.error(request, " ".join(exc.messages))
        except DomainError as exc:
            _refused(request, exc)
        status = 400
    rows = list(entries)
    panes = []
    for pane in JohariPane:
        form = failed if failed is not None and failed.data.get("pane") == pane.value else None
        panes.append(
            {
                "pane": pane,
                "entries": [{"entry": e, "version": version_of(e)} for e in rows if e.pane == pane.value],
                "form": form or JohariEntryForm(initial={"pane": pane.value}, auto_id=f"id_{pane.value}_%s"),
            }
        )
    related_maps: list[dict[str, Any]] = []
    if journey_map is None:
        maps = restrict(JourneyMap.objects.filter(relationship=owner), request.user, "view").order_by("name")
        counts = dict(
            restrict(JohariEntry.objects.filter(journey_map__in=maps), request.user, "view")
            .values_list("journey_map")
            .annotate(n=Count("pk"))
        )
        related_maps = [{"map": m, "count": counts.get(m.pk, 0)} for m in maps]
    return render(
        request,
        "journeys/design/johari.html",
        {
            "owner": owner,
            "journey_map": journey_map,
            "panes": panes,
            "related_maps": related_maps,
            "panes_choices": JohariPane.choices,
            "may_add": may_add,
            "may_change": may_change,
            "back_url": owner.get_absolute_url() if hasattr(owner, "get_absolute_url") else "",
        },
        status=status,
    )


@login_required
def map_johari(request: HttpRequest, pk: int) -> HttpResponse:
    journey_map = _staff_map(request, pk)
    return _johari(request, journey_map, journey_map=journey_map)


@login_required
def relationship_johari(request: HttpRequest, pk: int) -> HttpResponse:
    from wayfare.relationships.models import ServiceRelationship

    if is_consumer(request.user):
        raise Http404
    relationship = get_object_or_404(restrict(ServiceRelationship.objects.all(), request.user, "view"), pk=pk)
    return _johari(request, relationship, journey_map=None)


urlpatterns: list[URLPattern] = [
    path("maps/<int:pk>/blueprint/", map_blueprint, name="map_blueprint"),
    path("maps/<int:pk>/review/", map_review, name="map_review"),
    path("maps/<int:pk>/design/", map_design, name="map_design"),
    path("maps/<int:pk>/johari/", map_johari, name="map_johari"),
    path("relationship-johari/<int:pk>/", relationship_johari, name="relationship_johari"),
]
