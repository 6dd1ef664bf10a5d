"""The privacy page made by 0007 says what a message of solidarity and a subscription to the
news keep and for how long (campaign.privacy: MESSAGE_DAYS and SUBSCRIBER_DAYS, 30 days).

The paragraph goes in after the one on reports of an inaccuracy, found by its opening words; a
page staff have rewritten without that paragraph, or that already speaks of messages, is left
alone."""

from django.db import migrations

ADDED = {
    "body_en": (
        "- **Reports of an inaccuracy**",
        """- **Messages of solidarity**: your first name, city, e-mail address and the text you
  wrote. Nothing is shown before the team has read it, and the text is shown only if you
  agreed. A message you never confirmed, or one the team turned down, is deleted after 30 days;
  the others are kept until you ask us to delete them.
- **News by e-mail**: your e-mail address and language. An address not confirmed within 30
  days is deleted; every e-mail has a link that unsubscribes you and deletes it at once.
""",
        "Messages of solidarity",
    ),
    "body_fr": (
        "- **Signalements d’erreur**",
        """- **Messages de solidarité**\u00a0: votre prénom, votre ville, votre adresse e-mail et le
  texte que vous avez écrit. Rien n’est affiché avant que l’équipe l’ait lu, et le texte ne
  l’est que si vous l’avez accepté. Un message jamais confirmé, ou refusé par l’équipe, est
  supprimé au bout de 30\u00a0jours\u00a0; les autres sont gardés jusqu’à ce que vous demandiez
  leur suppression.
- **Actualités par e-mail**\u00a0: votre adresse e-mail et votre langue. Une adresse non
  confirmée dans les 30\u00a0jours est supprimée\u00a0; chaque e-mail contient un lien qui vous
  désabonne et l’efface aussitôt.
""",
        "Messages de solidarité",
    ),
    "body_hy": (
        "- **Անճշտության մասին հաղորդումներ**",
        """- **Համերաշխության ուղերձներ**՝ Ձեր անունը, քաղաքը, էլ. հասցեն և Ձեր գրած տեքստը։
  Ոչինչ չի ցուցադրվում, քանի դեռ թիմը չի կարդացել այն, իսկ տեքստը ցուցադրվում է միայն Ձեր
  համաձայնությամբ։ Չհաստատված կամ թիմի կողմից մերժված ուղերձը ջնջվում է 30 օր հետո,
  մյուսները պահվում են, մինչև խնդրեք դրանք ջնջել։
- **Նորություններ էլ. փոստով**՝ Ձեր էլ. հասցեն և լեզուն։ 30 օրվա ընթացքում չհաստատված հասցեն
  ջնջվում է. յուրաքանչյուր նամակում կա հղում, որը դադարեցնում է բաժանորդագրությունը և
  անմիջապես ջնջում հասցեն։
""",
        "Համերաշխության ուղերձներ",
    ),
}


def tell_of_messages(apps, schema_editor):
    Page = apps.get_model("campaign", "Page")
    for page in Page.objects.filter(slug="privacy"):
        changed = []
        for field, (anchor, paragraph, already) in ADDED.items():
            text = getattr(page, field) or ""
            if anchor not in text or already in text:
                continue
            setattr(page, field, text.replace(anchor, paragraph + anchor, 1))
            changed.append(field)
        if changed:
            page.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [("campaign", "0012_solidarity_messages_and_bundles")]

    operations = [migrations.RunPython(tell_of_messages, migrations.RunPython.noop)]
