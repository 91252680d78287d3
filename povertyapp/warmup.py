"""What a Django process otherwise does on its first request, done once in the gunicorn master before the workers
fork (gunicorn.conf.py, ``preload_app``): every worker starts warm and shares the result with the master.

Without it each new worker (at start, and again every ``max_requests`` when it is recycled) spent its first page
importing every view module through the URLconf, loading the Vietnamese catalogue and compiling templates:
the first list page took 3,1 s instead of 0,07 s (production settings, 20.000-household set, shared machine).
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from django.apps import apps
from django.conf import settings

logger = logging.getLogger(__name__)


def warm_up() -> dict:
    """Import the URLconf and its views, load the translations, fill the models' field caches and compile the
    project's own templates. Returns what it did (counts), for the log."""
    from django.template import TemplateSyntaxError
    from django.template.loader import get_template
    from django.urls import get_resolver
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        translation.gettext("Trang chủ")
        resolvers = _populate(get_resolver())
    models = apps.get_models()
    for model in models:
        model._meta.get_fields()
    compiled = 0
    for name in project_templates():
        try:
            get_template(name)
            compiled += 1
        except TemplateSyntaxError:  # a template include-only fragment may not compile alone; the page will say
            logger.warning("warm-up: template %s not compiled", name, exc_info=True)
    return {"url_namespaces": resolvers, "models": len(models), "templates": compiled}


def _populate(resolver) -> int:
    """Import the views and build the reverse lookups, of the URLconf and of every namespace: ``reverse`` builds a
    namespace's own resolver on its first use (one per namespace, per language), so each is asked once for a
    name it does not have."""
    from django.urls import NoReverseMatch, reverse

    resolver.reverse_dict  # noqa: B018
    namespaces = list(_namespaces(resolver))
    for namespace in namespaces:
        with contextlib.suppress(NoReverseMatch):
            reverse(f"{namespace}:-")
    return len(namespaces)


def _namespaces(resolver, prefix: str = ""):
    for namespace, (_, child) in resolver.namespace_dict.items():
        yield prefix + namespace
        yield from _namespaces(child, f"{prefix}{namespace}:")


def project_templates() -> list[str]:
    """Names of the templates under the project's own directories (settings' DIRS and the project's apps'
    ``templates`` folders; not those of installed packages), in the order the loaders search them."""
    base = Path(settings.BASE_DIR).resolve()
    folders = [Path(folder) for engine in settings.TEMPLATES for folder in engine.get("DIRS", [])]
    folders += [Path(config.path) / "templates" for config in apps.get_app_configs()]
    names = []
    for folder in folders:
        folder = folder.resolve()
        if not folder.is_dir() or base not in folder.parents or ".venv" in folder.parts:
            continue
        names += [path.relative_to(folder).as_posix() for path in sorted(folder.rglob("*.html"))]
    return list(dict.fromkeys(names))
