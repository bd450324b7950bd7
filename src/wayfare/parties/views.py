"""Pages of the parties app that are not registers: a person's login account."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from wayfare.core.access import is_consumer, restrict
from wayfare.core.exceptions import DomainError

from .forms import PersonAccountForm
from .models import Person
from .services import person_account_grant, person_account_revoke


@login_required
@permission_required(["auth.add_user", "auth.change_user", "parties.change_person"], raise_exception=True)
def person_account(request: HttpRequest, pk: int) -> HttpResponse:
    if is_consumer(request.user):  # a consumer's staff roles never manage logins (issue #11 matrix)
        raise PermissionDenied
    person = get_object_or_404(restrict(Person.objects.select_related("user"), request.user, "change"), pk=pk)
    user = person.user
    initial = {
        "username": user.username if user else (person.email.split("@")[0] if person.email else ""),
        "roles": list(user.groups.values_list("name", flat=True)) if user else [],
    }
    form = PersonAccountForm(request.POST or None, initial=initial, actor=request.user)
    status = 200
    if request.method == "POST" and request.POST.get("action") == "revoke":
        try:
            person_account_revoke(person=person, actor=request.user)
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The login of %(name)s is switched off.") % {"name": person})
        return redirect(person.get_absolute_url())
    if request.method == "POST":
        if form.is_valid():
            try:
                person_account_grant(person=person, actor=request.user, **form.cleaned_data)
            except DomainError as exc:
                form.add_error(None, str(exc))
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.success(request, _("%(name)s can log in now.") % {"name": person})
                return redirect(person.get_absolute_url())
        status = 400
    # A superuser's account is changed by superusers only (the service refuses; the page says so up front).
    superuser_only = bool(user and user.is_superuser and not request.user.is_superuser)
    context = {"person": person, "form": form, "superuser_only": superuser_only}
    return render(request, "parties/person_account.html", context, status=status)
