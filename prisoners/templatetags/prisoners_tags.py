from django import template
from django.utils.safestring import mark_safe

from prisoners import panels

register = template.Library()


@register.simple_tag(takes_context=True)
def profile_panels(context, detainee):
    """Render the panels other apps registered for a profile (see prisoners.panels).

    Each panel sees only its own context, as an inclusion tag would.
    """
    html = []
    for panel in panels.profile_panels():
        panel_context = context.new(panel.context(detainee))
        csrf_token = context.get("csrf_token")
        if csrf_token is not None:
            panel_context["csrf_token"] = csrf_token
        template_ = context.template.engine.get_template(panel.template_name)
        html.append(template_.render(panel_context))
    # Each part was rendered (and escaped) by its own template.
    return mark_safe("".join(html))  # noqa: S308
