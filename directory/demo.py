"""The demo users: one (or more) per role, on the seed units and, since the reform of 01/07/2025,
on the new units (``make setup`` loads Thanh Hóa and Yên Bái/Lào Cai with ``load_admin_units`` first).
A unit is named by its natural key: the code, plus the start date for a unit that has one."""

from dataclasses import dataclass

DEMO_PASSWORD = "giamngheo2024"
NEW_MAP = "2025-07-01"


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
    unit_from: str | None = None  # start date of the unit ("2025-07-01" for the new map), None for the old map
    agency_kind: str | None = None  # create the agency (as the programme's secretariat) when it does not exist
    is_unit_chairman: bool = False  # Chủ tịch UBND of the unit: approves its household reviews after 01/07/2025


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
    # since 01/07/2025: the new xã (no district level), the province's poverty office, new Tỉnh Lào Cai
    DemoUser("lamson", "Lê Văn Sơn", "commune_official", "15544", unit_from=NEW_MAP,
             position="Công chức Văn hóa - Xã hội xã Lam Sơn (Thọ Xương, Xuân Bái, TT Lam Sơn cũ)"),
    DemoUser("lamson.chutich", "Phạm Văn Lam", "commune_official", "15544", unit_from=NEW_MAP, is_unit_chairman=True,
             position="Chủ tịch UBND xã Lam Sơn: công nhận hộ nghèo, hộ cận nghèo (Quyết định 24/2021, Điều 4)"),
    DemoUser("thoxuan", "Trịnh Thị Xuân", "commune_official", "15499", unit_from=NEW_MAP,
             position="Công chức Văn hóa - Xã hội xã Thọ Xuân (mới)"),
    DemoUser("thanhhoa.snnmt", "Lê Thị Thanh", "province_staff", "38",
             agency_name="Sở Nông nghiệp và Môi trường", agency_kind="so_nganh",
             position="Phòng Giảm nghèo, Sở Nông nghiệp và Môi trường tỉnh Thanh Hóa", is_staff=True),
    DemoUser("laocai.lanhdao", "Ban Chỉ đạo tỉnh Lào Cai", "leadership", "15", unit_from=NEW_MAP,
             position="Ban Chỉ đạo giảm nghèo tỉnh Lào Cai (mới, từ 01/07/2025)"),
]
