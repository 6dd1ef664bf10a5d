"""Panels of a detainee's profile that other apps add: prisoners names none of them.

The profile shows what the registry holds; sponsors, news, the follow box and the "donate in
their name" button belong to the apps above it. Each registers its panel in its
AppConfig.ready, and the profile renders them in order with `{% profile_panels detainee %}`.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    template_name: str
    # Takes the record's public view, returns the panel template's context.
    context: Callable
    order: int


_panels = []


def default_context(detainee):
    return {"detainee": detainee}


def register_profile_panel(template_name, context=default_context, order=0):
    """Add a panel to every profile. Registering the same template again replaces it, so a
    module imported twice (or a test) does not show a panel twice."""
    _panels[:] = [p for p in _panels if p.template_name != template_name]
    _panels.append(Panel(template_name, context, order))
    _panels.sort(key=lambda p: p.order)


def profile_panels():
    return list(_panels)


# Marks on a person's card (lists, the home's faces), added by the apps above: "needs a
# sponsor" is the sponsorships' fact, and the registry never names them.


@dataclass(frozen=True)
class CardMark:
    text: str
    url: str


_card_marks = {}


def register_card_marks(name, marks):
    """`marks(records)` takes the Detainee records a page shows (already through the public
    rule) and returns {pk: CardMark} for those to mark, in one query whatever their number.
    Registering a name again replaces it."""
    _card_marks[name] = marks


def card_marks(records):
    """{pk: [CardMark, ...]} for `records`, from every registered app."""
    records = list(records)
    found = {}
    if not records:
        return found
    for name in sorted(_card_marks):
        for pk, mark in _card_marks[name](records).items():
            found.setdefault(pk, []).append(mark)
    return found
