"""Pages of the journey design studio: observed (issue #13)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
