from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from common.admin import TrailAdmin
from common.exports import local_time, streaming_csv
from common.privacy import PersonalDataAdmin, privacy_actions
from donations import privacy
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
        donation.currency,
        donation.donor_name,
        donation.donor_email,
        donation.show_on_wall,
        donation.language,
        *(getattr(donation, field) for field in STRIPE_FIELDS),
    ]


@admin.register(Donation)
class DonationAdmin(TrailAdmin, PersonalDataAdmin, admin.ModelAdmin):
    change_list_template = "admin/donations/donation/change_list.html"
    list_display = [
        "created_at",
        "donor_email",
        "donor_name",
        "display_amount",
        "frequency",
        "status",
        "amount_refunded_display",
    ]
    list_filter = ["status", "currency", "frequency", "created_at"]
    search_fields = ["donor_email", "donor_name", *STRIPE_FIELDS]
    date_hierarchy = "created_at"
    list_select_related = []
    # Money and Stripe's ids come from Stripe; staff may correct only what the donor typed.
    readonly_fields = [
        "uuid",
        "amount",
        "currency",
        "frequency",
        "status",
        "amount_refunded",
        "language",
        *STRIPE_FIELDS,
        "created_at",
        "paid_at",
        "receipt_sent_at",
        "subscription_ended_at",
    ]
    fields = [
        "uuid",
        ("amount", "currency", "frequency"),
        ("status", "amount_refunded"),
        "donor_name",
        "donor_email",
        "show_on_wall",
        "dedicated_to",
        "language",
        *STRIPE_FIELDS,
        ("created_at", "paid_at", "receipt_sent_at", "subscription_ended_at"),
    ]
    raw_id_fields = ["dedicated_to"]
    actions = ["export_csv", *privacy_actions(privacy.export, privacy.erase, "donor_email")]

    def has_add_permission(self, request):
        return False  # only a donor, through Stripe, creates a donation

    @admin.display(description=_("amount"), ordering="amount")
    def display_amount(self, obj):
        return format_money(obj.amount, obj.currency)

    @admin.display(description=_("refunded"), ordering="amount_refunded")
    def amount_refunded_display(self, obj):
        return format_money(obj.amount_refunded, obj.currency) if obj.amount_refunded else ""

    @admin.action(description=_("Export the selected donations as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        stamp = timezone.localdate().isoformat()
        donations = queryset.order_by("created_at").iterator(chunk_size=2000)
        return streaming_csv(
            f"donations-{stamp}.csv", CSV_FIELDS, (csv_row(donation) for donation in donations)
        )

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None:
            totals = changelist.queryset.paid().totals_by_month()[:24]
            response.context_data["monthly_totals"] = [
                {**row, "total_display": format_money(row["total"], row["currency"])}
                for row in totals
            ]
        return response


@admin.register(StripeEvent)
class StripeEventAdmin(admin.ModelAdmin):
    list_display = ["received_at", "type", "event_id", "processed_at", "error"]
    list_filter = ["type", "processed_at"]
    search_fields = ["event_id", "type"]
    readonly_fields = ["event_id", "type", "payload", "received_at", "processed_at", "error"]

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
