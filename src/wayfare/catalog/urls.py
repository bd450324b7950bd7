from django.urls import URLPattern, URLResolver

from wayfare.core.urls import resource_urlpatterns

from .views import catalogue

app_name = "catalog"
urlpatterns: list[URLPattern | URLResolver] = [
    *catalogue.urlpatterns,
    *resource_urlpatterns(app_name),
]
