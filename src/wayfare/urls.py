from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from wayfare.core.lockout import ThrottledPasswordResetView
from wayfare.core.urls import resource_urlpatterns
from wayfare.core.views import pages

urlpatterns = [
    path("", pages.home, name="home"),
    path("steps/<slug:slug>/", pages.step, name="step"),
    path("account/", pages.account, name="account"),
    path("account/token/", pages.account_token, name="account_token"),
    path("healthz", pages.healthz, name="healthz"),
    path("", include("wayfare.core.views.reminders")),  # /reminders/ and /api/reminders/ (issue #12)
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/password_reset/", ThrottledPasswordResetView.as_view(), name="password_reset"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("admin/", admin.site.urls),
    path("api/", include("wayfare.core.api.urls")),
    path("core/", include((resource_urlpatterns("core"), "core"))),  # core's registers (calendars)
    path("parties/", include("wayfare.parties.urls")),
    path("analytics/", include("wayfare.analytics.urls")),
    path("assessments/", include("wayfare.assessments.urls")),
    path("relationships/", include("wayfare.relationships.urls")),
    path("journeys/", include("wayfare.journeys.urls")),
    path("catalog/", include("wayfare.catalog.urls")),
    path("agreements/", include("wayfare.agreements.urls")),
]

handler400 = "wayfare.core.views.pages.bad_request"
handler403 = "wayfare.core.views.pages.permission_denied"
handler404 = "wayfare.core.views.pages.page_not_found"
handler500 = "wayfare.core.views.pages.server_error"
