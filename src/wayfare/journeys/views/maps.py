"""Pages of the journey design studio: maps (issue #13)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
