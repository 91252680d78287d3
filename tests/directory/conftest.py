# The poverty-report tests' 2022–2024 reviews of Xuân Bái and Thọ Lâm, for the tests of loading units and
# of the commands on both maps.
from tests.reports.test_poverty_report import dataset  # noqa: F401
