"""Names for what installed packages show in the admin without marking it for translation.

django-mailer and allauth's MFA write their admin labels as plain English ("To address",
"Created at", "Authenticators"), so no catalogue can translate them. Here each gets a
translatable name when the apps are ready. Only the labels change, never what a migration
records (Meta.original_attrs and a field's own verbose_name stay as the package wrote them),
so `makemigrations --check` sees nothing.

The strings are marked with `package_string`, which makemessages does not collect: they belong
to the packages, and their translations live with the other package strings in
locale/packages/<lang>. `check_translations` reads these calls and asks for them there.
"""

import functools

from django.apps import apps
from django.contrib import admin
from django.utils.translation import gettext_lazy

package_string = gettext_lazy

APP_NAMES = {"mailer": package_string("Mail queue")}

# "app_label.Model": (verbose_name, verbose_name_plural, {field: verbose_name})
MODELS = {
    "mfa.Authenticator": (
        package_string("authenticator"),
        package_string("authenticators"),
        {
            "type": package_string("type"),
            "user": package_string("user"),
            "data": package_string("data"),
            "created_at": package_string("created at"),
            "last_used_at": package_string("last used at"),
        },
    ),
    "mailer.Message": (
        None,
        None,
        {
            "message_data": package_string("message data"),
            "when_added": package_string("added at"),
            "priority": package_string("priority"),
            "retry_count": package_string("retry count"),
        },
    ),
    "mailer.DontSendEntry": (
        None,
        None,
        {
            "to_address": package_string("e-mail address"),
            "when_added": package_string("added at"),
        },
    ),
    "mailer.MessageLog": (
        None,
        None,
        {
            "message_data": package_string("message data"),
            "message_id": package_string("message ID"),
            "when_added": package_string("added at"),
            "priority": package_string("priority"),
            "when_attempted": package_string("attempted at"),
            "result": package_string("result"),
            "log_message": package_string("log message"),
        },
    ),
}

# The labels of a field's choices, by the package's English label. A migration compares the
# choices in English (commands run untranslated), where these equal the package's own.
PRIORITY = {
    "high": package_string("high"),
    "medium": package_string("medium"),
    "low": package_string("low"),
    "deferred": package_string("deferred"),
}
CHOICES = {
    ("mailer.Message", "priority"): PRIORITY,
    ("mailer.MessageLog", "priority"): PRIORITY,
    ("mailer.MessageLog", "result"): {
        "success": package_string("success"),
        "don't send": package_string("don't send"),
        "failure": package_string("failure"),
    },
}

# Columns and read-only fields that mailer's admin computes: (function name, label).
# What mailer's admin writes for a message it cannot read (an empty one, on the add form).
CANNOT_DECODE = ("<Can't decode>", package_string("<Can't decode>"))

ADMIN_COLUMNS = {
    "show_to": package_string("To"),
    "show_subject": package_string("Subject"),
    "plain_text_body": package_string("plain text body"),
}


def name_package_labels():
    for label, name in APP_NAMES.items():
        if label in apps.app_configs:
            apps.get_app_config(label).verbose_name = name
    for dotted, (name, plural, fields) in MODELS.items():
        app_label, model_name = dotted.split(".")
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        if name:
            model._meta.verbose_name = name
            model._meta.verbose_name_plural = plural
        for field, text in fields.items():
            model._meta.get_field(field).verbose_name = text
        for (choice_model, field), labels in CHOICES.items():
            if choice_model == dotted:
                db_field = model._meta.get_field(field)
                db_field.choices = [(v, labels.get(label, label)) for v, label in db_field.choices]
        model_admin = admin.site._registry.get(model)
        if model_admin is None:
            continue
        for column in [*model_admin.list_display, *model_admin.readonly_fields]:
            function = column if callable(column) else getattr(type(model_admin), column, None)
            name_of = getattr(function, "__name__", None)
            if name_of in ADMIN_COLUMNS:
                function.short_description = ADMIN_COLUMNS[name_of]
        if hasattr(type(model_admin), "plain_text_body"):
            type(model_admin).plain_text_body = translated_body(type(model_admin).plain_text_body)


def translated_body(method):
    if getattr(method, "translated", False):
        return method
    english, translated = CANNOT_DECODE

    @functools.wraps(method)
    def plain_text_body(self, instance):
        body = method(self, instance)
        return translated if body == english else body

    plain_text_body.translated = True
    return plain_text_body
