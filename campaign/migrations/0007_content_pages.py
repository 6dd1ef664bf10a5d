"""The content pages production needs, which the footer links on every page: about, how
sponsorship works, privacy and contact, in three languages. Staff edit them in the admin
afterwards; a page that already exists (from an earlier demo load) is left as it is."""

from django.db import migrations

PAGES = {
    "about": {
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
    "sponsorship": {
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
    "privacy": {
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
    "contact": {
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



def create_pages(apps, schema_editor):
    Page = apps.get_model("campaign", "Page")
    for slug, fields in PAGES.items():
        # The untranslated columns hold the default language, as modeltranslation keeps them.
        defaults = {**fields, **{name: fields[f"{name}_en"] for name in ("title", "summary", "body")}}
        Page.objects.get_or_create(slug=slug, defaults=defaults)


class Migration(migrations.Migration):
    dependencies = [("campaign", "0006_privacy_role")]

    # Going back leaves the pages: they may have been edited since.
    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
