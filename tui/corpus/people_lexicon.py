"""Word lists for telling people's names from other capitalized words in English news.

Deliberately generic: common countries, capitals and large cities, nationalities, organization
words, titles and honorifics, and common words that start sentences or headlines. Nothing here
is about any particular article. Everything is lower-case; callers compare `word.lower()`.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.lower().split())


# Honorifics: kept as aliases, stripped when choosing the canonical name.
HONORIFICS = _words(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady madam madame mme monsieur
    ayatollah grand seyyed seyed sayyid sayed syed sheikh shaikh hojatoleslam hojjatoleslam imam
    mullah rev rev. reverend father pope cardinal bishop archbishop rabbi emir sultan
    king queen prince princess crown his her highness majesty excellency hon hon.
    pastor doctor sister brother
    """
)

# Capitalized title words: "President Raisi", "Foreign Minister X", "Gen. Y".
TITLES = _words(
    """
    president vice prime minister ministers premier chancellor secretary general secretary-general
    deputy ambassador envoy spokesman spokeswoman spokesperson chairman chairwoman chair
    chairperson senator sen sen. rep rep. representative congressman congresswoman governor gov
    gov. mayor speaker chief director commander admiral colonel col col. gen gen. lt lt. major
    maj captain capt sergeant judge justice attorney leader supreme first second head diplomat
    officer lawmaker mp counterpart president-elect ceo chief-of-staff advisor adviser aide
    foreign interior defense defence oil petroleum economy economic finance trade energy health
    education culture agriculture industry labor labour transport roads intelligence affairs
    justice environment commerce treasury state home security national acting former late
    then-president then-prime deputy-minister executive managing assistant special senior top
    ministerial presidential parliamentary commissioner superintendent inspector detective
    treasurer surgeon sheriff prosecutor trooper constable presidents ministers senators
    governors democrat democrats republican republicans
    """
)

# Lower-case role nouns that can head a role phrase: "the Russian president", "the spokesman".
ROLE_NOUNS = _words(
    """
    president minister premier chancellor secretary ambassador envoy spokesman spokeswoman
    spokesperson chairman chairwoman chair chairperson senator congressman congresswoman
    governor mayor speaker chief director commander general admiral judge leader diplomat
    official lawmaker mp head king queen prince emir sultan ayatollah analyst expert adviser
    advisor aide negotiator representative ceo founder coach captain editor professor
    """
)

# Heads of state or government: "the Russian leader" can be a president or a prime minister.
LEADER_NOUNS = _words("president premier chancellor king queen emir sultan leader minister")

# Role nouns that are synonyms of one another when matching a role phrase against a role.
ROLE_SYNONYMS = (
    _words("chief head chairman chairwoman chair chairperson leader"),
    _words("spokesman spokeswoman spokesperson"),
    _words("adviser advisor aide"),
    _words("diplomat ambassador envoy minister"),
)

FEMALE_HONORIFICS = _words("mrs mrs. ms ms. miss madam madame mme lady dame queen princess")
MALE_HONORIFICS = _words("mr mr. sir lord king prince monsieur father")
FEMALE_ROLE_WORDS = _words("spokeswoman chairwoman congresswoman businesswoman")

# A short list of common female first names, for "she said" (no gender guessing beyond this).
FEMALE_FIRST_NAMES = _words(
    """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa margaret
    betty sandra ashley dorothy kimberly emily donna michelle carol amanda melissa deborah
    stephanie rebecca laura sharon cynthia kathleen amy shirley angela helen anna brenda pamela
    nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth maria
    heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith
    megan andrea cheryl hannah jacqueline martha gloria teresa theresa ann sara madison frances
    kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn danielle
    beverly isabella diana natalie brittany charlotte marie kayla alexis lori hillary kamala
    ursula jacinda liz angelika federica kaja giorgia annalena nikki sanna mette benazir indira
    golda yulia svetlana valentina fatima zahra maryam masoumeh leila nasrin shirin ayesha aisha
    malala hasina ngozi kristalina condoleezza madeleine yoko mariko yuriko sonia priyanka
    nirmala smriti mamata penny julia nicola kemi priti suella yvette annegret
    """
)

MONTHS = _words(
    """
    january february march april may june july august september october november december
    jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct.
    nov nov. dec dec.
    """
)
WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")

