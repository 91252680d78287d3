"""The export commands refuse a bad --output before doing any work, with a Vietnamese message."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

COMMANDS = [
    ["export_quotas", "--plan", "thoxuan-2024"],
    ["export_households", "--commune", "15547", "--year", "2024"],
    ["build_report", "annual", "--year", "2024", "--unit", "395"],
]


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda argv: argv[0])
def test_a_missing_folder_is_named(argv, tmp_path):
    with pytest.raises(CommandError, match="không có thư mục"):
        call_command(*argv, "--output", str(tmp_path / "khong-co" / "tep.xlsx"))


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda argv: argv[0])
def test_only_xlsx_is_written(argv, tmp_path):
    with pytest.raises(CommandError, match="đuôi .xlsx"):
        call_command(*argv, "--output", str(tmp_path / "tep.csv"))
