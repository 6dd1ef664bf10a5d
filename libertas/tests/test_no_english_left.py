"""No English left on a French or Armenian page, including the parts we did not write.

Every public page (crawled from the home page, so a new page is covered without a change
here), every allauth page (signed out, signed in, the second factor) and every admin page a
staff member sees (index, each changelist, add and change form, history) is rendered in
English, French and Armenian with the demo data. A visible text (a text node, or a title,
placeholder, aria-label, alt or button value) of the French or Armenian page that is also on
the English page is English left over, unless it is a proper name, the brand, a number, or a
word the language writes as English does (its catalogue translates it to itself).
"""

import re
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import trans_real
from modeltranslation.translator import translator

from conftest import add_second_factor, current_code, sign_in, signed_in

LANGUAGES = ("fr", "hy")
MAX_PAGES = 150
SKIPPED = ("/static/", "/media/", "/admin/", "/accounts/")
ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")
LETTER = re.compile(r"[^\W\d_]")

# Names the same in every language: the brand, each language's own name in the switcher,
# services and formats.
PROPER_NAMES = {
    "Libertas",
    "English",
    "Français",
    "Հայերեն",
    "Stripe",
    "CSV",
    "PDF",
    "RSS",
    "Atom",
    "iCalendar",
    "JSON",
    "QR",
    "TOTP",
    "Hyestart",
    "Covcas",
    "Facebook",
    "X",
    "Bluesky",
    "Mastodon",
    "LinkedIn",
    "WhatsApp",
    "Telegram",
    "Instagram",
    "TikTok",
    "YouTube",
    "Email",
    "français",
    "հայերեն",
    "CC BY 4.0",
    "CC BY-SA 4.0",
}


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    translation.activate(settings.LANGUAGE_CODE)


class VisibleText(HTMLParser):
    """The texts a reader sees or hears: text nodes outside script and style, and the
    attributes a browser shows or reads aloud.

    Left out: what a form field holds (the English tab of a translated field, an address
    someone typed), and text the page marks as being in another language (`lang`): a
    source's own title, content shown in the language it was written in (clearly marked).
    """

    HIDDEN = ("script", "style", "template", "textarea")
    VOID = ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source")

    def __init__(self, language):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.texts = []
        self.stack = []  # (tag, hidden) of the open elements

    @property
    def hidden(self):
        return any(hidden for _tag, hidden in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = (attrs.get("lang") or "").split("-")[0]
        hidden = tag in self.HIDDEN or bool(lang and lang != self.language)
        if not (self.hidden or hidden):
            for name in ATTRIBUTES:
                self.add(attrs.get(name))
            if tag == "input" and attrs.get("type") in ("submit", "button", "reset"):
                self.add(attrs.get("value"))
        if tag not in self.VOID:
            self.stack.append((tag, hidden))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        # Close up to the matching tag (HTML lets some end tags be left out).
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if not self.hidden:
            self.add(data)

    def add(self, text):
        text = " ".join((text or "").split())
        if text:
            self.texts.append(text)


def visible_texts(body, language="en"):
    parser = VisibleText(language)
    parser.feed(body)
    return set(parser.texts)


def same_in_language(language):
    """Words the language's catalogue translates to themselves ("Date", "Type", "Photo")."""
    same = set()
    for key, text in trans_real.translation(language)._catalog.items():
        msgid = key[0] if isinstance(key, tuple) else key
        if text == msgid.split("\x04")[-1]:
            same.update({text, capfirst(text)})
    return same


def names_in_database():
    """Proper names stored in the database: people, organisations, accounts, identifiers."""
    names = set()
    for model in apps.get_models():
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if f.get_internal_type()
            in ("CharField", "EmailField", "SlugField", "URLField", "TextField")
            and re.search(
                r"name|email|slug|publisher|website|url|person|credit|iban|bic|bank|holder"
                r"|payee|address",
                f.name,
            )
        ]
        if fields:
            for row in model._default_manager.values_list(*fields):
                # An address is shown line by line.
                names.update(line for value in row if value for line in str(value).splitlines())
    return names


