"""Demo content for the campaign app: NGOs, content pages, news, events, petition, letters.

Facts come from the campaign's own brochure; the sentences are ours. Loading is
idempotent: records are found by a natural key and updated, never duplicated.
"""

import datetime
import zoneinfo

from django.utils import timezone

from campaign.models import (
    Country,
    Event,
    LetterTemplate,
    NewsItem,
    Organisation,
    Page,
    Petition,
)
from prisoners.models import Detainee

LANGS = ("en", "fr", "hy")

ORGANISATIONS = [
    {
        "key": "Covcas Center for Law and Conflict Resolution",
        "name_en": "Covcas Center for Law and Conflict Resolution",
        "name_fr": "Centre Covcas pour le droit et la résolution des conflits",
        "name_hy": "Կովկաս իրավունքի և հակամարտությունների լուծման կենտրոն",
        "description_en": (
            "Founded in 1991 to support the aims of the United Nations, in particular the "
            "peaceful settlement of conflicts and human rights. It collects online donations "
            "on behalf of the collective."
        ),
        "description_fr": (
            "Fondé en 1991 pour soutenir les buts des Nations unies, en particulier le "
            "règlement pacifique des conflits et les droits humains. Il reçoit les dons en "
            "ligne au nom du collectif."
        ),
        "description_hy": (
            "Հիմնադրվել է 1991 թվականին՝ աջակցելու ՄԱԿ-ի նպատակներին, հատկապես "
            "հակամարտությունների խաղաղ կարգավորմանը և մարդու իրավունքներին։ Կոլեկտիվի "
            "անունից ընդունում է առցանց նվիրատվությունները։"
        ),
        "founded": 1991,
        "contact_name": "Hilda Tchoboian",
        "email": "centre.covcas@gmail.com",
        "website": "",
        "collects_donations": True,
        "order": 1,
    },
    {
        "key": "Hyestart",
        "name_en": "Hyestart",
        "name_fr": "Hyestart",
        "name_hy": "Հայեսթարթ",
        "description_en": (
            "Founded in 2016, it works for democracy and human rights in Armenia and Turkey."
        ),
        "description_fr": (
            "Fondée en 2016, elle agit pour la démocratie et les droits humains en Arménie "
            "et en Turquie."
        ),
        "description_hy": (
            "Հիմնադրվել է 2016 թվականին և աշխատում է ժողովրդավարության ու մարդու "
            "իրավունքների համար Հայաստանում և Թուրքիայում։"
        ),
        "founded": 2016,
        "contact_name": "A. Navarra",
        "email": "contact@hyestart.org",
        "website": "https://www.hyestart.org/",
        "order": 2,
    },
    {
        "key": "Armenophobia Observatory",
        "name_en": "Armenophobia Observatory",
        "name_fr": "Observatoire de l'arménophobie",
        "name_hy": "Հայատյացության դիտարան",
        "description_en": (
            "Set up in 2020 to identify and measure anti-Armenian content, and to counter "
            "denial, disinformation and hatred."
        ),
        "description_fr": (
            "Créé en 2020 pour repérer et mesurer les contenus anti-arméniens, et pour "
            "combattre le négationnisme, la désinformation et la haine."
        ),
        "description_hy": (
            "Ստեղծվել է 2020 թվականին՝ հայատյաց բովանդակությունը հայտնաբերելու և "
            "չափելու, ինչպես նաև ժխտողականության, ապատեղեկատվության ու ատելության դեմ "
            "պայքարելու համար։"
        ),
        "founded": 2020,
        "contact_name": "B. Shakhnazaryan",
        "email": "armenophobie@proton.me",
        "website": "",
        "order": 3,
    },
]

