"""Every public page, in each language: no serious or critical axe-core violation, and
screenshots at phone and desktop width for a reviewer (saved under test-artifacts/)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from django.utils import translation

from libertas.tests.conftest import screenshot
from libertas.tests.test_languages import LANGUAGE_CODES, public_pages

pytestmark = pytest.mark.browser


def serious_violations(page):
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_public_pages_have_no_serious_accessibility_violation(
    page, live_server, transactional_db, language
):
    from django.urls import reverse

    call_command("load_demo", verbosity=0)
    failures = {}
    for name in public_pages():
        with translation.override(language):
            path = reverse(name)
        probe = page.request.get(live_server.url + path)
        assert probe.status == 200, path
        if "html" not in probe.headers.get("content-type", ""):
            continue  # exports and feeds: data, not pages
        page.goto(live_server.url + path)
        problems = serious_violations(page)
        if problems:
            failures[path] = problems
        screenshot(page, f"{language}-{name.replace(':', '-')}")
    assert failures == {}
