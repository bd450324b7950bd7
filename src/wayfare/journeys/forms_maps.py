"""Forms of journey-map rows: a stage's or a touchpoint's event-log activities are chosen from the map's
log's own activity list, never typed (issue #13 section 3)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wayfare.core.forms import RestrictedModelForm

from .models import JourneyMap, JourneyStage, Touchpoint


def _log_activities(journey_map: JourneyMap | None) -> list[str]:
    from wayfare.analytics.selectors import event_log_activity_names

    log = getattr(journey_map, "event_log", None)
    if log is None or not log.is_ready:
        return []
    return event_log_activity_names(log)


class ActivitiesFormMixin:
    """``activities`` as a choice of the map's log activities; without a ready log there is nothing to
    choose, and the field says why."""

    fields: Any
    known_activities: set[str]
    instance: Any
    data: Any
    initial: Any

    def setup_activities(self) -> None:
        journey_map = None
        if self.instance.pk and self.instance.journey_map_id:
            journey_map = self.instance.journey_map
        else:
            wanted = self.data.get("journey_map") or self.initial.get("journey_map")
            if wanted and str(getattr(wanted, "pk", wanted)).isdigit():
                journey_map = JourneyMap.objects.filter(pk=getattr(wanted, "pk", wanted)).first()
        names = _log_activities(journey_map)
        self.known_activities = set(names)
        current = list(self.instance.activities or []) if self.instance.pk else []
        choices = [(name, name) for name in dict.fromkeys([*names, *current])]
        self.fields["activities"] = forms.MultipleChoiceField(
            label=capfirst(JourneyStage._meta.get_field("activities").verbose_name),
            choices=choices,
            required=False,
            widget=forms.SelectMultiple(attrs={"size": min(10, max(3, len(choices))), "translate": "no"}),
            help_text=_("Activities of the map's event log that belong here.")
            if names
            else _("The map has no imported event log: give the map one to choose its activities."),
        )

    def clean_activities(self) -> list[str]:
        return list(self.cleaned_data.get("activities") or [])  # type: ignore[attr-defined]


class JourneyStageForm(ActivitiesFormMixin, RestrictedModelForm):
    class Meta:
        model = JourneyStage
        exclude = ["translations"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setup_activities()

    def clean(self) -> dict[str, Any]:
        """The map's one rule for activities (``reference.activity_problems``), as in the editor."""
        data = super().clean()
        journey_map = data.get("journey_map")
        if journey_map is not None and "activities" in data:
            from .reference import activity_problems

            self.instance.name = data.get("name") or ""
            problems = activity_problems(
                journey_map,
                known=self.known_activities,
                stage=self.instance,
                stage_names=set(data["activities"]),
            )
            for message in problems.get(self.instance.pk or "new", []):
                self.add_error("activities", message)
        return data


class TouchpointForm(ActivitiesFormMixin, RestrictedModelForm):
    class Meta:
        model = Touchpoint
        exclude = ["translations"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setup_activities()

    def clean(self) -> dict[str, Any]:
        """A touchpoint's activities belong to its stage: the same rule as the stage's."""
        data = super().clean()
        journey_map, stage = data.get("journey_map"), data.get("stage")
        if journey_map is not None and stage is not None and "activities" in data:
            from .reference import activity_problems

            self.instance.stage_id = stage.pk
            problems = activity_problems(
                journey_map,
                known=self.known_activities,
                touchpoint=self.instance,
                touchpoint_names=set(data["activities"]),
            )
            for message in problems.get(stage.pk, []):
                self.add_error("activities", message)
        return data