PAGES = {
    Page.Slug.ABOUT: {
        "title_en": "About the collective",
        "title_fr": "Le collectif",
        "title_hy": "Կոլեկտիվի մասին",
        "summary_en": "Three human-rights organisations working together since 2022.",
        "summary_fr": "Trois organisations de défense des droits humains, ensemble depuis 2022.",
        "summary_hy": "Մարդու իրավունքների երեք կազմակերպություն՝ միասին 2022 թվականից։",
        "body_en": """The ceasefire of 9 November 2020 promised an exchange of all prisoners.
Armenia returned the people it held within days. Azerbaijan did not, and its forces went on
capturing soldiers and civilians in the months and years that followed.

Libertas was founded in 2022 by three organisations to change that. It began with a
programme of individual sponsorship in France and across Europe, and it has grown with
events: after the release of 32 people in December 2023 and the displacement of the people
of Artsakh in September 2023, the campaign now speaks for every Armenian held by Azerbaijan
because of their origin.

## Whom we speak for

- **Prisoners of war**: soldiers captured before and after the ceasefire.
- **Civilians** taken during and after the fighting.
- **Political leaders** of Artsakh, held since 2023.
- **The forcibly disappeared**: people last seen in Azerbaijani custody, whose detention
  Baku denies.
""",
        "body_fr": """Le cessez-le-feu du 9 novembre 2020 promettait l'échange de tous les
prisonniers. L'Arménie a rendu en quelques jours les personnes qu'elle détenait.
L'Azerbaïdjan ne l'a pas fait, et ses forces ont continué de capturer des soldats et des
civils dans les mois et les années qui ont suivi.

Libertas a été fondé en 2022 par trois organisations pour que cela change. Le collectif a
commencé par un programme de parrainage individuel en France et en Europe, puis il a suivi
les événements : après la libération de 32 personnes en décembre 2023 et le déplacement de
la population de l'Artsakh en septembre 2023, la campagne parle pour tous les Arméniens
détenus par l'Azerbaïdjan en raison de leur origine.

## Pour qui nous agissons

- **Les prisonniers de guerre** : des soldats capturés avant et après le cessez-le-feu.
- **Les civils** enlevés pendant et après les combats.
- **Les dirigeants politiques** de l'Artsakh, détenus depuis 2023.
- **Les disparus forcés** : des personnes vues pour la dernière fois aux mains de
  l'Azerbaïdjan, dont Bakou nie la détention.
""",
        "body_hy": """2020 թվականի նոյեմբերի 9-ի հրադադարը խոստանում էր բոլոր
գերիների փոխանակում։ Հայաստանը մի քանի օրում վերադարձրեց իր մոտ գտնվող մարդկանց։
Ադրբեջանը դա չարեց, և նրա ուժերը հաջորդ ամիսներին ու տարիներին շարունակեցին գերեվարել
զինվորների և խաղաղ բնակիչների։

Լիբերտասը հիմնադրվել է 2022 թվականին երեք կազմակերպության կողմից՝ դա փոխելու համար։
Այն սկսեց անհատական հովանավորության ծրագրով Ֆրանսիայում և Եվրոպայում, ապա զարգացավ
իրադարձություններին զուգընթաց. 2023 թվականի դեկտեմբերին 32 մարդու ազատ արձակումից և
2023 թվականի սեպտեմբերին Արցախի բնակչության տեղահանումից հետո արշավը խոսում է Ադրբեջանում
իրենց ծագման պատճառով պահվող բոլոր հայերի անունից։

## Ում համար ենք պայքարում

- **Ռազմագերիներ**՝ հրադադարից առաջ և հետո գերեվարված զինվորներ։
- **Խաղաղ բնակիչներ**, որոնց առևանգել են մարտերի ընթացքում և դրանցից հետո։
- **Արցախի քաղաքական ղեկավարներ**, որոնք պահվում են 2023 թվականից։
- **Բռնի անհետացածներ**՝ մարդիկ, որոնց վերջին անգամ տեսել են ադրբեջանական կալանքի տակ, և
  որոնց կալանքը Բաքուն ժխտում է։
""",
    },
    Page.Slug.SPONSORSHIP: {
        "title_en": "How sponsorship works",
        "title_fr": "Comment fonctionne le parrainage",
        "title_hy": "Ինչպես է գործում հովանավորությունը",
        "summary_en": "A city, an organisation or a person sponsors a prisoner or the whole group.",
        "summary_fr": (
            "Une ville, une organisation ou une personne parraine un prisonnier ou tout le groupe."
        ),
        "summary_hy": (
            "Քաղաքը, կազմակերպությունը կամ անհատը հովանավորում է մեկ բանտարկյալի կամ ողջ խումբը։"
        ),
        "body_en": """A prisoner whom the world is watching is harder to mistreat. When a city,
an organisation or a public figure sponsors a detainee, their name is spoken in public, their
case is raised with governments, and their family knows they are not alone.

You can sponsor one person or the whole group. You choose what you commit to:

## Communicate

Show your logo on this website, hang a banner or a roll-up with the prisoner's portrait at
your seat, sign the agreement in public, take part in events, and speak about the prisoner to
the media and in your own newsletter.

## Plead

Raise the case, together with other sponsors, with national, European and international
decision makers. We provide the files you need.

## Support

Meet the prisoner's family, in person or by video, take part in events for the release of the
prisoners and the disappeared, and support the collective's work.
""",
        "body_fr": """Il est plus difficile de maltraiter un prisonnier que le monde regarde.
Quand une ville, une organisation ou une personnalité parraine un détenu, son nom est
prononcé en public, son cas est porté auprès des gouvernements, et sa famille sait qu'elle
n'est pas seule.

Vous pouvez parrainer une personne ou tout le groupe. Vous choisissez vos engagements :

## Communiquer

Afficher votre logo sur ce site, installer une banderole ou un kakémono avec le portrait du
prisonnier à votre siège, signer la convention en public, participer aux événements, et parler
du prisonnier aux médias et dans votre propre lettre d'information.

## Plaider

Porter le dossier, avec d'autres parrains, auprès des décideurs nationaux, européens et
internationaux. Nous fournissons les éléments nécessaires.

## Soutenir

Rencontrer la famille du prisonnier, en personne ou en visio, participer aux événements pour la
libération des prisonniers et des disparus, et soutenir le travail du collectif.
""",
        "body_hy": """Բանտարկյալին, որին աշխարհը հետևում է, ավելի դժվար է վատ վերաբերվել։
Երբ քաղաքը, կազմակերպությունը կամ հանրային գործիչը հովանավորում է կալանավորին, նրա
անունը հնչում է հրապարակավ, նրա գործը բարձրացվում է կառավարությունների առջև, և նրա
ընտանիքը գիտի, որ մենակ չէ։

Կարող եք հովանավորել մեկ մարդու կամ ողջ խումբը։ Դուք եք ընտրում ձեր պարտավորությունները.

## Հաղորդել

Ձեր տարբերանշանը ցուցադրել այս կայքում, ձեր նստավայրում փակցնել պաստառ բանտարկյալի
դիմանկարով, հրապարակավ ստորագրել համաձայնագիրը, մասնակցել միջոցառումներին և խոսել
բանտարկյալի մասին լրատվամիջոցներում ու ձեր տեղեկագրում։

## Պաշտպանել

Այլ հովանավորների հետ միասին գործը բարձրացնել ազգային, եվրոպական և միջազգային
որոշում կայացնողների առջև։ Անհրաժեշտ նյութերը տրամադրում ենք մենք։

## Աջակցել

Հանդիպել բանտարկյալի ընտանիքին՝ անձամբ կամ տեսակապով, մասնակցել բանտարկյալների և
անհետացածների ազատման համար միջոցառումներին և աջակցել կոլեկտիվի աշխատանքին։
""",
    },
    Page.Slug.PRIVACY: {
        "title_en": "Privacy policy",
        "title_fr": "Politique de confidentialité",
        "title_hy": "Գաղտնիության քաղաքականություն",
        "summary_en": "What we store about you, why, and for how long.",
        "summary_fr": "Ce que nous conservons à votre sujet, pourquoi et combien de temps.",
        "summary_hy": "Ինչ ենք պահում ձեր մասին, ինչու և որքան ժամանակ։",
        "body_en": """This website makes no request to any other company's server while you
read it: no analytics, no advertising, no fonts or scripts from elsewhere. Payments are made
on Stripe's page, which you reach by a link.

## What we store

- **Sponsors**: the organisation's name, place, logo and website, shown only with your
  consent; the contact person's name, e-mail and phone, never shown. Kept while the
  sponsorship lasts and two years after it ends.
- **Donors**: name, e-mail, amount and date, to send a receipt and to keep the accounts the law
  requires. Your name is shown on a list only if you ask for it.
- **Petition signers**: name, e-mail, country and comment. A signature you have not
  confirmed within 30 days is deleted; a confirmed one is kept for as long as the petition
  is open, so that the count we hand to the addressees is true. When the petition closes, your
  name, e-mail and comment are erased and only the count remains.
- **Followers**: your e-mail address and the person you follow, to tell you when their
  record changes. Every message has a link that deletes the follow at once.
- **Reports of an inaccuracy**: what you wrote, and your name and e-mail if you gave them, so
  the team can ask you about it.
- **Accounts**: your e-mail address and a protected password.

## Your rights

You may ask for a copy of what we hold about you, or for its erasure, by writing to
contactlibertas2020@gmail.com. We anonymise donations instead of deleting them, because the
accounts must keep amounts and dates. A confirmed petition signature loses your name, e-mail
and comment but still counts; follows are deleted; a sponsor's contact details are removed
and the sign-in account is closed.

## About the people we write about

We publish a person's full profile only with care for their safety and their family's wishes.
Some profiles show initials only; others are not published at all. Private notes and family
contacts are never shown.
""",
        "body_fr": """Ce site n'envoie aucune requête aux serveurs d'une autre entreprise
pendant que vous le lisez : ni mesure d'audience, ni publicité, ni polices ou scripts venus
d'ailleurs. Les paiements se font sur la page de Stripe, que vous rejoignez par un lien.

## Ce que nous conservons

- **Parrains** : le nom de l'organisation, son lieu, son logo et son site, affichés seulement
  avec votre accord ; le nom, l'adresse e-mail et le téléphone de la personne de contact,
  jamais affichés. Conservés pendant le parrainage et deux ans après sa fin.
- **Donateurs** : nom, adresse e-mail, montant et date, pour envoyer un reçu et tenir la
  comptabilité exigée par la loi. Votre nom n'apparaît sur une liste que si vous le demandez.
- **Signataires de la pétition** : nom, adresse e-mail, pays et commentaire. Une signature
  que vous n'avez pas confirmée dans les 30 jours est supprimée ; une signature confirmée est
  gardée tant que la pétition est ouverte, pour que le total remis aux destinataires soit exact.
  À la clôture de la pétition, votre nom, votre adresse e-mail et votre commentaire sont effacés :
  seul le total demeure.
- **Abonnés** : votre adresse e-mail et la personne que vous suivez, pour vous prévenir quand
  sa fiche change. Chaque message contient un lien qui supprime aussitôt l'abonnement.
- **Signalements d'erreur** : ce que vous avez écrit, et votre nom et votre adresse e-mail si
  vous les avez donnés, pour que l'équipe puisse vous poser des questions.
- **Comptes** : votre adresse e-mail et un mot de passe protégé.

## Vos droits

Vous pouvez demander une copie de ce que nous détenons sur vous, ou son effacement, en
écrivant à contactlibertas2020@gmail.com. Nous anonymisons les dons au lieu de les supprimer,
car la comptabilité doit garder les montants et les dates. Une signature confirmée perd votre
nom, votre adresse et votre commentaire mais reste comptée ; les abonnements sont supprimés ;
les coordonnées de contact d'un parrain sont effacées et son compte est fermé.

## Les personnes dont nous parlons

Nous ne publions le profil complet d'une personne qu'en veillant à sa sécurité et aux souhaits
de sa famille. Certains profils n'affichent que des initiales ; d'autres ne sont pas publiés.
Les notes privées et les contacts des familles ne sont jamais affichés.
""",
        "body_hy": """Այս կայքը, երբ այն կարդում եք, ոչ մի հարցում չի ուղարկում այլ
ընկերության սերվերներին. ոչ վերլուծություն, ոչ գովազդ, ոչ այլ տեղից եկող տառատեսակներ
կամ սկրիպտներ։ Վճարումները կատարվում են Stripe-ի էջում, որին անցնում եք հղումով։

## Ինչ ենք պահում

- **Հովանավորներ**՝ կազմակերպության անունը, վայրը, տարբերանշանը և կայքը, որոնք
  ցուցադրվում են միայն ձեր համաձայնությամբ. կոնտակտային անձի անունը, էլ. հասցեն և
  հեռախոսը երբեք չեն ցուցադրվում։ Պահվում են հովանավորության ընթացքում և դրա ավարտից
  երկու տարի հետո։
- **Նվիրատուներ**՝ անուն, էլ. հասցե, գումար և ամսաթիվ՝ անդորրագիր ուղարկելու և օրենքով
  պահանջվող հաշվապահությունը վարելու համար։ Ձեր անունը ցուցակում երևում է միայն ձեր
  խնդրանքով։
- **Խնդրագիրը ստորագրողներ**՝ անուն, էլ. հասցե, երկիր և մեկնաբանություն։ Ստորագրությունը,
  որը 30 օրվա ընթացքում չեք հաստատել, ջնջվում է. հաստատվածը պահվում է այնքան ժամանակ, քանի
  դեռ խնդրագիրը բաց է, որպեսզի հասցեատերերին փոխանցվող թիվը ճշգրիտ լինի։ Խնդրագրի փակվելուց
  հետո ձեր անունը, էլ. հասցեն և մեկնաբանությունը ջնջվում են, և մնում է միայն թիվը։
- **Հետևորդներ**՝ ձեր էլ. հասցեն և այն մարդը, ում հետևում եք, որպեսզի տեղեկացնենք, երբ
  նրա տվյալները փոխվեն։ Յուրաքանչյուր նամակում կա հղում, որը անմիջապես ջնջում է հետևումը։
- **Անճշտության մասին հաղորդումներ**՝ ձեր գրածը, ինչպես նաև ձեր անունն ու էլ. հասցեն, եթե
  դրանք նշել եք, որպեսզի թիմը կարողանա ձեզ հարցեր տալ։
- **Հաշիվներ**՝ ձեր էլ. հասցեն և պաշտպանված գաղտնաբառ։

## Ձեր իրավունքները

Կարող եք խնդրել ձեր մասին մեր պահած տվյալների պատճենը կամ դրանց ջնջումը՝ գրելով
contactlibertas2020@gmail.com հասցեին։ Նվիրատվությունները ջնջելու փոխարեն անանուն ենք
դարձնում, քանի որ հաշվապահությունը պետք է պահի գումարներն ու ամսաթվերը։ Հաստատված
ստորագրությունից հեռացվում են ձեր անունը, էլ. հասցեն և մեկնաբանությունը, բայց այն
շարունակում է հաշվվել. հետևումները ջնջվում են. հովանավորի կոնտակտային տվյալները
հեռացվում են, և նրա հաշիվը փակվում է։

## Մարդիկ, որոնց մասին գրում ենք

Մարդու ամբողջական էջը հրապարակում ենք միայն նրա անվտանգության և ընտանիքի
ցանկությունների նկատառումով։ Որոշ էջեր ցույց են տալիս միայն սկզբնատառեր, մյուսները
ընդհանրապես չեն հրապարակվում։ Ներքին նշումները և ընտանիքների կոնտակտները երբեք չեն
ցուցադրվում։
""",
    },
    Page.Slug.CONTACT: {
        "title_en": "Contact",
        "title_fr": "Contact",
        "title_hy": "Կապ",
        "summary_en": "How to reach the Libertas collective.",
        "summary_fr": "Comment joindre le collectif Libertas.",
        "summary_hy": "Ինչպես կապվել Լիբերտաս կոլեկտիվի հետ։",
        "body_en": """Write to the collective at contactlibertas2020@gmail.com. For a question
about one of the organisations, write to it directly: their contacts are below.

If you have information about a detainee or a disappeared person, please use the form on their
profile, or write to us. We never publish what you tell us without checking it first.
""",
        "body_fr": """Écrivez au collectif à contactlibertas2020@gmail.com. Pour une question
qui concerne l'une des organisations, écrivez-lui directement : ses coordonnées sont
ci-dessous.

Si vous avez des informations sur un détenu ou une personne disparue, utilisez le formulaire
de son profil, ou écrivez-nous. Nous ne publions jamais ce que vous nous dites sans l'avoir
vérifié.
""",
        "body_hy": """Գրեք կոլեկտիվին contactlibertas2020@gmail.com հասցեով։ Կազմակերպություններից
մեկին վերաբերող հարցի դեպքում գրեք անմիջապես նրան. կոնտակտները ներքևում են։

Եթե տեղեկություն ունեք կալանավորի կամ անհետացած անձի մասին, օգտվեք նրա էջի ձևից կամ
գրեք մեզ։ Մենք երբեք չենք հրապարակում ձեր հաղորդածը՝ առանց այն ստուգելու։
""",
    },
}


