"""Pages of the journey design studio: maps (issue #13). The map page itself is the JourneyMap detail
page (``detail_template``); the editor on it talks to ``journeys:map_document``."""

from django.urls import URLPattern, path

from ..api.maps import journey_map_document_api

urlpatterns: list[URLPattern] = [
    path("maps/<int:pk>/document/", journey_map_document_api, name="map_document"),
]
