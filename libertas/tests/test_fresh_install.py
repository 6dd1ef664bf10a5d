"""A fresh install, migrated and without demo data, answers every link of its footer.

The test database is made by `migrate` alone, so what it holds is what production gets
before anyone loads samples: the content pages come from campaign's migrations.
"""

import re

import pytest

from campaign.models import Organisation, Page
from prisoners.models import Detainee

LANGUAGES = ["en", "fr", "hy"]


def footer_links(html):
    footer = re.search(r"<footer\b.*?</footer>", html, re.S).group(0)
    return sorted(set(re.findall(r'href="(/[^"#?]*)"', footer)))


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_footer_link_answers_on_a_fresh_install(client, language):
    assert not Detainee.objects.exists() and not Organisation.objects.exists()  # no demo data
    assert set(Page.objects.values_list("slug", flat=True)) == set(Page.Slug.values)
    home = client.get(f"/{language}/")
    assert home.status_code == 200
    links = footer_links(home.content.decode())
    assert f"/{language}/privacy/" in links and f"/{language}/contact/" in links
    for link in links:
        response = client.get(link)
        assert response.status_code == 200, (link, response.status_code)


@pytest.mark.django_db
def test_the_content_pages_come_in_three_languages():
    for page in Page.objects.all():
        for code in LANGUAGES:
            assert getattr(page, f"title_{code}") and getattr(page, f"body_{code}"), (page, code)