def load():
    for data in ORGANISATIONS:
        fields = {k: v for k, v in data.items() if k != "key"}
        Organisation.objects.update_or_create(name_en=data["key"], defaults=fields)
    for slug, fields in PAGES.items():
        Page.objects.update_or_create(slug=slug, defaults=fields)


# News and press releases: facts from the collective's releases, told in our own words.
NEWS = [
    {
        "slug": "release-of-32-prisoners-december-2023",
        "kind": NewsItem.Kind.PRESS_RELEASE,
        "published_at": datetime.datetime(2023, 12, 8, 10, 0, tzinfo=datetime.UTC),
        "detainees": ["sample-davit-hakobyan"],
        "title_en": "Thirty-two Armenians are coming home",
        "title_fr": "Trente-deux Arméniens rentrent chez eux",
        "title_hy": "Երեսուներկու հայ վերադառնում է տուն",
        "summary_en": (
            "Libertas welcomes the release of 32 prisoners of war and civilians agreed between "
            "Armenia and Azerbaijan, and asks for the freedom of the 23 still held."
        ),
        "summary_fr": (
            "Libertas salue la libération de 32 prisonniers de guerre et civils convenue entre "
            "l'Arménie et l'Azerbaïdjan, et demande la liberté des 23 qui restent détenus."
        ),
        "summary_hy": (
            "Լիբերտասը ողջունում է Հայաստանի և Ադրբեջանի միջև համաձայնեցված 32 ռազմագերու և "
            "խաղաղ բնակչի ազատ արձակումը և պահանջում է դեռ պահվող 23-ի ազատությունը։"
        ),
        "body_en": """Under an agreement between the two governments, Azerbaijan is releasing
32 Armenians: civilians taken in Shushi after the 2020 ceasefire, soldiers captured around
Hadrut in December 2020, and people seized in May 2021 and at the Lachin corridor checkpoint
in August 2023.

For some of them this comes three years late. The collective had asked cities, organisations
and public figures to sponsor them, and we thank every sponsor: their commitment has been
rewarded.

Twenty-three Armenians remain in Baku, among them the former leaders of Artsakh, who face
sentences of up to twenty years after trials that fall far short of fair-trial standards.
They must be released too, without conditions.
""",
        "body_fr": """En vertu d'un accord entre les deux gouvernements, l'Azerbaïdjan libère
32 Arméniens : des civils pris à Chouchi après le cessez-le-feu de 2020, des soldats capturés
autour de Hadrout en décembre 2020, et des personnes enlevées en mai 2021 puis au poste du
corridor de Latchine en août 2023.

Pour certains, cette libération arrive avec trois ans de retard. Le collectif avait demandé à
des villes, des organisations et des personnalités de les parrainer, et nous remercions chaque
parrain : leur engagement porte ses fruits.

Vingt-trois Arméniens restent détenus à Bakou, parmi lesquels les anciens dirigeants de
l'Artsakh, menacés de peines allant jusqu'à vingt ans après des procès qui ne respectent pas
les garanties d'un procès équitable. Eux aussi doivent être libérés, sans condition.
""",
        "body_hy": """Երկու կառավարությունների համաձայնությամբ Ադրբեջանն ազատ է արձակում
32 հայի. 2020 թվականի հրադադարից հետո Շուշիում գերեվարված խաղաղ բնակիչների, 2020 թվականի
դեկտեմբերին Հադրութի շրջակայքում գերի ընկած զինվորների, ինչպես նաև 2021 թվականի մայիսին
և 2023 թվականի օգոստոսին Լաչինի միջանցքի անցակետում առևանգված մարդկանց։

Ոմանց համար սա ուշացել է երեք տարով։ Կոլեկտիվը քաղաքներին, կազմակերպություններին և
հանրային գործիչներին խնդրել էր հովանավորել նրանց, և մենք շնորհակալ ենք յուրաքանչյուր
հովանավորի. նրանց նվիրումը արդյունք տվեց։

Բաքվում մնում է քսաներեք հայ, այդ թվում՝ Արցախի նախկին ղեկավարները, որոնց սպառնում է
մինչև քսան տարվա ազատազրկում արդար դատաքննության չափանիշներից հեռու դատավարություններից
հետո։ Նրանք նույնպես պետք է ազատ արձակվեն՝ առանց պայմանների։
""",
    },
    {
        "slug": "two-soldiers-taken-in-syunik-may-2023",
        "kind": NewsItem.Kind.PRESS_RELEASE,
        "published_at": datetime.datetime(2023, 6, 5, 10, 0, tzinfo=datetime.UTC),
        "detainees": [],
        "title_en": "Two Armenian soldiers seized on Armenian soil",
        "title_fr": "Deux soldats arméniens enlevés en territoire arménien",
        "title_hy": "Երկու հայ զինվոր առևանգվել է Հայաստանի տարածքում",
        "summary_en": (
            "On 26 May 2023 two soldiers bringing supplies to border posts in Syunik were "
            "ambushed and taken to Azerbaijan."
        ),
        "summary_fr": (
            "Le 26 mai 2023, deux soldats qui ravitaillaient des postes frontière du Syunik ont "
            "été pris dans une embuscade et emmenés en Azerbaïdjan."
        ),
        "summary_hy": (
            "2023 թվականի մայիսի 26-ին Սյունիքի սահմանային դիրքեր պարեն տանող երկու "
            "զինվոր դարանակալման ենթարկվեցին և տարվեցին Ադրբեջան։"
        ),
        "body_en": """Two Armenian soldiers were driving supplies to units guarding the border
in Syunik province when they were ambushed in the Shikahogh forest reserve, inside Armenia,
and taken across the border. Azerbaijan has brought six charges against them, terrorism
among them.

Armenia has asked the European Court of Human Rights to require urgent information on their
health and conditions of detention.

These two men join the 33 prisoners of war recognised by the ICRC, who have been sentenced
to terms of four to twenty years in breach of the Third Geneva Convention, and the 100 to
200 people whose capture Baku denies. We ask France and the European Union to demand the
release of all of them.
""",
        "body_fr": """Deux soldats arméniens apportaient du ravitaillement aux unités qui
gardent la frontière dans la province du Syunik lorsqu'ils sont tombés dans une embuscade dans
la réserve forestière de Chikahogh, en Arménie, et ont été emmenés de l'autre côté de la
frontière. L'Azerbaïdjan a retenu six chefs d'accusation contre eux, dont le terrorisme.

L'Arménie a demandé à la Cour européenne des droits de l'homme d'exiger des informations
urgentes sur leur santé et leurs conditions de détention.

Ces deux hommes s'ajoutent aux 33 prisonniers de guerre reconnus par le CICR, condamnés à des
peines de quatre à vingt ans en violation de la troisième convention de Genève, et aux 100 à
200 personnes dont Bakou nie la capture. Nous demandons à la France et à l'Union européenne
d'exiger leur libération à tous.
""",
        "body_hy": """Երկու հայ զինվոր պարեն էին տանում Սյունիքի մարզում սահմանը պահող
ստորաբաժանումներին, երբ Հայաստանի տարածքում՝ Շիկահողի արգելոցում, ենթարկվեցին
դարանակալման և տարվեցին սահմանի մյուս կողմ։ Ադրբեջանը նրանց վեց մեղադրանք է
առաջադրել, այդ թվում՝ ահաբեկչություն։

Հայաստանը Մարդու իրավունքների եվրոպական դատարանին խնդրել է պահանջել շտապ տեղեկություններ
նրանց առողջության և պահման պայմանների մասին։

Այս երկուսը միանում են ԿԽՄԿ-ի կողմից ճանաչված 33 ռազմագերիներին, որոնք Ժնևի երրորդ
կոնվենցիայի խախտմամբ դատապարտվել են չորսից քսան տարվա ազատազրկման, և այն 100-ից 200
մարդկանց, որոնց գերեվարումը Բաքուն ժխտում է։ Մենք կոչ ենք անում Ֆրանսիային և Եվրոպական
միությանը պահանջել բոլորի ազատ արձակումը։
""",
    },
    {
        "slug": "condemn-hate-speech-april-2023",
        "kind": NewsItem.Kind.STATEMENT,
        "published_at": datetime.datetime(2023, 4, 27, 10, 0, tzinfo=datetime.UTC),
        "detainees": [],
        "title_en": "We ask France to condemn hate speech against Armenians",
        "title_fr": "Nous demandons à la France de condamner la haine visant les Arméniens",
        "title_hy": "Կոչ ենք անում Ֆրանսիային դատապարտել հայերի դեմ ատելության խոսքը",
        "summary_en": (
            "Ahead of the French foreign minister's visit to the South Caucasus, the three NGOs "
            "ask her to condemn a declaration of the Azerbaijani parliament."
        ),
        "summary_fr": (
            "Avant la visite de la ministre française des Affaires étrangères au Caucase du Sud, "
            "les trois ONG lui demandent de condamner une déclaration du Parlement azerbaïdjanais."
        ),
        "summary_hy": (
            "Ֆրանսիայի արտգործնախարարի Հարավային Կովկաս այցից առաջ երեք ՀԿ-ները խնդրում են "
            "նրան դատապարտել Ադրբեջանի խորհրդարանի հայտարարությունը։"
        ),
        "body_en": """In March 2023 the Azerbaijani parliament called the Armenian diaspora a
"cancerous tumour of Europe". Those words target French and European citizens because of
their origin, and the history of the twentieth century shows where such language leads.

The Mayor of Lyon and the France-Armenia friendship group of the National Assembly have
already condemned it. We ask the Minister for Europe and Foreign Affairs to do the same, and to
tell the Azerbaijani authorities that racism against French citizens has no place in relations
between the two countries.
""",
        "body_fr": """En mars 2023, le Parlement azerbaïdjanais a qualifié la diaspora
arménienne de « tumeur cancéreuse de l'Europe ». Ces mots visent des citoyens français et
européens en raison de leur origine, et l'histoire du XXe siècle montre où mène un tel langage.

Le maire de Lyon et le groupe d'amitié France-Arménie de l'Assemblée nationale l'ont déjà
condamné. Nous demandons à la ministre de l'Europe et des Affaires étrangères d'en faire autant,
et de dire aux autorités azerbaïdjanaises que le racisme envers des citoyens français n'a pas
sa place dans les relations entre les deux pays.
""",
        "body_hy": """2023 թվականի մարտին Ադրբեջանի խորհրդարանը հայկական սփյուռքն անվանեց
«Եվրոպայի քաղցկեղային ուռուցք»։ Այդ խոսքերն ուղղված են ֆրանսիացի և եվրոպացի
քաղաքացիներին՝ նրանց ծագման պատճառով, իսկ քսաներորդ դարի պատմությունը ցույց է տալիս,
թե ուր է տանում նման լեզուն։

Լիոնի քաղաքապետը և Ազգային ժողովի Ֆրանսիա-Հայաստան բարեկամական խումբն արդեն
դատապարտել են այն։ Մենք խնդրում ենք Եվրոպայի և արտաքին գործերի նախարարին նույնն անել և
Ադրբեջանի իշխանություններին ասել, որ ֆրանսիացի քաղաքացիների դեմ ռասիզմը տեղ չունի երկու
երկրների հարաբերություններում։
""",
    },
]

