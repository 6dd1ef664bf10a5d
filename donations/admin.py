from django.contrib import admin
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.exports import SafeWriter
from common.privacy import PersonalDataAdmin, privacy_actions
from donations import privacy
from donations.models import Donation, StripeEvent
from donations.money import format_money

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
    "status",
    "frequency",
    "currency",
    "amount",
    "amount_refunded",
    "donor_name",
    "donor_email",
    "show_on_wall",
    "language",
    *STRIPE_FIELDS,
]


@admin.register(Donation)
class DonationAdmin(PersonalDataAdmin, admin.ModelAdmin):
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
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.now().strftime("%Y-%m-%d")
        response["Content-Disposition"] = f'attachment; filename="donations-{stamp}.csv"'
        writer = SafeWriter(response)
        writer.writerow(CSV_FIELDS)
        for row in queryset.order_by("created_at").values_list(*CSV_FIELDS):
            writer.writerow(row)
        return response

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
