from django.contrib.auth.models import Group


def test_editors_may_edit_campaign_content_and_only_view_or_delete_personal_data(db):
    granted = set(
        Group.objects.get(name="Editors")
        .permissions.filter(content_type__app_label="campaign")
        .values_list("codename", flat=True)
    )
    for model in ("newsitem", "event", "petition", "lettertemplate"):
        assert {f"{a}_{model}" for a in ("view", "add", "change", "delete")} <= granted
    for model in ("signature", "follower"):
        assert {f"view_{model}", f"delete_{model}"} <= granted
        assert f"change_{model}" not in granted
        assert f"add_{model}" not in granted


def test_the_demo_campaign_content_loads_twice_without_duplicates(demo_data):
    from django.core.management import call_command

    from campaign.models import Event, LetterTemplate, NewsItem, Petition

    def counts():
        return [m.objects.count() for m in (NewsItem, Event, Petition, LetterTemplate)]

    first = counts()
    call_command("load_demo", verbosity=0)
    assert counts() == first
    assert all(first)
    assert Event.objects.upcoming().exists() and Event.objects.past().exists()
    assert NewsItem.objects.get(slug="release-of-32-prisoners-december-2023").title_hy
