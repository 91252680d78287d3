import pytest

from directory.models import ReviewApprover, Role
from tests.factories import UserFactory

from .factories import HouseholdFactory, MemberFactory


@pytest.fixture
def household_a(commune_a):
    household = HouseholdFactory(code="XB001", commune=commune_a, head_name="Lê Văn Bái", village="Thôn Tiến")
    MemberFactory(household=household, full_name="Lê Văn Bái", relation="head", sex="male",
                  citizen_id="038080000001", has_labour_capacity=True)
    return household


@pytest.fixture
def household_b(commune_b):
    return HouseholdFactory(code="TL001", commune=commune_b, head_name="Trịnh Thị Lâm", village="Thôn Bắc")


@pytest.fixture
def chairman_a(commune_a):
    """Chairman of Xuân Bái, the approver once the commune is switched to the 2025 rule."""
    commune_a.review_approver = ReviewApprover.COMMUNE_CHAIRMAN
    commune_a.save()
    return UserFactory(username="chutich_a", role=Role.COMMUNE_OFFICIAL, unit=commune_a, is_unit_chairman=True)
