"""Keep the committed schema the same on every database.

Django gives integer model fields min/max validators from the database's column ranges (SQLite: 64-bit for all;
PostgreSQL: 32767 for a small integer), and drf-spectacular turns them into ``minimum``/``maximum`` (and
``format: int64``). Those bounds describe the storage, not the API, and would make the schema generated on
PostgreSQL differ from the one generated on SQLite; the bounds the app itself sets (0, 2000–2100...) stay."""

from __future__ import annotations

STORAGE_BOUNDS = {32767, 2147483647, 9223372036854775807}


def drop_storage_bounds(result, generator, request, public):
    def walk(node):
        if isinstance(node, dict):
            if node.get("type") == "integer":
                if node.get("maximum") in STORAGE_BOUNDS:
                    del node["maximum"]
                    if node.get("format") == "int64":
                        del node["format"]
                if node.get("minimum") is not None and -node["minimum"] - 1 in STORAGE_BOUNDS:
                    del node["minimum"]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(result)
    return result
