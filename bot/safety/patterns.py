"""Word-class macros for the rules, and the compiler that expands them.

A rule is written as a regex over the canonical text (see normalise.py) with
{NAME} placeholders for word classes, so "{PERSON} {ADV}{HIT} {ME}" covers
"my step dad beats me", "he literally punched us" and "me da batters me".
"""

from __future__ import annotations

import re

_MACROS: dict[str, str] = {}


def macro(name: str, body: str) -> None:
    _MACROS[name] = body


def expand(pattern: str) -> str:
    """Replace {NAME} placeholders, recursively, with their bodies as groups."""
    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in _MACROS:
            raise KeyError(f"unknown macro {name}")
        return "(?:" + expand(_MACROS[name]) + ")"
    return re.sub(r"\{([A-Z][A-Z0-9_]*)\}", sub, pattern)


def compile_rule(pattern: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + expand(pattern) + r")\b")


def words(spec: str) -> str:
    """'a b|c d' style alternation from a whitespace-free, '|' separated list."""
    return "|".join(spec.split("|"))


# --- glue ---------------------------------------------------------------
macro("W", r"[a-z0-9]+")
for _n in range(1, 9):
    macro(f"F{_n}", rf"(?:[a-z0-9]+ ){{0,{_n}}}")  # up to n filler words
macro("END", r"(?= ?(?:$|\.|~|and\b|but\b|so\b|i\b|lol\b|because\b|like\b|now\b|"
             r"anymore\b|please\b|help\b|honestly\b|x+\b|idk\b|pls\b))")  # end of clause; chat rarely punctuates
macro("ADV", r"(?:(?:just|really|so|actually|literally|honestly|seriously|genuinely|truly|"
             r"kind of|sort of|proper|properly|fully|totally|completely|still|always|often|"
             r"sometimes|constantly|even|also|too|already|again|all|now|lately|recently|very|"
             r"badly|fucking|fkin|effing|bloody|legit|definitely|probably|secretly|quietly|"
             r"basically|almost|nearly|pretty much|like|low key|every day|everyday|ever|"
             r"then|still|more|much|strongly|slowly|quite|a bit|a lot|kinda|simply|hopefully|maybe|"
             r"finally|forever) )*")
macro("I", r"i|we")
macro("ME", r"me|us")
macro("SELF", r"myself|ourselves")
macro("BE", r"am|is|are|was|were|be|been|being|m")
macro("AUX", r"(?:(?:have|has|had|am|is|are|was|were|been|be|keep|keeps|kept|always|"
             r"will|would|ll|used to|use to|sometimes|still|started|start|starts|do|does|did|"
             r"get|gets|got|often|even|also|then|literally|actually|just|really|constantly|"
             r"tries to|tried to|try to|going to|gonna|is going to|have to|has to|had to|got to|need to|"
             r"must|keeps trying to|kept trying to|trying to|is trying to|keep trying to) )*")
macro("NOW", r"right now|now|tonight|at the moment|currently|as we speak|as i type")

# --- wanting, planning, thinking -----------------------------------------
macro("WANT_TO", r"(?:want(?:s|ed|ing)?|need(?:s|ed)?|would like|d like|would love|love|"
                 r"going|about|ready|tempted|planning|plan(?:s|ned)?|trying|try|tried|"
                 r"tries|attempt(?:s|ed|ing)?|decided|deciding|deserve(?:s|d)?|urge|urges|"
                 r"intend(?:s|ed|ing)?|supposed|meant|prepared|preparing|got|have|has|"
                 r"choose|chose|able|wish(?:es|ed)?|hope|hoping|hoped|time|way|how) to")
macro("MODAL", r"should|might|will|would|shall|ll|must|might as well|"
               r"should just|will just|gonna|wanna|can finally|would rather|d rather|rather")
macro("THINK", r"(?:think(?:s|ing)?|thought|dream(?:s|ing|t|ed)?|fantasi[sz](?:e|es|ing|ed)|"
               r"obsess(?:es|ed|ing)?|talk(?:s|ed|ing)?|speak(?:s|ing)?|spoke|"
               r"consider(?:s|ed|ing)?|contemplat(?:e|es|ed|ing)|worr(?:y|ies|ied|ying)|"
               r"write|writes|writing|wrote|joke|jokes|joking|post|posts|posting|"
               r"research(?:ed|ing)?|search(?:ed|ing)?|googl(?:e|ed|ing)|look(?:ed|ing)? up) "
               r"(?:about|of|into|up|on)?|considering|contemplating|feel(?:s|ing)? like|"
               r"felt like|keep thinking (?:about|of)|ideas? (?:of|about)|thoughts? (?:of|about)|"
               r"urges? (?:of|for)|close to|on the verge of|on the edge of|obsessed with|fixated on")
