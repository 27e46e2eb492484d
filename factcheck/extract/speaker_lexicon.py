"""Word lists for finding speakers: titles, roles, organisation words, speech cues."""

from __future__ import annotations

TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady gen gen. general lt lt. col col.
    colonel maj maj. major capt capt. captain adm adm. admiral brigadier commander sgt sgt.
    sergeant lieutenant corporal commodore marshal private cpl cpl. president vice secretary
    minister prime chairman chairwoman chair chief chiefs director ambassador senator sen
    sen. rep rep. representative governor gov gov. mayor judge justice prince princess king
    queen duke duchess pope ayatollah sheikh leader supreme spokesman spokeswoman
    commissioner inspector superintendent detective officer constable chancellor premier
    staff state defense defence foreign interior attorney deputy acting former senior rev
    rev. reverend father cardinal bishop rabbi imam emir crown sheriff lawyer professor prof
    prof. pastor chairperson head consul""".split()
)
POSTNOMINALS = frozenset("qc kc mp jr jr. sr sr. phd md obe mbe cbe rn".split())
ORG_HEADS = frozenset(
    """police yard department ministry government court office agency service services news
    times post journal reuters army navy forces force guards guard corps council party
    committee commission hezbollah pentagon house kremlin command brigade division regiment
    embassy university bank company corporation inc group network media press tv television
    radio bbc cnn ap afp union league organisation organization federation association
    institute foundation authority board assembly parliament congress senate cabinet
    administration militia movement front brotherhood taliban qaeda""".split()
)
PLACE_HEADS = frozenset(
    """states kingdom east west north south republic emirates nations arabia korea zealand
    africa america europe asia city island islands beach square street station park county
    province region""".split()
)
STOP_CAPS = frozenset(
    """the a an this that these those he she it they we i you his her its their our my your
    in on at by for from to with without of as after before during since despite earlier
    later meanwhile however but and or so yet if when while where what why how who whom which
    there here some many most other others each every all both several few more such no not
    also instead additionally yesterday today tomorrow tonight last next first then now still
    according although though because once even only just among amid until unless whether
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december""".split()
)
#: Capitalised sentence openers that are not names even right before "said".
COMMON_STARTS = frozenset(
    """everyone everybody nobody someone somebody anyone anybody none nothing something
    everything media security staff""".split()
)
PARTICLES = frozenset("al el bin ibn abu de da di du van von der le la".split())
ROLE_LOWER = frozenset(
    """spokesman spokeswoman chairman commissioner judge lawyer leader minister secretary
    president general official commander chief director ambassador senator governor mayor
    analyst adviser advisor aide envoy head prosecutor officer consul""".split()
)
LOWER_ORGS = frozenset("government police ministry army military council court".split())
PRONOUNS = {"he": True, "she": True, "it": False}
SUBJECT_WORDS = ROLE_LOWER | {"he", "she", "it", "they", "we", "i"}
DETERMINERS = frozenset("the a an his her its their these those this that".split())
PREPOSITIONS = frozenset("of in at on from for with to by about against into over".split())
#: Lowercase words that may follow a name in "said NAME ...": the name is not a modifier.
AFTER_NAME = PREPOSITIONS | frozenset(
    """who whose which and or but as when while after before last this also said says told
    added adding saying has had was is""".split()
)
#: Words between a name and its verb ("Esper also said", "Mousavi was quoted").
SKIPPED = frozenset(
    """also has have had was is were are then later earlier previously again once reportedly
    repeatedly recently further would will could did does do not never already""".split()
)
#: A sentence opening with one of these starts with an adverbial phrase, not its subject.
INTRO = frozenset(
    """in on at during earlier later after before while when despite since as following
    meanwhile however additionally also instead yesterday today last this with without under
    over for from by among amid according asked speaking standing writing quoted addressing
    responding separately still then now until unlike like besides""".split()
)
#: Words allowed between a closing mark and its attribution verb ("," Chairman ... Milley told).
NAMEISH = frozenset("of the for and , also then later".split())
#: Opening words of a clause that cannot be the subject of an attribution.
NOT_SUBJECT_START = frozenset(
    """and but or so because as in on at to for with from if when while after before then
    which that""".split()
)

FINITE_VERBS = (
    "said|says|say|told|tells|added|adds|continued|claimed|claims|stated|explained|noted|wrote"
    "|writes|declared|insisted|insists|argued|argues|asked|replied|responded|warned|warns"
    "|announced|called|calls|described|describes|promised|pledged|vowed|urged|accused|denied"
    "|threatened|emphasi[sz]ed|stressed|confirmed|acknowledged|admitted|admits|recalled"
    "|remarked|tweeted|cautioned|predicted|conceded|suggested|demanded|complained|quoted|quotes"
    "|condemned|denounced|critici[sz]ed|dubbed|branded|termed|labell?ed|reported|indicated"
    "|repeated"
)
PARTICIPLES = (
    "saying|telling|adding|warning|calling|describing|claiming|noting|writing|arguing"
    "|insisting|declaring|urging|accusing|vowing|promising|threatening|stating|explaining"
    "|asking|dubbing|branding|labell?ing|terming|condemning|denouncing|criti[cs]i[sz]ing"
    "|quoting|stressing|emphasi[sz]ing|reporting"
)
SPEECH_NOUNS = (
    "threat|warning|claim|statement|promise|pledge|vow|remarks?|words|comments?|assertion"
    "|demand|message|accusation|tweet|speech|proposal|description|phrase|term|label|slogan"
)
#: Nouns after ``the "X"`` that make X the name of a thing, not a quote.
WORK_NOUNS = frozenset(
    """website site blog weblog page book film movie song album show programme program series
    campaign column newspaper magazine channel documentary play podcast app brand hashtag
    account novel poem exhibition""".split()
)
