from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from ..resources import registry
from .transitions import transition_urlpatterns
from .versions import version_urlpatterns


def build_router() -> DefaultRouter:
    router = DefaultRouter()
    for resource in registry.all():
        router.register(
            f"{resource.app_label}/{resource.url_slug}",
            resource.viewset_class,
            basename=f"{resource.app_label}-{resource.model_name}",
        )
    return router


app_name = "api"
urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    *transition_urlpatterns(),
    *version_urlpatterns(),
    path("", include(build_router().urls)),
]
