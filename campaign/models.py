from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Page(models.Model):
    """A content page staff write in three languages (about, privacy, contact…)."""

    class Slug(models.TextChoices):
        ABOUT = "about", _("About the collective")
        SPONSORSHIP = "sponsorship", _("How sponsorship works")
        PRIVACY = "privacy", _("Privacy policy")
        CONTACT = "contact", _("Contact")

    slug = models.SlugField(_("page"), max_length=50, unique=True, choices=Slug)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(
        _("summary"), max_length=300, blank=True, help_text=_("Shown to search engines.")
    )
    body = models.TextField(_("body"), help_text=_("Markdown: headings, lists, links, emphasis."))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(f"campaign:{self.slug}")


class Organisation(models.Model):
    """One of the NGOs of the collective, shown in the footer and on the about page."""

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    founded = models.PositiveSmallIntegerField(_("founded in"), null=True, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    collects_donations = models.BooleanField(
        _("collects online donations for the collective"), default=False
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


FOOTER_CACHE_KEY = "campaign:footer-organisations:{}"


@receiver([post_save, post_delete], sender=Organisation)
def forget_footer(**kwargs):
    cache.delete_many([FOOTER_CACHE_KEY.format(code) for code, _name in settings.LANGUAGES])