macro("WISH", r"wish(?:es|ed)? (?:i|that i) (?:could|would|did|had|can|might)")
macro("DESIRE", r"{WANT_TO}|{MODAL}|{THINK}|{WISH}|wish(?:es|ed)? to|"
                r"(?:hope|hoping|hoped|pray|praying|prayed|wish|wishing) (?:that )?i(?: will| would| just| d)?")

# --- acts of suicide and self-harm -----------------------------------------
macro("KILL", r"kill(?:s|ed|ing)?|hang(?:s|ed|ing)?|unalive(?:d)?|drown(?:s|ed|ing)?|"
              r"suffocat(?:e|es|ed|ing)|poison(?:s|ed|ing)?|shoot(?:s|ing)?|shot|"
              r"stab(?:s|bed|bing)?|knife|gas(?:sed|sing)?|strangl(?:e|ed|ing)|"
              r"electrocut(?:e|ed|ing)|set fire to|burn(?:ed|t|ing)? alive|"
              r"starve(?:d)? to death|throw(?:ing)? away|rope|skull|gun")
macro("STRONG", r"(?:{KILL}) {SELF}|(?:take|taking|took|taken|end|ending|ended) my (?:own )?life"
                r"(?! (?:in|into|back|forward|seriously|more seriously|to the next)\b)|"
                r"(?:commit|committing|committed|attempt|attempted|attempting) suicide|"
                r"slit(?:ting|s)? my (?:wrists?|throat)|slash(?:ing|ed)? my wrists?|"
                r"overdos(?:e|es|ed|ing) on|suicide attempt|attempt on my (?:own )?life")
# "end this essay" is a chore; "end this" alone, or "end this pain", is not.
macro("NOT_A_TASK", r"(?! (?:essay|homework|lesson|game|match|call|chat|conversation|convo|week|term|year|day|"
                    r"book|film|show|series|meeting|assignment|project|level|argument|relationship|friendship|"
                    r"debate|story|chapter|season|episode|party|trip|year|exam|test|shift|queue|journey)\b)")
macro("WEAK", r"die|dying|be dead|being dead|end up dead|unalive|suicide|"
              r"disappear(?:ing)?{DISAPPEAR_OK}|vanish{DISAPPEAR_OK}|"
              r"end (?:it|it all|everything|things|this{NOT_A_TASK}|my existence|this life|all of this)(?! with)|"
              r"put an end to (?:it|it all|everything|things|my life|myself|all of this|this{NOT_A_TASK})(?! with)|"
              r"ending (?:it|it all|everything|things|my existence|this{NOT_A_TASK})(?! with)|"
              r"(?:go|going|went) to sleep (?:and|n) {ADV}(?:not|never) wake up|"
              r"(?:fall|falling) asleep (?:and|n) (?:not|never) wake up|"
              r"(?:(?:go|going|went|fall|falling) (?:to )?)?(?:sleep|asleep) (?:forever|for ever|permanently|"
              r"for good|and never wake up|and not wake up)|"
              r"(?:drive|driving|drove|crash|crashing|crashed|steer|swerve) (?:my |the |a |his |mums |dads )?"
              r"(?:car |bike |moped )?into (?:a |the )?(?:wall|tree|lorry|truck|river|bridge|oncoming \w+|"
              r"traffic|lamp post|sea)|"
              r"(?:not|never) (?:wake|waking) up(?: again| ever| anymore)?|"
              r"stop (?:existing|living|breathing)|not (?:exist|be alive|be here|be around|live)|"
              r"cease to exist|be gone(?: forever| for good| soon| by (?:tomorrow|morning|monday))?(?= ?(?:$|\.|~|and|"
              r"i|soon|lol|now|because))|leave this world|"
              r"go away forever|not be here anymore|be in (?:a|my) (?:coffin|grave)|"
              r"be (?:six|6) feet under|join (?:my|our) (?:late )?(?:nan|nana|grandad|grandma|"
              r"grandpa|mum|dad|brother|sister) in heaven|"
              r"overdose|take an overdose|taking an overdose|take (?:all|loads) of my (?:pills|tablets|medication)|"
              r"drink (?:bleach|poison|antifreeze|weedkiller|weed killer|drain cleaner)|"
              r"crash(?:ing)? (?:my|the|his|a|mums|dads) (?:car|bike|moped)(?= (?:on purpose|deliberately|into))|"
              r"jump off {HIGH}|jump in front of {VEHICLE}|throw {SELF} (?:off|under|in front of)|"
              r"give up on life|quit life|check out(?: early| of life)?|rope|"
              r"(?:walk|walking|swim|swimming|wade|wading) (?:into|out into) (?:the )?(?:sea|river|mersey|"
              r"water|ocean|canal)(?: and (?:not|never) (?:come|coming) back)?|"
              r"(?:leave|go|run away|go away|drive off)(?: \w+)? (?:and|n) (?:not|never) (?:come|coming) back|"
              r"end it (?:tonight|today|tomorrow|soon|now|this week|on \w+)|"
              r"be with (?:my|our) (?:late )?(?:nan|nana|nanna|gran|granny|grandad|grandma|grandpa|mum|dad|"
              r"brother|sister|friend|mate|dog|baby|cousin|uncle|auntie) (?:in heaven|again|up there|forever)|"
              r"go to heaven|be in heaven|get hit by (?:a|the) (?:car|bus|train|lorry|truck)|"
              r"end (?:my|the|all (?:my|the|of my)|this) (?:suffering|pain|misery|torment)|commit{END}")
