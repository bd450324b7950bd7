from django.urls import path

from wayfare.core.urls import resource_urlpatterns

from . import views

app_name = "analytics"
urlpatterns = [
    path("", views.home, name="home"),
    path("event-logs/<int:pk>/explore/", views.explorer, name="explorer"),
    path("event-logs/<int:pk>/status/", views.import_status, name="import_status"),
    *resource_urlpatterns(app_name),
]
