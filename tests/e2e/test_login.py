import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_each_role_logs_in_to_a_vietnamese_home(page, login, commune_a_user, district_staff):
    # given a commune official
    # when they log in through the form
    login("xa_a")
    # then their home page, in Vietnamese, says what they can do
    assert page.locator("html").get_attribute("lang") == "vi"
    assert "Hộ gia đình và rà soát" in page.content()
    page.click("text=Đăng xuất")
    page.wait_for_url("**/dang-nhap/")
    login("huyen")
    assert "Kế hoạch và chỉ tiêu" in page.content()
