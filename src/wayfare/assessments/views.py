"""Pages of an assessment that are not registers: fill it in (every section, one save), compare it with
another one, and turn its gaps into follow-up actions. The detail page (scores, radar, history) is the
generic one with ``assessments/assessment_detail.html`` (``templatetags/assessments.py``)."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wayfare.core.access import has_permission, restrict
from wayfare.core.concurrency import StaleVersion, version_of
from wayfare.core.exceptions import DomainError

from .models import Assessment, AssessmentState
from .services import (
    GAP,
    assessment_answers_save,
    assessment_gaps,
    assessment_scores,
    assessments_compare,
    default_due,
    follow_up_actions_create,
    template_structure,
)
from .subjects import subject_reference


def _assessment(request: HttpRequest, pk: int, action: str) -> Assessment:
    if not has_permission(request.user, Assessment, action):
        raise PermissionDenied
    rows = restrict(Assessment.objects.select_related("template", "organisation"), request.user, "view")
    obj = get_object_or_404(rows, pk=pk)
    if action != "view" and not restrict(Assessment.objects.filter(pk=pk), request.user, action).exists():
        raise Http404
    return obj


def _references(assessment: Assessment, structure: list[Any], user: Any) -> dict[int, Any]:
    """Item id -> (label, url or None) of the record the item names (Table 4.17), for this reader."""
    subject = assessment.subject
    found = {}
    for section in structure:
        for item in section.items.all():
            if item.reference and subject is not None:
                found[item.pk] = subject_reference(subject, item.reference, user)
    return found


@login_required
def fill(request: HttpRequest, pk: int) -> HttpResponse:
    """Every section's items with one radio group per item (its scale, and "not applicable"), a comment
    each, saved at once; the form carries the version it was opened at."""
    assessment = _assessment(request, pk, "change")
    structure = template_structure(assessment.template)
    errors: dict[str, list[str]] = {}
    status = 200
    if request.method == "POST":
        if assessment.state != AssessmentState.DRAFT:
            raise PermissionDenied
        answers: dict[int, tuple[int | None, str]] = {}
        for section in structure:
            for item in section.items.all():
                raw = request.POST.get(f"item_{item.pk}", "")
                try:
                    value = int(raw) if raw not in ("", None) else None
                except ValueError:
                    value = None
                    errors.setdefault(f"item_{item.pk}", []).append(_("Not one of the scale's options."))
                answers[item.pk] = (value, request.POST.get(f"comment_{item.pk}", "").strip()[:5000])
        if not errors:
            try:
                assessment_answers_save(
                    assessment=assessment,
                    actor=request.user,
                    answers=answers,
                    expected_version=request.POST.get("_version") or None,
                )
            except StaleVersion:
                messages.error(
                    request,
                    _(
                        "Someone saved this assessment since you opened it. Nothing was saved; here are their answers."
                    ),
                )
                return HttpResponseRedirect(request.path)
            except ValidationError as exc:
                errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
            except DomainError as exc:
                errors = {"__all__": [str(exc)]}
            else:
                messages.success(request, _("Answers saved."))
                return HttpResponseRedirect(assessment.get_absolute_url())
        status = 400
    assessment.refresh_from_db()
    scores = assessment_scores(assessment, structure)
    posted = request.POST if request.method == "POST" else None
    references = _references(assessment, structure, request.user)
    sections = []
    for section_score in scores.sections:
        rows = []
        for entry in section_score.items:
            key = f"item_{entry.item.pk}"
            shown = (
                posted.get(key, "")
                if posted is not None
                else ("" if entry.value is None else str(entry.value))
            )
            comment = posted.get(f"comment_{entry.item.pk}", "") if posted is not None else entry.comment
            options = [
                {"value": str(o["value"]), "label": entry.item.scale.label_of(o["value"])}
                for o in entry.item.scale.options
            ]
            rows.append(
                {
                    "item": entry.item,
                    "key": key,
                    "value": shown,
                    "comment": comment,
                    "options": options,
                    "errors": errors.get(key, []),
                    "reference": references.get(entry.item.pk),
                }
            )
        sections.append({"section": section_score.section, "rows": rows})
    return render(
        request,
        "assessments/fill.html",
        {
            "object": assessment,
            "sections": sections,
            "errors": errors.get("__all__", []),
            "version": version_of(assessment),
            "closed": assessment.state != AssessmentState.DRAFT,
        },
        status=status,
    )


@login_required
def compare(request: HttpRequest, pk: int) -> HttpResponse:
    """This assessment against another of the same template and subject (``?with=<id>``), per section and
    overall; without a choice, the list to choose from."""
    assessment = _assessment(request, pk, "view")
    others = (
        restrict(Assessment.objects.all(), request.user, "view")
        .filter(
            template=assessment.template_id,
            content_type=assessment.content_type_id,
            object_id=assessment.object_id,
        )
        .exclude(pk=assessment.pk)
        .order_by("-assessed_on", "-pk")
    )
    comparison = None
    other_pk = request.GET.get("with")
    if other_pk:
        try:
            other = others.get(pk=int(other_pk))
        except (ValueError, Assessment.DoesNotExist):
            raise Http404 from None
        # Older first, so a positive delta is an improvement (or, between parties, the consumer ahead).
        first, second = assessment, other
        if (
            assessment.assessed_party
            and other.assessed_party
            and assessment.assessed_party != other.assessed_party
        ):
            first, second = (
                (assessment, other) if assessment.assessed_party == "provider" else (other, assessment)
            )
        elif (other.assessed_on, other.pk) < (assessment.assessed_on, assessment.pk):
            first, second = other, assessment
        comparison = assessments_compare(first, second)
    radar = None
    if comparison is not None:

        def name(row: Assessment) -> str:
            party = row.get_assessed_party_display() if row.assessed_party else ""
            return " · ".join(p for p in (row.assessed_on.isoformat(), party) if p)

        def rounded(value: float | None) -> float | None:
            return None if value is None else round(value, 1)

        radar = {
            "indicators": [str(s.section.translated("title")) for s in comparison.sections],
            "series": [
                {"name": name(comparison.first), "values": [rounded(s.before) for s in comparison.sections]},
                {"name": name(comparison.second), "values": [rounded(s.after) for s in comparison.sections]},
            ],
        }
    return render(
        request,
        "assessments/compare.html",
        {"object": assessment, "others": others, "comparison": comparison, "radar": radar},
    )


class GapForm(forms.Form):
    owner = forms.ModelChoiceField(queryset=get_user_model().objects.none())
    due = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].label = _("Owner")
        self.fields["due"].label = _("Due")
        self.fields["owner"].queryset = (  # type: ignore[attr-defined]
            get_user_model()
            .objects.filter(is_active=True, groups__isnull=False)
            .exclude(groups__name="Consumer")
            .distinct()
            .order_by("username")
        )


@login_required
def gaps(request: HttpRequest, pk: int) -> HttpResponse:
    """The items that scored below the gap line, each with a title to become a follow-up action; one
    owner and due date for those chosen; all created at once or none."""
    assessment = _assessment(request, pk, "change")
    found = assessment_gaps(assessment)
    form = GapForm(request.POST or None, initial={"owner": request.user.pk, "due": default_due()})
    problems: list[str] = []
    status = 200
    if request.method == "POST":
        status = 400
        chosen = {int(v) for v in request.POST.getlist("item") if v.isdigit()}
        if form.is_valid():
            actions = []
            for gap in found:
                if gap.item.pk in chosen:
                    title = request.POST.get(f"title_{gap.item.pk}", "").strip() or str(
                        gap.item.translated("text")
                    )
                    actions.append(
                        {
                            "item": gap.item,
                            "title": title[:300],
                            "owner": form.cleaned_data["owner"],
                            "due": form.cleaned_data["due"],
                        }
                    )
            try:
                created = follow_up_actions_create(assessment=assessment, actor=request.user, actions=actions)
            except ValidationError as exc:
                problems = exc.messages
            except DomainError as exc:
                problems = [str(exc)]
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)s follow-up action created.",
                        "%(count)s follow-up actions created.",
                        len(created),
                    )
                    % {"count": len(created)},
                )
                return HttpResponseRedirect(assessment.get_absolute_url())
    return render(
        request,
        "assessments/gaps.html",
        {
            "object": assessment,
            "gaps": found,
            "form": form,
            "problems": problems,
            "gap_line": int(GAP),
            "today": datetime.date.today(),
        },
        status=status,
    )