NATIONALITIES = _words(
    """
    american british english scottish welsh irish french german italian spanish portuguese dutch
    belgian swiss austrian swedish norwegian danish finnish icelandic polish czech slovak
    hungarian romanian bulgarian greek turkish cypriot russian ukrainian belarusian moldovan
    georgian armenian azerbaijani azeri kazakh uzbek turkmen kyrgyz tajik afghan pakistani indian
    bangladeshi sri lankan nepali chinese japanese korean mongolian vietnamese thai malaysian
    indonesian filipino singaporean australian canadian mexican brazilian argentine argentinian
    chilean colombian peruvian venezuelan cuban iranian iraqi syrian lebanese israeli
    palestinian jordanian saudi emirati qatari kuwaiti omani yemeni bahraini egyptian libyan
    tunisian algerian moroccan sudanese ethiopian kenyan nigerian ghanaian south african
    zimbabwean european asian african arab arabian persian western eastern northern southern
    soviet islamic muslim christian jewish sunni shia shiite kurdish baltic nordic caucasian
    siberian latin north korean emirati serbian croatian bosnian albanian slovenian estonian
    latvian lithuanian
    """
)

# Country names and the demonym their "X's president" becomes: "Iran's President" ~ "Iranian".
DEMONYMS = {
    "afghanistan": "afghan", "america": "american", "argentina": "argentine",
    "armenia": "armenian", "australia": "australian", "austria": "austrian",
    "azerbaijan": "azerbaijani", "bahrain": "bahraini", "belarus": "belarusian",
    "belgium": "belgian", "brazil": "brazilian", "britain": "british", "canada": "canadian",
    "chile": "chilean", "china": "chinese", "colombia": "colombian", "cuba": "cuban",
    "denmark": "danish", "egypt": "egyptian", "england": "english", "ethiopia": "ethiopian",
    "finland": "finnish", "france": "french", "georgia": "georgian", "germany": "german",
    "greece": "greek", "hungary": "hungarian", "india": "indian", "indonesia": "indonesian",
    "iran": "iranian", "iraq": "iraqi", "ireland": "irish", "israel": "israeli",
    "italy": "italian", "japan": "japanese", "jordan": "jordanian", "kazakhstan": "kazakh",
    "kenya": "kenyan", "korea": "korean", "kuwait": "kuwaiti", "lebanon": "lebanese",
    "libya": "libyan", "mexico": "mexican", "morocco": "moroccan", "netherlands": "dutch",
    "nigeria": "nigerian", "norway": "norwegian", "oman": "omani", "pakistan": "pakistani",
    "palestine": "palestinian", "poland": "polish", "portugal": "portuguese", "qatar": "qatari",
    "romania": "romanian", "russia": "russian", "serbia": "serbian", "spain": "spanish",
    "sudan": "sudanese", "sweden": "swedish", "switzerland": "swiss", "syria": "syrian",
    "tajikistan": "tajik", "thailand": "thai", "tunisia": "tunisian", "turkey": "turkish",
    "turkmenistan": "turkmen", "ukraine": "ukrainian", "uzbekistan": "uzbek",
    "venezuela": "venezuelan", "vietnam": "vietnamese", "yemen": "yemeni",
    "us": "american", "u.s.": "american", "usa": "american", "uk": "british",
}

