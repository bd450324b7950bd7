"""Pages of the journey design studio: people (issue #13)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
