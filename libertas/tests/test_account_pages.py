"""The base template must not overwrite variables the allauth pages rely on."""

import re

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.urls import reverse

from conftest import PASSWORD


def test_password_reset_form_posts_to_itself(client, bob):
    # The sponsor portal's "choose your password" link lands here; the base template once
    # replaced allauth's `action_url` with the "Take action" page, so the password never changed.
    url = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(bob), "key": default_token_generator.make_token(bob)},
    )
    response = client.get(url, follow=True)
    form_url = response.redirect_chain[-1][0]
    html = response.content.decode()
    assert re.search(rf'<form method="post" action="{re.escape(form_url)}"', html)

    response = client.post(
        form_url, {"password1": "N3w-passphrase!", "password2": "N3w-passphrase!"}
    )
    assert response.status_code == 302
    bob.refresh_from_db()
    assert bob.check_password("N3w-passphrase!")
    assert not bob.check_password(PASSWORD)
