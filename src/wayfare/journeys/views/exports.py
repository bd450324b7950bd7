"""Pages of the journey design studio: exports (issue #13)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
