from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .models import Role
from .todo import todo_for


@login_required
def home(request):
    user = request.user
    role = Role.ADMIN if user.is_superuser and not user.role else user.role
    return render(request, "directory/home.html", {"role": role, "role_label": Role(role).label,
                                                   "todo": todo_for(user)})


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    return render(request, "500.html", status=500)
