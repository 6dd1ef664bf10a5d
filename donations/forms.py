import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import HoneypotMixin
from donations.models import Currency, Donation, Frequency
from donations.money import format_money
from prisoners.models import Detainee, Status

PRESET_AMOUNTS = [20, 50, 100, 250]
OTHER = "other"
# The same bounds in both currencies, in whole units: small enough to stop card testing
# with tiny amounts, large enough for any gift a person makes online.
MINIMUM = {Currency.EUR: Decimal(5), Currency.USD: Decimal(5)}
MAXIMUM = {Currency.EUR: Decimal(10000), Currency.USD: Decimal(10000)}


AMOUNT_PATTERN = re.compile(r"\d{1,7}([.,]\d{1,2})?")


def parse_amount(text):
    """A decimal amount as a person types it: "50", "50.5", "50,50"; never a float."""
    text = re.sub(r"[\s\u00a0\u202f]", "", text)
    if not AMOUNT_PATTERN.fullmatch(text):
        raise InvalidOperation
    return Decimal(text.replace(",", "."))


class DetaineeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.public_name


class DonationForm(HoneypotMixin, forms.Form):
    amount_choice = forms.ChoiceField(
        label=_("Amount"),
        choices=[(str(a), str(a)) for a in PRESET_AMOUNTS] + [(OTHER, _("Other amount"))],
        widget=forms.RadioSelect,
        initial="50",
    )
    custom_amount = forms.CharField(
        label=_("Other amount"),
        required=False,
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    currency = forms.ChoiceField(
        label=_("Currency"), choices=Currency.choices, initial=Currency.EUR
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        initial=Frequency.ONCE,
    )
    dedicated_to = DetaineeChoiceField(
        label=_("Dedicate my gift to (optional)"),
        # A dedication names the person: PUBLIC records only, and never the deceased.
        queryset=Detainee.objects.in_full().exclude(status=Status.DECEASED),
        required=False,
        empty_label=_("No dedication"),
    )
    donor_name = forms.CharField(label=_("Your name"), max_length=200)
    donor_email = forms.EmailField(
        label=_("Your e-mail"), help_text=_("We send your receipt to this address.")
    )
    show_on_wall = forms.BooleanField(
        label=_("You may name me on the public list of donors (never the amount)."),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A select of every public record would weigh hundreds of kilobytes on a phone: the
        # field offers only the record the visitor came from ("Donate in their name" on a
        # profile), and is hidden otherwise. Validation still checks it against every
        # public record.
        field = self.fields["dedicated_to"]
        chosen = self.data.get("dedicated_to") or self.initial.get("dedicated_to")
        if chosen and str(chosen).isdigit():
            field.queryset = field.queryset.filter(pk=chosen)
        elif chosen:
            field.queryset = field.queryset.none()
        else:
            field.widget = forms.HiddenInput()

    def clean(self):
        cleaned = super().clean()
        choice, currency = cleaned.get("amount_choice"), cleaned.get("currency")
        if not choice or not currency:
            return cleaned
        if choice == OTHER:
            text = cleaned.get("custom_amount", "")
            if not text:
                self.add_error("custom_amount", _("Enter the amount you wish to give."))
                return cleaned
            try:
                amount = parse_amount(text)
            except (InvalidOperation, ValueError):
                self.add_error(
                    "custom_amount",
                    _("Enter an amount such as 35 or 35.50, with at most two decimals."),
                )
                return cleaned
        else:
            amount = Decimal(choice)
        low, high = MINIMUM[currency], MAXIMUM[currency]
        if not low <= amount <= high:
            self.add_error(
                "custom_amount" if choice == OTHER else "amount_choice",
                _("Online gifts must be between %(low)s and %(high)s.")
                % {
                    "low": format_money(int(low * 100), currency),
                    "high": format_money(int(high * 100), currency),
                },
            )
            return cleaned
        cleaned["amount"] = int(amount * 100)  # exact: at most two decimals
        return cleaned

    def build_donation(self, language):
        data = self.cleaned_data
        return Donation(
            amount=data["amount"],
            currency=data["currency"],
            frequency=data["frequency"],
            donor_name=data["donor_name"],
            donor_email=data["donor_email"],
            show_on_wall=data["show_on_wall"],
            dedicated_to=data["dedicated_to"],
            language=language,
        )
