from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from common import trail
from common.admin import TrailAdmin
from common.exports import local_time, streaming_csv
from common.privacy import PersonalDataAdmin, privacy_actions
from donations import privacy, services
from donations.models import Donation, GivingDetails, StripeEvent
from donations.money import format_money, in_units

STRIPE_FIELDS = [
    "stripe_checkout_session_id",
    "stripe_payment_intent_id",
    "stripe_customer_id",
    "stripe_subscription_id",
    "stripe_invoice_id",
]
CSV_FIELDS = [
    "uuid",
    "created_at",
    "paid_at",
    "time_zone",
    "status",
    "frequency",
    "amount",
    "amount_refunded",
    "net",
    "currency",
    "donor_name",
    "donor_email",
    "show_on_wall",
    "language",
    *STRIPE_FIELDS,
]


def csv_row(donation):
    """One donation as the accounts read it: amounts in euros or dollars, local times."""
    return [
        donation.uuid,
        local_time(donation.created_at),
        local_time(donation.paid_at),
        settings.TIME_ZONE,
        donation.status,
        donation.frequency,
        in_units(donation.amount, donation.currency),
        in_units(donation.amount_refunded, donation.currency),
        in_units(donation.net_amount, donation.currency),
        donation.currency,
        donation.donor_name,
        donation.donor_email,
        donation.show_on_wall,
        donation.language,
        *(getattr(donation, field) for field in STRIPE_FIELDS),
    ]


def stripe_link(stripe_id, livemode=None):
    """A Stripe id as a link to its page in the Stripe dashboard (test or live)."""
    url = services.dashboard_url(stripe_id, livemode)
    if not url:
        return stripe_id or "–"
    return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, stripe_id)


class AmountFilter(admin.SimpleListFilter):
    """Sizes of gift in the currency's units (both of ours count in hundredths)."""

    title = _("amount")
    parameter_name = "amount"
    BOUNDS = {"small": (None, 20), "medium": (20, 100), "large": (100, 500), "major": (500, None)}

    def lookups(self, request, model_admin):
        def units(value):
            return number_format(value, use_l10n=True)

        return [
            ("small", _("less than %(high)s") % {"high": units(20)}),
            ("medium", _("%(low)s to less than %(high)s") % {"low": units(20), "high": units(100)}),
            ("large", _("%(low)s to less than %(high)s") % {"low": units(100), "high": units(500)}),
            ("major", _("%(low)s or more") % {"low": units(500)}),
        ]

    def queryset(self, request, queryset):
        if self.value() not in self.BOUNDS:
            return queryset
        low, high = self.BOUNDS[self.value()]
        if low is not None:
            queryset = queryset.filter(amount__gte=low * 100)
        if high is not None:
            queryset = queryset.filter(amount__lt=high * 100)
        return queryset


