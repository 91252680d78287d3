"""The API contract: the committed schema (api/schema.yaml) is what the code generates, and it validates; the
reference page lists every route from that schema, rendered on the server (no script, no CDN, the site's CSP)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

SCHEMA = Path(__file__).resolve().parents[2] / "api" / "schema.yaml"


def test_the_committed_schema_is_the_generated_one_and_validates(tmp_path):
    generated = tmp_path / "schema.yaml"
    # --validate checks the document against the OpenAPI 3 specification (raises on an invalid schema);
    # --fail-on-warn: a view whose schema cannot be inferred fails here instead of drifting silently.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(generated))
    assert generated.read_text(encoding="utf-8") == SCHEMA.read_text(encoding="utf-8"), (
        "api/schema.yaml is out of date: run `.venv/bin/python manage.py spectacular --validate "
        "--file api/schema.yaml` and commit the diff")


@pytest.mark.django_db
def test_the_schema_is_served_and_names_every_route(client):
    response = client.get(reverse("api:schema"), {"format": "json"})
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/v1/households/" in paths and "/api/v1/reviews/{id}/submit/" in paths
    assert response.json()["info"]["title"] == "API Chương trình giảm nghèo bền vững"


@pytest.mark.django_db
def test_the_reference_page_lists_every_route_without_a_script_under_the_csp(client_for, commune_a_user):
    response = client_for(commune_a_user).get(reverse("api:reference"))
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    body = response.content.decode()
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", body, re.S)
    assert all('src="/static/' in attrs and not inline.strip() for attrs, inline in scripts)
    assert "//cdn" not in body and "Con trỏ trang" in body
    served = client_for(commune_a_user).get(reverse("api:schema"), {"format": "json"}).json()["paths"]
    for path, methods in served.items():
        for method in methods:
            assert f"<code>{method.upper()}</code></td>\n      <td><code>{path}</code>" in body, (method, path)


ENGLISH = re.compile(r"\b(the|of|and|is|with|to|a|an)\b")


def test_every_operation_is_described_in_vietnamese_and_the_reference_page_shows_it(client_for, commune_a_user, db):
    import yaml

    schema = yaml.safe_load(SCHEMA.read_text(encoding="utf-8"))
    english = []
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            if not operation.get("summary") or not operation.get("description"):
                english.append(f"{method} {path}: no summary or description")
            elif ENGLISH.search(operation["summary"] + " " + operation["description"]):
                english.append(f"{method} {path}: {operation['description'][:60]}")
    for name, component in schema["components"]["schemas"].items():
        texts = [component.get("description", "")] + [
            f"{field.get('title', '')} {field.get('description', '')}"
            for field in (component.get("properties") or {}).values()]
        english += [f"{name}: {text[:60]}" for text in texts if ENGLISH.search(text)]
    assert not english, english
    body = client_for(commune_a_user).get(reverse("api:reference")).content.decode()
    assert "<strong>Danh sách hộ</strong>" in body
    # Markdown code spans of the descriptions become <code>, escaped
    assert "tiêu đề <code>If-Match: &quot;3&quot;</code>" in body
