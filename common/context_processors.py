from common.layout import context as layout_context


def layout(request):
    """The pages and variables the apps above registered for the layout (see common.layout)."""
    return layout_context(request)