macro("DISAPPEAR_OK", r"(?= ?(?:$|\.|~|forever|for good|for ever|completely|permanently|and never|"
                      r"and (?:no one|nobody|noone) (?:will|would|can|could)|"
                      r"from (?:the|this) (?:world|earth|planet)|from existence|from everyone|"
                      r"from everything|from my life|off the face|so\b|because\b|but\b|i\b|lol\b|now\b|"
                      r"right now|tonight|without))")  # \b: "disappearing into my room" is not "i"
macro("HIGH", r"(?:(?:a|the|this|that|our|my|some) )?(?:(?:top|edge|roof|side) of )?"
              r"(?:(?:a|the|this|that|our|my) )?(?:\w+ ){0,2}(?:bridge|building|roof|"
              r"rooftop|cliff|balcony|car park|multi storey|tower|tower block|flats|window|"
              r"motorway bridge|ledge|edge|flyover|overpass|viaduct|quarry|crane|stairwell|skyscraper|"
              r"top floor|rooftops?)|something high|somewhere high|a height|a great height|a high place")
macro("VEHICLE", r"(?:a|the|an|some|this) (?:\w+ )?(?:train|bus|car|lorry|truck|van|tram|traffic)|traffic")

# --- self-harm -----------------------------------------------------------
macro("SH", r"self harm(?:ing|ed|s)?|self injur(?:y|ing|e|ed)|self mutilat(?:e|ion|ing)")
macro("BODY", r"wrists?|arms?|forearms?|legs?|thighs?|skin|stomach|belly|hips?|body|ankles?|"
              r"chest|tummy|shoulders?|wrist")
macro("PILLS", r"pills|tablets|paracetamol|painkillers|pain killers|ibuprofen|medication|pill|tablet|"
               r"painkiller|sleeping pill|capsule|"
               r"sleeping pills|sleeping tablets|anti ?depressants|antidepressants|co codamol|"
               r"codeine|aspirin|insulin|tabs|prescription|pills pills|capsules")
macro("QTY", r"(?:a |an )?(?:whole |entire |full )?(?:every single|every|each|all the|all of the|"
             r"load|loads|lots|lot|bunch|handful|handfuls|too much|too much of|way too much|more than i should|"
             r"double my dose|extra|"
             r"heap|ton|tons|stack|packet|packets|box|boxes|bottle|bottles|pack|packs|strip|"
             r"strips|too many|way too many|extra|double|triple|all|everything|[5-9]|\d\d|\d\d\d|"
             r"five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|"
             r"hundred|a hundred|dozens|dozen|a dozen|more than \w+|over \w+)")

# --- people --------------------------------------------------------------
macro("REL_ADULT", r"(?:step |older |big |new |foster |real |biological |little |younger |"
                   r"baby |twin |half )*(?:dad|mum|parents?|brother|sister|cousin|uncle|aunt|"
                   r"auntie|grandad|grandpa|grandma|nan|nana|granny|boyfriend|girlfriend|"
                   r"partner|husband|wife|ex|carer|carers|teacher|coach|tutor|neighbour|"
                   r"babysitter|friend|mate|family|fella|guardian|stepdad|step dad|step mum|"
                   r"foster carer|youth worker|priest|imam|leader|instructor|landlord|lodger|"
                   r"housemate|flatmate|boss|manager|mates|friends|cousins|uncles|brothers|lads|boys)")
