"""Reading settings from the environment, strictly.

A malformed boolean is an error rather than a silent False (healthchecks'
``envbool``), and every secret can come from a ``<NAME>_FILE`` path so that
container secrets never have to sit in the environment itself.
"""

import os

from django.core.exceptions import ImproperlyConfigured

_UNSET = object()


def env(name: str, default=_UNSET) -> str:
    file_path = os.environ.get(f"{name}_FILE")
    if file_path:
        with open(file_path, encoding="utf-8") as handle:
            return handle.read().strip()
    value = os.environ.get(name)
    if value is None or value == "":
        if default is _UNSET:
            raise ImproperlyConfigured(f"Thiếu biến môi trường {name}.")
        return default
    return value


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name, "")
    if value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} phải là True hoặc False, không phải {value!r}.")


def _env_number(name: str, default, parse, what: str):
    value = os.environ.get(name, "")
    if value == "":
        return default
    try:
        return parse(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} phải là {what}, không phải {value!r}.") from exc


def env_int(name: str, default: int) -> int:
    return _env_number(name, default, int, "số nguyên")


def env_float(name: str, default: float) -> float:
    return _env_number(name, default, float, "một số")


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name, "")
    if value == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def tile_source(url: str) -> str | None:
    """The Content-Security-Policy source that lets a map load tiles from ``url`` (a Leaflet URL template):
    "https://{s}.tile.example.vn/{z}/{x}/{y}.png" -> "https://*.tile.example.vn"; None for a path on this
    site (already 'self') or no URL."""
    if not url.startswith(("https://", "http://")):
        return None
    return "/".join(url.split("/", 3)[:3]).replace("{s}", "*")
