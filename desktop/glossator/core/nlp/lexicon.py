"""Word lists the claim and entity rules rely on: grammar-level cues, never names."""

REPORTING_VERBS = frozenset(
    """say tell claim note state report announce add argue assert insist warn explain write
    suggest acknowledge admit deny confirm allege contend maintain emphasize emphasise stress
    indicate remark mention caution characterize characterise describe testify reveal disclose
    estimate predict declare observe comment reply respond concede complain boast promise
    pledge vow urge recall tweet post ask question express voice hint signal point""".split()
)
# Verbs that only ever report speech or writing: whatever noun phrase is their subject is the
# source ("the mayor said", "a senior diplomat told reporters"), named or not.
SPEECH_VERBS = frozenset(
    """say tell claim state announce add argue assert insist warn explain write acknowledge admit
    deny confirm allege contend testify declare remark mention report""".split()
)
# Verbs that report a finding or a belief, but only with a clause: "the study found that ...",
# "analysts believe the rally will last" (not "police found a car").
CLAUSE_REPORTING_VERBS = frozenset("find show conclude believe think".split())
# Verbs that frame a direct quotation as a judgement: "X called it 'a disaster'".
QUOTE_FRAMING_VERBS = frozenset("call dub label term brand hail".split())

# Heads of noun phrases that stand for a source nobody names.
UNNAMED_SOURCES = frozenset(
    """report reports source sources analyst analysts expert experts official officials observer
    observers critic critics people some many others investor investors economist economists
    insider insiders researcher researchers study studies survey surveys poll polls scientist
    scientists commentator commentators person persons witness witnesses media company firm
    government ministry police authorities spokesperson spokesman spokeswoman agency
    executive executives insiders""".split()
)
# People who speak for an organisation without being named: "Nvidia's spokesperson".
SPOKESPERSON_NOUNS = frozenset(
    "spokesperson spokesman spokeswoman representative official executive lawyer attorney".split()
)

CAUSAL_LEMMAS = frozenset(
    """cause trigger spur prompt fuel spark drive wipe erase result stem contribute lead
    force push boost hurt damage undermine""".split()
)
CAUSAL_MARKERS = ("because", "due to", "owing to", "thanks to", "as a result", "consequently",
                  "therefore", "led to", "leading to", "resulted in", "resulting in")

COMPARISON_VERBS = frozenset(
    "outperform exceed surpass outpace outstrip overtake beat trail lag rival eclipse double triple halve".split()
)
COMPARISON_MARKERS = ("than", "compared to", "compared with", "relative to", "as much as", "as many as")

PREDICTION_LEMMAS = frozenset("expect forecast predict project anticipate promise poise".split())
FUTURE_MODALS = frozenset(["will", "'ll", "wo", "shall"])
PREDICTION_MARKERS = ("going to", "is set to", "are set to", "likely to",
                      "on track to", "poised to", "expected to", "predicted to", "forecast to")

# Words that mark opinion, advice or hedging rather than a checkable assertion.
NORMATIVE_MODALS = frozenset("should must ought".split())
HEDGES = frozenset("maybe perhaps possibly might could seem seems seemed arguably".split())
FIRST_PERSON_SINGULAR = frozenset("i me my mine myself".split())
FIRST_PERSON_PLURAL = frozenset("we us our ours ourselves".split())

# Labels whose numbers are not statistics (a year, a product code).
NON_STATISTIC_LABELS = frozenset(
    "DATE TIME ORDINAL PERSON ORG GPE LOC NORP FAC PRODUCT EVENT LAW WORK_OF_ART LANGUAGE".split())
STATISTIC_LABELS = frozenset("MONEY PERCENT QUANTITY CARDINAL".split())

OPEN_QUOTES = frozenset('"“„«')
CLOSE_QUOTES = frozenset('"”»')

# Nouns that, in apposition or as a modifier, say that a name is an organisation.
ORG_NOUNS = frozenset(
    """startup start-up company firm corporation group maker manufacturer giant rival bank agency lab
    laboratory university ministry department regulator organisation organization institute
    newspaper network chipmaker carmaker automaker developer publisher retailer airline
    conglomerate insurer lender broker fund nonprofit charity party union club team league
    broadcaster outlet daily magazine consultancy subsidiary unit operator provider supplier
    brokerage exchange""".split()
)
# Nouns that belong to an organisation: "X's share price", "X CEO", "X's spokesperson".
ORG_PART_NOUNS = frozenset(
    """ceo cfo cto coo spokesperson spokesman spokeswoman executive executives founder founders
    cofounder co-founder chairman chairwoman chair board share shares stock stocks price
    valuation revenue revenues profit profits earnings employee employees staff headquarters
    shareholder shareholders investor investors subsidiary subsidiaries roadmap lineup
    customers customer cap capitalisation capitalization ipo layoffs workforce""".split()
)
# Titles and roles that say a name is a person: "CEO X", "X, a venture capitalist".
PERSON_ROLE_NOUNS = frozenset(
    """ceo cfo cto chief executive founder cofounder co-founder chairman chairwoman president
    minister senator governor mayor secretary spokesperson spokesman spokeswoman analyst
    economist professor researcher scientist investor capitalist entrepreneur billionaire
    journalist reporter editor author writer director manager officer lawyer attorney judge
    actor actress singer player coach mr mrs ms dr sir lord lady rep sen gov prof mr. mrs. ms.
    dr. rep. sen. gov. prof. st.""".split()
)
# Words that end a person's name without being a surname: "Martin Luther King Jr.".
NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv phd md esq".split())
# Relatives, whose "X's <noun>" makes X a person: "Altman's husband".
PERSON_KIN_NOUNS = frozenset(
    """wife husband son daughter father mother brother sister widow widower parents children
    grandson granddaughter nephew niece cousin fiancee fiance""".split()
)
# Nouns that, in apposition or before "in X", say that X is a place: "X, a city in Y", "offices in X".
PLACE_NOUNS = frozenset(
    """city town village province state country region capital county district port island
    office offices headquarters plant factory factories campus embassy branch""".split()
)
PRODUCT_NOUNS = frozenset(
    """model models chip chips processor processors gpu gpus phone phones smartphone app apps
    software product products device devices platform tool tools drug drugs vaccine vaccines
    car cars vehicle vehicles aircraft jet jets console laptop laptops tablet browser
    chatbot engine engines system""".split()
)
# Verbs whose passive subject or "X, <verb> in Y" mark an organisation: founded, based.
ORG_EVENT_VERBS = frozenset("found headquarter incorporate establish acquire list base".split())
PLACE_PREP_VERBS = frozenset("base headquarter locate situate live bear die reside".split())

# Surface forms the small models often tag as entities but which name nothing in news text.
IGNORED_ENTITIES = frozenset(["ai", "a.i.", "gen ai", "genai", "ceo", "the internet", "internet", "tech"])
