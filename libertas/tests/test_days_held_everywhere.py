"""One "days held" rule across apps: the profile, the share image and the banner."""

from pathlib import Path

from django.conf import settings


def test_no_output_counts_days_by_itself():
    """The share image and the banner say what the profile says: they read the label."""
    sources = [
        Path(settings.BASE_DIR, "prisoners", "share.py"),
        Path(settings.BASE_DIR, "sponsorships", "pdf.py"),
        Path(settings.BASE_DIR, "prisoners", "templates", "prisoners", "_days.html"),
    ]
    for path in sources:
        text = path.read_text()
        assert "days_held_label" in text, path
        assert "day in captivity" not in text and "since last seen" not in text, path