SAMPLE_EVENT = {
    "en": "Sample event for the demonstration.",
    "fr": "Événement d'exemple pour la démonstration.",
    "hy": "Օրինակելի միջոցառում ցուցադրության համար։",
}

# Days from today, so the demo always has upcoming and past events.
EVENTS = [
    {
        "slug": "sample-rally-geneva",
        "kind": Event.Kind.PROTEST,
        "days": 21,
        "hour": 14,
        "hours": 2,
        "time_zone": "Europe/Zurich",
        "city": "Geneva",
        "country": Country.CH,
        "detainees": ["sample-aram-petrosyan", "sample-levon-sargsyan"],
        "sponsors": "",
        "title": (
            "Rally for the prisoners at the Place des Nations",
            "Rassemblement pour les prisonniers place des Nations",
            "Հավաք բանտարկյալների համար Ազգերի հրապարակում",
        ),
        "place": ("Place des Nations", "Place des Nations", "Ազգերի հրապարակ"),
        "description": (
            "We gather in front of the United Nations to read the names of the people still "
            "held in Baku.",
            "Nous nous rassemblons devant les Nations unies pour lire les noms des personnes "
            "encore détenues à Bakou.",
            "Հավաքվում ենք ՄԱԿ-ի շենքի առջև՝ կարդալու Բաքվում դեռ պահվող մարդկանց անունները։",
        ),
    },
    {
        "slug": "sample-conference-lyon",
        "kind": Event.Kind.CONFERENCE,
        "days": 45,
        "hour": 19,
        "hours": 2,
        "time_zone": "Europe/Paris",
        "city": "Lyon",
        "country": Country.FR,
        "detainees": [],
        "sponsors": "",
        "title": (
            "Prisoners of war and international law",
            "Prisonniers de guerre et droit international",
            "Ռազմագերիները և միջազգային իրավունքը",
        ),
        "place": ("Town hall", "Hôtel de ville", "Քաղաքապետարան"),
        "description": (
            "Lawyers explain what the Third Geneva Convention requires and what the European "
            "Court of Human Rights has ordered.",
            "Des juristes expliquent ce qu'exige la troisième convention de Genève et ce qu'a "
            "ordonné la Cour européenne des droits de l'homme.",
            "Իրավաբանները բացատրում են, թե ինչ է պահանջում Ժնևի երրորդ կոնվենցիան և ինչ է "
            "որոշել Մարդու իրավունքների եվրոպական դատարանը։",
        ),
    },
    {
        "slug": "sample-signing-paris",
        "kind": Event.Kind.SIGNING,
        "days": -60,
        "hour": 11,
        "hours": 1,
        "time_zone": "Europe/Paris",
        "city": "Paris",
        "country": Country.FR,
        "detainees": ["sample-hasmik-grigoryan"],
        "sponsors": "A sample city council",
        "title": (
            "Public signing of a sponsorship",
            "Signature publique d'un parrainage",
            "Հովանավորության հրապարակային ստորագրում",
        ),
        "place": ("Council chamber", "Salle du conseil", "Խորհրդի դահլիճ"),
        "description": (
            "A city council signs its sponsorship agreement in public.",
            "Un conseil municipal signe en public sa convention de parrainage.",
            "Քաղաքային խորհուրդը հրապարակավ ստորագրում է հովանավորության համաձայնագիրը։",
        ),
    },
]

