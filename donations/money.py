"""Money as each language writes it: "€50.00" in English, "50,00 €" in French and Armenian."""

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
