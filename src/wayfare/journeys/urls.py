from django.urls import URLPattern, URLResolver

from wayfare.core.urls import resource_urlpatterns

from .views import design, exports, maps, observed, people

app_name = "journeys"
urlpatterns: list[URLPattern | URLResolver] = [
    *maps.urlpatterns,
    *people.urlpatterns,
    *design.urlpatterns,
    *observed.urlpatterns,
    *exports.urlpatterns,
    *resource_urlpatterns(app_name),
]