PETITION = {
    "title_en": "Free every Armenian held in Azerbaijan",
    "title_fr": "Libérez tous les Arméniens détenus en Azerbaïdjan",
    "title_hy": "Ազատե՛ք Ադրբեջանում պահվող բոլոր հայերին",
    "addressees_en": (
        "The President of the French Republic\n"
        "The President of the European Commission\n"
        "The Secretary General of the Council of Europe\n"
        "The Secretary-General of the United Nations"
    ),
    "addressees_fr": (
        "Le président de la République française\n"
        "La présidente de la Commission européenne\n"
        "Le secrétaire général du Conseil de l'Europe\n"
        "Le secrétaire général des Nations unies"
    ),
    "addressees_hy": (
        "Ֆրանսիայի Հանրապետության նախագահ\n"
        "Եվրոպական հանձնաժողովի նախագահ\n"
        "Եվրոպայի խորհրդի գլխավոր քարտուղար\n"
        "ՄԱԿ-ի գլխավոր քարտուղար"
    ),
    "text_en": """The ceasefire of 9 November 2020 promised the exchange of all prisoners.
Armenia kept its word; Azerbaijan still holds prisoners of war, civilians and the former
leaders of Artsakh, and denies holding dozens of others last seen in its custody.

We ask you to:

- demand the immediate and unconditional release of every Armenian held in Azerbaijan;
- demand that the ICRC may visit every detainee, the political leaders included;
- demand the truth about the forcibly disappeared;
- make these demands a condition of your relations with Azerbaijan.
""",
    "text_fr": """Le cessez-le-feu du 9 novembre 2020 promettait l'échange de tous les
prisonniers. L'Arménie a tenu parole ; l'Azerbaïdjan détient toujours des prisonniers de
guerre, des civils et les anciens dirigeants de l'Artsakh, et nie détenir des dizaines
d'autres personnes vues pour la dernière fois entre ses mains.

Nous vous demandons :

- d'exiger la libération immédiate et sans condition de tous les Arméniens détenus en
  Azerbaïdjan ;
- d'exiger que le CICR puisse rendre visite à chaque détenu, y compris aux dirigeants
  politiques ;
- d'exiger la vérité sur les disparus forcés ;
- de faire de ces demandes une condition de vos relations avec l'Azerbaïdjan.
""",
    "text_hy": """2020 թվականի նոյեմբերի 9-ի հրադադարը խոստանում էր բոլոր գերիների
փոխանակում։ Հայաստանը կատարեց իր խոստումը, իսկ Ադրբեջանը դեռ պահում է ռազմագերիների,
խաղաղ բնակիչների և Արցախի նախկին ղեկավարներին, և ժխտում է տասնյակ այլ մարդկանց
պահելը, որոնց վերջին անգամ տեսել են իր կալանքի տակ։

Խնդրում ենք ձեզ՝

- պահանջել Ադրբեջանում պահվող բոլոր հայերի անհապաղ և անվերապահ ազատ արձակումը.
- պահանջել, որ ԿԽՄԿ-ն կարողանա այցելել յուրաքանչյուր կալանավորի, այդ թվում՝
  քաղաքական ղեկավարներին.
- պահանջել ճշմարտությունը բռնի անհետացածների մասին.
- այս պահանջները դարձնել Ադրբեջանի հետ ձեր հարաբերությունների պայման։
""",
    "goal": 10000,
}