PLACES = _words(
    """
    afghanistan albania algeria america andorra angola argentina armenia australia austria
    azerbaijan bahrain bangladesh belarus belgium bolivia bosnia brazil britain bulgaria burma
    cambodia cameroon canada chad chile china colombia congo croatia cuba cyprus czechia denmark
    ecuador egypt england eritrea estonia ethiopia europe finland france gaza georgia germany
    ghana greece guatemala haiti honduras hungary iceland india indonesia iran iraq ireland
    israel italy japan jordan kazakhstan kenya korea kosovo kuwait kyrgyzstan laos latvia
    lebanon libya lithuania luxembourg malaysia mali malta mexico moldova mongolia montenegro
    morocco mozambique myanmar nepal netherlands nicaragua niger nigeria norway oman pakistan
    palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda
    scotland senegal serbia singapore slovakia slovenia somalia spain sudan sweden switzerland
    syria taiwan tajikistan tanzania thailand tunisia turkey turkmenistan uganda ukraine
    uruguay uzbekistan venezuela vietnam wales yemen zambia zimbabwe crimea donbas kurdistan
    kabul tehran moscow washington london paris berlin rome madrid lisbon brussels vienna
    geneva bern amsterdam stockholm oslo copenhagen helsinki warsaw prague budapest bucharest
    sofia athens ankara istanbul kyiv kiev minsk baku yerevan tbilisi astana nur-sultan almaty
    tashkent ashgabat dushanbe bishkek islamabad karachi lahore delhi mumbai kolkata dhaka
    kathmandu colombo beijing shanghai hong kong tokyo osaka seoul pyongyang hanoi bangkok
    jakarta manila singapore canberra sydney melbourne ottawa toronto montreal mexico havana
    caracas bogota lima santiago brasilia rio buenos aires cairo tripoli tunis algiers rabat
    khartoum nairobi lagos abuja accra johannesburg pretoria riyadh jeddah mecca medina doha
    dubai abu dhabi muscat sanaa aden manama kuwait baghdad basra damascus aleppo idlib beirut
    amman jerusalem tel aviv gaza ramallah new york los angeles chicago houston boston miami
    san francisco seattle samarkand mashhad isfahan tabriz shiraz qom st petersburg
    sochi vladivostok kazan novosibirsk kremlin pentagon whitehall downing capitol
    asia africa europe eurasia america americas oceania antarctica arctic atlantic pacific
    indian caspian baltic mediterranean caucasus balkans levant gulf persian middle east west
    north south central east far near siberia sahara sahel scandinavia anatolia kashmir
    punjab xinjiang tibet hormuz suez bosphorus arabia zealand czechoslovakia yugoslavia
    """
)

# Words that mark an organization, event, place or publication rather than a person.
ORG_WORDS = _words(
    """
    organization organisation union council committee commission agency bank fund university
    college school institute institution academy party parliament assembly congress senate
    house court ministry department office bureau authority authorities corporation company
    co corp inc ltd group holding holdings foundation association federation confederation
    league alliance coalition front movement army navy force forces guard guards corps police
    service services times post daily news herald tribune journal gazette review press
    telegraph guardian observer mail express chronicle monitor television tv radio network
    channel agency summit conference forum meeting talks treaty agreement accord deal pact
    declaration convention charter protocol plan program programme project initiative
    revolution republic kingdom empire emirates state states federal united nations national
    international global world sea ocean river lake mountain mountains airport port station
    street avenue square road bridge tower palace hall center centre museum stadium hospital
    region province city county district island islands peninsula valley desert zone
    cup games olympics championship prize award day week year war crisis operation
    cooperation economic economy development security trade energy oil gas petroleum airlines
    airways motors industries group airline system systems market markets exchange index
    stock stocks dollar euro rial ruble rouble yuan
    """
)

# Common words that begin sentences or headlines and are never names on their own.
COMMON = _words(
    """
    a an the this that these those there here it its it's he she they we i you his her their
    our my your him them us me who whom whose which what when where why how whether if then
    than and or but nor so yet for of to in on at by with from into onto upon about above
    below after before during since until while as because although though unless despite
    however meanwhile moreover furthermore also additionally besides nevertheless nonetheless
    instead otherwise therefore thus hence still already again even just only too very more
    most less least much many some any all both each every either neither no not none one two
    three four five six seven eight nine ten first second third last next other another such
    same new old recent former current latest top major key big small great good bad high low
    earlier later today yesterday tomorrow tonight now soon once twice ever never always often
    sometimes usually perhaps maybe indeed certainly clearly accordingly overall finally
    according regarding concerning following given including considering speaking talking
    referring calling stating noting adding saying asked asking stressing addressing
    reports report sources source officials official analysts analyst experts expert critics
    observers residents witnesses leaders leader people citizens protesters lawmakers
    diplomats ministers members member countries country nations nation government governments
    state states relations ties talks visit meeting summit trade economic political military
    editor editors update updated breaking exclusive opinion oped op-ed analysis comment
    comments reply leave read share email print related photo video image file caption
    courtesy source copyright all rights reserved subscribe newsletter advertisement
    home world business politics sport sports culture science technology health opinion
    live watch listen more less see view views story stories column columns blog
    closer unhappy growing ties vow vows hold holds holding high profile
    i'm i’m i've i’ve i'll i’ll i'd i’d similarly likewise ethnic
    mr mrs ms dr prof
    """
)

