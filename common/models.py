from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LanguagePreference(models.Model):
    """The language a person reads the site in, kept for what reaches them outside a page:
    staff e-mails. Set by the admin's language switcher (common.views.set_language) and by a
    staff invitation."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="language_preference",
        verbose_name=_("user"),
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)

    class Meta:
        verbose_name = _("language preference")
        verbose_name_plural = _("language preferences")

    def __str__(self):
        return f"{self.user}: {self.language}"

    @classmethod
    def remember(cls, user, language):
        cls.objects.update_or_create(user=user, defaults={"language": language})