macro("POSS", r"my|me|our|his|her|their|mums|dads|moms|my mums|my dads|my friends|my mates|"
              r"my sisters|my brothers|my parents|my nans|the|a|an|one of my|this|that")
macro("STRANGER", r"(?:a|an|some|this|that|the|these|those) (?:older |old |grown |random |strange |"
                  r"weird |creepy |big |bigger |tall )*(?:man|guy|lad|boy|bloke|person|stranger|"
                  r"adult|woman|girl|men|guys|lads|boys|people|group|gang|car|van|account)|"
                  r"some lads|some boys|some men|some guys|some people|men|lads|older lads|"
                  r"older boys|older men|a gang|the gang|dealers|a dealer|someone|somebody|gang members|"
                  r"(?:a|some) gang members?|members of (?:a|the) gang|"
                  r"(?:a|some) (?:group|gang|load|bunch|couple) of (?:older )?(?:lads|boys|men|guys|girls|"
                  r"people|kids|teenagers|\w+)|"
                  r"some (?:one|body) (?:online|i met online|i do not know)|people")
macro("PERSON", r"he|she|they|him|{STRANGER}|(?:{POSS} )?{REL_ADULT}|someone|somebody")
# A person and, optionally, where they are from and one thing they do first:
# "someone at school", "my dad gets drunk and", "they take my money and".
macro("PERSON_DO", r"(?:{PERSON})(?: (?:at|from|in|on|off|i met on|i met at|i know from) (?:\w+ ){0,2}?"
                   r"(?:school|college|work|church|mosque|club|football|training|snap|snapchat|insta|"
                   r"instagram|tiktok|discord|roblox|online|home|\w+))?(?: (?:[a-z]+ ){1,6}?(?:and|n|then))?")
macro("HIT", r"hit(?:s|ting)?|jump(?:s|ed)?(?= (?:me|us)(?: |$))|"
             r"forced (?:himself|herself|themselves) (?:on|onto)(?= (?:me|us)\b)|beat(?:s|ing|"
             r"en)?(?: up)?|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|"
             r"slap(?:s|ped|ping)?|smack(?:s|ed|ing)?|chok(?:e|es|ed|ing)|strangl(?:e|es|ed|ing)|"
             r"batter(?:s|ed|ing)?|whip(?:s|ped|ping)?|belt(?:s|ed|ing)?|thump(?:s|ed|ing)?|"
             r"attack(?:s|ed|ing)?|assault(?:s|ed|ing)?|abus(?:e|es|ed|ing)|hurt(?:s|ing)?|"
             r"burn(?:s|ed|t|ing)?|strangle|pinch(?:es|ed|ing)?|starv(?:e|es|ed|ing)|neglect(?:s|ed|ing)?|"
             r"pin(?:s|ned)? (?:me |us )?down|drag(?:s|ged|ging)?|rap(?:e|es|ed|ing)|"
             r"molest(?:s|ed|ing)?|touch(?:es|ed|ing)?(?: up)?|groom(?:s|ed|ing)?|"
             r"exploit(?:s|ed|ing)?|threaten(?:s|ed|ing)?|blackmail(?:s|ed|ing)?|"
             r"control(?:s|led|ling)?|stalk(?:s|ed|ing)?|sextort(?:s|ed|ing)?|"
             r"traffick(?:s|ed|ing)?|sexually (?:abus|assault)\w*|headbutt(?:s|ed|ing)?|"
             r"throw(?:s|ing)? (?:stuff|things|plates|chairs|bottles) at|threw (?:stuff|things|"
             r"plates|chairs|bottles) at|"
             r"(?:throws?|threw|throwing|slammed|slams|slamming|shoved|shoves)(?= (?:me|us) (?:against|into|down|"
             r"across|onto|on to|off|out of|on the floor))|"
             r"(?:throws?|threw|throwing) (?:a |an |the |his |her |some |my |their )?(?!(?:ball|frisbee|pillow|"
             r"snowball|water|sponge|bean ?bag|rugby|football|tennis|paper|party|sweet|dart|beach)\w*)\w+ at|"
             r"push(?:es|ed|ing)?(?= (?:me|us) (?:down|into|against|over|off))|"
             r"(?:put|puts|putting|laid|lays|laying) (?:his|her|their) hands on(?= (?:me|us)\b)|"
             r"lock(?:s|ed)?(?= (?:me|us) (?:in|up|out)\b)|keeps?(?= (?:me|us) locked)|"
             r"shov(?:e|es|ed|ing)(?= (?:me|us) (?:down|into|against|over|off))|"
             r"grab(?:s|bed|bing)?(?= (?:me|us) (?:by|and|hard|round|there))")
