"""The campaign's sponsorship formulas (from its brochure), as data staff can edit."""

from django.db import migrations

COMMITMENTS = [
    (
        "logo-on-website",
        "COMMUNICATE",
        (
            "Our logo on the campaign's website and social networks",
            "Notre logo sur le site et les réseaux sociaux de la campagne",
            "Մեր լոգոն արշավի կայքում և սոցիալական ցանցերում",
        ),
        (
            "We provide our logo so that Libertas can show our support at www.libertas2020.com.",
            "Nous fournissons notre logo pour que Libertas affiche notre soutien sur www.libertas2020.com.",
            "Տրամադրում ենք մեր լոգոն, որպեսզի Libertas-ը ցույց տա մեր աջակցությունը www.libertas2020.com կայքում։",
        ),
    ),
    (
        "banners",
        "COMMUNICATE",
        (
            "Banners and roll-ups at our seat",
            "Banderoles et kakémonos à notre siège",
            "Պաստառներ և ռոլափներ մեր նստավայրում",
        ),
        (
            "Inside or outside our building, banners bearing the image of the detainee we sponsor.",
            "À l'intérieur ou à l'extérieur de nos locaux, des banderoles portant l'image de la personne parrainée.",
            "Մեր շենքի ներսում կամ դրսում՝ հովանավորվող անձի պատկերով պաստառներ։",
        ),
    ),
    (
        "public-signing",
        "COMMUNICATE",
        (
            "A public signing of the agreement",
            "Une signature publique de la convention",
            "Համաձայնագրի հրապարակային ստորագրում",
        ),
        (
            "We sign the sponsorship agreement with the Libertas collective in public.",
            "Nous signons publiquement la convention de parrainage avec le collectif Libertas.",
            "Հովանավորության համաձայնագիրը Libertas կոլեկտիվի հետ ստորագրում ենք հրապարակավ։",
        ),
    ),
    (
        "public-events",
        "COMMUNICATE",
        (
            "Public events for their release",
            "Des événements publics pour leur libération",
            "Հրապարակային միջոցառումներ նրանց ազատման համար",
        ),
        (
            "We speak for the detainee at public events organised to call for their release.",
            "Nous portons la voix de la personne détenue lors d'événements publics organisés pour sa libération.",
            "Ազատման պահանջով կազմակերպված միջոցառումներում խոսում ենք կալանավորի անունից։",
        ),
    ),
    (
        "media",
        "COMMUNICATE",
        (
            "The case in the media and in our own channels",
            "Le dossier dans les médias et sur nos propres canaux",
            "Գործը լրատվամիջոցներում և մեր սեփական հարթակներում",
        ),
        (
            "In interviews with local, national and international media, on our website, social "
            "networks and newsletter.",
            "Dans nos entretiens avec les médias locaux, nationaux et internationaux, sur notre site, "
            "nos réseaux sociaux et notre lettre d'information.",
            "Տեղական, ազգային և միջազգային լրատվամիջոցներին տրված հարցազրույցներում, մեր կայքում, "
            "սոցիալական ցանցերում և տեղեկագրում։",
        ),
    ),
    (
        "lobbying",
        "PLEAD",
        (
            "Pleading with decision makers",
            "Plaider auprès des décideurs",
            "Շահերի պաշտպանություն որոշում կայացնողների մոտ",
        ),
        (
            "Together with other sponsors, at national, European or international level. Libertas "
            "supplies the information needed.",
            "Avec d'autres parrains, au niveau national, européen ou international. Libertas fournit "
            "les informations nécessaires.",
            "Այլ հովանավորների հետ միասին՝ ազգային, եվրոպական կամ միջազգային մակարդակում։ Անհրաժեշտ "
            "տեղեկությունները տրամադրում է Libertas-ը։",
        ),
    ),
    (
        "meet-family",
        "SUPPORT",
        (
            "Meeting the detainee's family",
            "Rencontrer la famille de la personne détenue",
            "Հանդիպում կալանավորի ընտանիքի հետ",
        ),
        (
            "A visit or a meeting, in person or by video call.",
            "Une visite ou une rencontre, en personne ou par visioconférence.",
            "Այց կամ հանդիպում՝ անձամբ կամ տեսազանգով։",
        ),
    ),
    (
        "take-part-in-events",
        "SUPPORT",
        (
            "Taking part in public events",
            "Participer aux événements publics",
            "Մասնակցություն հրապարակային միջոցառումներին",
        ),
        (
            "Events held for the release of the prisoners and for the victims of enforced "
            "disappearance.",
            "Les événements organisés pour la libération des prisonniers et pour les victimes de "
            "disparition forcée.",
            "Բանտարկյալների ազատման և բռնի անհետացման զոհերի համար կազմակերպվող միջոցառումներ։",
        ),
    ),
    (
        "material-support",
        "SUPPORT",
        (
            "Material support for the collective",
            "Un soutien matériel au collectif",
            "Նյութական աջակցություն կոլեկտիվին",
        ),
        (
            "Material help or a grant for the work of the Libertas collective.",
            "Une aide matérielle ou une subvention pour le travail du collectif Libertas.",
            "Նյութական օգնություն կամ դրամաշնորհ Libertas կոլեկտիվի աշխատանքի համար։",
        ),
    ),
]


def create_commitments(apps, schema_editor):
    Commitment = apps.get_model("sponsorships", "Commitment")
    for order, (code, group, titles, descriptions) in enumerate(COMMITMENTS, start=1):
        fields = {"group": group, "order": order * 10, "title": titles[0]}
        fields["description"] = descriptions[0]
        for lang, title, description in zip(("en", "fr", "hy"), titles, descriptions, strict=True):
            fields[f"title_{lang}"] = title
            fields[f"description_{lang}"] = description
        Commitment.objects.update_or_create(code=code, defaults=fields)


def remove_commitments(apps, schema_editor):
    Commitment = apps.get_model("sponsorships", "Commitment")
    Commitment.objects.filter(code__in=[c[0] for c in COMMITMENTS]).delete()


class Migration(migrations.Migration):
    dependencies = [("sponsorships", "0001_initial")]

    operations = [migrations.RunPython(create_commitments, remove_commitments)]
