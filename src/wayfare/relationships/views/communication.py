"""Pages of the communication part that the declarations cannot give (issue #12)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
