from wayfare.core.urls import resource_urlpatterns

app_name = "parties"
urlpatterns = resource_urlpatterns(app_name)