macro("NOT_GAME", r"(?! (?:out|off|at (?:fifa|chess|football|pool|darts|cards|tennis|badminton|the game|the race|"
                  r"the match|games|everything|running|swimming|maths|monopoly|scrabble|uno|fortnite|"
                  r"cod|rugby|netball|basketball|golf|table tennis|arm wrestling|tag|tig|pe|"
                  r"training|practice|boxing|sports day|it)|in (?:a |the |our |that )?(?:race|game|match|fifa|"
                  r"chess|final|"
                  r"fight|pillow fight|tig|tag)|to it|back|on (?:fifa|fortnite|the game|xbox)|"
                  r"by accident|accidentally|under the table|playing|in (?:football|rugby|"
                  r"training|pe|practice|boxing|sparring|karate|judo)|at (?:football|training|"
                  r"pe|practice|boxing|fifa|chess)|as a joke|for a joke|for fun|with a "
                  r"(?:pillow|snowball|ball|balloon|water balloon|nerf)|with (?:his|her|their) "
                  r"(?:story|words|message|song|voice|kindness)|in the feels)\b)")

macro("CRITTERS", r"nettles?|midges?|mozzies|mosquito(?:es)?|wasps?|bees?|insects?|bugs?|ants?|"
                  r"seagulls?|gulls?|geese|goose|pigeons?|swans?|dogs?|cats?|birds?|horses?|ponies|pony|"
                  r"cows?|puppy|puppies|kittens?|hamsters?|squirrels?|fox|foxes|zombies?|jellyfish|"
                  r"spiders?|crabs?|monkeys?|llamas?|alpacas?|sheep|rats?|mice|mouse")

# --- abuse and exploitation ------------------------------------------------
macro("PICS_STRONG", r"nudes|nude (?:pics|pictures|photos|videos|selfies|snaps|images)|"
                     r"naked(?: (?:pics|pictures|photos|videos|selfies|snaps|images))?|"
                     r"(?:pics|pictures|photos|videos|selfies|snaps|images|vids|video) "
                     r"(?:of (?:me|my body|myself|my (?:boobs|bum|chest|private|privates|bits|"
                     r"body|bra|underwear))(?: (?:in my (?:underwear|bra|pants|knickers|bikini)|"
                     r"without (?:my )?clothes|naked|topless|with no clothes))?|"
                     r"in my (?:underwear|bra|pants|knickers|bikini)|without (?:my )?clothes|"
                     r"naked|topless)|"
                     r"(?:dirty|sexy|private|explicit|inappropriate|rude|spicy|sexual|nsfw) "
                     r"(?:pics|pictures|photos|videos|selfies|snaps|images|stuff|things|messages|chats)|"
                     r"dick pics|sexual (?:things|stuff)")
macro("PICS_WEAK", r"pics|pictures|photos|videos|vids|selfies|snaps|images|screenshots|"
                   r"messages|chats|{PICS_STRONG}")
macro("SEXACT", r"have sex|having sex|sex|send (?:him |her |them )?(?:{PICS_STRONG})|"
                r"sending (?:{PICS_STRONG})|touch (?:him|her|them|his|it)|"
                r"watch (?:porn|videos|him)|take (?:my |off my )?clothes off|get naked|strip|"
                r"perform|give him|suck|kiss (?:him|her)|sleep with|sexual")
macro("DRUG", r"drugs|weed|coke|cocaine|crack|heroin|gear|ket|pills|packages?|parcels?|"
              r"stuff|food|bits|a bag|bags|a package|things|it|county lines|lines|cash|money|"
              r"a phone|phones|knives|a knife|a gun|guns|weapons")
macro("DRUGVERB", r"doing runs|do runs|did runs|doing drops|do drops|doing deliveries|running errands|"
                  r"carry|carrying|carried|hold|holding|held|sell|selling|sold|deliver|delivering|"
                  r"delivered|move|moving|drop|dropping|stash|stashing|hide|hiding|deal|dealing|"
                  r"dealt|store|storing|run|running|ran|look after|looking after|keep|keeping|"
                  r"transport|transporting|bring|bringing")
