from django.urls import URLPattern, URLResolver

from wayfare.core.urls import resource_urlpatterns

from .views import catalogue, value

app_name = "catalog"
urlpatterns: list[URLPattern | URLResolver] = [
    *catalogue.urlpatterns,
    *value.urlpatterns,  # before the generated pages: the tree's page also takes a new driver
    *resource_urlpatterns(app_name),
]
