"""Money as each language writes it: "€50.00" in English, "50,00 €" in French and Armenian."""

from decimal import Decimal

from django.utils.translation import get_language

SYMBOLS = {"EUR": "€", "USD": "$"}
NBSP = "\u00a0"
NNBSP = "\u202f"  # French groups thousands with a narrow no-break space


def format_money(minor, currency, language=None):
    language = (language or get_language() or "en").split("-")[0]
    units, cents = divmod(int(minor), 100)
    symbol = SYMBOLS.get(currency, currency)
    if language == "en":
        return f"{symbol}{units:,}.{cents:02d}"
    grouped = f"{units:,}".replace(",", NNBSP)
    return f"{grouped},{cents:02d}{NBSP}{symbol}"


def in_units(minor, currency):
    """The amount in the currency's units, exact: 5000 cents → Decimal("50.00").

    Both currencies we take (EUR, USD) have two decimals; Stripe counts in cents.
    """
    return Decimal(int(minor)).scaleb(-2)
