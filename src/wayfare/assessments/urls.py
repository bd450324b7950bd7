from django.urls import URLPattern, URLResolver

from wayfare.core.urls import resource_urlpatterns

app_name = "assessments"
urlpatterns: list[URLPattern | URLResolver] = [*resource_urlpatterns(app_name)]
