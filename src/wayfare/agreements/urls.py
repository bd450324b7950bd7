from django.urls import URLPattern, URLResolver

from wayfare.core.urls import resource_urlpatterns

from . import views

app_name = "agreements"
urlpatterns: list[URLPattern | URLResolver] = [
    *views.urlpatterns,
    *resource_urlpatterns(app_name),
]
