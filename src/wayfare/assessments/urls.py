from django.urls import URLPattern, URLResolver, path

from wayfare.core.urls import resource_urlpatterns

from . import views

app_name = "assessments"
urlpatterns: list[URLPattern | URLResolver] = [
    path("assessments/<int:pk>/fill/", views.fill, name="assessment_fill"),
    path("assessments/<int:pk>/compare/", views.compare, name="assessment_compare"),
    path("assessments/<int:pk>/gaps/", views.gaps, name="assessment_gaps"),
    *resource_urlpatterns(app_name),
]