# An identifier, a code or a sum, never a sentence: a word with a digit or an underscore, a
# language or currency code, initials ("N. A.", or "GM" on a card without a photo), a single
# letter of an index, JSON, a password hash shown masked.
CODE = re.compile(
    r"^(?:[\w.:/*-]*[\d_][\w.:/*-]*|[A-Z]{2,3}|[a-z]{2}|(?:\w\. ?)*\w\.?|[{\[].*|.*\*{4}.*)$",
    re.DOTALL,
)
WORD = re.compile(r"[^\W\d_]+")
PUNCTUATION = " ,.;:()[]«»“”\"'·–—|/›"
# Django writes the admin's boolean icons with alt="True"/"False"/"None", untranslated.
DJANGO_CONSTANTS = {"True", "False", "None"}


def written_the_same(language):
    """Values of translated fields the staff wrote the same in English and in `language`
    (Goris, Stepanakert, Lyon): a proper name, not a missing translation."""
    same = set()
    for model in translator.get_registered_models():
        for field in translator.get_options_for_model(model).fields:
            pairs = model._default_manager.values_list(f"{field}_en", f"{field}_{language}")
            same.update(en for en, other in pairs if en and en == other)
    return same


class Allowed:
    def __init__(self):
        self.same = {language: same_in_language(language) for language in LANGUAGES}
        self.words = {
            language: {word.casefold() for text in same for word in WORD.findall(text)}
            for language, same in self.same.items()
        }
        self._names = None

    def names(self, language):
        # Read when first needed: the accounts a test signs in with exist by then.
        if self._names is None:
            names = PROPER_NAMES | names_in_database()
            self._names = {
                lang: {n.casefold() for n in names | written_the_same(lang)} for lang in LANGUAGES
            }
        return self._names[language]

    def __call__(self, text, language):
        if text.strip().casefold() in self.names(language):  # "Sample bank (demo)"
            return True
        text = text.strip(PUNCTUATION)
        if not LETTER.search(text) or CODE.match(text) or text in DJANGO_CONSTANTS:
            return True
        if text in self.same[language] or "@" in text or text.startswith(("http", "www.")):
            return True
        if text.casefold() in self.names(language):
            return True
        # Words the language writes as English does, with a number ("3 organisations").
        if all(word.casefold() in self.words[language] for word in WORD.findall(text)):
            return True
        # A list of names ("Lyon, France").
        parts = [part for part in re.split(r"[,;·|–—()]", text) if part.strip(PUNCTUATION)]
        return len(parts) > 1 and all(self(part, language) for part in parts)


def in_language(path, language):
    return re.sub(r"^/en/", f"/{language}/", path)


def english_left(client, paths, allowed, post=None):
    """{(language, path): [English texts]} for each path rendered in every language. A path
    the English page refuses (an admin that allows no adding) is skipped."""
    found = {}
    for path in paths:
        english = render(client, path, post)
        if english is None:
            continue
        for language in LANGUAGES:
            other = render(client, in_language(path, language), post)
            assert other is not None, in_language(path, language)
            left = sorted(t for t in other & english if not allowed(t, language))
            if left:
                found[(language, path)] = left
    return found


def render(client, path, post=None):
    response = client.post(path, post) if post is not None else client.get(path)
    if response.status_code != 200:
        return None
    return visible_texts(response.content.decode(), path.split("/")[1])


def report(found):
    lines = [f"{language} {path}: {texts}" for (language, path), texts in sorted(found.items())]
    return "English left on French or Armenian pages:\n" + "\n".join(lines)


def public_paths(client):
    """Every HTML page reachable from the English home page."""
    seen, queue, pages = set(), ["/en/"], []
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        pages.append(path)
        body = response.content.decode()
        for ref in re.findall(r'href="(/en/[^"#?]*)"', body):
            if not ref.startswith(tuple(f"/en{s}" for s in SKIPPED)) and "logout" not in ref:
                queue.append(ref)
    return pages


