from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
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


class TrailEntryQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )

    def visible_to(self, user):
        """Entries about records of the kinds this staff member may see: editors do not read
        the trail of donations, finance not the trail of permissions."""
        if user.is_superuser:
            return self
        kinds = [
            ct.pk
            for ct in ContentType.objects.filter(
                pk__in=self.values_list("content_type", flat=True).distinct()
            )
            if user.has_perm(f"{ct.app_label}.view_{ct.model}")
        ]
        return self.filter(content_type__in=kinds)


class TrailEntry(models.Model):
    """One decision taken by a person: who, when, what, on which record, and why.

    Written only through common.trail.record; never changed or deleted from the admin. It never
    copies personal data: a record that holds some is named by its kind and number (see
    common.trail.label_of), so an erasure leaves nothing behind here.
    """

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    action = models.CharField(_("what"), max_length=64, db_index=True)
    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kind of record"),
    )
    object_id = models.CharField(_("record number"), max_length=64, blank=True)
    object_repr = models.CharField(_("record"), max_length=200, blank=True)
    reason = models.TextField(_("why"), blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True, encoder=DjangoJSONEncoder)

    objects = TrailEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = _("trail entry")
        verbose_name_plural = _("trail of decisions")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"

    def get_action_display(self):
        from common.trail import action_label

        return action_label(self.action)