LETTER_EN = """Dear {greeting},

I am writing to you about the Armenians still held in Azerbaijan: prisoners of war, civilians
and the former leaders of Artsakh. The ceasefire of 9 November 2020 promised the exchange of
all prisoners, yet these people are still in prison, many after trials that did not meet the
most basic standards.

Among them:
{detainees}

{ask}

Yours faithfully,
{sender_name}
"""

LETTER_FR = """{greeting},

Je vous écris au sujet des Arméniens toujours détenus en Azerbaïdjan : des prisonniers de
guerre, des civils et les anciens dirigeants de l'Artsakh. Le cessez-le-feu du 9 novembre 2020
promettait l'échange de tous les prisonniers ; pourtant ces personnes sont toujours en prison,
souvent après des procès qui n'ont pas respecté les garanties les plus élémentaires.

Parmi elles :
{detainees}

{ask}

Je vous prie d'agréer l'expression de ma haute considération.
{sender_name}
"""

EMBASSY_ASK_EN = (
    "I ask your government to release them without conditions, to let the ICRC visit every one "
    "of them, and to tell their families what has become of the people last seen in its custody."
)
EMBASSY_ASK_FR = (
    "Je demande à votre gouvernement de les libérer sans condition, de permettre au CICR de "
    "rendre visite à chacun d'eux, et de dire aux familles ce que sont devenues les personnes "
    "vues pour la dernière fois entre ses mains."
)
MEMBER_ASK_EN = (
    "I ask you to raise their case with the government, to press for their release in every "
    "dealing with Azerbaijan, and to support the work of the ICRC and the European Court of Human "
    "Rights on their behalf."
)


