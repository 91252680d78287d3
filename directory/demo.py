"""The demo users: one (or more) per role, on the seed units. Used by ``make setup``."""

from dataclasses import dataclass

DEMO_PASSWORD = "giamngheo2024"


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    role: str
    unit_code: str | None
    agency_name: str | None = None
    position: str = ""
    is_staff: bool = False
    is_superuser: bool = False


DEMO_USERS = [
    DemoUser("quantri", "Quản trị hệ thống", "admin", None, is_staff=True, is_superuser=True),
    DemoUser("xuanbai", "Lê Thị Hoa", "commune_official", "15547", position="Công chức LĐTBXH xã Xuân Bái"),
    DemoUser("tholam", "Nguyễn Văn Tuấn", "commune_official", "15541", position="Công chức LĐTBXH xã Thọ Lâm"),
    DemoUser("thoxuan.ldtbxh", "Hà Thị Ngân", "district_staff", "395",
             agency_name="Phòng Lao động - Thương binh và Xã hội", position="Phòng LĐTBXH huyện Thọ Xuân",
             is_staff=True),
    DemoUser("thoxuan.lanhdao", "Nguyễn Xuân Hải", "leadership", "395", position="Phó Chủ tịch UBND huyện"),
    DemoUser("thoxuan.yte", "Mai Thị Mùi", "agency_staff", "395", agency_name="Văn phòng HĐND-UBND (Y tế)",
             position="Văn phòng HĐND-UBND huyện Thọ Xuân"),
    DemoUser("yenbai.sldtbxh", "Trần Văn Minh", "province_staff", "15",
             position="Sở LĐTBXH tỉnh Yên Bái", is_staff=True),
    DemoUser("yenbai.lanhdao", "Ban Chỉ đạo tỉnh Yên Bái", "leadership", "15", position="Ban Chỉ đạo tỉnh"),
]
