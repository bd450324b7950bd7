from django.urls import path

from wayfare.core.urls import resource_urlpatterns

from . import views

app_name = "parties"
urlpatterns = [
    path("people/<int:pk>/account/", views.person_account, name="person_account"),
    *resource_urlpatterns(app_name),
]