def _letter(template, greeting, ask):
    # Fill our own parts and keep the two placeholders the page fills for the visitor.
    return (
        template.replace("{greeting}", greeting)
        .replace("{ask}", ask)
        .replace("{detainees}", LetterTemplate.DETAINEES)
        .replace("{sender_name}", LetterTemplate.SENDER)
    )


def _embassy_letters(country, country_en, country_fr=None):
    letters = [
        {
            "country": country,
            "language": "en",
            "recipient_name": f"Embassy of the Republic of Azerbaijan in {country_en}",
            "recipient_title": "The Ambassador",
            "subject": "Release the Armenian prisoners",
            "body": _letter(LETTER_EN, "Ambassador", EMBASSY_ASK_EN),
        }
    ]
    if country_fr:
        letters.append(
            {
                "country": country,
                "language": "fr",
                "recipient_name": f"Ambassade de la République d'Azerbaïdjan {country_fr}",
                "recipient_title": "Monsieur l'Ambassadeur ou Madame l'Ambassadrice",
                "subject": "Libérez les prisonniers arméniens",
                "body": _letter(
                    LETTER_FR, "Monsieur l'Ambassadeur, Madame l'Ambassadrice", EMBASSY_ASK_FR
                ),
            }
        )
    return letters


LETTERS = [
    *_embassy_letters(Country.FR, "France", "en France"),
    *_embassy_letters(Country.BE, "Belgium", "en Belgique"),
    *_embassy_letters(Country.CH, "Switzerland", "en Suisse"),
    {
        "country": Country.GB,
        "language": "en",
        "recipient_name": "Your Member of Parliament",
        "recipient_title": "House of Commons",
        "recipient_address": "House of Commons\nLondon\nSW1A 0AA",
        "subject": "Armenians held in Azerbaijan",
        "body": _letter(LETTER_EN, "Member of Parliament", MEMBER_ASK_EN),
    },
    {
        "country": Country.US,
        "language": "en",
        "recipient_name": "Your Representative in Congress",
        "recipient_title": "U.S. House of Representatives",
        "subject": "Armenians held in Azerbaijan",
        "body": _letter(LETTER_EN, "Representative", MEMBER_ASK_EN),
    },
]


