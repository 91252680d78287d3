import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_login_page_is_vietnamese(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Đăng nhập" in body and "Mật khẩu" in body and 'lang="vi"' in body


def test_home_requires_login(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


@pytest.mark.parametrize(
    "persona, expected",
    [
        ("commune_a_user", "Hộ gia đình và rà soát"),
        ("district_staff", "Kế hoạch và chỉ tiêu"),
        ("province_staff", "Phê duyệt rà soát"),
        ("agency_user", "Nhiệm vụ của cơ quan"),
        ("leadership", "Tổng quan giảm nghèo"),
        ("admin_user_", "Quản trị hệ thống"),
    ],
)
def test_each_role_lands_on_its_home(request, client_for, persona, expected):
    user = request.getfixturevalue(persona)
    response = client_for(user).get(reverse("home"))
    assert response.status_code == 200
    assert expected in response.content.decode()


def test_login_redirects_to_home(client, commune_a_user):
    response = client.post(reverse("login"), {"username": "xa_a", "password": "matkhau-thu"})
    assert response.status_code == 302 and response["Location"] == reverse("home")


def test_404_page_is_vietnamese(client_for, commune_a_user):
    response = client_for(commune_a_user).get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_numbers_and_dates_use_vietnamese_format():
    import datetime

    from django.template import Context, Template

    out = Template("{{ n }} {{ d|date:'SHORT_DATE_FORMAT' }}").render(
        Context({"n": 1500000, "d": datetime.date(2024, 3, 20)})
    )
    assert out == "1.500.000 20/03/2024"
