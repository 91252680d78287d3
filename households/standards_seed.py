"""The poverty standards as the migrations leave them, written into TODAY's schema.

Tests that flush tables (transactional and browser tests, the worker test) need the rows the data
migrations seeded. ``0002_seed_standards.seed`` writes the schema of its time (``valid_from_year``), so
it cannot run against the current models; ``seed_standards`` replays 0002's data with the list years of
0004, then 0004's own data step (names, quiet wording, the Decree 351 indicators). Idempotent.
"""

from __future__ import annotations

import importlib


def seed_standards(apps=None) -> None:
    if apps is None:
        from django.apps import apps
    m0002 = importlib.import_module("households.migrations.0002_seed_standards")
    m0004 = importlib.import_module("households.migrations.0004_standard_list_years")
    Standard = apps.get_model("households", "PovertyStandard")
    IncomeLine = apps.get_model("households", "IncomeLine")
    Rule = apps.get_model("households", "ClassificationRule")
    Dimension = apps.get_model("households", "Dimension")
    Indicator = apps.get_model("households", "Indicator")
    Cause = apps.get_model("households", "PovertyCause")
    Support = apps.get_model("households", "SupportType")

    for data in m0002.STANDARDS:
        years = m0004.STANDARDS[data["code"]]
        standard, _ = Standard.objects.update_or_create(code=data["code"], defaults={
            "name": years["name"], "legal_basis": data["legal_basis"], "first_list_year": years["first_list_year"],
            "last_list_year": years["last_list_year"], "is_verified": data["is_verified"], "note": years["note"]})
        for area, kind, amount, verified, note in data["lines"]:
            IncomeLine.objects.update_or_create(standard=standard, area=area, kind=kind,
                                                defaults={"amount": amount, "is_verified": verified, "note": note})
        for order, area, above, at_most, min_dep, max_dep, category, verified, note in data["rules"]:
            Rule.objects.update_or_create(standard=standard, order=order, defaults={
                "area": area, "income_above": above, "income_at_most": at_most, "min_deprivations": min_dep,
                "max_deprivations": max_dep, "category": category, "is_verified": verified, "note": note})
        position = 0
        for dim_order, (dim_name, indicators) in enumerate(data["dimensions"], start=1):
            dimension, _ = Dimension.objects.update_or_create(standard=standard, name=dim_name,
                                                              defaults={"order": dim_order})
            for code, name in indicators:
                position += 1
                threshold, threshold_verified = data["thresholds"].get(code, ("", data["indicator_verified"]))
                verified = data["indicator_verified"] and threshold_verified
                Indicator.objects.update_or_create(standard=standard, code=code, defaults={
                    "dimension": dimension, "order": position, "name": name, "threshold": threshold,
                    "is_verified": verified, "note": data["indicator_note"] or ("" if verified else m0002.MED)})
    for order, (code, name) in enumerate(m0002.CAUSES, start=1):
        Cause.objects.update_or_create(code=code, defaults={"name": name, "order": order})
    for order, (code, name) in enumerate(m0002.SUPPORTS, start=1):
        Support.objects.update_or_create(code=code, defaults={"name": name, "order": order})
    m0004.forwards(apps, None)
