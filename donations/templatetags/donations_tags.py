from django import template

from donations.money import format_money

register = template.Library()


@register.filter
def money(donation):
    return format_money(donation.amount, donation.currency)
