"""The reminders page and API of the logged-in user (issue #12 section 5).

Each user sees only their own reminders, and only those whose record they may still open. The routes
are included from ``wayfare.urls``: ``/reminders/`` (url name ``reminders``), its done and snooze
actions, and ``/api/reminders/`` (read own, ``POST .../done/``).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from ..reminder_store import Reminder
from ..reminders import SNOOZE_DAYS, reminder_done, reminder_snooze, user_reminders


@never_cache
@login_required
def reminders_page(request: HttpRequest) -> HttpResponse:
    reminders = user_reminders(request.user, request=request)
    return render(
        request,
        "core/reminders.html",
        {
            "reminders": [r for r in reminders if not r.snoozed],
            "snoozed": [r for r in reminders if r.snoozed],
            "today": timezone.localdate(),
            "snooze_days": SNOOZE_DAYS,
        },
    )


@login_required
@require_POST
def reminder_done_view(request: HttpRequest, pk: int) -> HttpResponse:
    reminder_done(actor=request.user, pk=pk)
    messages.success(request, _("The reminder is done."))
    return redirect("reminders")


@login_required
@require_POST
def reminder_snooze_view(request: HttpRequest, pk: int) -> HttpResponse:
    reminder = reminder_snooze(actor=request.user, pk=pk)
    messages.success(
        request,
        _("The reminder is snoozed until %(date)s.") % {"date": date_format(reminder.snoozed_until)},
    )
    return redirect("reminders")


class ReminderSerializer(serializers.ModelSerializer):
    label = serializers.SerializerMethodField(  # type: ignore[assignment]  # DRF pops declared fields
        help_text=_("What to do, in the reader's language.")
    )
    record_type = serializers.SerializerMethodField(help_text=_("The record's model, as app_label.model."))
    record_name = serializers.SerializerMethodField()
    record_url = serializers.SerializerMethodField()
    overdue = serializers.SerializerMethodField()
    snoozed = serializers.SerializerMethodField()

    class Meta:
        model = Reminder
        fields = [
            "id",
            "source",
            "label",
            "record_type",
            "object_id",
            "record_name",
            "record_url",
            "due_date",
            "overdue",
            "snoozed",
            "snoozed_until",
            "emailed_at",
            "created",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.CharField())
    def get_label(self, obj: Any) -> str:
        return str(obj.label)

    @extend_schema_field(serializers.CharField())
    def get_record_type(self, obj: Any) -> str:
        return f"{obj.record_obj._meta.app_label}.{obj.record_obj._meta.model_name}"

    @extend_schema_field(serializers.CharField())
    def get_record_name(self, obj: Any) -> str:
        return str(obj.record_name)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_record_url(self, obj: Any) -> str | None:
        return obj.record_url

    @extend_schema_field(serializers.BooleanField())
    def get_overdue(self, obj: Any) -> bool:
        return bool(obj.overdue)

    @extend_schema_field(serializers.BooleanField())
    def get_snoozed(self, obj: Any) -> bool:
        return bool(obj.snoozed)


@extend_schema(tags=["reminders"])
class ReminderViewSet(viewsets.GenericViewSet):
    """Your own open reminders (overdue first); a record you may no longer open is not listed."""

    serializer_class = ReminderSerializer
    permission_classes = [IsAuthenticated]
    filter_backends: list[Any] = []
    queryset = Reminder.objects.none()  # the rows come from user_reminders (own, visible)

    def _rows(self) -> list[Any]:
        return user_reminders(self.request.user, request=self.request)

    @extend_schema(summary="Your open reminders")
    def list(self, request: Request) -> Response:
        rows = self._rows()
        page = self.paginate_queryset(rows)  # type: ignore[arg-type]  # a list pages like a queryset
        if page is None:
            return Response(self.get_serializer(rows, many=True).data)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(summary="One of your open reminders")
    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        from django.http import Http404

        row = next((r for r in self._rows() if str(r.pk) == str(pk)), None)
        if row is None:
            raise Http404
        return Response(self.get_serializer(row).data)

    @extend_schema(summary="Mark your reminder done", request=None, responses={204: None})
    @action(detail=True, methods=["post"])
    def done(self, request: Request, pk: str | None = None) -> Response:
        from django.http import Http404

        try:
            reminder_done(actor=request.user, pk=int(pk or 0))
        except ValueError as exc:
            raise Http404 from exc
        return Response(status=204)


_reminders_list = ReminderViewSet.as_view({"get": "list"})
_reminders_detail = ReminderViewSet.as_view({"get": "retrieve"})
_reminders_done = ReminderViewSet.as_view({"post": "done"})

urlpatterns = [
    path("reminders/", reminders_page, name="reminders"),
    path("reminders/<int:pk>/done/", reminder_done_view, name="reminder_done"),
    path("reminders/<int:pk>/snooze/", reminder_snooze_view, name="reminder_snooze"),
    path("api/reminders/", _reminders_list, name="api-reminders-list"),
    path("api/reminders/<int:pk>/", _reminders_detail, name="api-reminders-detail"),
    path("api/reminders/<int:pk>/done/", _reminders_done, name="api-reminders-done"),
]
