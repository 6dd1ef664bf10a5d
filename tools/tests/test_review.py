"""`make review` (tools/review.py) on a tiny subset, so that it cannot rot: it builds its own
temporary database, renders at least one page, e-mail, PDF and export, and writes an index
whose every link points at a file it wrote."""

import os
import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings

CHROMIUM = Path("/usr/bin/chromium")


def test_review_renders_a_subset_into_an_index(tmp_path):
    output = tmp_path / "review"
    command = [sys.executable, "-m", "tools.review", f"--output={output}", "--limit=1"]
    if not CHROMIUM.exists():
        command.append("--no-browser")  # the e-mails, PDFs and exports need no browser
    developer_db = Path(settings.BASE_DIR) / "db.sqlite3"
    before = developer_db.stat().st_mtime if developer_db.exists() else None
    result = subprocess.run(
        command,
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_DEBUG": "1"},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    index = (output / "index.html").read_text()
    links = re.findall(r"href='([^'#]+)'", index)
    assert links and all((output / link).is_file() for link in links)
    assert any(link.startswith("emails/fr/") and link.endswith(".txt") for link in links)
    assert any(link.startswith("files/hy/") and re.search(r"-1\.png$", link) for link in links)
    assert any(link.endswith("export.csv.txt") for link in links)
    if CHROMIUM.exists():
        assert any(link.startswith("pages/en/") and link.endswith("-390.png") for link in links)
        assert any(link.startswith("admin/fr/") for link in links)
    # Its own database: the developer's is not touched.
    after = developer_db.stat().st_mtime if developer_db.exists() else None
    assert before == after