def load_actions():
    detainees = {d.slug: d for d in Detainee.objects.all()}
    for data in NEWS:
        fields = {k: v for k, v in data.items() if k not in ("slug", "detainees")}
        item, _created = NewsItem.objects.update_or_create(slug=data["slug"], defaults=fields)
        item.detainees.set([detainees[s] for s in data["detainees"] if s in detainees])
    today = timezone.localdate()
    for data in EVENTS:
        zone = zoneinfo.ZoneInfo(data["time_zone"])
        day = today + datetime.timedelta(days=data["days"])
        starts = datetime.datetime.combine(day, datetime.time(data["hour"]), tzinfo=zone)
        fields = {
            "kind": data["kind"],
            "starts_at": starts,
            "ends_at": starts + datetime.timedelta(hours=data["hours"]),
            "time_zone": data["time_zone"],
            "city": data["city"],
            "country": data["country"],
            "sponsors": data["sponsors"],
        }
        for field in ("title", "place"):
            fields.update(zip((f"{field}_{code}" for code in LANGS), data[field], strict=True))
        for code, text in zip(LANGS, data["description"], strict=True):
            fields[f"description_{code}"] = f"{SAMPLE_EVENT[code]} {text}"
        event, _created = Event.objects.update_or_create(slug=data["slug"], defaults=fields)
        event.detainees.set([detainees[s] for s in data["detainees"] if s in detainees])
    Petition.objects.update_or_create(title_en=PETITION["title_en"], defaults=PETITION)
    for data in LETTERS:
        fields = {k: v for k, v in data.items() if k not in ("country", "language")}
        LetterTemplate.objects.update_or_create(
            country=data["country"], language=data["language"], defaults=fields
        )
