"""Pages of the journey design studio: design (issue #13)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
