"""Template filters for salary figures: amounts in the active language's format, the way the simulation writes them."""

from django import template

from pay import formatting

register = template.Library()


@register.filter
def euro(amount):
    """Decimal("3059.65") -> "€ 3.059,65" (Dutch) or "€ 3,059.65" (English)."""
    return formatting.euro(amount)


@register.filter
def percent(fraction):
    """Decimal("0.8") -> "80 %"."""
    return formatting.percent(fraction)


@register.filter
def years_in_service(months):
    """48 -> "4 jaar", 40 -> "3 jaar en 4 maanden"."""
    return formatting.years_text(months)
