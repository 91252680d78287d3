"""The README is the user's manual: it lists every demo user and says how to change port and host."""

from pathlib import Path

from directory.demo import DEMO_PASSWORD, DEMO_USERS

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_readme_lists_every_demo_user_and_the_password():
    missing = [u.username for u in DEMO_USERS if f"`{u.username}`" not in README]
    assert not missing, f"README.md does not list the demo users {missing}"
    assert DEMO_PASSWORD in README


def test_readme_says_how_to_change_port_and_host():
    assert "make run PORT=" in README and "HOST=" in README and "DJANGO_ALLOWED_HOSTS" in README
