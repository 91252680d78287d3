from django.urls import path

from . import views
from .unit_search import unit_search_view

urlpatterns = [
    path("", views.home, name="home"),
    path("don-vi/tim/", unit_search_view, name="unit_search"),
]
