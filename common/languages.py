"""Content written in any one of the three languages, and the languages people read.

Staff may write a record in English, French or Armenian alone. modeltranslation then shows
each reader the text in their language, or else in another one
(MODELTRANSLATION_FALLBACK_LANGUAGES). A page must then say so: `shown()` gives the text with
the language it is really in, so the template can set `lang` on its element and tell the reader
("This text is available in French only."). The template tag `translated` (common_tags) is the
one way templates do it.
"""

from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import gettext_lazy
from modeltranslation import settings as mt_settings
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname, get_language, resolution_order

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

# Three whole sentences, not one with the language's name in it: Armenian puts the name of
# the language in a case of its own ("ֆրանսերենով"), French after a preposition.
AVAILABLE_ONLY_IN = {
    "en": gettext_lazy("This text is available in English only."),
    "fr": gettext_lazy("This text is available in French only."),
    "hy": gettext_lazy("This text is available in Armenian only."),
}


class Shown(str):
    """A translated field's text as a page shows it, with the language it is written in.

    `language` is None when the text is in the page's language (or empty); otherwise the code
    of the language it fell back to. Being a str, it goes through any filter (markdown,
    linebreaks, truncatewords) like the plain value.
    """

    language = None

    def __new__(cls, text, language=None):
        shown = super().__new__(cls, text)
        shown.language = language
        return shown

    @property
    def is_fallback(self):
        return self.language is not None

    @property
    def lang_attr(self):
        """` lang="fr"` for the element holding a fallback text; nothing otherwise."""
        return format_html(' lang="{}"', self.language) if self.language else ""

    @property
    def note(self):
        """The visible mark beside a fallback text, in the reader's language."""
        if not self.language:
            return ""
        return format_html(
            '<small class="fallback-note">{}</small>', AVAILABLE_ONLY_IN[self.language]
        )

    @property
    def text(self):
        """The plain text, for a template that places `lang_attr` and `note` itself."""
        return str(self)

    def __html__(self):
        """`{{ value }}`: the text, escaped, in an element naming its language, then the mark."""
        if not self.language:
            return format_html("{}", str(self))
        return format_html('<span lang="{}">{}</span> {}', self.language, str(self), self.note)


class InLanguage(str):
    """A text in a language of its own, whatever the page's: a source's title, a letter's
    subject. `language` is for the `lang` of the element that shows it (an admin select option,
    a list cell, a heading), so screen readers and browsers read it right.

    No __html__: the admin also puts an object's text in <title>, where markup is not allowed.
    """

    def __new__(cls, text, language=""):
        text = super().__new__(cls, text)
        text.language = language
        return text

    @property
    def marked(self):
        """The text in an element naming its language, for an admin list cell."""
        if not self.language:
            return str(self)
        return format_html('<span lang="{}">{}</span>', self.language, str(self))


def languages_in_order(language=None):
    """The languages a reader of `language` (the active one by default) is shown, in turn."""
    language = language or get_language()
    return resolution_order(language, mt_settings.FALLBACK_LANGUAGES)


def shown(obj, field):
    """The text of `obj`'s translated `field` that a reader in the active language sees.

    `obj` may be a model instance or a view on one (prisoners' PublicDetainee) that offers the
    localized attributes (`title_en`, `title_fr`…). A field that is not translated is shown as
    it is, with no mark.
    """
    active = get_language()
    if not hasattr(obj, build_localized_fieldname(field, active)):
        return Shown(getattr(obj, field, "") or "")
    for code in languages_in_order(active):
        value = getattr(obj, build_localized_fieldname(field, code), None)
        if value not in (None, ""):
            return Shown(value, None if code == active else code)
    return Shown("")


def translated_fields(model):
    """The names of `model`'s translated fields, or none if it has none."""
    try:
        return list(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return []


def missing_languages(obj, fields=None):
    """The language codes in which `obj` lacks a translation that another language has.

    A field empty in every language is not missing anywhere: nobody wrote it.
    """
    missing = set()
    for field in fields or translated_fields(type(obj)):
        values = {c: getattr(obj, build_localized_fieldname(field, c)) for c in LANGUAGE_CODES}
        empty = {c for c, value in values.items() if value in (None, "")}
        if len(empty) < len(values):
            missing |= empty
    return [code for code in LANGUAGE_CODES if code in missing]


def missing_languages_label(obj):
    """For the admin lists: the languages still to translate into, or a dash when none is."""
    names = dict(settings.LANGUAGES)
    return ", ".join(str(names[code]) for code in missing_languages(obj)) or "—"
