"""Demo plans transcribed from the five seed documents in ``../shared/seeds``.

``PLANS`` is in load order (a plan before the plans that cite it);
``AGENCY_FIXTURES`` are the fixtures holding the agencies these plans assign
work to, beyond ``agencies_thoxuan``. ``python manage.py load_seed_plans``
loads both, idempotently.
"""

from . import angiang_72_2017, hue_2023, tayhoa_2022, thoxuan_2024, yenbai_81_2022

PLANS = (
    tayhoa_2022.PHUYEN_62,
    tayhoa_2022.TAYHOA_HU_108,
    tayhoa_2022.PLAN,
    thoxuan_2024.PLAN,
    yenbai_81_2022.PLAN,
    angiang_72_2017.PLAN,
    hue_2023.PLAN,
)

AGENCY_FIXTURES = (
    "agencies_thoxuan",
    "agencies_thoxuan_plans",
    "agencies_yenbai",
    "agencies_tayhoa",
    "agencies_angiang",
    "agencies_hue",
)
