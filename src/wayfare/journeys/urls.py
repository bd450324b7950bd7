from django.urls import URLPattern, URLResolver

from wayfare.core.urls import resource_urlpatterns

app_name = "journeys"
urlpatterns: list[URLPattern | URLResolver] = [
    *resource_urlpatterns(app_name),
]
