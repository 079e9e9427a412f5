"""Project-wide checks that CI also runs: system checks and migrations in sync."""

import io

import pytest
from django.core.management import call_command


def test_system_checks_pass():
    call_command("check", fail_level="WARNING")


@pytest.mark.django_db
def test_no_missing_migrations():
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)


def test_every_invariant_citation_points_at_an_invariant_in_the_repository():
    import re
    from pathlib import Path

    from django.conf import settings

    root = Path(settings.BASE_DIR)
    architecture = (root / "docs" / "architecture.md").read_text()
    anchors = set(re.findall(r'<a id="(invariant-\d)"></a>', architecture))
    assert anchors == {f"invariant-{n}" for n in range(1, 6)}
    cited = set()
    for folder in ("events", "home", "tests", "docs", "bench", "config"):
        for path in (root / folder).rglob("*"):
            if path.suffix not in (".py", ".md", ".html", ".txt") or not path.is_file():
                continue
            text = path.read_text()
            assert "DESIGN " + "invariant" not in text, path
            cited |= set(re.findall(r"architecture\.md#(invariant-\d)", text))
    assert cited and cited <= anchors