macro("GANG", r"older|some|these|those|the (?:lads|gang|boys|olders|elders|older \w+|dealers?|men)|"
              r"a (?:gang|dealer)|gang|lads|dealers|men|guys|my (?:older )?(?:cousins?|brothers?)")
# Someone else's errands with drugs or for a gang; "for them" only counts
# where the sentence already says the speaker is made to (see abuse.forced).
macro("DRUGACT_STRONG", r"(?:{DRUGVERB}) (?:(?:drugs|weed|coke|cocaine|crack|heroin|gear|ket|"
                        r"county lines)\b|(?:{DRUG}) for (?:{GANG}))|(?:doing|do|did) (?:runs|drops|deliveries|"
                        r"jobs|shotting) for (?:{GANG})|(?:dealing|selling|running|shotting) (?:drugs )?for "
                        r"(?:someone|somebody|people|{GANG})")
macro("DRUGACT", r"{DRUGACT_STRONG}|(?:{DRUGVERB}) (?:{DRUG}) for (?:them|him)")

# --- danger ----------------------------------------------------------------
macro("WEAPON", r"(?:(?:kitchen|big|huge|massive|sharp|long|real|zombie|hunting|flick|pocket|"
                r"stanley|bread) )?(?:knife|knives|gun|guns|blade|machete|weapon|weapons|bat|"
                r"baseball bat|hammer|axe|screwdriver|shank|crowbar|pistol|rifle|shotgun|acid)"
                r"(?! (?:skills?|block|set|collection|sharpener|crime|licence|license|cabinet|"
                r"shop|range|club|in (?:the game|fortnite|cod|call of duty|gta|minecraft|roblox|"
                r"the film|a game|warzone)|game|games|emoji|drawing|tattoo))")
macro("HARMVERB", r"hurt|stab|shoot|attack|beat|batter|rape|strangle|knife|slash|choke|hit|"
                  r"beat up|batter|smash|burn|touch|kidnap|take|drag|punch|kick|jump|get")
macro("EMERG", r"collapsed|passed out|fainted|unconscious|unresponsive|not breathing|"
               r"stopped breathing|is not breathing|can not breathe|not waking up|"
               r"will not wake up|not moving|not responding|turning blue|gone blue|"
               r"having a seizure|having a fit|fitting|overdosed|taken an overdose|"
               r"had an overdose|took an overdose|bleeding (?:loads|a lot|badly|everywhere|"
               r"heavily|so much)|will not stop bleeding|can not wake (?:him|her|them) up|"
               r"(?:been|got|get|was) (?:stabbed|shot|shanked|knifed|glassed|slashed|jumped)|"
               r"(?:loads|lots|so much|a lot|tons|pools?) of blood|"
               r"blood everywhere|is bleeding|bleeding out|not conscious|can not breathe|"
               r"having a heart attack|choking(?= ?(?:$|\.|~|and|help|please|right now|now| on (?!laugh)))|"
               r"having an overdose|overdosing|is overdosing")

# --- third parties -----------------------------------------------------------
macro("REL3", r"son|daughter|child|kid|boy|girl|lad|teen|teenager|friend|mate|pal|sister|"
              r"brother|cousin|niece|nephew|grandson|granddaughter|grandchild|pupil|student|"
              r"boyfriend|girlfriend|partner|classmate|best friend|step son|step daughter|"
              r"year old|young person|young people|foster child|child in my care|mentee")
macro("ANCHOR", r"(?:(?:my|our|me|his|her|their) (?:\d{1,2} year old |\d{1,2} |little |"
                r"older |younger |big |baby |best |teenage |step |eldest |youngest |oldest |"
                r"foster |adopted |school |close |online |twin |bestest )*(?:{REL3})|"
                r"one of my (?:best |close |school |little |older )*(?:{REL3})s?|"
                r"a (?:\d{1,2} year old |close |school |best |online |good |new )*(?:friend|mate|pal|"
                r"classmate|student|pupil|young person|service user|client|child (?:i|we) (?:work|care) "
                r"(?:with|for))|"
                r"someone i know|someone in my (?:class|year|school|form)|"
                r"a (?:girl|boy|kid|lad|student|pupil) (?:in|at|from) my (?:class|year|school|form|club))")
