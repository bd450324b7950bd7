from django.urls import URLPattern, URLResolver

from wayfare.core.urls import resource_urlpatterns

from .views import communication, relationship, stakeholders, suppliers

app_name = "relationships"
urlpatterns: list[URLPattern | URLResolver] = [
    *relationship.urlpatterns,
    *stakeholders.urlpatterns,
    *communication.urlpatterns,
    *suppliers.urlpatterns,
    *resource_urlpatterns(app_name),
]
