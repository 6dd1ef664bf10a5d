from django.db.models import Count
from django.shortcuts import get_object_or_404, render

from campaign.models import Organisation, Page
from prisoners.models import CampaignFigure, Category, Detainee


def home(request):
    held = dict(
        Detainee.objects.public().held().values_list("category").annotate(n=Count("pk")).order_by()
    )
    held_by_category = [
        {"category": value, "label": label, "count": held.get(value, 0)}
        for value, label in Category.choices
        if held.get(value)
    ]
    figures = CampaignFigure.objects.select_related("source")
    return render(
        request,
        "campaign/home.html",
        {
            "held_total": sum(held.values()),
            "held_by_category": held_by_category,
            "figures": figures,
        },
    )


def page(request, slug):
    content = get_object_or_404(Page, slug=slug)
    context = {"page": content}
    if slug == Page.Slug.ABOUT or slug == Page.Slug.CONTACT:
        context["organisations"] = Organisation.objects.all()
    return render(request, "campaign/page.html", context)