# Speech verbs, by form. Past and present forms take a subject ("Raisi said");
# participles ("saying") take the subject of the sentence.
CUE_VERBS = (
    "said says say told tells tell added adds noted notes remarked remarks stressed stresses "
    "emphasized emphasised emphasizes emphasises underlined underlines underscored underscores "
    "reiterated reiterates stated states announced announces warned warns insisted insists "
    "explained explains recalled recalls praised praises declared declares asserted asserts "
    "argued argues claimed claims commented comments continued replied replies responded "
    "responds wrote writes tweeted tweets asked asks urged urges observed observes "
    "acknowledged acknowledges admitted admits concluded concludes maintained maintains "
    "affirmed affirms confirmed confirms highlighted highlights pointed explained "
    "announced promised promises vowed vows suggested suggests cautioned added"
).split()
CUE_PARTICIPLES = (
    "saying telling adding noting remarking stressing emphasizing emphasising underlining "
    "underscoring reiterating stating announcing warning insisting explaining recalling "
    "praising declaring asserting arguing claiming commenting replying responding writing "
    "tweeting asking urging observing acknowledging admitting concluding maintaining "
    "affirming confirming highlighting pointing promising vowing suggesting cautioning"
).split()

# Words between a subject and its speech verb: "Putin also said", "He then went on to say".
CUE_ADVERBS = _words(
    """
    also then later further again once previously earlier recently repeatedly separately
    additionally moreover had has have was is has been had been would will could reportedly
    publicly openly explicitly firmly strongly clearly bluntly flatly simply just likewise
    meanwhile however too went go goes on to continued proceeded
    """
)

PRONOUNS = {"he": "m", "she": "f"}

# Abbreviations after which a period does not end a sentence.
ABBREVIATIONS = _words(
    """
    mr mrs ms dr prof st jr sr gen sen rep gov lt col capt maj sgt rev hon no nos vs etc inc co
    corp ltd jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m
    approx dept est fig vol
    """
)

# Last words that make a capitalized run an organization, place, event or thing, never a
# person: "Lehman Brothers", "Google Drive", "Jones Beach", "Gusher Marathon", "Disease Control".
NONPERSON_HEADS = _words(
    """
    brothers administration drive beach street avenue ave boulevard blvd lane park parkway
    plaza island islands river lake lakes mountain mountains hills heights creek springs falls
    valley grove canyon bay harbor harbour coast center centre institute institutes university
    college hospital clinic bank banks bancorp group company companies corp corporation inc
    incorporated ltd limited plc llc cos co council committee commission agency ministry
    department office court party union association foundation fund news times post journal
    magazine gazette herald tribune airport station square bridge road hall palace church
    cathedral mosque temple school academy prize award awards cup league games festival day
    week summit conference forum market exchange index control time marathon race open
    series championship tournament olympics securities partners associates investors
    investments capital holdings industries international systems communications cellular
    electronics technologies laboratories labs pharmaceuticals foods savings financial
    insurance entertainment computer computers scientific worldwide trust textiles trading
    projects brewing motors airlines airways railway railroad express data services service
    network networks studios pictures records library museum theater theatre hotel resort
    casino club garden gardens stadium arena course act amendment bill law treaty order army
    navy cross flakes list memorial monument foundation society institution project program
    programme plan initiative report survey census commission board authority police embassy
    embassies consulate mission
    """
)

# First words of a run that make it an event, place or vehicle: "Hurricane Hugo", "Fort Dix".
NONPERSON_FIRST = _words(
    """
    hurricane typhoon cyclone storm tropical operation mount mt fort ft cape lake camp port
    space shuttle orbiter flight air santa san los las el la st saint institut banque banco
    cie compagnie societe credit groupe
    """
)

# Corporate suffixes: a name followed by one of these is a firm for the whole article
# ("Crane Co. said", so "Crane said" later names no person).
CORP_SUFFIXES = _words(
    """
    co co. cos cos. corp corp. corporation inc inc. incorporated plc ltd ltd. limited llc
    l.p. lp l.p ag a.g. a.g sa s.a. s.a nv n.v. n.v gmbh bancorp holdings brothers securities associates
    partners
    """
)

# Party labels: "California Democrat", "Indiana Republican Dan Burton" (a role, not a name).
PARTY_LABELS = _words("democrat democrats republican republicans")

# US states and other places that are not also common given names (those stay name-capable).
US_STATES = _words(
    """
    alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii
    idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri nebraska nevada ohio oklahoma oregon
    pennsylvania tennessee texas utah vermont wisconsin wyoming
    """
)
