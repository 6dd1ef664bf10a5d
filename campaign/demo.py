"""Demo content for the campaign app: NGOs, news, events, petition, letters.

Facts come from the campaign's own brochure; the sentences are ours. Loading is
idempotent: records are found by a natural key and updated, never duplicated.
"""

import datetime
import zoneinfo

from django.utils import timezone

from campaign.forms import NEWS_IMAGE_MAX_BYTES, NEWS_IMAGE_MAX_PIXELS
from campaign.models import (
    Country,
    DecisionMaker,
    Event,
    LetterTemplate,
    NewsItem,
    Organisation,
    Petition,
    Signature,
)
from common import illustrations, images
from prisoners.models import Detainee

LANGS = ("en", "fr", "hy")

ORGANISATIONS = [
    {
        "key": "Covcas Center for Law and Conflict Resolution",
        "name_en": "Covcas Center for Law and Conflict Resolution",
        "name_fr": "Centre Covcas pour le droit et la résolution des conflits",
        "name_hy": "Իրավունքի և հակամարտությունների կարգավորման «Կովկաս» կենտրոն",
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
        "order": 1,
    },
    {
        "key": "Hyestart",
        "name_en": "Hyestart",
        "name_fr": "Hyestart",
        "name_hy": "Hyestart",
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
        "name_fr": "Observatoire d’arménophobie",
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


def load():
    # Created when missing, never updated: what staff changed stays (see load_actions).
    for data in ORGANISATIONS:
        fields = {k: v for k, v in data.items() if k != "key"}
        Organisation.objects.get_or_create(name_en=data["key"], defaults=fields)


# News and press releases: facts from the collective's releases, told in our own words.
NEWS = [
    {
        "slug": "release-of-32-prisoners-december-2023",
        "image": "release-of-32-prisoners-december-2023",
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
            "Libertas կոլեկտիվը ողջունում է Հայաստանի և Ադրբեջանի միջև համաձայնեցված 32 ռազմագերու և "
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
        "image": "two-soldiers-taken-in-syunik-may-2023",
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
        "city": ("Geneva", "Genève", "Ժնև"),
        "country": Country.CH,
        "detainees": ["sample-aram-petrosyan", "sample-levon-sargsyan"],
        "sponsors": ("", "", ""),
        "title": (
            "Rally for the prisoners at the Place des Nations",
            "Rassemblement pour les détenus place des Nations",
            "Հավաք կալանավորների համար Ազգերի հրապարակում",
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
        "city": ("Lyon", "Lyon", "Լիոն"),
        "country": Country.FR,
        "detainees": [],
        "sponsors": ("", "", ""),
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
        "city": ("Paris", "Paris", "Փարիզ"),
        "country": Country.FR,
        "detainees": ["sample-hasmik-grigoryan"],
        "sponsors": (
            "A sample city council",
            "Un conseil municipal (exemple)",
            "Քաղաքային խորհուրդ (օրինակ)",
        ),
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
prisonniers de guerre et autres détenus. L'Arménie a tenu parole ; l'Azerbaïdjan détient toujours des prisonniers de
guerre, des civils et les anciens dirigeants de l'Artsakh, et nie détenir des dizaines
d'autres personnes vues pour la dernière fois entre ses mains.

Nous vous demandons :

- d'exiger la libération immédiate et sans condition de tous les Arméniens détenus en
  Azerbaïdjan ;
- d'exiger que le CICR puisse rendre visite à chaque détenu, y compris aux dirigeants
  politiques ;
- d'exiger la vérité sur les disparus de force ;
- de faire de ces demandes une condition de vos relations avec l'Azerbaïdjan.
""",
    "text_hy": """2020 թվականի նոյեմբերի 9-ի հրադադարը խոստանում էր բոլոր ռազմագերիների
և այլ կալանավորների փոխանակում։ Հայաստանը կատարեց իր խոստումը, իսկ Ադրբեջանը դեռ պահում է ռազմագերիների,
խաղաղ բնակիչների և Արցախի նախկին ղեկավարներին, և ժխտում է տասնյակ այլ մարդկանց
պահելը, որոնց վերջին անգամ տեսել են իր կալանքի տակ։

Խնդրում ենք Ձեզ՝

- պահանջել Ադրբեջանում պահվող բոլոր հայերի անհապաղ և անվերապահ ազատ արձակումը.
- պահանջել, որ ԿԽՄԿ-ն կարողանա այցելել յուրաքանչյուր կալանավորի, այդ թվում՝
  քաղաքական ղեկավարներին.
- պահանջել ճշմարտությունը բռնի անհետացածների մասին.
- այս պահանջները դարձնել Ադրբեջանի հետ Ձեր հարաբերությունների պայման։
""",
    "goal": 10000,
}

# One line a paragraph: the visitor's mail program wraps it.
LETTER_EN = (
    "\n\n".join(
        [
            "Dear {greeting},",
            (
                "I am writing to you about the Armenians still held in Azerbaijan: prisoners of war, "
                "civilians and the former leaders of Artsakh. The ceasefire of 9 November 2020 "
                "promised the exchange of all prisoners, yet these people are still in prison, many "
                "after trials that did not meet the most basic standards."
            ),
            "Among them:\n{detainees}",
            "{ask}",
            "Yours faithfully,\n{sender_name}",
        ]
    )
    + "\n"
)

# One line a paragraph: the visitor's mail program wraps it.
LETTER_FR = (
    "\n\n".join(
        [
            "{greeting},",
            (
                "Je vous écris au sujet des Arméniens toujours détenus en Azerbaïdjan : des "
                "prisonniers de guerre, des civils et les anciens dirigeants de l'Artsakh. Le cessez-"
                "le-feu du 9 novembre 2020 promettait l'échange de tous les prisonniers ; pourtant "
                "ces personnes sont toujours en prison, souvent après des procès qui n'ont pas "
                "respecté les garanties les plus élémentaires."
            ),
            "Parmi elles :\n{detainees}",
            "{ask}",
            "Je vous prie d'agréer l'expression de ma haute considération.\n{sender_name}",
        ]
    )
    + "\n"
)

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
MEMBER_ASK_FR = (
    "Je vous demande de porter leur cas auprès du gouvernement, d'exiger leur libération dans "
    "chacune de nos relations avec l'Azerbaïdjan, et de soutenir en leur faveur le travail du "
    "CICR et de la Cour européenne des droits de l'homme."
)

# The Armenian letter is written in Armenian, not the English one with names in Armenian
# letters: the page fills {detainees} with the names in the letter's own script.
# One line a paragraph: the visitor's mail program wraps it.
LETTER_HY = (
    "\n\n".join(
        [
            "{greeting},",
            (
                "Գրում եմ Ձեզ Ադրբեջանում դեռևս պահվող հայերի՝ ռազմագերիների, խաղաղ բնակիչների և "
                "Արցախի նախկին ղեկավարների մասին։ 2020 թվականի նոյեմբերի 9-ի հրադադարը խոստանում էր "
                "բոլոր գերիների փոխանակում, սակայն այս մարդիկ դեռ բանտում են, շատերը՝ "
                "դատավարություններից հետո, որոնք չեն համապատասխանել ամենատարրական երաշխիքներին։"
            ),
            "Նրանց թվում են՝\n{detainees}",
            "{ask}",
            "Խորին հարգանքով՝\n{sender_name}",
        ]
    )
    + "\n"
)

EMBASSY_ASK_HY = (
    "Խնդրում եմ, որ Ձեր կառավարությունն առանց պայմանների ազատ արձակի նրանց, թույլ տա "
    "Կարմիր խաչի միջազգային կոմիտեին այցելել նրանցից յուրաքանչյուրին և ընտանիքներին հայտնի, "
    "թե ինչ է պատահել այն մարդկանց հետ, որոնց վերջին անգամ տեսել են Ադրբեջանի կալանքի տակ։"
)
MEMBER_ASK_HY = (
    "Խնդրում եմ Ձեզ նրանց հարցը բարձրացնել կառավարության առջև, Ադրբեջանի հետ յուրաքանչյուր "
    "շփման ժամանակ պահանջել նրանց ազատ արձակումը և աջակցել Կարմիր խաչի միջազգային կոմիտեի "
    "ու Մարդու իրավունքների եվրոպական դատարանի աշխատանքին՝ հանուն նրանց։"
)


def _letter(template, greeting, ask):
    # Fill our own parts and keep the two placeholders the page fills for the visitor.
    return (
        template.replace("{greeting}", greeting)
        .replace("{ask}", ask)
        .replace("{detainees}", LetterTemplate.DETAINEES)
        .replace("{sender_name}", LetterTemplate.SENDER)
    )


def _embassy_letters(country, in_country):
    """The letter to Azerbaijan's embassy in `country`, in each language: `in_country` is
    "in France", "en France", "Ֆրանսիայում"."""
    in_en, in_fr, in_hy = in_country
    return [
        {
            "country": country,
            "language": "en",
            "recipient_name": f"Embassy of the Republic of Azerbaijan {in_en}",
            "recipient_title": "The Ambassador",
            "subject": "Release the Armenians held in Azerbaijan",
            "body": _letter(LETTER_EN, "Ambassador", EMBASSY_ASK_EN),
        },
        {
            "country": country,
            "language": "fr",
            "recipient_name": f"Ambassade de la République d'Azerbaïdjan {in_fr}",
            "recipient_title": "Monsieur l'Ambassadeur ou Madame l'Ambassadrice",
            "subject": "Libérez les Arméniens détenus en Azerbaïdjan",
            "body": _letter(
                LETTER_FR, "Monsieur l'Ambassadeur, Madame l'Ambassadrice", EMBASSY_ASK_FR
            ),
        },
        {
            "country": country,
            "language": "hy",
            "recipient_name": f"Ադրբեջանի Հանրապետության դեսպանատուն {in_hy}",
            "recipient_title": "Դեսպան",
            "subject": "Ազատ արձակեք Ադրբեջանում պահվող հայերին",
            "body": _letter(
                LETTER_HY, "Հարգելի՛ պարոն դեսպան, հարգելի՛ տիկին դեսպան", EMBASSY_ASK_HY
            ),
        },
    ]


def _member_letters(country, recipients, address="", kind=""):
    """The letter to a member of `country`'s parliament, in each language: `recipients` holds
    (recipient, their house, greeting) in English, French and Armenian. With `kind`, the
    letter for that kind of decision maker only (a country's embassy letter is for the rest)."""
    asks = {"en": (LETTER_EN, MEMBER_ASK_EN), "fr": (LETTER_FR, MEMBER_ASK_FR)}
    asks["hy"] = (LETTER_HY, MEMBER_ASK_HY)
    subjects = {
        "en": "Armenians held in Azerbaijan",
        "fr": "Les Arméniens détenus en Azerbaïdjan",
        "hy": "Ադրբեջանում պահվող հայերը",
    }
    letters = []
    for language, (recipient, house, greeting) in zip(LANGS, recipients, strict=True):
        template, ask = asks[language]
        letters.append(
            {
                "country": country,
                "recipient_kind": kind,
                "language": language,
                "recipient_name": recipient,
                "recipient_title": house,
                "recipient_address": address,
                "subject": subjects[language],
                "body": _letter(template, greeting, ask),
            }
        )
    return letters


# Every country with a letter has it in the three languages, and every other country offered
# gets the one for "another country" (campaign/tests/test_take_action). Not Armenia's: Azerbaijan
# has no embassy there, so Armenians write to their member of the National Assembly.
LETTERS = [
    *_embassy_letters(Country.OTHER, ("in your country", "dans votre pays", "Ձեր երկրում")),
    *_member_letters(
        Country.AM,
        [
            (
                "Your Member of the National Assembly",
                "National Assembly of the Republic of Armenia",
                "Member of Parliament",
            ),
            (
                "Votre député à l'Assemblée nationale",
                "Assemblée nationale de la République d'Arménie",
                "Madame la Députée, Monsieur le Député",
            ),
            ("Ձեր պատգամավորը", "Հայաստանի Հանրապետության Ազգային ժողով", "Հարգելի՛ պատգամավոր"),
        ],
        address="19 Marshal Baghramyan Avenue\nYerevan 0095\nArmenia",
    ),
    *_embassy_letters(Country.FR, ("in France", "en France", "Ֆրանսիայում")),
    # France's decision makers other than the embassy are asked to act, not to release.
    *_member_letters(
        Country.FR,
        [
            (
                "Your member of the National Assembly",
                "Assemblée nationale",
                "Member of the National Assembly",
            ),
            ("Votre député", "Assemblée nationale", "Madame la Députée, Monsieur le Député"),
            ("Ձեր պատգամավորը", "Ֆրանսիայի Ազգային ժողով", "Հարգելի՛ պատգամավոր"),
        ],
        kind=DecisionMaker.Kind.MEMBER_OF_PARLIAMENT,
    ),
    *_member_letters(
        Country.FR,
        [
            (
                "Your member of the European Parliament",
                "European Parliament",
                "Member of the European Parliament",
            ),
            (
                "Votre député européen",
                "Parlement européen",
                "Madame la Députée, Monsieur le Député",
            ),
            ("Ձեր պատգամավորը", "Եվրոպական խորհրդարան", "Հարգելի՛ պատգամավոր"),
        ],
        kind=DecisionMaker.Kind.MEMBER_OF_EUROPEAN_PARLIAMENT,
    ),
    *_member_letters(
        Country.FR,
        [
            ("Minister for Europe and Foreign Affairs", "", "Minister"),
            (
                "Ministre de l'Europe et des Affaires étrangères",
                "",
                "Madame la Ministre, Monsieur le Ministre",
            ),
            ("Եվրոպայի և արտաքին գործերի նախարար", "", "Հարգելի՛ նախարար"),
        ],
        kind=DecisionMaker.Kind.FOREIGN_MINISTRY,
    ),
    *_embassy_letters(Country.BE, ("in Belgium", "en Belgique", "Բելգիայում")),
    *_embassy_letters(Country.CH, ("in Switzerland", "en Suisse", "Շվեյցարիայում")),
    *_member_letters(
        Country.GB,
        [
            ("Your Member of Parliament", "House of Commons", "Member of Parliament"),
            (
                "Votre député à la Chambre des communes",
                "Chambre des communes",
                "Madame la Députée, Monsieur le Député",
            ),
            ("Ձեր պատգամավորը", "Համայնքների պալատ", "Հարգելի՛ պատգամավոր"),
        ],
        address="House of Commons\nLondon\nSW1A 0AA",
    ),
    *_member_letters(
        Country.US,
        [
            ("Your Representative in Congress", "U.S. House of Representatives", "Representative"),
            (
                "Votre représentant au Congrès",
                "Chambre des représentants des États-Unis",
                "Madame la Représentante, Monsieur le Représentant",
            ),
            (
                "Ձեր ներկայացուցիչը Կոնգրեսում",
                "ԱՄՆ Ներկայացուցիչների պալատ",
                "Հարգելի՛ ներկայացուցիչ",
            ),
        ],
    ),
]


# Decision makers a visitor may pick. Only institutions' published postal addresses, which
# staff should still check before the launch; no e-mail address: institutions change them and
# a wrong one loses the letter, so the visitor is told to print and post.
DECISION_MAKERS = [
    {
        "country": Country.FR,
        "kind": DecisionMaker.Kind.EMBASSY,
        "name": (
            "Embassy of the Republic of Azerbaijan in France",
            "Ambassade de la République d'Azerbaïdjan en France",
            "Ադրբեջանի Հանրապետության դեսպանատուն Ֆրանսիայում",
        ),
        "title": ("The Ambassador", "Monsieur l'Ambassadeur ou Madame l'Ambassadrice", "Դեսպան"),
        "postal_address": "78, avenue d'Iéna\n75116 Paris\nFrance",
    },
    {
        "country": Country.FR,
        "kind": DecisionMaker.Kind.FOREIGN_MINISTRY,
        "name": (
            "Minister for Europe and Foreign Affairs",
            "Ministre de l'Europe et des Affaires étrangères",
            "Եվրոպայի և արտաքին գործերի նախարար",
        ),
        "title": ("", "", ""),
        "postal_address": "37, quai d'Orsay\n75351 Paris 07 SP\nFrance",
    },
    {
        "country": Country.FR,
        "kind": DecisionMaker.Kind.MEMBER_OF_PARLIAMENT,
        "name": ("Your member of the National Assembly", "Votre député", "Ձեր պատգամավորը"),
        "title": ("Assemblée nationale", "Assemblée nationale", "Ազգային ժողով"),
        "postal_address": "126, rue de l'Université\n75355 Paris 07 SP\nFrance",
    },
    {
        "country": Country.FR,
        "kind": DecisionMaker.Kind.MEMBER_OF_EUROPEAN_PARLIAMENT,
        "name": (
            "Your member of the European Parliament",
            "Votre député européen",
            "Ձեր պատգամավորը Եվրոպական խորհրդարանում",
        ),
        "title": ("European Parliament", "Parlement européen", "Եվրոպական խորհրդարան"),
        "postal_address": "Rue Wiertz 60\n1047 Bruxelles\nBelgique",
    },
    {
        "country": Country.GB,
        "kind": DecisionMaker.Kind.MEMBER_OF_PARLIAMENT,
        "name": ("Your Member of Parliament", "Votre député", "Ձեր պատգամավորը"),
        "title": ("House of Commons", "Chambre des communes", "Համայնքների պալատ"),
        "postal_address": "London\nSW1A 0AA\nUnited Kingdom",
    },
    {
        "country": Country.AM,
        "kind": DecisionMaker.Kind.MEMBER_OF_PARLIAMENT,
        "name": ("Your Member of the National Assembly", "Votre député", "Ձեր պատգամավորը"),
        "title": (
            "National Assembly of the Republic of Armenia",
            "Assemblée nationale de la République d'Arménie",
            "Հայաստանի Հանրապետության Ազգային ժողով",
        ),
        "postal_address": "19 Marshal Baghramyan Avenue\nYerevan 0095\nArmenia",
    },
]


def load_decision_makers():
    for order, data in enumerate(DECISION_MAKERS):
        fields = {"postal_address": data["postal_address"], "order": order}
        for field in ("name", "title"):
            fields.update(zip((f"{field}_{code}" for code in LANGS), data[field], strict=True))
        DecisionMaker.objects.get_or_create(
            country=data["country"], kind=data["kind"], name_en=data["name"][0], defaults=fields
        )


# A news picture is a drawing of a gathering, and its description says so.
NEWS_IMAGE_ALT = {
    "image_alt_en": "Illustration: people gathered with placards before two mountain peaks",
    "image_alt_fr": "Illustration : des personnes rassemblées avec des pancartes devant deux "
    "sommets",
    "image_alt_hy": "Նկարազարդում. պաստառներով հավաքված մարդիկ երկու լեռնագագաթների առջև",
}

# Invented signers, so the petition shows progress; their addresses are example.org ones.
FIRST_NAMES = ["Anna", "Gor", "Jane", "Luc", "Nune", "Paul", "Marie", "Ani", "Tom", "Lena"]
LAST_NAMES = ["Sample", "Example", "Placeholder", "Exemple", "Orinak", "Muster", "Démo"]
COUNTRIES = [("FR", "fr"), ("AM", "hy"), ("GB", "en"), ("BE", "fr"), ("CH", "fr"), ("US", "en")]
CONFIRMED_SIGNATURES = 64
UNCONFIRMED_SIGNATURES = 3


def _news_image(seed):
    image = illustrations.scene(seed, (1600, 900))
    upload = illustrations.as_upload(image, "news.jpg", "JPEG")
    # The checks and re-encoding of the admin's form.
    return images.reencode(upload, max_bytes=NEWS_IMAGE_MAX_BYTES, max_pixels=NEWS_IMAGE_MAX_PIXELS)


def _signatures(petition):
    """Sample signatures, all at once; the counter is then set from them (Petition.recount)."""
    now = timezone.now()
    rows = []
    for n in range(CONFIRMED_SIGNATURES + UNCONFIRMED_SIGNATURES):
        first = FIRST_NAMES[n % len(FIRST_NAMES)]
        last = LAST_NAMES[n // len(FIRST_NAMES) % len(LAST_NAMES)]
        country, language = COUNTRIES[n % len(COUNTRIES)]
        rows.append(
            Signature(
                petition=petition,
                name=f"{first} {last}",
                email=f"signer-{n + 1}@example.org",
                country=country,
                language=language,
                confirmed_at=now if n < CONFIRMED_SIGNATURES else None,
            )
        )
    Signature.objects.bulk_create(rows)
    petition.recount()


def load_actions():
    """News, events, the petition and letters: each created once by its natural key (slug,
    title, country and language) and never updated, so staff edits stay and a second load
    writes nothing."""
    detainees = {d.slug: d for d in Detainee.objects.all()}
    for data in NEWS:
        if NewsItem.objects.filter(slug=data["slug"]).exists():
            continue
        fields = {k: v for k, v in data.items() if k not in ("detainees", "image")}
        if "image" in data:
            fields.update(image=_news_image(data["image"]), **NEWS_IMAGE_ALT)
        item = NewsItem.objects.create(**fields)
        item.detainees.set([detainees[s] for s in data["detainees"] if s in detainees])
    today = timezone.localdate()
    for data in EVENTS:
        if Event.objects.filter(slug=data["slug"]).exists():
            continue
        zone = zoneinfo.ZoneInfo(data["time_zone"])
        day = today + datetime.timedelta(days=data["days"])
        starts = datetime.datetime.combine(day, datetime.time(data["hour"]), tzinfo=zone)
        fields = {
            "slug": data["slug"],
            "kind": data["kind"],
            "starts_at": starts,
            "ends_at": starts + datetime.timedelta(hours=data["hours"]),
            "time_zone": data["time_zone"],
            "country": data["country"],
        }
        for field in ("title", "place", "city", "sponsors"):
            fields.update(zip((f"{field}_{code}" for code in LANGS), data[field], strict=True))
        for code, text in zip(LANGS, data["description"], strict=True):
            fields[f"description_{code}"] = f"{SAMPLE_EVENT[code]} {text}"
        event = Event.objects.create(**fields)
        event.detainees.set([detainees[s] for s in data["detainees"] if s in detainees])
    petition, created = Petition.objects.get_or_create(
        title_en=PETITION["title_en"], defaults=PETITION
    )
    if created:
        _signatures(petition)
    for data in LETTERS:
        keys = ("country", "recipient_kind", "language")
        fields = {k: v for k, v in data.items() if k not in keys}
        LetterTemplate.objects.get_or_create(
            **{key: data.get(key, "") for key in keys}, defaults=fields
        )
    load_decision_makers()