@admin.register(Donation)
class DonationAdmin(TrailAdmin, PersonalDataAdmin, admin.ModelAdmin):
    change_list_template = "admin/donations/donation/change_list.html"
    list_display = [
        "created_at",
        "paid_at",
        "donor_email",
        "donor_name",
        "display_amount",
        "frequency",
        "status",
        "amount_refunded_display",
    ]
    list_filter = ["status", "currency", AmountFilter, "frequency", "paid_at", "created_at"]
    search_fields = ["donor_email", "donor_name", *STRIPE_FIELDS]
    # The month of payment, as the totals above the list count it.
    date_hierarchy = "paid_at"
    list_select_related = []
    # Money and Stripe's ids come from Stripe; staff may correct only what the donor typed.
    readonly_fields = [
        "uuid",
        "display_amount",
        "currency",
        "frequency",
        "status",
        "amount_refunded_display",
        "net_display",
        "language",
        *(f"{field}_link" for field in STRIPE_FIELDS),
        "created_at",
        "paid_at",
        "receipt_sent_at",
        "subscription_ended_at",
    ]
    fields = [
        "uuid",
        ("display_amount", "currency", "frequency"),
        ("status", "amount_refunded_display", "net_display"),
        "donor_name",
        "donor_email",
        "show_on_wall",
        "dedicated_to",
        "language",
        *(f"{field}_link" for field in STRIPE_FIELDS),
        ("created_at", "paid_at", "receipt_sent_at", "subscription_ended_at"),
    ]
    raw_id_fields = ["dedicated_to"]
    actions = [
        "export_csv",
        "resend_receipt",
        *privacy_actions(privacy.export, privacy.erase, "donor_email"),
    ]

    def has_add_permission(self, request):
        return False  # only a donor, through Stripe, creates a donation

    @admin.display(description=_("amount"), ordering="amount")
    def display_amount(self, obj):
        return format_money(obj.amount, obj.currency)

    @admin.display(description=_("refunded"), ordering="amount_refunded")
    def amount_refunded_display(self, obj):
        return format_money(obj.amount_refunded, obj.currency) if obj.amount_refunded else ""

    @admin.display(description=_("net of refunds"), ordering=F("amount") - F("amount_refunded"))
    def net_display(self, obj):
        return format_money(obj.net_amount, obj.currency)

    @admin.display(description=_("Stripe Checkout session"))
    def stripe_checkout_session_id_link(self, obj):
        return stripe_link(obj.stripe_checkout_session_id)

    @admin.display(description=_("Stripe payment intent"))
    def stripe_payment_intent_id_link(self, obj):
        return stripe_link(obj.stripe_payment_intent_id)

    @admin.display(description=_("Stripe customer"))
    def stripe_customer_id_link(self, obj):
        return stripe_link(obj.stripe_customer_id)

    @admin.display(description=_("Stripe subscription"))
    def stripe_subscription_id_link(self, obj):
        return stripe_link(obj.stripe_subscription_id)

    @admin.display(description=_("Stripe invoice"))
    def stripe_invoice_id_link(self, obj):
        return stripe_link(obj.stripe_invoice_id)

    @admin.action(description=_("Export the selected donations as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        stamp = timezone.localdate().isoformat()
        donations = queryset.order_by("created_at").iterator(chunk_size=2000)
        return streaming_csv(
            f"donations-{stamp}.csv", CSV_FIELDS, (csv_row(donation) for donation in donations)
        )

    @admin.action(
        description=_("Resend the receipt of the selected paid donations"), permissions=["change"]
    )
    def resend_receipt(self, request, queryset):
        sent = refused = 0
        for donation in queryset.select_related("dedicated_to"):
            if services.resend_receipt(donation):
                trail.record(request.user, "resend_receipt", donation)
                sent += 1
            else:
                refused += 1
        if sent:
            self.message_user(
                request,
                ngettext(
                    "The receipt was sent again to %(count)d donor.",
                    "The receipts were sent again to %(count)d donors.",
                    sent,
                )
                % {"count": sent},
                messages.SUCCESS,
            )
        if refused:
            self.message_user(
                request,
                ngettext(
                    "%(count)d donation is not paid: a receipt says the money arrived, so none "
                    "was sent.",
                    "%(count)d donations are not paid: a receipt says the money arrived, so "
                    "none was sent.",
                    refused,
                )
                % {"count": refused},
                messages.WARNING,
            )

    def get_urls(self):
        recurring = path(
            "recurring/",
            self.admin_site.admin_view(self.recurring_view),
            name="donations_donation_recurring",
        )
        return [recurring, *super().get_urls()]

    def recurring_view(self, request):
        """Monthly donors: who gives every month, who stopped, and what a month brings."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        gifts = Donation.objects.monthly_gifts().order_by("-paid_at")
        income = Donation.objects.monthly_income_by_currency()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("Monthly donors"),
            "income": [
                {"currency": currency, "count": count, "total": format_money(total, currency)}
                for currency, (count, total) in income.items()
            ],
            "active": [self.gift_row(gift) for gift in gifts.filter(subscription_ended_at=None)],
            "cancelled": [
                self.gift_row(gift) for gift in gifts.exclude(subscription_ended_at=None)
            ],
        }
        return TemplateResponse(request, "admin/donations/donation/recurring.html", context)

    def gift_row(self, gift):
        return {
            "donation": gift,
            "url": reverse("admin:donations_donation_change", args=[gift.pk]),
            "amount": format_money(gift.amount, gift.currency),
            "subscription": stripe_link(gift.stripe_subscription_id),
            "customer": stripe_link(gift.stripe_customer_id),
        }

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "recurring_url": reverse("admin:donations_donation_recurring"),
        }
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None:
            totals = changelist.queryset.net_by_month()[:24]
            response.context_data["monthly_totals"] = [
                {
                    **row,
                    **{
                        f"{key}_display": format_money(row[key], row["currency"])
                        for key in ("gross", "refunded", "net")
                    },
                }
                for row in totals
            ]
        return response


@admin.register(StripeEvent)
class StripeEventAdmin(admin.ModelAdmin):
    list_display = ["received_at", "type", "event_link", "processed_at", "error"]
    list_filter = ["type", "processed_at"]
    search_fields = ["event_id", "type"]
    readonly_fields = ["event_link", "type", "payload", "received_at", "processed_at", "error"]
    fields = readonly_fields

    @admin.display(description=_("event id"), ordering="event_id")
    def event_link(self, obj):
        livemode = obj.payload.get("livemode") if isinstance(obj.payload, dict) else None
        return stripe_link(obj.event_id, livemode)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(GivingDetails)
class GivingDetailsAdmin(TabbedTranslationAdmin):
    """One row: the list opens it (or the form that makes it); nobody deletes it."""

    fieldsets = [
        (
            _("Bank transfer"),
            {"fields": ["account_holder", "iban", "bic", "bank_name", "transfer_reference"]},
        ),
        (_("Cheque"), {"fields": ["cheque_payee", "postal_address"]}),
        (_("Tax deduction in France"), {"fields": ["tax_deductible", "tax_note"]}),
    ]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not GivingDetails.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        details = GivingDetails.objects.first()
        if details is not None:
            return redirect(reverse("admin:donations_givingdetails_change", args=[details.pk]))
        if self.has_add_permission(request):
            return redirect(reverse("admin:donations_givingdetails_add"))
        return super().changelist_view(request, extra_context)
