import pytest


@pytest.fixture(autouse=True)
def _fixed_due_soon(settings):
    # The deadline tests are written for a 7-day "sắp đến hạn" window, whatever the environment says.
    settings.REPORT_DUE_SOON_DAYS = 7
    settings.SITE_URL = "http://giamngheo.test"
