"""The privacy page says what every form keeps and for how long, messages of solidarity included."""

import pytest

from campaign.privacy import MESSAGE_DAYS, SUBSCRIBER_DAYS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("en", "Messages of solidarity"),
        ("fr", "Messages de solidarité"),
        ("hy", "Համերաշխության ուղերձներ"),
    ],
)
def test_the_privacy_page_tells_how_long_a_message_is_kept(client, language, heading):
    page = client.get(f"/{language}/privacy/")
    assert page.status_code == 200
    text = page.content.decode()
    assert heading in text
    assert f"{MESSAGE_DAYS}" in text.split(heading, 1)[1].split("</li>", 1)[0]


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "News by e-mail"), ("fr", "Actualités par e-mail"), ("hy", "Նորություններ էլ. փոստով")],
)
def test_the_privacy_page_tells_how_long_an_unconfirmed_subscription_is_kept(
    client, language, heading
):
    text = client.get(f"/{language}/privacy/").content.decode()
    assert f"{SUBSCRIBER_DAYS}" in text.split(heading, 1)[1].split("</li>", 1)[0]