@pytest.fixture
def allowed(demo_data):
    return Allowed()


def test_no_english_on_public_pages(client, allowed):
    paths = public_paths(client)
    assert len(paths) > 20, paths
    found = english_left(client, paths, allowed)
    assert not found, report(found)


def account_path(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def test_no_english_on_sign_in_and_password_pages(client, allowed, bob):
    signed_out = [
        "account_login",
        "account_signup",
        "account_reset_password",
        "account_reset_password_done",
        "account_email_verification_sent",
        "account_inactive",
    ]
    paths = [account_path(name) for name in signed_out]
    paths.append(account_path("account_reset_password_from_key", uidb36="1", key="bad-key"))
    found = english_left(client, paths, allowed)

    # The errors of a form: Django's password rules and field errors.
    weak = {"email": "not-an-address", "password1": "123", "password2": "1234"}
    found |= english_left(client, [account_path("account_signup")], allowed, post=weak)

    sign_in(client, bob)
    signed_in_pages = [
        "account_email",
        "account_change_password",
        "account_logout",
        "account_reauthenticate",
        "mfa_index",
        "mfa_activate_totp",
    ]
    found |= english_left(client, [account_path(name) for name in signed_in_pages], allowed)
    wrong = {"oldpassword": "wrong", "password1": "123", "password2": "123"}
    found |= english_left(client, [account_path("account_change_password")], allowed, post=wrong)

    bob.set_unusable_password()
    bob.save()
    sign_in_without_password = client
    sign_in_without_password.force_login(bob, "allauth.account.auth_backends.AuthenticationBackend")
    found |= english_left(client, [account_path("account_set_password")], allowed)
    assert not found, report(found)


def test_no_english_on_second_factor_pages(client, allowed, alice):
    secret = add_second_factor(alice)
    sign_in(client, alice)
    found = english_left(client, [account_path("mfa_authenticate")], allowed)
    response = client.post(account_path("mfa_authenticate"), {"code": current_code(secret)})
    assert response.status_code == 302
    pages = ["mfa_index", "mfa_deactivate_totp", "mfa_view_recovery_codes"]
    found |= english_left(client, [account_path(name) for name in pages], allowed)
    assert not found, report(found)


def admin_paths():
    """The index, and for each model: its list, add form, first record and its history."""
    with translation.override("en"):
        paths = [reverse("admin:index")]
        for model in admin.site._registry:
            info = model._meta.app_label, model._meta.model_name
            paths.append(reverse("admin:{}_{}_changelist".format(*info)))
            paths.append(reverse("admin:{}_{}_add".format(*info)))
            record = model._default_manager.order_by("pk").first()
            if record is not None:
                paths.append(reverse("admin:{}_{}_change".format(*info), args=[record.pk]))
                paths.append(reverse("admin:{}_{}_history".format(*info), args=[record.pk]))
    return paths


def test_no_english_on_admin_pages(client, allowed, alice):
    signed_in(alice, client)
    paths = admin_paths()
    assert len(paths) > 40, paths
    found = english_left(client, paths, allowed)
    assert not found, report(found)


def test_the_check_sees_english_left_in_a_page():
    english = visible_texts('<p>Show counts</p><input type="submit" value="Save"><b>Libertas</b>')
    armenian = visible_texts(
        '<p>Show counts</p><input type="submit" value="Պահպանել"><b>Libertas</b>'
    )
    assert english & armenian == {"Show counts", "Libertas"}
    assert visible_texts('<a title="Close" aria-label="Menu">x</a><img alt="Portrait">') == {
        "Close",
        "Menu",
        "x",
        "Portrait",
    }
    assert visible_texts("<script>var a = 'Hidden';</script><style>p{}</style>") == set()
