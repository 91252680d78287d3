# The three-year hand-built dataset of the poverty-report tests (an escape, a new poor household, a relapse).
from tests.reports.test_poverty_report import dataset  # noqa: F401
