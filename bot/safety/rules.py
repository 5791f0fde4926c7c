"""The risk rules, each a pattern over canonical text plus the checks it needs.

Rules are written in the first person ("i want to die", "he hits me"). Third
parties ("my son wants to die", "her dad hits her") are caught by rewriting
the message into the first person (perspective.py) and running the same
rules again, so each rule is written once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.safety.patterns import compile_rule, expand

SUICIDE = "suicide_or_self_harm"
ABUSE = "abuse_or_exploitation"
DANGER = "immediate_danger"
PARENT = "parent_worried"

# Exploitation rules a soft danger rule yields to (see Rule.soft).
EXPLOITATION = frozenset({
    "abuse.exploitation", "abuse.exploitation_context", "abuse.debt_bondage", "abuse.owes", "abuse.forced",
})

# Lower is more urgent; when several rules fire the most urgent category wins.
PRECEDENCE = {DANGER: 0, SUICIDE: 1, ABUSE: 2, PARENT: 3}


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    pattern: re.Pattern[str]
    # The speaker must be the one at risk: no third-party subject before the match.
    first_person: bool = True
    # "not"/"never" just before (or inside) the match cancels it.
    negatable: bool = True
    # Cancelled by accident words around it ("cut myself shaving").
    accident: bool = False
    # Extra conditions on the whole message.
    requires: re.Pattern[str] | None = None
    excludes: re.Pattern[str] | None = None
    # A threat ("or they'll hurt me") that, next to exploitation, is filed as
    # exploitation: the threat is how the exploiting works.
    soft: bool = False
    # Cheap pre-check: word stems at least one of which any match contains.
    # Only a speed-up; it must never be narrower than the pattern.
    needs: re.Pattern[str] | None = None


def _rule(id: str, category: str, pattern: str, *, first_person: bool = True,
          negatable: bool = True, accident: bool = False, requires: str | None = None,
          excludes: str | None = None, needs: str | None = None, soft: bool = False) -> Rule:
    return Rule(
        id=id, category=category, pattern=compile_rule(pattern),
        first_person=first_person, negatable=negatable, accident=accident, soft=soft,
        requires=re.compile(r"\b(?:" + expand(requires) + r")\b") if requires else None,
        excludes=re.compile(r"\b(?:" + expand(excludes) + r")\b") if excludes else None,
        needs=re.compile(r"\b(?:" + needs + r")") if needs else None,
    )


# Stems of every verb in the HIT macro (see patterns.py), for rules built on it.
HIT_NEEDS = (r"hit|beat|punch|kick|slap|smack|chok|strangl|batter|whip|belt|thump|attack|assault|"
             r"abus|hurt|burn|pinch|pin|drag|rap|molest|touch|groom|exploit|threat|blackmail|"
             r"control|stalk|sextort|traffick|sexually|headbutt|throw|threw|push|shov|grab|jump|forced|"
             r"starv|neglect|put|laid|lay|lock|keep|slam|shove")

RULES: tuple[Rule, ...] = (
    # ---------------------------------------------------------------- suicide
    _rule("suicide.strong_act", SUICIDE, r"{STRONG}", accident=True),
    _rule("suicide.desire_act", SUICIDE, r"(?:{DESIRE}) {ADV}(?:{WEAK})",
          needs=r"die|dying|dead|unalive|suicide|disappear|vanish|end|sleep|asleep|wake|waking|stop|exist|"
                r"live|alive|here|around|gone|leave|away|coffin|grave|feet|heaven|overdose|jump|throw|"
                r"give up|quit|check out|rope|take|walk|swim|wad|go|run|driv|drove|crash|steer|swerve|"
                r"come back|coming back|drink|be|commit|get"),
    _rule("suicide.wish_dead", SUICIDE,
          r"wish(?:es|ed|ing)? (?:i|that i) {ADV}(?:was|were|could be|would be|had been|"
          r"could just be) {ADV}(?:dead|gone|never born|not here|not alive|not around|"
          r"not born|not existing)(?! (?:in|on|at|during|before|after|than|bored|tired|rich|good)\b)"),
    _rule("suicide.better_off_dead", SUICIDE,
          r"(?:better off|be better|rather be|happier|best if i was|best if i were|be happier) {ADV}"
          r"(?:dead|gone|not here|not alive|not around|not existing|never born|not being (?:here|alive|around)|"
          r"in (?:a|the|my) "
          r"(?:grave|coffin|ground)|six feet under|6 feet under)(?! (?:than|for|on|at|with)\b)"
          r"|(?:being )?dead (?:would be|is|seems|sounds|will be) {ADV}(?:better|easier|nicer|more peaceful|"
          r"a relief|best)"),
    _rule("suicide.never_born", SUICIDE,
          r"(?:wish|wished|wishing) {ADV}i (?:was|were|had|would|would have|d) {ADV}(?:never|not) (?:been )?born"
          r"(?! (?:in|on|at|during|before|after)\b)"),
    _rule("suicide.better_without_me", SUICIDE,
          r"(?:better|happier|easier|fine|good|better off|happier off) {ADV}(?:off )?without me"
          r"|(?:better|happier|easier) (?:off )?(?:for everyone |for them |for my family |for all of them )?"
          r"if i {ADV}(?:(?:was|were|had|would be) {ADV}(?:gone|dead|never born|not alive|not here|not around|"
          r"never here)|(?:was not|wasnt|were not|weren t|was never|did not exist|didnt exist) {ADV}"
          r"(?:here|around|alive|born|exist)?|(?:died|disappeared|vanished|killed myself|ended it|"
          r"never existed|did not exist|stopped existing|left forever|was gone|went away forever))",
          first_person=False, negatable=False),
    _rule("suicide.nobody_would_care", SUICIDE,
          r"(?:no one|nobody|noone|nobody else|not one person|no one at all) {ADV}(?:would|will|"
          r"is going to|d|even) {ADV}(?:care|notice|miss me|cry|be sad|mind|come to my funeral)"
          r"(?: \w+){0,3} (?:if|when) i (?:died|was dead|was gone|disappeared|killed myself|"
          r"was not here|wasnt here|did it|ended it|die)"
          r"|(?:no one|nobody|noone|not one person|nobody at all) {ADV}(?:would|will|is going to|d) {ADV}"
          r"(?:miss|notice|care about|remember|mourn) me(?:{END}| if| when| anyway| at all)"
          r"|(?:nobody|no one|noone|not one person) {ADV}(?:cares|would care|will care|care|gives a \w+|"
          r"would notice|would even notice) (?:if|whether) i (?:live|die|lived|died|am alive|exist|"
          r"was here|am here|was gone|disappeared)"
          r"|(?:if|when) i (?:died|was dead|was gone|disappeared|die)(?: \w+){0,3} "
          r"(?:no one|nobody) {ADV}(?:would|will|d) {ADV}(?:care|notice|miss me|cry)",
          first_person=False, negatable=False),
    _rule("suicide.no_reason_to_live", SUICIDE,
          r"(?:no|not any|not a|nothing|zero) {ADV}(?:point|reason|purpose|reasons) "
          r"(?:in |to |for |of )?(?:me )?(?:to )?(?:be alive|be here|stay alive|exist|"
          r"living|live|life|going on|being alive|being here|"
          r"carrying on|existing|exist|anything(?: anymore)?|me being here|trying anymore|"
          r"staying alive|keep going|keeping going)"
          r"|(?:not|never|can not|cant) {ADV}(?:see|find) (?:the |a |any )?(?:point|reason|purpose) "
          r"(?:in |of |to |for )?(?:anything|living|life|going on|being alive|carrying on|it all|"
          r"trying|existing|me being here|staying alive|being here|me|any of it|this)"
          r"|(?:see|find|there is|there s|theres) no (?:point|reason|purpose) (?:in |of |to |for )?"
          r"(?:anything|living|life|going on|being alive|carrying on|it all|trying|existing|"
          r"being here|staying alive|any of it)"
          r"|(?:can not|can t|do not|dont|never|not) {ADV}(?:see|have|imagine|picture) (?:a|any|my) "
          r"future(?: for (?:me|myself))?{END}|(?:there is|theres|there s) no future for me|"
          r"i have no future{END}"
          r"|(?:not|never|can not|can t) {ADV}(?:see|imagine|picture) (?:myself|me) (?:being |still )?(?:alive|"
          r"here|around|living|making it|getting older|growing up)"
          r"|nothing (?:left )?to live for|(?:not|isnt|is not|no longer|never) {ADV}worth "
          r"(?:living|it anymore|being alive|staying alive|fighting for)"
          r"|(?:what is|whats|what s) (?:even )?the point (?:of|in) (?:even )?(?:living|life|being alive|anything|"
          r"me|existing|going on|carrying on|trying anymore|it all|even being here|staying alive)"
          r"|life (?:is|feels) {ADV}(?:pointless|meaningless|not worth it)(?: anymore)?{END}",
          negatable=False),
    _rule("suicide.not_want_to_live", SUICIDE,
          r"(?:not|never|no longer|nt) {ADV}(?:want|wanna|wish|like|need|care|deserve|deserves) {ADV}(?:to )?"
          r"(?:live(?! (?:in|at|with|near|on|there|abroad|by|somewhere|anywhere|next|close|far|together|"
          r"alone|here|round|around|over|under|without)\b)|be alive|be here|exist|carry on|go on|"
          r"keep going|keep living|stay alive|"
          r"be around|be on this earth|be in this world|wake up(?! (?:early|at|for|so|this|in time|on time))|"
          r"see tomorrow|see another day|do life|be living|survive)"
          r"|(?:hope|hoping|wish|wishing|pray|praying) (?:that )?i (?:do not|will not|never|"
          r"would not|did not) {ADV}(?:wake up|wake|make it through|survive|see tomorrow|"
          r"live (?:much )?longer|live to see)"
          r"|(?:not|never) {ADV}(?:sure|know|knowing) (?:if|whether|why) i (?:want to|can|should) "
          r"(?:live|keep going|go on|carry on|be alive|stay alive|keep living)",
          negatable=False),
    _rule("suicide.cant_go_on", SUICIDE,
          r"(?:can not|could not|can t|unable to|not able to) {ADV}(?:go on|carry on|keep going|"
          r"cope|take it|take this|do this|do it|live like this|handle (?:it|this|life)|deal with "
          r"(?:it|this|life)|face (?:another day|tomorrow|life)|be here|survive|keep living)"
          r"(?: like this)?(?: anymore| any longer| no more)"
          r"|(?:can not|can t) {ADV}(?:go on|carry on|keep going|keep living|live) like this{END}"
          r"|(?:do not|dont|don t) (?:think|know if|know whether|feel like) i can (?:keep going|go on|carry on|"
          r"cope|do this|take (?:it|this|much more|any more)|last|survive|hold on|keep living|stay alive|"
          r"keep fighting)(?: anymore| much longer| any longer| for much longer)?"
          r"|not (?:strong|brave) enough to (?:keep living|keep going|go on|carry on|live|stay alive|survive|"
          r"fight this|keep fighting|do this anymore|be here)"
          r"|how (?:much )?(?:longer|long) i can (?:keep going|go on|carry on|cope|do this|take (?:it|this)|"
          r"hold on|keep living|last|survive|keep fighting|stay alive|pretend)",
          negatable=False,
          excludes=r"level|homework|maths|math|game|puzzle|exam|exams|revision|essay|coursework|quiz|"
                   r"crossword|jigsaw|test|lesson|workout|diet|job|shift|wifi|wi fi|internet|signal|connection|"
                   r"lag|lagging|buffering|traffic|queue|noise|heat|rain|weather|bus|train is late"),
    _rule("suicide.tired_of_life", SUICIDE,
          r"(?:tired|sick|done|finished|exhausted|bored|fed up|over) (?:of|with) {ADV}"
          r"(?:living|being alive|life|existing|being here|my life|it all|everything and everyone|"
          r"this life|trying to stay alive|being me)(?! (?:at|in) )"
          r"|hate (?:being alive|existing|living|my existence)|give up on (?:life|living|myself)"
          r"|giv(?:e|ing) up on (?:everything|it all)(?: \w+){0,2} (?:living|life|being alive)"
          r"|(?:life|living|existing) is (?:too hard|unbearable|torture|hell)(?: to (?:bear|live))?{END}",
          needs=r"tired|sick|done|finished|exhausted|bored|fed up|over|hate|give up|life|living|existing"),
    _rule("suicide.want_it_to_stop", SUICIDE,
          r"(?:want|need|wish) {ADV}(?:it|it all|everything|the pain|this|life|my life|the thoughts|"
          r"the voices|all of it) {ADV}to (?:stop|end|be over)(?: forever| for good| now)?{END}"
          r"|(?:make|making) (?:it|it all|the pain|everything) (?:all )?stop forever"),
    _rule("suicide.want_out", SUICIDE,
          r"(?:want|need|wanna|wish i could get) {ADV}out(?:{END}| of (?:this life|life|this world|"
          r"everything|it all|existence|this body|this(?:{END})))"
          r"|(?:no|not any|the only) (?:other )?(?:way|escape|exit) (?:out|left)?(?:{END}| (?:of|from) "
          r"(?:this|it|life|the pain|how i feel|my head))",
          excludes=r"escape room|game|maze|level|fortnite|minecraft|roblox|film|traffic|car park|"
                   r"building|exam|the room|lesson"),
    _rule("sh.want_pain", SUICIDE,
          r"(?:{DESIRE}) {ADV}(?:feel|cause myself|inflict|give myself) (?:physical |real |some |the |more )?pain"
          r"|deserve (?:to (?:be hurt|suffer|feel pain|be punished|be in pain|bleed)|pain|the pain)"
          r"|(?:{I}) {ADV}(?:hurt|punish|harm) myself (?:to|so|because|cos|when|whenever|every)",
          needs=r"pain|deserve|myself"),
    _rule("suicide.burden", SUICIDE,
          r"(?:{I}) {ADV}(?:am|m|feel like|feel|have become|became|was|am just|will always be) "
          r"{ADV}(?:such |a |just |nothing but |only |a massive |a huge |the biggest |an )*"
          r"(?:burden|waste of (?:space|oxygen|air|life))",
          needs=r"burden|waste"),
    _rule("sh.danger_to_self", SUICIDE,
          r"(?:not safe|unsafe|a danger|dangerous) (?:from|to|around|with) myself|(?:scared|afraid|worried|"
          r"terrified) (?:of what i might do to myself|i will hurt myself|i ll hurt myself|i might hurt myself|"
          r"i will kill myself|i ll kill myself|i might kill myself|of myself)|(?:can not|cant|do not|dont) "
          r"trust myself(?: not to| around| with| tonight|{END})",
          negatable=False, needs=r"myself"),
    _rule("sh.relapse", SUICIDE,
          r"relaps\w* (?:and |again |last night |today |tonight |yesterday |with |on |into |back into )*"
          r"(?:cut|cutting|burn|"
          r"burned|burnt|burning|self harm\w*|hurt myself|harmed myself|sh)"
          r"|(?:{I}) {ADV}(?:have |ve |just |had )?relapsed(?:{END}| again| last)"
          r"|(?:cut|cutting|burnt|burned|burning|hurt myself|harmed myself) again(?:{END}| last| "
          r"tonight| today| yesterday| after| even)",
          needs=r"relaps|again"),
    _rule("sh.tools_ready", SUICIDE,
          r"(?:got|have|has|had|getting|get) (?:the |my |all the |all my |enough |loads of |a )?"
          r"(?:{PILLS}|rope|blade|blades|razor|razors|knife|noose) (?:ready|lined up|counted out|"
          r"counted|saved up|in front of me|in my hand|next to me|hidden for)"
          r"|(?:(?:a|the|my) (?:bottle|packet|box|pack|load|handful) of )?(?:{PILLS}|rope|blade|blades|razor|razors|"
          r"knife|noose|gun) (?:are |is )?(?:ready|next to me|in my hand|in front of me|beside me|lined up|"
          r"counted out)"
          r"|(?:use|using|turn|turning) (?:it|them|this|that|the knife|the blade|the gun|the razor) on myself",
          needs=r"ready|lined|counted|saved|front|hand|next|hidden|beside|myself"),
    _rule("suicide.suicidal", SUICIDE,
          r"suicidal(?:ly)?(?! (?:squad|mission|doors?|runs?|sprints?|drills?)\b)"),
    _rule("suicide.word", SUICIDE,
          r"(?:suicide|killing myself|ending it|ending my life) (?:is|has been|keeps|seems|feels) "
          r"(?:on my mind|my only|the only|the answer|the best|my best|my way out|an option|"
          r"the way out|all i think about|all i can think about|coming back|in my head)"
          r"|(?:death|dying|suicide|killing myself|ending it|ending it all|being dead) (?:seems|is|feels|looks) "
          r"(?:like )?(?:the|my) (?:only|best|last|easiest) (?:option|way out|answer|choice|solution|escape|way)"
          r"|(?:imagin\w*|picturing|picture|pictured|thinking about|planning|plan|planned|dreaming about|"
          r"dream about) (?:my|my own) (?:funeral|death|suicide|grave)"
          r"|(?:suicide|killing myself|ending it|ending it all|dying|death|ending my life|self harm|"
          r"taking my (?:own )?life) (?:has |have |keeps |keep |often |sometimes |always |constantly )?"
          r"(?:crossed|crosses|cross|been on|is on|running through|going through) my (?:mind|head)"
          r"|(?:threaten|threatens|threatening|threatened) (?:suicide|to kill myself|to end it|to end my life|"
          r"to self harm|to hurt myself|to overdose|to jump)"
          r"|(?:plan|planned|planning|planing|prepared|preparing|written|wrote|writing|researched|"
          r"researching|organised|organising|sorted) (?:out )?(?:my|for my) (?:own )?(?:suicide|death|"
          r"funeral|exit|overdose|last day|goodbye)"
          r"|suicide (?:note|letter|plan|plans|pact|method|methods|thoughts|urges|watch|"
          r"risk|ideation|attempts?)"
          r"|(?:write|wrote|written|writing|left|leave|leaving) (?:a |my )?(?:goodbye|last|final) "
          r"(?:note|letter|message|video|post)"),
    _rule("suicide.attempted", SUICIDE,
          r"(?:{I}) {ADV}(?:have |had |ve |already )?(?:attempted|tried)(?: suicide| it| to end it| to do it)?"
          r"(?= (?:last (?:year|month|week|night|time|summer)|before|twice|once|again|when|a few|\d|two|three|"
          r"several|many|loads of|in the past)\b)",
          needs=r"attempted|tried"),
    _rule("suicide.attempt_again", SUICIDE,
          r"survived (?:my|the|a|another|an) (?:suicide |last |first )?attempt"
          r"|(?:my|a|another|the) (?:suicide |last )?attempt (?:failed|did not work|didnt work|went wrong)"
          r"|(?:want|going|gonna|will|need|plan|planning|ready) (?:to )?(?:try|do it|attempt) again",
          requires=r"attempt\w*|overdos\w*|suicid\w*|kill myself|hang\w*|tried to kill|tried to end|"
                   r"last time i tried",
          needs=r"attempt|again"),
    _rule("suicide.know_how", SUICIDE,
          r"(?:know|decided|worked out|figured out|planned|chosen|picked) (?:exactly )?(?:how|when|where|the "
          r"day|the date|the way) (?:i am going to|i will|i would|i m going to|i am gonna|to|i ll|i want to) "
          r"(?:do it|end it|kill myself|die|go)(?:{END}| tonight| tomorrow| on)",
          needs=r"how|when|where|day|date|way"),
    _rule("suicide.helpline", SUICIDE,
          r"(?:suicide|suicidal|crisis|self harm) (?:hot ?line|help ?line|line|number|chat)",
          first_person=False, negatable=False),
    _rule("suicide.how_to", SUICIDE,
          r"(?:how|best way|easiest way|quickest way|fastest way|painless way|least painful way|"
          r"most painless way|surest way|ways|methods?|method) (?:to|do i|do you|do people|can i|"
          r"can you|should i|would i|could i|would you) {ADV}(?:kill (?:myself|yourself|"
          r"themselves|oneself)|commit suicide|die|end (?:it|my life|your life)|overdose|hang "
          r"(?:myself|yourself)|od|unalive|slit|cut deep|cut deeper|cut your wrists|cut my wrists|"
          r"die painlessly|die in my sleep|disappear forever)"
          r"|how (?:many|much) (?:{PILLS}|paracetamol|tablets)(?: \w+){0,5} (?:to|would|will|"
          r"does it take to|it takes to|do you need to|would it take to|till|until|before) {ADV}"
          r"(?:die|kill|overdose|od|end it|stop my heart|not wake up|be fatal|be lethal)"
          r"|how (?:many|much) (?:{PILLS}|paracetamol|tablets) (?:it takes|does it take|would it take|"
          r"it would take|you need|would kill|it would take to kill)(?:{END}| to (?:die|kill|od|overdose))"
          r"|how long (?:does it|would it|will it|did it|it takes|it would take) (?:take )?(?:to )?(?:die|bleed out|"
          r"overdose|od)(?: \w+){0,3}(?:{END}| (?:from|with|by|if|after|on))"
          r"|(?:lethal|fatal|deadly) dose",
          first_person=False, negatable=False,
          needs=r"how|way|method|lethal|fatal|deadly|long"),
    _rule("suicide.told_to_kill_self", SUICIDE,
          r"(?:tell(?:s|ing)?|told|say(?:s|ing)?|said|messag(?:e|es|ed|ing)|text(?:s|ed|ing)?|"
          r"comment(?:s|ed|ing)?|keep telling|keeps telling|kept telling) {ADV}(?:me )?(?:to |i should |"
          r"that i should |i need to |i ought to |i have to )?(?:go )?(?:kill (?:myself|yourself)|"
          r"die|unalive|hang (?:myself|yourself)|end it(?: all)?|end my life|hurt myself|cut(?:{END}| myself)|"
          r"jump)",
          first_person=False),
    _rule("suicide.wont_be_here", SUICIDE,
          r"(?:will not|am not going to|not going to|will no longer|wont|not gonna|might not|"
          r"may not) {ADV}be (?:here|around|alive) {ADV}(?:tomorrow|much longer|for long|"
          r"next week|after tonight|by (?:tomorrow|the morning|monday|next week|the weekend)|"
          r"for much longer|anymore|soon)"
          r"(?! (?:because|cos|as|since|so|i am at|i am going|i will be|at|in|on|for|morning|"
          r"night|afternoon)\b)",
          negatable=False),
    _rule("suicide.euphemism", SUICIDE,
          r"(?:going to|gonna|might|about to|will|want to|wanna|ll|scared i will|scared i ll) (?:do something|"
          r"do smth|do sumthing) (?:stupid|silly|bad|dangerous|drastic|i regret|i can not take back|to myself)"
          r"(?:{END}| tonight| to myself| again)"
          r"|log(?:ging)? (?:off|out) (?:of life |of this life )?(?:for good|forever|permanently|for the last time)"
          r"|game over for me|(?:it is|its|it s) game over(?: for me)?(?:{END}| soon| tonight)"
          r"|(?:my|this) (?:time|story|life) is (?:up|over|nearly over|almost over)(?:{END}| soon)",
          excludes=r"fifa|fortnite|video game|computer game|(?:the|this|a|that) game|gaming|level|match|minecraft|"
                   r"roblox|homework|exam|hair|tattoo|piercing|"
                   r"haircut|lol|haha",
          needs=r"something|smth|sumthing|log|game over|time|story|life"),
    _rule("suicide.wont_make_it", SUICIDE,
          r"(?:will not|wont|am not going to|not going to|do not think i will|dont think i will|"
          r"do not think i am going to|might not|probably will not) {ADV}make it (?:to|through|past|until|"
          r"till) (?:my birthday|christmas|the weekend|tomorrow|next week|next year|the end of|another|"
          r"the summer|new year|my \w+ birthday|tonight|the morning|monday|friday)",
          negatable=False, needs=r"make it"),
    _rule("suicide.goodbye", SUICIDE,
          r"this is (?:my|the) (?:last|final) (?:message|goodbye|post|text|time)"
          r"|(?:giving|gave|given|give) (?:away )?(?:all )?my (?:stuff|things|belongings|possessions) away"
          r"|(?:giving|gave|given|give) away (?:all )?my (?:stuff|things|belongings|possessions)"
          r"|(?:goodbye|bye) (?:forever|everyone forever|world|cruel world)"
          r"|(?:goodbye|bye) (?:everyone|everybody|all|world|mum|dad|all of you)(?: (?:i love you|forever|for "
          r"good|sorry|i am sorry))?(?= ?(?:$|\.|~))"
          r"|(?:what if|maybe|should|if) i {ADV}(?:ended it|end it|killed myself|kill myself|died|disappeared|"
          r"did it|jumped|overdosed|was gone|was not here|never woke up)(?= ?(?:$|\.|~|tonight|now|would|"
          r"will|then|and|i|everyone|nobody|no one))"
          r"|(?:going to|gonna|will|ll) (?:actually |finally |really )?do it (?:this time|for real|properly|"
          r"tonight|for good)(?:{END}| bye| goodbye| sorry)"
          r"|(?:write|wrote|written|writing|left|leave|leaving|sent|send|sending|made|recorded|found|"
          r"find|got|received|saw|read|a|the) "
          r"(?:\w+ ){0,3}(?:letters?|notes?|messages?|texts?|videos?|posts?) (?:\w+ ){0,4}?"
          r"(?:to say goodbye|saying goodbye|say goodbye|to say sorry for what i am about to do)"
          r"|goodbye (?:message|letter|note|text|video|post|messages|letters|notes)"
          r"|(?:messaged|texted|snapped|dmed|called|rang|wrote to|posted|sent) (?:me |us |everyone |to everyone )?"
          r"(?:\w+ ){0,2}(?:saying|to say) (?:goodbye|bye forever|sorry for everything)"
          r"|(?:(?:tonight|today|tomorrow|this) (?:is|s)|tonights|todays) the (?:night|day|end|last day|last night)"
          r"(?: (?:i|that i) (?:end it|die|do it|kill myself|go|leave|end my life|am going))?{END}"
          r"|(?:{I}) (?:am |m |will |ll |have |ve )?(?:ending it|end it|ending it all|end it all|"
          r"ending things|ending my life|done it|doing it)(?= ?(?:$|\.|~|tonight|today|tomorrow|now|"
          r"soon|this|on|at|after|before|when|i|and|for good|forever|right now))"),
    # self-harm
    _rule("sh.explicit", SUICIDE,
          r"(?:{I}|my|me) {ADV}{AUX}{ADV}(?:{SH})|(?:my|the|new|fresh|bad) (?:{SH}) "
          r"(?:urges?|scars?|cuts?|marks?|wounds?|relapses?|habit|addiction|problem|is|has|"
          r"again|thoughts|is back|is getting|keeps|got worse|wounds)"
          r"|(?:{SH}) (?:urges?|thoughts|cravings) (?:are|is|have been|keep|getting|got|so)"
          r"|(?:{SH}) {ADV}(?:again|tonight|last night|today|every day|everyday|daily|right now|"
          r"since|for (?:\w+ )?(?:years|months|weeks|a while|ages)|relapse)"
          r"|^(?:{SH})(?: help| support| again)?{END}",
          needs=r"self"),
    _rule("sh.bare", SUICIDE,
          r"(?:{SH})",
          excludes=r"awareness|what is|what does|definition|meaning|lesson|pshe|project|essay|research|"
                   r"charity|unit|ward|nurse|training|course|leaflet|poster|film|book|documentary|"
                   r"volunteer\w*|prevention|statistics|article|talk about|talks about|teacher",
          needs=r"self"),
    _rule("sh.verb", SUICIDE,
          r"(?:stop|stopping|quit|quitting|relapse[ds]?|relapsing|urges? to|urge to|addicted to|"
          r"want to|wanna|going to|started|start|starting|help (?:me )?(?:with|for|to stop)|"
          r"been|keep|kept|back to|clean from|free from|months clean of|days clean of|"
          r"doing|do|did|resist|resisting|resisted|need to|have to|tempted to|scared i will|"
          r"on|thinking about|think about|thought about|used to|recovering from|recovery from|"
          r"struggling with|struggle with|battling|cope with|coping with|disclosed|disclosing|"
          r"told me about|talked about|talking about|talks about|admitted|admitted to|mentioned|"
          r"confessed|confessed to|signs of|evidence of|keeps|started|starts) {ADV}(?:(?:thoughts of|"
          r"thoughts about|urges to|the urge to|urges of|the urges to|the idea of) )?(?:{SH})",
          needs=r"self"),
    _rule("sh.cant_stop", SUICIDE,
          r"(?:can not|can t|could not|unable to) {ADV}stop {ADV}(?:{SH}|cutting|hurting myself|"
          r"harming myself|burning myself|scratching myself|hitting myself)",
          negatable=False),
    _rule("sh.harm_self", SUICIDE,
          r"(?:hurt(?:s|ing)?|harm(?:s|ed|ing)?|injur(?:e|es|ed|ing)|punish(?:es|ed|ing)?) "
          r"(?:{SELF})(?! (?:laughing|by accident)\b)",
          accident=True,
          needs=r"myself|ourselves"),
    _rule("sh.cut_self", SUICIDE,
          r"(?:cut(?:s|ting)?|slic(?:e|ed|ing)|carv(?:e|ed|ing)|scratch(?:es|ed|ing)?|"
          r"burn(?:s|ed|t|ing)?|bit(?:e|es|ing)?|hit(?:s|ting)?|punch(?:es|ed|ing)?|"
          r"bang(?:s|ed|ing)?|starv(?:e|es|ed|ing)|bruis(?:e|es|ed|ing)|mark(?:s|ed|ing)?|"
          r"pinch(?:es|ed|ing)?|scald(?:s|ed|ing)?|stab(?:s|bed|bing)?|pierc(?:e|es|ed|ing)|"
          r"choke|choking|choked|strangl(?:e|ed|ing)|suffocat(?:e|ed|ing)) {SELF}"
          r"|(?:cut(?:s|ting)?|slic(?:e|ed|ing)|carv(?:e|ed|ing)|slash(?:ed|ing)?|burn(?:s|ed|t|ing)?|"
          r"scratch(?:es|ed|ing)?|scar(?:s|red|ring)?|knife|knifing|stab(?:bing|bed)?|slit(?:ting)?|"
          r"open(?:ing)? up) (?:my|me|into my|up my) (?:{BODY})"
          r"|(?:carv|cut|cutting|scratch|etch|engrav|burn|burnt|burning)\w* (?:\w+ ){1,3}(?:into|in|on|onto) "
          r"(?:my|me) (?:{BODY})",
          accident=True),
    _rule("sh.make_self_bleed", SUICIDE,
          r"(?:make|makes|made|making) {SELF} (?:bleed|bruise|hurt|suffer|burn|pass out)"
          r"|(?:until|till|so) i (?:bleed|bled|am bleeding|was bleeding|could see blood)"
          r"|(?:until|till|so hard|so much|and) (?:they|it|my (?:{BODY}|knuckles|hands?|fingers|head|"
          r"skin|nails)) (?:bleed|bleeds|bled|are bleeding|is bleeding|start bleeding|starts bleeding|"
          r"bruise|bruises|break|breaks|crack|cracks|swell)"
          r"|(?:make|made) (?:it|them) bleed",
          # Biting nails or lips till they bleed is a habit, not self-harm.
          excludes=r"(?:bite|bites|biting|bit|pick|picking|picked|chew|chewing) (?:at )?(?:my |his |her )?"
                   r"(?:nails|cuticles|lips?|fingernails)"),
    _rule("sh.cutting", SUICIDE,
          r"(?:been|keep|keeps|kept|started|starts|start|starting|still|stop|stops|stopped|quit|"
          r"relapsed|relapse|urges? to|urge to|want to|wants to|going to|need to|needs to|wanna|"
          r"gonna|thinking about|think about|thinks about|"
          r"thought about|addicted to|back to|help me stop|i|am|is|was|m|do|did|doing|"
          r"resist|resisting|tempted to|feel like|scared i will|secretly|have been|ve been) "
          r"{ADV}(?:cutting|cut|burning|scratching|hitting myself)"
          r"(?= ?(?:$|\.|~|again|myself|my (?:{BODY})|and|but|because|lol|for|since|tonight|every|"
          r"when|i|so|last|to|blood|deep|deeper|too deep|with|or|now|right now|rn|on purpose|"
          r"badly|still|anymore|sometimes|after|in secret))",
          accident=True,
          excludes=r"(?:cutting|cut) (?:class|classes|lessons?|school|hair|grass|paper|onions|"
          r"veg|vegetables|down|back|out|corners|wood|costs|ties|sugar|carbs|fabric|cake|"
          r"the)",
          needs=r"cut|burn|scratch|hitting"),
    _rule("sh.marks", SUICIDE,
          r"(?:saw|seen|noticed|found|spotted|discovered) (?:some |fresh |new |the |loads of |lots of )?(?:cuts|"
          r"scars|burns|self harm marks|blood on (?:his|her|their|my) (?:sleeves|sheets|arms|bed))"
          r"|(?:covered in|full of|hide|hiding|hid|cover up|covering up|covering|new|fresh|found|"
          r"find|noticed|notice|saw|see|seen|spotted|spot|there are|there were|has|have|got|"
          r"deep|infected|bleeding|my|the) {ADV}(?:cuts|scars|burns|self harm scars|marks|scratches|slashes|"
          r"lines|wounds) "
          r"(?:on|over|up|all over|across) {ADV}(?:my|me) (?:{BODY})"
          r"|(?:my|me) (?:{BODY}) (?:is|are) {ADV}(?:covered in|full of) (?:cuts|scars|burns|marks)"
          r"|(?:hide|hiding|hid|cover|covering) (?:my|the) (?:cuts|scars|self harm|wounds|burns)"
          r"|(?:long sleeves|sleeves|hoodies?|plasters|bandages) (?:to|so) (?:hide|cover|nobody sees|"
          r"no one sees|people do not see) (?:my|the) (?:cuts|scars|marks|arms|wrists)"
          r"|cut (?:too )?deep(?:er)?{END}|cut too deep"
          r"|(?:{SH}) (?:marks|scars|cuts|wounds|injuries|burns)"
          r"|(?:pics|photos|pictures|videos|snaps) of my (?:cuts|scars|wounds|burns|self harm)"
          r"|(?:my|the) (?:cuts|scars|wounds|burns|marks) (?:are|is|look|keep) {ADV}(?:fresh|new|"
          r"bleeding|infected|deep|open|raw|red|getting worse|opening)",
          accident=True,
          needs=r"scratches|slashes|lines|wounds|blood|cuts|scars|burns|marks|self harm|cut"),
    _rule("sh.slang", SUICIDE,
          r"barcod(?:e|es|ed|ing)|(?:cut|cutting|went|gone|got|cuts|go|going) (?:down )?(?:to|into) (?:the )?"
          r"(?:beans|styro|styrofoam|fat layer|fat|the bone|bone|muscle|dermis|yellow)",
          excludes=r"shop|scan|ticket|price|product|label|barcode scanner|supermarket|tesco|asda|aldi",
          needs=r"barcod|beans|styro|fat|bone|muscle|dermis|yellow"),
    _rule("sh.blades", SUICIDE,
          r"(?:took|take|taking|got|get|getting|broke|break|breaking|bought|hide|hiding|hid|"
          r"keep|use|used|using|found|have|hidden) (?:a |the |my |some |new |out )*"
          r"(?:blades?|razors?|razor blades?)(?: (?:out of|from) (?:a |the |my )?(?:sharpener|"
          r"razor|shaver))?(?! (?:for|to) (?:shaving|shave|my legs|legs))"
          r"|(?:sharpener|pencil sharpener) blades?",
          excludes=r"shaving|shave|my legs|beard|to sharpen|sharpening|craft|crafts|art project|"
                   r"model making|dt|design and technology|woodwork|stanley knife for"),
    _rule("sh.pills_taken", SUICIDE,
          r"(?:took|taken|take|taking|swallowed|swallow|swallowing|downed|necked|had|ate|eaten|"
          r"popped|popping|chugged|taking all) (?:like |about |around |roughly |nearly |over |maybe |at least )?"
          r"(?:{QTY}) (?:of )?(?:my |the |mums |dads |me |her |"
          r"his |their |nans |these |those |them |some |the whole |a whole |a few )?"
          r"(?:\w+ )?(?:{PILLS})"
          r"|(?:took|taken|swallowed) (?:them|it) all|(?:{PILLS}) (?:all|everything) gone",
          needs=r"pill|tablet|painkiller|capsule|pills|tablets|paracetamol|pain|ibuprofen|medication|sleeping|"
                r"anti|co codamol|codeine|"
                r"aspirin|insulin|tabs|prescription|capsules|them all|it all"),
    _rule("sh.take_them_all", SUICIDE,
          r"(?:take|taking|took|taken|swallow|swallowing|swallowed|down|downing|have|having|neck|necking) "
          r"(?:them|these|those|it|the lot|everything) (?:all|at once|in one go)|(?:take|taking|took|swallow|"
          r"swallowing|swallowed) (?:all of them|the lot|the whole lot)",
          requires=r"{PILLS}|pill|tablet|meds|overdos\w*",
          needs=r"take|taking|took|taken|swallow|down|have|having|neck"),
    _rule("sh.drink_and_pills", SUICIDE,
          r"(?:drank|drunk|downed|necked|had) (?:a |the |half a )?(?:whole |full )?(?:bottle|litre|load|lot) of "
          r"(?:vodka|alcohol|gin|wine|whisky|whiskey|rum|spirits|cider|booze)(?: \w+){0,3} (?:and|then|with|"
          r"plus) (?:took|taken|swallowed|had|downed) (?:some |my |loads of |a load of |all my |a few |"
          r"a bunch of )?(?:{PILLS})",
          needs=r"bottle|litre|load|lot"),
    _rule("sh.poison", SUICIDE,
          r"(?:drank|drunk|drink|drinking|swallowed|swallow|swallowing|ate|eaten|took|taken|had|downed|"
          r"necked) (?:some |a bottle of |a cup of |loads of |a load of |a lot of |the |a whole bottle of )?"
          r"(?:bleach|poison|antifreeze|weedkiller|weed killer|drain cleaner|rat poison|disinfectant|"
          r"white spirit|cleaning fluid|washing up liquid)",
          needs=r"bleach|poison|antifreeze|weed|drain|disinfectant|spirit|cleaning|washing"),
    _rule("sh.pills_saving", SUICIDE,
          r"(?:saving|saved|save|stockpiling|stockpiled|stockpile|hoarding|hoarded|hoard|"
          r"collecting|collected|stashing|stashed|stash|hiding|hid|keeping) {ADV}(?:up )?"
          r"(?:my |some |loads of |a lot of |lots of |all my |enough |the )?(?:{PILLS})"
          r"(?! (?:for (?:my|the|a) (?:headache|period|back|nan|asthma|migraine)))"),
    _rule("sh.overdose", SUICIDE,
          r"(?:{I}) {ADV}(?:have |had |just |ve |already |recently |once )*overdos(?:ed|e|ing)"
          r"|(?:took|taken|take|taking|had|do|did|done|doing) (?:an |a |another )?(?:overdose|od)\b"
          r"|(?:{DESIRE}) {ADV}(?:overdose|od|take an overdose)",
          needs=r"overdos|od\b"),
    _rule("sh.jump", SUICIDE,
          r"(?:jump|jumping|jumped|throw {SELF}|throwing {SELF}|threw {SELF}|fling {SELF}|leap|"
          r"leaping|fall|falling) (?:off|from) (?:{HIGH})"
          r"|(?:jump|jumping|jumped|step|stepping|stepped|walk|walking|walked|run|running|ran|"
          r"throw {SELF}|throwing {SELF}|threw {SELF}|lie|lying|lay|lie down|stand|standing) "
          r"(?:in front of|under|onto|on to) (?:{VEHICLE}|(?:the |a )?(?:tracks|railway|train line|"
          r"motorway|road))"
          r"|(?:walk|walking|walked|step|stepping|stepped|run|running|ran) into (?:the )?"
          r"(?:traffic|motorway|oncoming)",
          excludes=r"trampoline|diving board|swimming|pool|parkour|skydiv\w*|bungee|"
                   r"tombstoning|into the sea for fun|playing|in (?:minecraft|roblox|fortnite|gta|the game|game)",
          needs=r"jump|throw|threw|fling|leap|fall|step|walk|run|ran|lie|lying|lay|stand"),
    _rule("sh.on_the_edge", SUICIDE,
          r"(?:standing|stood|sat|sitting|am|i am|on|at|up) (?:on|at) (?:the |a |this )?(?:edge of (?:the |a )?|"
          r"top of (?:the |a )?)?(?:{HIGH})(?= ?(?:$|\.|~|right now|now|rn|and|ready|thinking|looking|about|alone|"
          r"again|at (?:night|\d)|tonight))"
          r"|(?:standing|stood|sat|sitting|am|i am|on|at|up) (?:on|at) (?:the |a |this )?"
          r"(?:edge of (?:the |a )?)?(?:bridge|ledge|roof edge|railway|tracks|train tracks|"
          r"cliff edge|cliff|platform edge|edge of the roof|top of (?:the |a )?(?:building|car park|"
          r"multi storey|tower|bridge|cliff))"
          r"(?= ?(?:$|\.|~|right now|now|rn|and|ready|thinking|looking|about|alone|again|"
          r"at (?:night|\d)|tonight|for (?:ages|hours|a long time)(?: last night| tonight| alone)?(?= ?(?:$|\.|~|"
          r"thinking|looking|alone))))"),
    _rule("sh.about_to_jump", SUICIDE,
          r"(?:going to|gonna|about to|will|ll|ready to|want to|wanna|thinking about|might|could just|"
          r"should|scared i will|going to just) {ADV}(?:jump|let go|step off|fall|throw myself)(?:{END}| off)",
          requires=r"roof|bridge|edge|ledge|building|car park|cliff|balcony|window|tracks|tower|"
                   r"multi storey|flats|top floor|railway|motorway|platform",
          excludes=r"trampoline|pool|diving|swimming|parkour|skydiv\w*|bungee|tombstoning|"
                   r"playing|game|lol|haha|fortnite|minecraft|roblox|film",
          needs=r"jump|let go|step off|fall|throw"),
    _rule("sh.jump_bare", SUICIDE,
          r"(?:going to|gonna|about to|threatening to|threatened to|wants to|want to|ready to|planning to|"
          r"will|ll) jump(?= ?(?:$|\.|~|tonight|now|right now|please|help|i|and|soon))",
          excludes=r"trampoline|pool|diving|swimming|parkour|skydiv\w*|bungee|tombstoning|playing|game|"
                   r"lol|haha|fortnite|minecraft|roblox|film|queue|rope|puddle|wave|waves|horse|show|"
                   r"scare|scared me|excited|joy|for joy|in the air|sea|board|diving",
          needs=r"jump"),
    _rule("sh.rope", SUICIDE,
          r"(?:noose|ligature)"
          r"|(?:got|bought|have|has|tied|made|found|tying|making|buying|ordered|hid|hidden) "
          r"(?:a |the |some )?rope{END}"
          r"|(?:got|bought|have|tied|made|found|tying|making|buying|ordered) (?:a |the |some )?"
          r"rope (?:ready|tonight|in my (?:room|wardrobe|bag)|hidden|for (?:me|myself|tonight))",
          excludes=r"skipping|climbing|jump rope|ropes course|tug of war|rope swing|swing|boat|"
                   r"sailing|knots|scouts|cadets",
          needs=r"noose|ligature|rope"),
    _rule("sh.method_intent", SUICIDE,
          r"(?:{DESIRE}) {ADV}(?:use|take|get|buy|find) (?:a |the |my |some )?"
          r"(?:rope|noose|gun|blade|razor|pills|tablets|knife|ligature) (?:to|and) "
          r"(?:end|kill|die|cut|hang|do it)"),
    _rule("sh.emoji_despair", SUICIDE,
          r"(?:i am|im|i m) (?:so |just |literally )?(?:done|finished|over it|tired|ready)(?: \w+)?"
          r"(?: (?:knife|blood|pills|rope|coffin|grave|gun))+{END}"
          r"|(?:bye|goodbye)(?: \w+){0,2}(?: (?:knife|blood|pills|rope|coffin|grave|gun))+{END}",
          needs=r"knife|blood|pills|rope|coffin|grave|gun"),
    _rule("sh.emoji_intent", SUICIDE,
          r"(?:{DESIRE}) {ADV}(?:knife|blood|pills|gun|rope|coffin|grave|skull)(?: (?:knife|blood|"
          r"pills|gun|rope|coffin|grave|skull))*(?: {SELF})?{END}",
          needs=r"knife|blood|pills|gun|rope|coffin|grave|skull"),

    # Indirect phrasings that a fresh held-out round (positive_holdout2.tsv) showed
    # the rules above missed: goodbyes that never say "kill", plans without a
    # method, and eating-disorder behaviour (routed as self-harm: there is no
    # separate eating-disorder route).
    _rule("suicide.goodbye_indirect", SUICIDE,
          r"by the time (?:you|u|anyone|someone|they|you all|yall) (?:read|reads|see|sees|get|gets|find|finds) "
          r"(?:this|these|it) (?:i will|i ll|ill|i would|i d|id|i am|i m|im) (?:be )?(?:gone|dead|at peace|in heaven|"
          r"not here|not alive|free|already gone|long gone)"
          r"|by the time (?:you|u|anyone|someone|they|you all|yall) (?:read|reads|see|sees|find|finds) (?:this|it)"
          r"(?= ?$)"
          r"|letters (?:\w+ ){0,4}?(?:saying|to say) (?:bye|goodbye)(?:{END}| to (?:everyone|all|my))"
          r"|notes? (?:\w+ ){0,4}?(?:saying|to say) (?:bye|goodbye) (?:forever|for good|to (?:everyone|all of you|"
          r"the world))"
          r"|(?:will not|wont|not going to|am not going to|not gonna) be (?:a|an) (?:problem|burden|bother|"
          r"nuisance|issue) (?:to (?:anyone|you|them|anybody) )?(?:after (?:tonight|today|this)|for (?:much )?longer|"
          r"much longer|for long|soon|ever again)"
          r"|(?:goodbye|bye) (?:everyone|everybody|all|world|guys|all of you) (?:i )?love (?:you|u)(?: all| guys)?{END}"
          r"|(?:texting|messaging|texted|messaged|snapping|snapped) (?:me|us|everyone|people) (?:goodbye|bye forever)"
          r"|love (?:you|u) all(?: ~| \.)* (?:sorry|i am sorry|im sorry|forgive me|goodbye|bye)"
          r"(?: for everything)?{END}",
          negatable=False, needs=r"time|letter|note|problem|burden|bother|nuisance|issue|bye|goodbye|love"),
    _rule("suicide.plan_made", SUICIDE,
          r"(?:made|make|making|got|have|has|had|with|ve) (?:a|the|my) plan (?:to|for|on) (?:how )?"
          r"(?:end it|ending it|end my life|kill myself|killing myself|die|dying|take my life|"
          r"do it (?:tonight|this time|for real|soon))"
          r"|(?:planning|plan|plans|planned|thinking|think) on (?:ending it|ending my life|killing myself|"
          r"ending things|ending everything|taking my (?:own )?life|doing it (?:tonight|soon|this))",
          needs=r"plan|thinking|think"),
    _rule("suicide.not_being_here", SUICIDE,
          r"(?:think|thinking|thought|thoughts|dream|dreaming|talk|talking|talks|fantasi[sz]e|fantasi[sz]ing) "
          r"(?:about|of) (?:not (?:being here|being alive|being around|existing|waking up|living)|death and "
          r"(?:not being here|dying)|dying|being dead|my death|ending it)(?! (?:in|on|at|during|from|of) \w)"
          r"|(?:can not|cant|can t) (?:be bothered|be arsed|be asked) (?:living|being alive|existing|with life|"
          r"to live|staying alive)"
          r"|no way out (?:for me|of this)(?: \w+){0,2} (?:except|but|apart from|other than) "
          r"(?:dying|death|to die|suicide|ending it)"
          r"|(?:only way|only way out|only ending|only way this (?:ends|will end|stops)|only way it (?:ends|stops)) "
          r"(?:\w+ ){0,3}(?:is|would be|will be) (?:me |by )?(?:dying|death|to die|suicide|killing myself|if i die|"
          r"ending it|ending my life)"
          r"|giv(?:e|ing|en) up on (?:everything|it all|life|myself|living) (?:for good|forever|permanently)"
          r"|(?:tonight|today|tomorrow) (?:is|s|will be) my (?:last|final) (?:night|day)"
          r"(?! (?:in|at|of|with|before|on|here|there|as|off)\b)"
          r"|(?:if|when) i (?:die|died) (?:tonight|today|tomorrow)?(?: \w+){0,2} (?:at least )?(?:the )?"
          r"(?:pain|hurt|suffering|it all|everything) (?:stops|ends|will stop|would stop|goes away)",
          excludes=r"film|movie|book|song|game|character|story|essay|grandad|grandma|nan|pet|dog|cat",
          needs=r"about|of|bothered|arsed|asked|way out|pain|hurt|suffering|it all|everything|only|give|giving|"
                r"given|last|final"),
    _rule("sh.shared_wounds", SUICIDE,
          r"(?:picture|pictures|pic|pics|photo|photos|snap|snaps|video|videos) of (?:her|his|their|my) (?:new |fresh |"
          r"deep |bleeding )?(?:cuts|scars|wounds|self harm|burns|arms? all cut)",
          first_person=False, negatable=False,
          excludes=r"paper cuts?|haircut|hair cut|surgery|operation|stitches from|accident|tattoo|fell|hair",
          needs=r"cuts|scars|wounds|self harm|burns|cut"),
    _rule("sh.feel_something", SUICIDE,
          r"(?:{I}) {ADV}{AUX}{ADV}(?:bang|banging|hit|hitting|smash|smashing) my head (?:against|on|off|into) "
          r"(?:the |a )?(?:walls?|floor|door)(?= ?(?:$|\.|~|when|whenever|until|till|til|every|to|so|because|cos|"
          r"again|on purpose))"
          r"|(?:{I}) {ADV}{AUX}{ADV}(?:punch\w*|hit\w*|bang\w*|scratch\w*|pinch\w*|bit\w*|burn\w*|cut\w*|hurt\w*|"
          r"starv\w*|slap\w*|pick\w*|pull\w*) \w+(?: \w+){0,5} "
          r"(?:just )?(?:to feel something|to feel anything|so i (?:can )?feel something|to punish myself|"
          r"(?:until|till|til) (?:it|they|my \w+) (?:bleeds?|bled|bleed))",
          accident=True,
          excludes=r"nails?|cuticles?|lips?|gums|braces|spots?|scabs?|fell|fall|slipped|tripped",
          needs=r"feel|punish|bleed|bled|head"),
    _rule("sh.eating", SUICIDE,
          r"(?:making|make|made|makes) (?:myself|me) (?:sick|throw up|puke|vomit|be sick)(?= (?:after|every|"
          r"when|whenever|so|to|because|cos|each|again)\b|{END})"
          r"|(?:throw|throwing|puke|puking|bring|bringing) (?:up )?(?:everything|all|whatever|anything) "
          r"(?:i|that i) (?:eat|have eaten)"
          r"|(?:{I}) {ADV}(?:have not|has not|had not|not|did not) {ADV}eaten (?:properly |anything |much )?(?:in|for) "
          r"(?:\w+ ){0,2}(?:days|weeks|ages)"
          r"(?= (?:on purpose|deliberately|to lose|so i|because i want to be|cos i want to be|"
          r"(?:cos|because|as|since) i (?:hate|am|feel|look) (?:my body|fat|ugly|disgusting|huge)|"
          r"(?:\w+ ){0,4}(?:skinny|thin|bony|losing weight|lost weight|lost loads of weight)))"
          r"|(?:stopped|stopping|stop|not|barely|hardly|refuses to|refusing to|will not) {ADV}(?:eating|eat)\b"
          r"(?: \w+){0,6} (?:lost|losing|loads of weight|weight|exercis\w*|skinny|thin|calories|bones|on purpose|"
          r"purging)"
          r"|(?:do not|dont|never) (?:deserve|earn|earned) (?:to eat|food|meals|dinner|to have food)"
          r"|(?:{I}) {ADV}{AUX}(?:purge|purging|purged|binge and purge)(?! (?:my|the|our|all|old|files|photos)\b)"
          r"|(?:{I}) {ADV}(?:have|got|ve got|have got|suffer from|struggle with|am struggling with) "
          r"(?:ana|mia|anorexia|bulimia|an eating disorder|eating disorder)"
          r"|(?:{I}) {ADV}(?:do not|dont|never|not|can not) {ADV}eat (?:for|in) (?:days|\d+ days|ages|a whole day|"
          r"two days|three days|a week)"
          r"|(?:sick|throw\w* up|threw up|puk\w*|vomit\w*|purg\w*|starv\w*|skip\w* meals)(?: \w+){0,5} "
          r"(?:to lose weight|so i lose weight|to stay (?:thin|skinny)|to get (?:thin|skinny)|so i do not gain|"
          r"so i dont gain|so i can be (?:thin|skinny))",
          excludes=r"meat|dairy|gluten|sugar|junk|sweets|chocolate|crisps|ramadan|fast|fasting|vegan|vegetarian|"
                   r"bug|virus|flu|covid|cold|rollercoaster|ride|car sick|travel sick|seasick|hangover|drunk|"
                   r"cold|illness|ill|poorly|braces|tooth|dentist|operation|norovirus|sickness|food poisoning|"
                   r"tummy bug|stomach bug|chemo|pregnant|morning sickness|migraine",
          needs=r"sick|throw|puke|vomit|threw|bring|eat|purg|ana|mia|anorexi|bulimi|disorder|starv|skip|deserve|earn|"
                r"food|meals|dinner"),

    # ------------------------------------------------------------------ abuse
    _rule("abuse.hit_me", ABUSE,
          r"(?:{PERSON_DO}) {ADV}{AUX}{ADV}(?:{HIT}) {ADV}(?:{ME}){NOT_GAME}",
          first_person=False,
          excludes=r"play fight\w*|messing (?:about|around)|for a joke|as a joke|joking|banter|"
                   r"by accident|accidentally|pillow fight|snowball|in the arm for|dead arm|"
                   r"when we (?:fight|argue|play|mess|wrestle)|we were (?:fighting|playing|messing|wrestling)|"
                   r"(?:sister|brother|sis|bro|cousin)\b.*\b(?:lol|haha|lmao)",
          needs=HIT_NEEDS),
    _rule("abuse.hits_family", ABUSE,
          r"(?:{PERSON_DO}) {ADV}{AUX}{ADV}(?:{HIT}) {ADV}(?:my (?:mum|dad|step mum|step dad|sister|"
          r"brother|little sister|little brother|baby sister|baby brother|nan|siblings?|"
          r"mum and|dad and|family|little brothers|little sisters|younger \w+|older \w+)|"
          r"mum|dad|us all|all of us){NOT_GAME}",
          first_person=False,
          needs=HIT_NEEDS),
    _rule("abuse.passive", ABUSE,
          r"(?:{I}) {ADV}(?:think |feel like |believe |know )?(?:i )?(?:am|was|were|have been|"
          r"had been|been|being|get|got|getting|keep getting|ve been|m|has been|is|are) {ADV}"
          r"(?:being )?(?:beaten(?: up)?|abused|raped|molested|assaulted|sexually (?:abused|"
          r"assaulted|exploited)|groomed|exploited|trafficked|attacked|strangled|choked|battered|"
          r"threatened|blackmailed|sextorted|coerced|pressured|pressurised|controlled|stalked|"
          r"neglected|hit|touched (?:inappropriately|there|down there|in (?:a|the) (?:wrong|bad|"
          r"weird) way|where|by (?:a |an |my |his |her |some |this |that |the )?(?:{REL_ADULT}|man|"
          r"guy|lad|boy|bloke|adult|person|stranger|older \w+|someone|somebody))|"
          r"spiked|drugged|kidnapped|forced|smacked|slapped|punched|kicked|whipped|belted|thumped|"
          r"pimped(?: out)?|prostituted|sold for sex|passed around|shared around|"
          r"hurt(?= (?:at home|by (?:my|him|her|them|a|an|his|some)|every|all the time|again)))"
          r"(?! (?:out|off|by (?:a |the )?(?:ball|car|bus|bike|door|branch|football|rugby ball|cricket ball|"
          r"frisbee|hockey stick|racket|wave|swing|dart|nerf|{CRITTERS}|everton|liverpool|tranmere|city|united|"
          r"the (?:reds|blues|toffees|other team|opposition))|\d|in (?:the |"
          r"a |our |that )?(?:match|game|final|league|cup|semi|tournament|pe|"
          r"race|exam|test|quiz|fifa)|at (?:football|training|fifa|chess|the match|the game|pe|"
          r"netball|rugby|boxing|darts|cards|pool)|on (?:fifa|fortnite|cod|the game|xbox)|"
          r"to (?:go to|do my|tidy|eat|clean|wear|attend|play|revise|study))\b)",
          excludes=r"surprise|prank|as a joke|for a joke|birthday"),
    _rule("abuse.forced", ABUSE,
          r"(?:(?:{PERSON_DO}) {ADV}{AUX}{ADV}(?:force[sd]?|forcing|make|makes|made|making|"
          r"pressur(?:e|es|ed|ing|ised|ized|ising)|coerc(?:e|es|ed|ing)|push(?:es|ed|ing)?|"
          r"blackmail(?:s|ed|ing)?|tell(?:s|ing)?|told|get(?:s|ting)?|got|want(?:s|ed)?|"
          r"ask(?:s|ed|ing)?|beg(?:s|ged|ging)?|trick(?:s|ed|ing)?|tries to get|tried to get|"
          r"us(?:e|es|ed|ing)|bull(?:y|ies|ied|ying)|scar(?:e|es|ed|ing)|rop(?:e|es|ed|ing)|send(?:s|ing)?|sent|"
          r"trying to get|dare(?:s|d)?|threaten(?:s|ed|ing)?|bribe(?:s|d)?|pay(?:s|ing)?|paid) "
          r"(?:{ME})|(?:{I}) {ADV}(?:am|was|have been|been|being|get|got|m|feel|is|are) {ADV}"
          r"(?:being )?(?:forced|made|pressured|pressurised|coerced|blackmailed|tricked|bullied|threatened|"
          r"scared|groomed|roped|dragged|talked|used|paid|told)) "
          r"(?:to |into )?{ADV}(?:{SEXACT}|send (?:him |her |them )?(?:pics|pictures|photos|videos|"
          r"snaps|selfies|vids)(?! of (?:the|my|our|your|his|her|their) (?:homework|notes|answers|work|worksheet|"
          r"timetable|revision|menu|dog|cat|puppy|holiday|cake|room|bedroom|outfit|garden|training|art|"
          r"drawings?|progress|technique|practice|routine|dance|singing|skills|team|match|game))"
          r"|do sexual (?:things|stuff|acts)|do (?:things|stuff|sexual (?:things|stuff)|bad things|"
          r"weird things|things to (?:him|her|them)|stuff to (?:him|her|them)|it with (?:him|her|them))"
          r"(?:{END}| (?:i|that i) (?:do not|did not|dont|didnt) (?:want|like)| (?:to|with|for) "
          r"(?:him|her|them)|(?: \w+)? i (?:do not|did not) (?:want|like))|keep (?:it |this |us |"
          r"our \w+ |everything |what happens )?(?:a )?secret|{DRUGACT}|"
          r"(?:carry|hold|sell|deliver|move|drop|stash|hide|run) (?:{DRUG})|lie to (?:the police|"
          r"social services|my teacher|everyone)|steal (?:for (?:them|him)|from)|rob|"
          r"(?:dealing|selling|running|moving|shotting|trapping|drug running|running lines|running county)"
          r"(?:{END}| for| drugs| stuff| weed))",
          first_person=False,
          needs=r"force|forcing|make|made|making|pressur|coerc|push|blackmail|tell|told|get|got|want|ask|beg|"
                r"trick|dare|threat|bribe|pay|paid|us|bull|scar|rop|send|sent|talk|drag|groom"),
    _rule("abuse.grooming_pics", ABUSE,
          r"(?:{PERSON}|an account) {F8}(?:ask|asks|asked|asking|keeps asking|kept asking|want|"
          r"wants|wanted|wanting|beg|begs|begged|begging|pressure|pressures|pressured|"
          r"pressuring|tell|tells|told|make|makes|made|making|get|got|trying to get|tries to get|"
          r"tried to get|request|requests|requested|demand|demands|demanded|sent|sends|send|"
          r"sending|offered|offering|offers|paid|pay|pays|paying|dm|dms|dmed|messages|messaged)"
          r"(?: me)?(?: to)?(?: send| sending| send him| send them| for| me for| me)? {F2}"
          r"(?:{PICS_STRONG})",
          first_person=False,
          excludes=r"(?:nude|nudes) (?:lipstick|lip|colou?r|shade|heels|tights|palette|"
                   r"eyeshadow|nails|polish|makeup|make up|beach)",
          needs=r"nude|naked|pics|pictures|photos|videos|selfies|snaps|images|vids|video|dirty|sexy|private|"
                r"explicit|inappropriate|rude|spicy|sexual|nsfw|dick"),
    _rule("abuse.grooming_pics_context", ABUSE,
          r"(?:{PERSON}|an account) {F8}(?:ask|asks|asked|asking|keeps asking|kept asking|"
          r"want|wants|wanted|wanting|beg|begs|begged|begging|pressure|pressures|pressured|"
          r"pressuring|make|makes|made|making|trying to get|tries to get|demand|demands|"
          r"demanded)(?: me)?(?: to)?(?: send| sending| send him| send them| for| me for)? {F2}"
          r"(?:pics|pictures|photos|videos|vids|selfies|snaps|images)",
          first_person=False,
          requires=r"older|online|on (?:snap|snapchat|insta|instagram|tiktok|discord|roblox|"
                   r"whatsapp|fortnite|xbox|playstation|twitter|facebook|kik|omegle|telegram|"
                   r"a game|an app|the app)|met (?:online|on)|stranger|man|men|guy|bloke|adult|"
                   r"[2-9]\d|money|gift|gifts|vapes?|secret|not (?:to )?tell|body|private|"
                   r"in return|pay|paid|creepy|weird|random",
          needs=r"pics|pictures|photos|videos|vids|selfies|snaps|images"),
    _rule("abuse.sent_nudes", ABUSE,
          r"(?:{I}) {ADV}(?:have |had |has |ve |been |keep |keeps |kept |just |is |am |m |are |was |"
          r"were )*(?:sent|send|sending|sends|"
          r"shared) {F2}(?:{PICS_STRONG})(?: to (?:a|an|this|some|older|my|him|someone|them|"
          r"people|strangers)| of myself)?"
          r"|(?:sent|sends|send|sending|showed|shows|showing|show) (?:me|us) {F2}(?:nudes|"
          r"naked (?:pics|pictures|photos|videos)|dick pics|porn|explicit|(?:pics |pictures |photos |"
          r"videos |images )?(?:of )?(?:his|her|their) (?:dick|penis|privates|private parts|private bits|"
          r"bits|willy|genitals|boobs|body)|him naked|private parts)",
          first_person=False),
    _rule("abuse.secret", ABUSE,
          r"(?:{PERSON}|an account) {F4}(?:says|said|say|told me|tells me|telling me|tell me|"
          r"wants|want|asked|asks|asking|ask|make me|made me|makes me|making me|keeps saying|"
          r"kept saying|keeps asking|kept asking|promise|promised|swore|begged|begging|begs|"
          r"wants me|need|needs|insisted|insists|warned|warns|reminds|reminded|texted|"
          r"messaged)(?: me)?(?: to| that| it)? {F4}"
          r"(?:keep (?:it|this|us|our \w+|things|everything|what we do|what happened|"
          r"what he does|the messages|the pictures|the photos)(?: a| our)?(?: little)? secret|"
          r"(?:it|this|our(?: \w+)?|us|what we do|what happened|everything|the messages) "
          r"(?:is|has to be|must be|should be|needs to be|stays?|will be) (?:a |our )?(?:little |"
          r"special )?secret|(?:not|never) (?:to )?tell (?:anyone|anybody|my (?:mum|dad|parents|"
          r"family|friends|teacher))|(?:can not|cant|should not|must not|mustnt) tell (?:anyone|"
          r"anybody|my (?:mum|dad|parents|family|friends))|delete (?:the|our|his|her|all the) "
          r"(?:messages|chats|texts))",
          first_person=False,
          excludes=r"surprise|birthday|present|presents|spoiler|spoilers|party|gift for|"
                   r"prank|plan for|christmas|proposal|engagement|pregnant|crush|fancies|fancy",
          needs=r"secret|tell|delete"),
    _rule("abuse.meet_up", ABUSE,
          r"(?:{PERSON}|an account) {F8}(?:wants|wanted|asked|asks|keeps asking|is asking|"
          r"is trying|tried|trying|is pressuring|pressured|pressuring|said|invited|begging|"
          r"begged|offered|offering) (?:me )?(?:to )?(?:meet(?: up)?|come (?:to|round|over)|"
          r"get in (?:his|her|their) car|stay (?:over|the night)|go (?:to|back to) (?:his|her|"
          r"their)|pick me up|run away with|sleep over)",
          first_person=False,
          requires=r"online|met (?:on|online)|discord|snap|snapchat|insta|instagram|tiktok|"
                   r"roblox|fortnite|game|app|internet|never met|stranger|older|adult|"
                   r"[2-9]\d year|not (?:to )?tell|secret|alone|hotel|his (?:house|flat|car)|"
                   r"in real life|irl|dating site|grown",
          needs=r"meet|come|get in|stay|go|pick|run away|sleep"),
    _rule("abuse.age_gap", ABUSE,
          r"(?:boyfriend|girlfriend|bf|gf|man|guy|lad|he|she|someone|person|they|bloke|"
          r"partner|fella|older (?:man|guy|lad)) (?:is|who is|whos|that is|thats|m|aged|of|"
          r"i am (?:dating|seeing|talking to|with)) (?:[2-9]\d|1[89])\b(?: \w+){0,8} "
          r"(?:i am|im|and i am|i m|me|i|and me|only|but i am|i is) (?:only |just )?(?:1[0-5]|[5-9])\b"
          r"|(?:a|an|this|some|the) (?:[2-9]\d|1[89]) year old (?:man|guy|bloke|woman|lad|person|adult|boyfriend|"
          r"girlfriend|bf|gf|partner)"
          r"(?: \w+){0,8} (?:i am|im|i m|i is|and i am|but i am|i|me) (?:only |just )?(?:1[0-5]|[5-9])\b"
          r"|(?:i am|im|i m) (?:only |just )?(?:1[0-5]|[5-9])(?: year old)?\b(?: \w+){0,8} "
          r"(?:boyfriend|girlfriend|bf|gf|man|guy|lad|he|she|someone|dating|seeing|talking to|"
          r"going out with|sleeping with|with|relationship with) (?:a |an |is |who is )?"
          r"(?:[2-9]\d|1[89])\b",
          first_person=False,
          requires=r"boyfriend|girlfriend|bf|gf|dating|seeing|going out|relationship|sleeping|"
                   r"sex|kiss|kissed|meet|met|online|talking to|love|together|date|messag\w*|snap\w*|"
                   r"dm\w*|texting|texts|chat\w*|send\w*|pics|asks|asking|wants",
          excludes=r"brother|sister|cousin|dad|mum|uncle|auntie|aunt|nan|grandad|teacher|coach",
          needs=r"1\d|[2-9]\d|[5-9]\b"),
    _rule("abuse.age_gap_report", PARENT,
          r"(?:my|our) (?:(?:1[0-7]|[5-9]) year old |little |teenage |young |best )*(?:son|daughter|child|kid|"
          r"girl|boy|teen|teenager|year old|friend|mate|sister|cousin|niece|granddaughter|grandson|pupil|"
          r"student)? ?(?:has|have|got|is dating|is seeing|is with|is going out "
          r"with|is talking to|s dating|s seeing|is sleeping with|met|is messaging|is in a relationship "
          r"with) (?:a |an )?(?:(?:[2-9]\d|1[89]) year old|grown|adult|older|much older|grown up) "
          r"(?:boyfriend|girlfriend|bf|gf|man|guy|partner|lover|woman|bloke|fella)",
          first_person=False, needs=r"year old|grown|adult|older"),
    _rule("abuse.sextortion", ABUSE,
          r"(?:threaten(?:s|ed|ing)?|going to|gonna|will|would|said (?:they|he|she)|says "
          r"(?:they|he|she)|saying (?:they|he|she)|trying to|tried to|wants to|want to|keeps "
          r"saying|told me (?:they|he|she)|unless i|or (?:they|he|she)|or else (?:they|he|she)) "
          r"{F3}(?:share|send|post|leak|show|upload|put|spread|expose|sell|release|publish|"
          r"forward|screenshot) {F2}(?:my |the |those |these |them |me |our |all my |private )?"
          r"(?:{PICS_STRONG})"
          r"|(?:blackmail(?:s|ed|ing)?|sextort(?:s|ed|ing)?|extort(?:s|ed|ing)?) {ADV}(?:me|us)",
          first_person=False,
          excludes=r"(?:nude|nudes) (?:lipstick|lip|colou?r|shade|heels|tights)"),
    _rule("abuse.sextortion_word", ABUSE,
          r"sextortion|(?:being|been|got|get|was|am) (?:blackmailed|sextorted|extorted)",
          needs=r"sextort|blackmail|extort"),
    _rule("abuse.sextortion_context", ABUSE,
          r"(?:threaten(?:s|ed|ing)?|going to|gonna|will|said (?:they|he|she) (?:would|will|d)|"
          r"says (?:they|he|she) (?:will|would)|saying (?:they|he|she) (?:will|would)|trying to|"
          r"keeps saying) {F3}(?:share|send|post|leak|show|upload|spread|expose|release|forward) "
          r"{F2}(?:my |the |those |these |them |me |our |all my |private )?(?:{PICS_WEAK})",
          first_person=False,
          requires=r"threaten\w*|unless|if i do not|or else|pay|money|blackmail\w*|"
                   r"everyone|my (?:parents|mum|dad|family)|school|followers|"
                   r"do what (?:he|she|they) (?:says|say|wants|want)"),
    _rule("abuse.sextortion_if", ABUSE,
          r"if (?:i|we) (?:do not|will not|refuse to|do n t|stop|do not pay|dont) {ADV}(?:send|give|pay|do|"
          r"meet|keep)(?: \w+){0,4} (?:he|she|they|someone|it) (?:will|would|ll|is going to|are going to|"
          r"said|says) (?:\w+ )?(?:post|share|send|leak|expose|upload|show|spread|put)",
          first_person=False,
          requires=r"pics|pictures|photos|videos|vids|nudes|naked|snaps|images|screenshots",
          needs=r"if"),
    _rule("abuse.sextortion_after", ABUSE,
          r"(?:sent|send|shared|gave) (?:him|her|them|a|some|my|one|the) (?:\w+ )?(?:pics?|pictures?|photos?|videos?|"
          r"nudes?|snaps?|selfies?)(?: \w+){0,6} (?:he|she|they|someone) (?:will|ll|would|is going to|are going to|"
          r"threatened to|threatens to|says he will|said he would|said they would|wants to) (?:share|post|send|"
          r"leak|show|expose|upload|spread|screenshot) (?:it|them|those|that|everything|the pics?|the photos?)",
          first_person=False, needs=r"pic|picture|photo|video|nude|snap|selfie"),
    _rule("abuse.older_contact", ABUSE,
          r"(?:{I}) {ADV}(?:am|m|is|are|was|have been|been|has been|had been|has|keep|keeps)? ?{ADV}"
          r"(?:talking to|messaging|chatting to|"
          r"chatting with|speaking to|texting|seeing|dating|meeting|meeting up with|sexting|facetiming|"
          r"snapping) (?:a|an|some|this) (?:older |grown |adult |much older |grown up )?(?:man|guy|bloke|adult|"
          r"woman|stranger|person|lad|\d\d year old)",
          requires=r"online|snap\w*|insta\w*|tiktok|discord|secret|much older|[2-9]\d|years older|grown|"
                   r"older|adult|met on|internet|roblox|fortnite|game|never met",
          excludes=r"volunteer\w*|church|mentor|youth worker|teacher|coach|counsellor|doctor|"
                   r"my (?:dad|mum|grandad|nan|uncle)",
          needs=r"talking|messag|chatting|speaking|texting|seeing|dating|meeting|sexting|facetim|snapping"),
    _rule("abuse.grooming_flattery", ABUSE,
          r"mature for (?:my|your|her|his|their) age|(?:our|a|its|it is) special (?:secret|"
          r"relationship|friendship)|age (?:is|s) (?:just |only )?a number|(?:our|a) little secret",
          first_person=False,
          requires=r"man|men|guy|bloke|older|adult|stranger|online|snap|snapchat|insta|"
                   r"instagram|tiktok|discord|roblox|fortnite|messag\w*|dm\w*|[2-9]\d",
          needs=r"mature|special|number|little secret"),
    _rule("abuse.owes", ABUSE,
          r"(?:says|said|say|told me|saying|tells me|telling me|reminds me|keeps saying|keep saying) "
          r"(?:that )?i owe "
          r"(?:him|them|her|the lads|the gang|the boys|him money|them money|him a favour|them a favour)",
          first_person=False, needs=r"owe"),
    _rule("abuse.control", ABUSE,
          r"(?:will not|wont|does not|doesnt|do not|never|refuses to|refuse to|is not|isnt|stopped) "
          r"{ADV}let(?:ting)? me (?:see|talk to|go out with|go out|have|text|message|hang out with|speak to|"
          r"wear|leave|meet|keep)(?: \w+)?(?: (?:friends|family|mates|mum|dad|phone|money|clothes))?"
          r"|(?:checks|goes through|reads|tracks|monitors|controls|took|takes|smashed|smashes) (?:my|all my) "
          r"(?:phone|messages|location|texts|snap|socials|money|clothes|everything|bank|passwords)"
          r"|controls (?:what i wear|everything i do|who i see|where i go|my life|me)"
          r"|(?:jealous|possessive|controlling) (?:and|n) (?:hits|hurts|threatens|shouts|screams|"
          r"grabs|pushes|controls|checks|will not let|wont let)",
          first_person=False,
          requires=r"boyfriend|girlfriend|partner|bf|gf|husband|wife|ex|fella|relationship|"
                   r"dating|seeing",
          excludes=r"my (?:mum|dad|parents|step dad|step mum|nan|teacher)|grounded|homework",
          needs=r"let|checks|goes through|reads|tracks|monitors|controls|took|takes|smash|jealous|"
                r"possessive|controlling"),
    _rule("abuse.strangle", ABUSE,
          r"(?:put|puts|had|has|wrapped|squeezed|grabbed|held|pressed|pushed) (?:his|her|their|both|a) "
          r"(?:hands?|arms?|belt|rope|pillow) (?:around|round|on|over|against) (?:my|me) (?:neck|throat|mouth|face)"
          r"|(?:grabbed|grabs|held|holds|squeezed|squeezes|chokes|choked|pinned) (?:me )?(?:by )?(?:my|the) "
          r"(?:neck|throat)",
          first_person=False, needs=r"neck|throat|mouth|face"),
    _rule("abuse.has_my_nudes", ABUSE,
          r"(?:has|have|got|kept|saved|screenshotted|screenshot|leaked|leaking|shared|sharing|posted|"
          r"posting|sent|sending|showing|showed|spreading|spread|selling|sold|uploaded|uploading) "
          r"(?:all )?(?:my|me) (?:nudes|naked (?:pics|pictures|photos|videos)|private (?:pics|pictures|"
          r"photos|videos))"
          r"|(?:my|me) (?:nudes|naked (?:pics|pictures|photos|videos)) (?:got|have been|are|were|"
          r"been) (?:leaked|shared|posted|sent|out|everywhere|online)",
          first_person=False,
          needs=r"nudes|naked"),
    _rule("abuse.exploitation", ABUSE,
          r"(?:{I}) {ADV}{AUX}{ADV}(?:{DRUGACT_STRONG})"
          r"|(?:doing|in|on|running|involved in|caught up in|part of|do|work|working|stuck in|"
          r"trapped in|into|sent on|sent to do|go|going|went) (?:a |the )?(?:county lines?|"
          r"country|cunch|cunchy|a trap house|the trap|trap house|trapping|the line|a line|"
          r"the ends|a gang|gang)"
          r"|work(?:s|ing|ed)? for (?:a |the |some |these |those )?(?:dealer|dealers|gang|drug dealers?|"
          r"older lads|older boys|olders|elders)"
          r"|(?:gang|dealer|dealers|older lads|olders|elders) (?:i|that i) (?:work|sell|deal|run|carry) for"
          r"|(?:keep|stop|stopped|carry on|continue|quit) (?:selling|dealing|shotting|doing runs|running lines)"
          r"(?= ?(?:$|\.|~|they|he|she|or|and|for them|for him|drugs|weed))"
          r"|(?:go|going|went|sent|send|travel\w*|taken|take|took|takes|taking)(?: me| us)? (?:out )?to "
          r"(?:a |another |other |different )"
          r"(?:towns?|cities|city|areas?|places?|trap houses?) to (?:sell|deal|drop|deliver|work|run)"
          r"|county lines?(?: \w+){0,6} (?:can not get out|cant get out|trapped|stuck|no way out|owe them|owe him|"
          r"they will hurt|they ll hurt)"
          r"|(?:involved with|mixed up with|mixed up in|hanging around with|running with) (?:a |the |some )?"
          r"(?:gang|dealers|drug dealers|older lads who sell)"
          r"|(?:sent|sending|send|taken|took|go|going|gone) (?:me )?(?:out )?to (?:a |another )?"
          r"(?:trap house|different town|different city|other town|other city|other cities)"
          r" to (?:sell|deal|work|drop|deliver)",
          excludes=r"awareness|assembly|documentary|film|lesson|pshe|talk|workshop|project|"
                   r"essay|learnt|learned|learning|about county|news|series|show|game",
          needs=r"carr|hold|held|sell|sold|deliver|mov|drop|stash|hid|deal|stor|run|ran|look|keep|kept|"
                r"transport|bring|county|country|cunch|trap|line|ends|gang|town|city|cities"),
    _rule("abuse.exploitation_context", ABUSE,
          r"(?:{I}) {ADV}{AUX}{ADV}(?:{DRUGACT})",
          requires=r"older|gang|lads|dealers?|owe|debt|county|trap|olders|elders|line",
          excludes=r"awareness|assembly|documentary|film|lesson|pshe|talk|workshop|project|"
                   r"essay|news|series|show|game|food ?bank|charity|church|nan|grandad",
          needs=r"carr|hold|held|sell|sold|deliver|mov|drop|stash|hid|deal|stor|run|ran|look|"
                r"keep|kept|transport|bring"),
    _rule("abuse.exploitation_signs", ABUSE,
          r"(?:disappearing|going missing|goes missing|disappears|went missing|hanging around|hangs around|"
          r"going off|goes off|staying out|stays out) (?:\w+ )?with (?:older|some older|a gang|gang|dealers|"
          r"men|grown men|adults)(?: \w+)?(?: \w+){0,6} (?:coming back|comes back|came back|turning up|"
          r"turns up) with (?:money|cash|new phones?|a new phone|new clothes|new trainers|gifts|drugs|weed|"
          r"expensive \w+|loads of money)",
          needs=r"disappear|missing|hanging|hangs|going off|goes off|staying out|stays out"),
    _rule("abuse.debt_bondage", ABUSE,
          r"owe (?:them|him|her|the lads|some lads|a dealer|dealers|a gang|the gang|people|"
          r"the older|older|these|those|my dealer|them lads|the boys|some boys|some people)"
          r"(?: \w+){0,6} (?:have to|got to|need to|make me|making me|made me|work it off|"
          r"pay (?:it )?(?:off|back)|sell|deliver|carry|hurt|threaten\w*|kill|or else|or they|"
          r"or he|said|say|says|want|wants)",
          first_person=False),
    _rule("abuse.forced_marriage", ABUSE,
          r"forced (?:marriage|to marry|to get married|into marriage|into marrying|to be married)"
          r"|(?:{PERSON}) {ADV}{AUX}(?:making|forcing|force|forced|make|made|going to make|"
          r"(?:taking|take|takes|took) me (?:abroad|away|back home|to \w+) to|(?:sending|send|sends|"
          r"sent) me (?:abroad|away|back home|"
          r"to \w+) to|arranged (?:for )?(?:me )?to|pressuring|pressure|want|wants|wanting|"
          r"planning|plan) (?:me )?(?:to )?(?:to )?(?:marry|get married|be married|have a "
          r"marriage|an arranged marriage|wed|into (?:a |an )?(?:arranged )?marriage|into marrying)"
          r"(?: (?:someone|a man|a woman|my cousin|a stranger|an older|a guy|a girl|him|her|"
          r"someone i|when i am|at \d|next|this|in|abroad|back home))?"
          r"|(?:abroad|away|back home|to \w+) to (?:marry|get married|be married)(?: \w+){0,4} "
          r"(?:i do not|i dont|do not want|against my will|scared)"
          r"|(?:have to|has to|got to|must|need to|supposed to|being made to|expected to) (?:marry|get "
          r"married)(?: (?:someone|a man|a woman|my cousin|a stranger|an older|a guy|a girl|him|her|"
          r"when|at|next|this|in|abroad|back home))?"
          r"|(?:arrang|plann|organis|sort|set)\w* (?:up )?(?:my|a|me a|for me a|for my) (?:marriage|wedding|"
          r"husband|wife)"
          r"|marry(?:ing)? me off|married me off|marry me to"
          r"|(?:{I}) {ADV}(?:am|m|is|was|being|been|will be|going to be) (?:being )?(?:sent|taken|made|forced|"
          r"flown) (?:abroad |away |back home |to \w+ )?to (?:marry|get married|be married)"
          r"|(?:marry|married to) (?:someone|a man|a woman|a stranger|my cousin|a guy|a girl) "
          r"(?:i|that i) (?:do not|dont|have never|never|did not) (?:know|want|met|like|love)",
          first_person=False,
          requires=r"making|forcing|force|forced|made|abroad|away|back home|arrang\w*|pressur\w*|off|"
                   r"plann\w*|organis\w*|"
                   r"sending|sent|taking|take|send|have to|has to|got to|must|said i|expected|"
                   r"against my will|do not want|dont want|scared|never met|do not know|"
                   r"stranger|cousin|older|1[0-7]|[5-9]\b",
          excludes=r"wedding planner|one day|lol|haha|when i grow up|dream wedding|"
                   r"rich man|millionaire|celebrity|footballer",
          needs=r"marr|wed"),
    _rule("abuse.domestic_violence", ABUSE,
          r"domestic (?:violence|abuse)|(?:violence|violent|fighting and hitting|hitting) (?:at home|in (?:my|our|the) "
          r"(?:house|home|family|flat))|(?:{PERSON}) {ADV}{AUX}(?:is|are|gets|get|becomes|"
          r"can be|has been|was|were|got|goes|turns) {ADV}(?:violent|abusive|aggressive|"
          r"physical|handsy|dangerous|scary|rough|nasty)(?: with (?:me|us|my \w+))?"
          r"(?! (?:video|film|game|games|movie|sport|sports)\b)"
          r"|(?:violent|abusive|aggressive|dangerous|scary) (?:when|after|if) (?:he|she|they) "
          r"(?:drinks|drink|is drunk|gets drunk|is high|takes|gets angry|loses (?:his|her|their) "
          r"temper|is angry)"
          r"",
          first_person=False,
          excludes=r"awareness|campaign|charity|workshop|assembly|talk|lesson|project|essay|"
                   r"statistics|documentary|film|game|games|video game|movie|book|series|"
                   r"dog|cat|horse|pet|what is|what does|define|meaning|character|play|playing|rugby|wrestl\w*|"
                   r"boxing|football|sparring",
          needs=r"rough|nasty|domestic|violen|abusive|aggressive|physical|handsy|dangerous|scary|toxic|controlling"),
    _rule("abuse.neglect", ABUSE,
          r"(?:{PERSON}) {ADV}(?:do not|does not|never|will not|refuse to|refuses to|forget to|"
          r"forgets to|stopped|stop) {ADV}(?:feed|feeding|feeds|giving me food|give me food|"
          r"let me eat|buy food|buying food)(?: me| us)?"
          r"|(?:no|not any|not enough|never any|never enough) food (?:at home|in the house|in my "
          r"house|for days|for me)"
          r"|(?:{I}) {ADV}(?:have not|had not|not|did not|have n t) {ADV}eaten (?:in|for) "
          r"(?:days|\d+ days|two days|three days|a few days|ages)"
          r"|(?:left|leave|leaves|leaving) (?:me|us) (?:on (?:my|our) own |alone |home alone )?"
          r"(?:at home |in the house )?(?:for days|all weekend|for a week|overnight|every night)"
          r"|(?:locks?|locked|lock) (?:me|us) out(?: of the house)?(?: all night| overnight| in "
          r"the cold)"
          r"|(?:not|never) (?:being |getting )?(?:allowed|let) (?:to eat|food|any food|to have food|dinner|tea)"
          r"(?= ?(?:$|\.|~|as|for|because|cos|when|if|and|again|for days))"
          r"|(?:make|makes|made|making) (?:me|us) sleep (?:in the (?:shed|garden|car|garage|cold|hallway|bath)|"
          r"outside|on the (?:floor|doorstep|street))",
          first_person=False, negatable=False,
          needs=r"feed|food|eat|left|leave|lock|sleep|allowed|let"),
    _rule("abuse.scared_of_person", ABUSE,
          r"(?:scared|afraid|terrified|frightened|petrified|fear) (?:of|to be around|to be near|"
          r"to be alone with|to be in the same room as|when i am around|of being around) "
          r"(?:my |me |our )?(?:step |own |real |mums |dads |mum s |older |new )*(?:dad|mum|parents|"
          r"father|mother|uncle|brother|boyfriend|girlfriend|partner|husband|wife|carer|foster "
          r"\w+|step dad|step mum|grandad|auntie|aunt|cousin|ex|him|her|them|family|coach|"
          r"teacher|neighbour|lodger)(?! (?:finding out|seeing|knowing|being (?:angry|cross|"
          r"disappointed|upset|mad)|reaction|telling me off|shouting about|getting mad about|"
          r"when (?:he|she|they) (?:sees|see|finds|find)))"),
    _rule("abuse.emotional", ABUSE,
          r"(?:says|said|tells me|told me|keeps saying|shouts|screams|telling me|tell me|"
          r"yells|yelled) (?:that )?(?:she|he|they) (?:wishes|wish|wished) (?:i|that i) "
          r"(?:was|were|had) (?:dead|never born|not born|gone|never been born)"
          r"|(?:{PERSON}) {ADV}{AUX}(?:calls|called|call|calling|tells me i am|told me i am|"
          r"says i am|said i am|telling me i am) (?:me )?(?:a |an )?(?:worthless|waste of space|"
          r"mistake|waste of oxygen|waste of air|piece of \w+|disgrace|burden|accident|"
          r"nothing|better off dead|useless piece)",
          first_person=False,
          needs=r"wish|worthless|waste|mistake|piece|disgrace|burden|accident|nothing|dead|useless"),
    _rule("abuse.words", ABUSE,
          r"(?:abused|raped|molested|sexually assaulted|assaulted|groomed|exploited|"
          r"trafficked|sextorted|beaten up|strangled|choked) (?:me|us|by (?:a |an |my |his |her |"
          r"the |some |this |that |their )?(?:{REL_ADULT}|man|guy|lad|bloke|adult|stranger|"
          r"older \w+|someone|somebody|him|her|them|men|lads|boys|people))"
          r"|(?:{I}) {ADV}(?:am|was|were|m|have been|been) {ADV}(?:a )?(?:victim|survivor) of "
          r"(?:abuse|rape|sexual \w+|grooming|assault|domestic \w+|exploitation|trafficking|"
          r"sextortion|child abuse|cse|cce)"
          r"|(?:{I}) {ADV}(?:think )?(?:i )?(?:am|m|is|are|was|were|been|have been) {ADV}in (?:an |a )?"
          r"(?:abusive|violent|controlling|toxic and abusive) (?:relationship|home|household|family|situation)"
          r"|(?:abusive|violent|toxic and abusive|controlling and abusive) (?:relationship|home|"
          r"household|family|parents?|dad|mum|boyfriend|girlfriend|partner|husband|wife|step dad|"
          r"step mum|brother|sister|uncle|carer|marriage)",
          needs=r"abus|rap|molest|assault|groom|exploit|traffick|sextort|beaten|strangled|choked|victim|"
                r"survivor|abusive|violent|controlling|toxic"),

    _rule("abuse.dv_context", ABUSE,
          r"(?:{PERSON_DO}) {ADV}{AUX}{ADV}(?:{HIT}|is violent (?:to|towards)|gets violent with) "
          r"(?:her|him|them)(?:{NOT_GAME})",
          first_person=False,
          requires=r"my (?:mum|dad|parents|step dad|step mum|mums (?:boyfriend|partner)|"
                   r"dads (?:girlfriend|partner))|at home|in my house",
          excludes=r"(?:my|a|our|his|her) (?:\d+ year old |best |little |older )?(?:friend|mate|son|"
                   r"daughter|child|kid|pupil|student|bestie|sister|brother|cousin|boyfriend|girlfriend)\b"
                   r"(?! (?:and|n) (?:me|i))",
          needs=HIT_NEEDS + r"|violent"),
    _rule("abuse.adult_romance", ABUSE,
          r"(?:(?:my|a|the|our|his|her|one of my) )?(?:teacher|coach|tutor|youth worker|priest|imam|"
          r"leader|instructor|scout leader|manager|boss|friends dad|friends mum|mates dad|"
          r"neighbour|lodger|driver|dance teacher|swimming teacher|mentor|carer|social worker|"
          r"police officer|doctor|foster carer) {F6}(?:(?:says|saying|said|told me|tells me|texts|"
          r"messages|wrote|writes) (?:that )?(?:he|she|they) (?:loves|love|fancies|fancy|likes|"
          r"wants|misses) me|in love with me|wants to date me|asked me out|kissed me|wants to kiss "
          r"me|keeps kissing me|sends me (?:kisses|hearts|love|messages at night|messages late)|"
          r"messages me (?:at night|late|on snap|on snapchat|on insta|on whatsapp|every night|"
          r"privately|in private)|wants to be my (?:boyfriend|girlfriend)|calls me (?:beautiful|"
          r"sexy|gorgeous|babe|baby|his girl|hot|fit)|touches my (?:leg|legs|bum|chest|thigh|"
          r"thighs|boobs|body)|gives me (?:gifts|presents|money|vapes|lifts) (?:and|but|so)|"
          r"wants me to (?:stay behind|come (?:to|round) (?:his|her) (?:house|flat))(?: alone)?)",
          first_person=False,
          needs=r"love|fanc|like|want|date|asked me out|kiss|sends|messages|calls me|touches|gives"),
    _rule("abuse.stranger_lure", ABUSE,
          r"(?:{STRANGER}|he|they) {F4}(?:asked|asking|asks|tried to get|trying to get|wanted|wants|"
          r"told|tells|offered|offering|tried to make|trying to make) me (?:to )?(?:get in|come with "
          r"(?:him|them|her)|go with (?:him|them|her)|get into (?:his|their|her|the) (?:car|van))"
          r"",
          first_person=False,
          excludes=r"my (?:mum|dad|nan|grandad|auntie|uncle|parents|step dad|step mum|brother|sister)",
          needs=r"get in|get into|come with|go with"),
    _rule("abuse.does_things", ABUSE,
          r"(?:{PERSON_DO}) {ADV}{AUX}(?:does|did|do|doing|done|tries|tried|wants to do|keeps doing) "
          r"(?:bad |weird |sexual |horrible |nasty |rude |private |stuff and )?(?:things|stuff) (?:to|with) (?:me|us)"
          r"|touch(?:es|ed|ing)? (?:me |my |me on my |me in my )?(?:private|privates|private parts|bits|"
          r"down there|penis|vagina|willy|boobs|breasts|chest|bum|bottom|crotch)"
          r"|(?:get|gets|got|getting|climb|climbs|climbed|climbing|come|comes|came|coming|tries to get|"
          r"tried to get) (?:in|into) (?:my|our) bed|(?:gets|got|get) in bed with me"
          r"|(?:{PERSON}) (?:to )?touch(?:es|ed|ing)? (?:me|us) (?:there|down there|like that|in (?:my|private)|"
          r"under my|where)"
          r"|(?:makes|made|make|making) me touch (?:his|her|their) (?:private|privates|private parts|bits|"
          r"penis|willy|dick|boobs|chest|bum)",
          first_person=False,
          excludes=r"doctor|nurse|gp|hospital|check up|medical|physio",
          needs=r"things|stuff|touch|bed"),
    _rule("abuse.voyeur", ABUSE,
          r"(?:watch|watches|watched|watching|films|filmed|filming|records|recorded|recording|spies on|"
          r"spied on|spying on|takes (?:pics|photos|pictures|videos) of|took (?:pics|photos|pictures|videos) of|"
          r"peeks at|comes in when|walks in on|walked in on|walks in when|comes in while|walks in while) "
          r"(?:me |us )?(?:in the (?:shower|bath|bathroom|toilet)|(?:get|getting) "
          r"(?:changed|dressed|undressed)|naked|undress|undressing|sleep|sleeping|i am (?:changing|getting changed|"
          r"getting dressed|in the shower|in the bath)|when i am (?:changing|in "
          r"the shower|asleep|in the bath|naked))",
          first_person=False, needs=r"watch|film|record|spy|spies|spied|takes|took|peeks|comes in|walk"),
    _rule("abuse.alone_with_adult", ABUSE,
          r"(?:asks|asked|asking|keeps asking|kept asking|wants|wanted|makes|made|tells|told|invites|"
          r"invited) me to (?:stay behind|come (?:to|round|back to|over to) (?:his|her|their) (?:house|flat|"
          r"car|office|room|place)|go (?:to|back to) (?:his|her|their) (?:house|flat|car|office|room|place)|"
          r"meet (?:him|her|them)|get in (?:his|her|their) car)",
          first_person=False,
          requires=r"alone|on my own|just me|no one else|nobody else|secret|not (?:to )?tell|dont tell|"
                   r"without telling|at night|late",
          excludes=r"detention|homework|extra help|revision|my (?:mum|dad|nan|grandad|parents)",
          needs=r"me to"),
    # Abuse told through its traces or its threats rather than the act:
    # bruises someone leaves, a filmed threat, a naked video call.
    _rule("abuse.traces", ABUSE,
          r"(?:{PERSON_DO}) {ADV}{AUX}(?:leaves|left|leave|leaving|gives|gave|give|giving) (?:me|us) "
          r"(?:with )?(?:bruises|marks|welts|black eyes|a black eye)"
          r"|(?:{PERSON_DO}) {ADV}{AUX}(?:leaves|left|leave|leaving) (?:bruises|marks|welts) (?:on|all over) (?:me|us)"
          r"|(?:bruises|marks|black eye|cuts|burns)(?: \w+){0,3} (?:and )?(?:says|said|told me|tells me|admitted) "
          r"(?:her|his|their|my|that her|that his) (?:{REL_ADULT}) (?:did it|did them|does it|did that|"
          r"caused (?:it|them)|hit|hits|beat|beats|hurt|hurts|gave)",
          first_person=False, accident=True,
          excludes=r"by accident|accidentally|rugby|football|playing|game|pe|training|fell|tackle|tackled|boxing|"
                   r"sparring|match|lol|haha|makeup|make up|halloween|tattoo|love bite|hickey|paintball|"
                   r"laser tag|karate|judo|martial arts|kickboxing",
          needs=r"bruise|marks|welts|black eye|cuts|burns"),
    _rule("abuse.filmed_threat", ABUSE,
          r"(?:filmed|recorded|videoed|photographed|took (?:pics|photos|pictures|a video) of|got (?:a video|"
          r"pics|photos|videos) of) (?:me|us)(?: \w+){0,6} (?:threaten\w*|going|gonna|will|saying|say|says) "
          r"(?:to )?(?:post|share|send|leak|upload|spread|show) (?:it|them|the video|the pics|the photos|"
          r"the vid)"
          r"|(?:video call|videocall|facetime|face time|cam|webcam|live stream|go live|call)(?: \w+){0,2} "
          r"(?:naked|nude|with (?:no|nothing) on|undressed|topless|in (?:my|me) (?:underwear|pants|bra|boxers))",
          first_person=False,
          needs=r"post|share|send|leak|upload|spread|show|naked|nude|nothing on|no on|undressed|topless|"
                r"underwear|pants|bra|boxers"),
    _rule("abuse.shown_sexual", ABUSE,
          r"(?:{PERSON_DO}) {ADV}{AUX}(?:showed|shows|show|showing|sent|sends|send|sending|made me watch|makes me "
          r"watch|make me watch) (?:me |us )?(?:\w+ ){0,2}(?:videos?|vids?|pics|pictures|photos|films?|clips?) "
          r"(?:of )?(?:naked|nude|sex|porn|people having sex|people doing sexual|his (?:privates|willy|dick|penis))"
          r"|(?:{PERSON_DO}) {ADV}{AUX}(?:showed|shows|show|showing|sent|sends|made me watch|makes me watch) "
          r"(?:me |us )?porn",
          first_person=False,
          needs=r"naked|nude|sex|porn|privates|willy|dick|penis"),
    _rule("abuse.missing_with_olders", ABUSE,
          r"(?:not|never|has not|hasnt|have not|havent) been (?:home|back) (?:for|in) (?:\w+ ){0,2}"
          r"(?:nights|days|weekend|week)(?: \w+){0,5} (?:with|round|at) (?:older|some older|a gang|gang|dealers|"
          r"men|grown men|adults|olders|a man|an older)",
          first_person=False, negatable=False,
          needs=r"older|gang|dealers|men|adults|man|an older"),
    _rule("abuse.pics_to_adult", ABUSE,
          r"(?:sending|sends|sent|send|swapping|swaps|swapped) (?:\w+ )?(?:pics|photos|pictures|nudes|videos|vids|"
          r"selfies|snaps) (?:\w+ )?(?:to|with) (?:a|an|some|this|that) (?:older |grown |random |strange |much older )?"
          r"(?:man|guy|bloke|adult|stranger|\d+ year old|older \w+)",
          first_person=False,
          excludes=r"nan|grandad|grandma|granny|uncle|auntie|aunt|dad|mum|teacher|coach|for (?:school|work|a job|"
                   r"the competition|the club)|portfolio|photographer|passport|estate agent|insurance|seller|"
                   r"ebay|vinted",
          needs=r"pics|photos|pictures|nudes|videos|vids|selfies|snaps"),
    _rule("abuse.made_touch", ABUSE,
          r"(?:someone|somebody|a man|a guy|an older \w+|he|they|an adult)(?: older)? {ADV}(?:made|makes|make|forced|"
          r"forces|got|gets|tried to make|tries to make) (?:me|us) (?:to )?touch (?:him|her|them|his|it)"
          r"(?! (?:ball|phone|car|dog|cat|hand|shoulder))",
          first_person=False, needs=r"touch"),
    _rule("abuse.bathroom", ABUSE,
          r"(?:comes|coming|walks|walking|barges|barging|came|walked|keeps coming|keeps walking) in(?:to)? (?:the )?"
          r"(?:bathroom|shower|my room) (?:when|while|whenever) (?:i am|i m|im) (?:in the shower|in the bath|naked|"
          r"changing|getting changed|getting dressed|undressed|on the toilet|washing)",
          first_person=False,
          excludes=r"(?:my|our) (?:mum|nan|nana|sister|little|baby|mom|dog|cat)|toddler",
          needs=r"bathroom|shower|room"),
    _rule("abuse.asks_where_i_live", ABUSE,
          r"(?:{PERSON}|someone|somebody|an account)(?: \w+){0,4} (?:keeps asking|kept asking|asking|asks|asked|"
          r"wants to know|wanted to know|keeps asking me|asking me|asked me) (?:me )?(?:where i live|my address|"
          r"what school i go to|where i go to school|which school i go to|what my school is|where my school is)",
          first_person=False,
          requires=r"online|on (?:tiktok|snap|snapchat|insta|instagram|discord|roblox|fortnite|xbox|whatsapp|"
                   r"a game|an app)|man|men|guy|bloke|older|stranger|adult|[2-9]\d year old",
          needs=r"live|address|school"),
    _rule("abuse.burner", ABUSE,
          r"(?:gave|give|given|gives|giving) (?:me|us) a (?:burner|phone|second phone|work phone|new phone)"
          r"(?: \w+){0,8} (?:answer|drop|deliver|take|carry|sell|run|move|hold)"
          r"|(?:their|his|a|the|my) (?:burner|work phone|trap phone|graft phone)",
          first_person=False,
          excludes=r"birthday|christmas|contract|upgrade|for school|my mum|my dad|my parents",
          needs=r"phone|burner"),
    _rule("abuse.unexplained_money", ABUSE,
          r"(?:coming|comes|came|come) (?:back |home |in )(?:\w+ ){0,3}with (?:\w+ ){0,4}(?:cash|money|"
          r"new trainers|new phones?|a new phone|designer \w+|expensive \w+|new clothes|gifts|drugs|weed)"
          r"(?: \w+){0,8} (?:will not|wont|refuses to|does not|doesnt|never|not) (?:say|tell|explain|know)"
          r"(?: (?:us|me))? (?:where|who|how|why)",
          first_person=False, negatable=False,
          needs=r"cash|money|trainers|phone|designer|expensive|clothes|gifts|drugs|weed"),
    _rule("abuse.injured_me", ABUSE,
          r"(?:{PERSON_DO}) {ADV}{AUX}(?:broke|broken|fractured|cracked|bruised|split|burned|burnt|scarred|"
          r"dislocated|bust|busted|knocked out) (?:my|me) (?:arm|arms|nose|ribs?|wrist|leg|jaw|tooth|teeth|"
          r"finger|fingers|lip|head|eye|face|back|skin|hand|collarbone|shoulder|out)",
          first_person=False, accident=True,
          excludes=r"by accident|accidentally|rugby|football|playing|game|pe|training|fell|cast|"
                   r"tackle|tackled|boxing|sparring|match|heart",
          needs=r"broke|broken|fractured|cracked|bruised|split|burn|scarred|dislocated|bust|knocked"),
    _rule("abuse.paid_pics", ABUSE,
          r"(?:paid|pays|paying|pay|sending|sends|sent|send|gave|gives|give|giving|offered|offering|offers|"
          r"buys|bought|buying) (?:me )?(?:\w+ )?(?:money|cash|quid|pounds|vouchers|robux|v bucks|vbucks|"
          r"gifts?|credit|skins|vapes?|clothes|stuff) (?:for|in return for|to send|if i send|so i send|"
          r"for (?:some |my )?)(?: \w+)?(?:pics|pictures|photos|videos|nudes|snaps|selfies)"
          r"|paid me for (?:\w+ )?(?:pics|pictures|photos|videos|nudes|snaps|selfies)",
          first_person=False, needs=r"pics|pictures|photos|videos|nudes|snaps|selfies"),
    _rule("abuse.night_visits", ABUSE,
          r"(?:{PERSON_DO}) {ADV}(?:comes|came|coming|gets|got|sneaks|sneaked|snuck|creeps|crept|keeps coming) "
          r"(?:in|into) (?:my|our) (?:room|bedroom|bed)(?: \w+){0,3}? (?:at night|when|while|every night|"
          r"late|and)",
          first_person=False,
          excludes=r"goodnight|good night|check on me|say night|tuck|wake me up|for school|breakfast|"
                   r"my (?:mum|mam|nan|grandma)\b|cat|dog|puppy|kitten|baby (?:brother|sister)",
          needs=r"comes|came|coming|gets|got|sneak|snuck|creep|crept"),
    _rule("abuse.grooming_love", ABUSE,
          r"(?:{STRANGER}|an adult|a grown up|someone older|an older \w+|a grown \w+|a \d\d year old \w+|"
          r"my online \w+) {F6}(?:saying|says|said|tells me|told me|keeps saying) (?:that )?(?:we are|were|"
          r"we re|he is|hes|she is|they are|i am|im) (?:in love|soulmates|meant to be|in a relationship|"
          r"dating|special|his girlfriend|his boyfriend|his girl|mature)",
          first_person=False, needs=r"saying|says|said|tells|told"),
    _rule("abuse.grooming_gifts", ABUSE,
          r"(?:gives|gave|giving|buys|bought|buying|sends|sent|sending|offers|offered|offering|keeps giving) "
          r"me (?:free )?(?:vapes?|weed|alcohol|drink|drinks|money|cash|gifts|presents|phones?|a phone|"
          r"trainers|clothes|stuff|things|lifts|cigs|cigarettes|robux|v bucks|vbucks|drugs)",
          first_person=False,
          requires=r"older|man|men|lads|adult|\d\d year old|stranger|online|met on|his house|his flat|"
                   r"secret|owe|in return",
          excludes=r"my (?:nan|grandad|mum|dad|auntie|uncle|parents|brother|sister|cousin)\b|birthday|"
                   r"christmas|pocket money",
          needs=r"gives|gave|giving|buys|bought|buying|sends|sent|sending|offer"),
    _rule("abuse.forced_me", ABUSE,
          r"(?:{PERSON_DO}) {ADV}{AUX}(?:forced|raped|assaulted|molested|abused|groomed|exploited|"
          r"attacked) (?:himself |herself |themselves )?(?:on |onto )?(?:me|us){END}",
          first_person=False,
          needs=r"forced|raped|assaulted|molested|abused|groomed|exploited|attacked"),

    # --------------------------------------------------------------- danger
    _rule("danger.coming_for_me", DANGER,
          r"(?:he|she|they|{STRANGER}|my ex|the gang|his mates) (?:is|are|s) (?:coming|on (?:his|her|their) way) "
          r"(?:to get|for|after|round for|to find|to hurt|to kill) (?:me|us)(?:{END}| (?:again|now|tonight|"
          r"right now|with))",
          first_person=False,
          excludes=r"pick|lift|school|from|at \d|party|football|training|club|dinner|tea|shopping|"
                   r"cinema|later|mum|dad|nan|grandad|auntie|uncle",
          needs=r"coming|on (?:his|her|their) way"),
    _rule("danger.watched", DANGER,
          r"(?:someone|somebody|a man|a guy|a stranger|some man|some guy|a person|a car|a van|men|lads|he|they)"
          r"(?: \w+){0,2} (?:is |are |s )?(?:outside|at|by|in front of|looking (?:in|into|through)) (?:my|our) "
          r"(?:window|windows|door|front door|house|flat|bedroom)(?: \w+){0,3} (?:watching|staring|looking|filming)"
          r"(?: (?:at|in|through))? (?:me|us|in)",
          first_person=False,
          requires=r"now|right now|rn|tonight|scared|help|again|keeps|every night|still",
          excludes=r"delivery|postman|window cleaner|parcel|cat|dog|bird|fox",
          needs=r"watching|staring|looking|filming"),
    _rule("danger.fire", DANGER,
          r"(?:there is|there s|theres) (?:a )?fire (?:in|at) (?:my|our|the) (?:house|flat|home|room|kitchen|"
          r"building|bedroom|block)|(?:my|our|the) (?:house|flat|home|room|kitchen|building|bedroom) is "
          r"(?:on fire|burning)|(?:trapped|stuck) (?:in|by) (?:a |the )?fire",
          first_person=False,
          excludes=r"fire drill|bonfire|firework|fire pit|fire alarm|game|minecraft|film|dream|fireplace|"
                   r"log fire|candle|bbq|barbecue|toast",
          needs=r"fire|burning"),
    _rule("danger.intruder", DANGER,
          r"(?:there is|there s|theres|there are) (?:someone|somebody|a man|a stranger|an intruder|"
          r"people|a guy|men|some men|some lads|a burglar|burglars|a person|strangers) (?:\w+ )?"
          r"(?:in|inside|downstairs in|upstairs in|hiding in|in the back of|trying to get in(?:to)?|"
          r"trying to break in(?:to)?|trying to climb in(?:to)?|breaking into|climbing into|climbing in) "
          r"(?:my|our|the) (?:house|flat|room|bedroom|home|"
          r"garden|kitchen|window|door|building)"
          r"|(?:an )?intruder|(?:someone|somebody|a man|he|they|she|my ex|{STRANGER}) (?:has|have|just|s)? ?"
          r"(?:broke|broken|"
          r"got|gotten|climbed) (?:in|into (?:my|our|the) (?:house|flat|room|bedroom|home))",
          first_person=False,
          excludes=r"game|fortnite|minecraft|roblox|film|movie|escape room|dream|dreamt|nightmare|"
                   r"{CRITTERS}|fixing|fix|repair\w*|plumber|electrician|engineer|builder|boiler|meter|"
                   r"delivery|visiting|visitor|guest|party|cleaner|decorat\w*|painting|carpet|window cleaner|"
                   r"my (?:dad|uncle|grandad|brother|cousin|step dad)",
          needs=r"there|intruder|broke|broken|got|gotten|climbed"),
    _rule("danger.someone_inside", DANGER,
          r"(?:someone|somebody|a man|a stranger|people|men|a guy|some men|some lads|a person|strangers) "
          r"(?:is|are|s|has got|got) (?:in|inside|downstairs in|upstairs in|hiding in|into|in the back of) "
          r"(?:my|our) (?:house|flat|room|bedroom|home|garden|kitchen|building)",
          first_person=False,
          requires=r"help|scared|afraid|terrified|do not know|dont know|stranger|strange|hiding|broke|"
                   r"police|999|please|quick|unknown|intruder|who is|who it is|breaking",
          excludes=r"game|fortnite|minecraft|roblox|film|movie|dream|nightmare|party|sleepover|guest",
          needs=r"in|inside|into"),
    _rule("danger.stranger_attack", DANGER,
          r"(?:{STRANGER}|he|they|my ex) {ADV}(?:just |have |has |had |are |is |were |was )?"
          r"(?:jumped|attacked|mugged|robbed|stabbed|beat up|beaten up|battered|punched|kicked|"
          r"kidnapped|cornered|surrounded|grabbed|dragged|chased|shot|slashed|glassed|pinned) (?:me|us|"
          r"my (?:friend|mate|brother|sister|mum|dad|cousin|boyfriend|girlfriend|best friend|bestie|son|"
          r"daughter))"
          r"(?! (?:at|in|on) (?:fortnite|the game|warzone|cod|gta|fifa|paintball|laser tag|airsoft)\b)",
          first_person=False,
          excludes=r"game|fortnite|warzone|cod|gta|fifa|paintball|laser tag|airsoft|nerf|tig|tag|"
                   r"snowball|water fight|pillow|for fun|lol|haha|dog|cat|puppy",
          needs=r"jumped|attacked|mugged|robbed|stabbed|beat|battered|punched|kicked|kidnapped|"
                r"cornered|surrounded|grabbed|dragged|chased|shot|slashed|glassed|pinned"),
    _rule("danger.weapon", DANGER,
          r"(?:{PERSON}|there (?:is|are|s) (?:a |an |some |two |three |loads of )?(?:\w+ )?(?:man|guy|lad|"
          r"person|someone|people|boys|lads|gang|gang members|group|men|guys|woman|kid|kids|bloke)) "
          r"{F3}(?:has|have|had|got|has got|have got|"
          r"holding|is holding|carrying|is carrying|with|waving|is waving|pulled|pulled out|"
          r"pointing|pointed|came at (?:me|us|my \w+) with|coming at (?:me|us|my \w+) with|"
          r"threatening (?:me |us |my \w+ )?with|threatened (?:me |us |my \w+ )?with|brought|"
          r"grabbed|picked up|swinging|got out|took out|is getting|went for (?:me|us|my \w+) with) "
          r"(?:a |an |the |his |her |their |my |two |some |a big |out a |out the )?(?:{WEAPON})",
          first_person=False,
          excludes=r"cooking|cook|chef|recipe|baking|kitchen class|nerf|water gun|toy|glue gun|"
                   r"airsoft|paintball|bb gun|cap gun|laser|fake|pretend|plastic|butter|"
                   r"game|games|fortnite|warzone|minecraft|roblox|gta|cod|film|movie|show|"
                   r"character|halloween|costume|cadets|range|licence|license|museum|history|"
                   r"was a kid|farm|shooting club|clay|hunting|fishing|shooting|pigeons|farmer|"
                   r"licen\w*|police\w*|officer|soldier|army|butcher|collect\w*|tattoo|carving|carve|roast|"
                   r"dinner|sunday|chopping|bbq|steak|food|cake|bread|cutting up|veg|vegetables",
          needs=r"knife|knives|gun|blade|machete|weapon|bat|hammer|axe|screwdriver|shank|crowbar|pistol|"
                r"rifle|shotgun|acid"),
    _rule("danger.weapon_on_me", DANGER,
          r"(?:pulled|pull|pulls|pointed|point|points|held|hold|holds|put|puts|waved|waves) "
          r"(?:a |an |the |his |her |their )?(?:{WEAPON}) (?:on|at|to) (?:me|us|my (?:mum|dad|"
          r"sister|brother|head|throat|neck|face|friend|mate))"
          r"|(?:at|by) (?:knife|gun) ?point|knifepoint|gunpoint",
          first_person=False),
    _rule("danger.attacked", DANGER,
          r"(?:{I}) {ADV}(?:have |had |has |just |ve |m |am |was |been |get |got |being )*"
          r"(?:been|got|get|was|am being|getting|m being) (?:stabbed|shot|shanked|knifed|slashed|glassed|"
          r"jumped|mugged|robbed at (?:knife|gun) ?point|attacked|kidnapped|abducted|snatched)"
          r"(?! (?:in|on|at) (?:fortnite|the game|warzone|cod|gta|a game|my game|minecraft|roblox|"
          r"call of duty|fifa|laser tag|paintball|airsoft|nerf)\b)(?! (?:by (?:a )?(?:bee|wasp|"
          r"nettle|nettles|jellyfish|mosquito)|by (?:a |the |my |our |some |this )?(?:seagull|gull|dog|"
          r"cat|bird|goose|geese|swan|horse|pony|cow|puppy|kitten|hamster|squirrel|fox|ants?|zombies?)|out|"
          r"by the ref|up|to|into|for|off|on|at|scared|scare)\b)",
          excludes=r"fortnite|warzone|cod|gta|game|minecraft|roblox|laser tag|paintball|airsoft|"
                   r"nerf|photo|photoshoot|bee|wasp|nettle|mosquito|ref|surprise|lol|haha|party|prank|mates|"
                   r"friends"),
    _rule("danger.threat_to_kill", DANGER,
          r"(?:threaten(?:s|ed|ing)? to|(?:said|says|keeps saying|kept saying|swore|told me|promised|"
          r"texted|messaged|warned me|threatened|is threatening|keeps threatening|threat(?:s|ening)? "
          r"(?:me )?saying) (?:that )?(?:he|she|they|someone|people) (?:would|will|d|ll|is going to|"
          r"was going to|are going to|were going to|is gonna|are gonna|is coming to|was coming to|"
          r"are coming to|will come and|is going to come and|would come and|was going to come and|"
          r"wants to|want to|is coming round to|will come round and)|(?:i|we) (?:got|get|received|have) "
          r"(?:a )?(?:death )?threats?(?: saying| that)?(?: (?:he|she|they|someone|people) (?:will|would|"
          r"is going to|are going to))?) {ADV}(?:{HARMVERB}|kill|murder|do|come for|come after|"
          r"find|get|ruin|smash|batter) (?:me|us|you|my (?:mum|dad|family|sister|brother|friend|mate|"
          r"nan|grandad|dog|cat|girlfriend|boyfriend|kids|children|baby|little \w+|baby \w+|whole \w+)|"
          r"(?:us|them|you) all)"
          r"|death threats?",
          soft=True, first_person=False, negatable=False),
    _rule("danger.going_to_hurt_me", DANGER,
          r"(?:{PERSON}) {ADV}(?:is |are |s )?(?:going to|gonna|will|ll|wants to|want to|is trying "
          r"to|trying to|tried to|tries to|might|is coming to|are coming to|coming to|about to|"
          r"is about to|will come back and|is coming back to|is coming back and|"
          r"will come and|is coming round to|will find me and) {ADV}(?:hurt|stab|shoot|attack|"
          r"beat|batter|rape|strangle|knife|slash|choke|touch|hit|kidnap|drag|punch|kick|"
          r"jump|beat up|hurt|burn|smash|throw|lock) (?:me|us|my (?:mum|dad|sister|brother|"
          r"family|friend|little \w+|baby \w+))"
          r"(?! (?:at|in|on) (?:fifa|fortnite|the game|chess|the race|the match|football|"
          r"training|pe)\b)(?! (?:up|back|with (?:a |the )?(?:pillow|snowball|ball|water))\b)",
          soft=True, first_person=False,
          needs=r"hurt|stab|shoot|attack|beat|batter|rape|strangle|knife|slash|choke|touch|hit|kidnap|take|"
                r"drag|punch|kick|jump|burn|smash|throw|lock"),
    _rule("danger.trying_to_kill_me", DANGER,
          r"(?:{PERSON}) {ADV}(?:is |are |s )?(?:trying to|tried to|tries to|keeps trying to|"
          r"wants to|want to|is going to try to|planning to|plans to|is planning to) {ADV}"
          r"(?:kill|murder|end) (?:me|us)",
          first_person=False,
          needs=r"kill|murder|end"),
    _rule("danger.fear_kill", DANGER,
          r"(?:scared|afraid|terrified|frightened|worried|petrified|fear|i think|i really think|"
          r"genuinely think|convinced|sure|actually|seriously|really|help|please|believe) "
          r"(?:that )?(?:{PERSON}) {F3}(?:going to|gonna|will|ll|might|is going to|wants to|"
          r"want to|is trying to|could|would) {ADV}(?:kill|murder|get|find|come for|come after|"
          r"do something to|hurt|hit|stab|rape|touch|attack|beat|batter|take|snatch|strangle) "
          r"(?:me|us|my \w+)",
          soft=True, first_person=False),
    _rule("danger.present_violence", DANGER,
          r"(?:{PERSON}) {ADV}(?:(?:is|are|s|keeps|keep|has been|have been) )?{ADV}(?:(?:drunk|high|angry|"
          r"raging|mad|off his head|off her head|kicking off|going mental|going crazy) (?:and |n )?)?"
          r"{ADV}(?:smashing (?:(?:the|our|my|all the|all our) )?(?:house|place|flat|room|kitchen|stuff|"
          r"things|everything|windows|plates|doors)(?: up)?"
          r"(?= ?(?:$|\.|~|right now|now|rn|again|tonight|help|please|and|i|as|at the moment))|"
          r"(?:hitting|beating|"
          r"punching|kicking|strangling|choking|attacking|stabbing|hurting|battering|raping|"
          r"smashing up|smashing|trashing|throwing things at|threatening|dragging|kicking in|"
          r"banging on|screaming at|going for)(?: up)? (?:people|someone|somebody|each other|everyone|"
          r"a (?:man|boy|girl|lad|woman|kid)|me|us|my (?:mum|dad|sister|brother|nan|"
          r"step mum|step dad|little \w+|baby \w+|family|door|window)|mum|the door|the house|her|him|them)"
          r"(?: up)?{NOT_GAME}"
          r"(?= ?(?:$|\.|~|right now|now|rn|again|tonight|help|please|and|i|as|at the moment|"
          r"downstairs|upstairs|in the|outside)))",
          first_person=False,
          excludes=r"always|all the time|every day|everyday|often|sometimes|every time|usually|when (?:he|she|"
                   r"they) (?:is|gets) drunk|when (?:he|she|they) drinks?|postman|delivery|parcel|neighbour|"
                   r"knocking|music|drums|drum|guitar|game|fifa|fortnite",
          needs=r"hitting|beating|punching|kicking|strangling|choking|attacking|stabbing|hurting|battering|"
                r"raping|smashing|trashing|throwing|threatening|dragging|banging|screaming|going for"),
    _rule("danger.just_attacked", DANGER,
          r"(?:{PERSON}) {ADV}(?:has |have |s )?just (?:punched|hit|stabbed|attacked|beat|beaten|battered|kicked|"
          r"strangled|choked|hurt|glassed|slashed|knocked out|pushed|thrown) (?:me|us|my (?:mum|dad|sister|"
          r"brother|nan|friend|mate|family|little \w+|baby \w+|step mum)|her|him|them|someone)",
          first_person=False,
          excludes=r"game|fifa|fortnite|ball|lol|haha|play|pillow|snowball",
          needs=r"just"),
    _rule("danger.following", DANGER,
          r"(?:{STRANGER}|he|they|my ex|his (?:mates|friends)|her (?:mates|friends)) {ADV}"
          r"(?:is |are |has been |have been |keeps |keep |kept |was |were |been |s |started |will not stop |"
          r"wont stop |won t stop |do not stop |keep on )?"
          r"{ADV}(?:following|followed|follows|follow|chasing|chased|chases|stalking|stalked|"
          r"stalks|circling|watching|waiting for|waiting outside for) (?:me|us)"
          r"(?! (?:on|back|around the house|everywhere lol|with (?:his|her) eyes|in (?:the game|"
          r"fortnite|tig|tag))\b)",
          first_person=False,
          excludes=r"insta|instagram|tiktok|twitter|snap|snapchat|youtube|twitch|"
                   r"social media|account|followers|follow back|online|game|tig|tag|"
                   r"playing|puppy|dog|cat|kitten|baby brother|baby sister"),
    _rule("danger.being_followed", DANGER,
          r"(?:{I}) {ADV}(?:think |feel like |am sure |swear )?(?:i )?(?:am|m|was|have been|been|"
          r"being|keep being|get|got|getting|keep getting|is) {ADV}(?:being )?(?:followed|chased|"
          r"stalked|watched|hunted|targeted)(?! (?:on|back|by (?:the|my) (?:dog|cat|puppy))\b)"
          r"|(?:someone|somebody|a man|a guy|a car|a van|people|men|lads|he|they) (?:is|are) "
          r"(?:outside|at|by|near|round|around) (?:my|our|the) (?:house|door|window|flat|school|"
          r"home|bedroom|car)(?: \w+){0,3} (?:and )?(?:will not|wont|won t|not) (?:go away|leave|"
          r"stop)"
          r"|(?:he|she|they|someone|somebody|a man|a guy|my ex|my dad|my step dad|my mums "
          r"boyfriend|my uncle) (?:is|are|s) (?:outside|at) (?:my|our|the) (?:house|door|window|"
          r"flat|home|bedroom)(?= ?(?:$|\.|~|and|again|right now|now|help|please|i|trying|"
          r"banging|shouting|screaming|with))",
          first_person=False,
          excludes=r"insta|instagram|tiktok|twitter|snap|snapchat|youtube|twitch|"
                   r"social media|account|followers|online|game|delivery|parcel|postman|pizza|"
                   r"taxi|uber|lift|pick me up|picking me up|waiting to pick|tig|tag|playing|play|lol|haha|"
                   r"little sister|little brother|baby sister|baby brother|dog|puppy|water guns?|water pistols?|"
                   r"nerf|water balloons?|snowballs?",
          needs=r"follow|chas|stalk|watch|hunted|target|outside|at|by|near|round"),
    _rule("danger.locked_in", DANGER,
          r"(?:locked|locking|shut|trapped|trapping|keeping|kept) "
          r"(?:me|us) (?:in|inside|up|in here|in my room|in the|out(?= (?:tonight|right now|now|and i|in the "
          r"cold|and its|and it is|again tonight)))"
          r"(?! of (?:my |the )?(?:account|phone|computer|laptop|ipad|tablet|game|app|car)\b)"
          r"|(?:{I}) {ADV}(?:am|m|have been|been|got|get|being|was|were|is) {ADV}(?:locked|trapped|"
          r"shut) (?:in|inside) (?:my |a |the |his |her |their |this |our |some )?(?:room|bedroom|"
          r"house|flat|car|cupboard|basement|shed|bathroom|garage|cellar|van|boot|attic|loft|"
          r"cage|building|toilet|wardrobe|here)"
          r"|locked in (?:and|n) (?:can not|cant|cannot|can t) (?:get|go) out"
          r"|(?:stuck|trapped|locked) in (?:a |the |this )?(?:strangers|stranger s|someones|a mans|mans|his|"
          r"their|this mans|this guys|guys) (?:car|van|house|flat|room)"
          r"|(?:can not|cant|cannot|can t) (?:get|go|escape) out (?:of )?(?:the |my |this |his |"
          r"her |their )?(?:room|house|flat|car|van|building|here)(?= ?(?:$|\.|~|and|he|she|they|"
          r"help|please|right now|locked|because))",
          first_person=False,
          excludes=r"locked myself|account|password|phone|game|escape room|lockdown|covid|"
                   r"quarantine|revision|revising|homework|exam|focus|focused|grounded|lol|haha"),
    _rule("danger.cant_leave", DANGER,
          r"(?:{STRANGER}|he|they|she|my ex|his mates) {ADV}(?:will not|wont|does not|doesnt|"
          r"do not|dont|is not|isnt|are not|not|never|refuses to|refuse to) {ADV}let(?:ting)? "
          r"(?:me|us) (?:go(?= ?(?:$|\.|~|please|help|and|i|he|she|they))|out(?= ?(?:$|\.|~|please|help|and|i))|"
          r"leave|go home|escape|get out|"
          r"out of (?:his|the|their) (?:house|flat|car|"
          r"room|sight))(?! (?:the house until|until|till|before|without)\b)",
          first_person=False, negatable=False,
          excludes=r"chat|group|game|team|server|lobby|call|party|club|lol|haha|"
                   r"my (?:mum|dad|parents|step dad|step mum|nan)|grounded|homework|until|"
                   r"till|before|chores|tidy|curfew"),
    _rule("danger.kicked_out", DANGER,
          r"(?:kicked|chucked|thrown|threw|kick|kicks|throw|throws|put|turfed|booted|kicking|"
          r"throwing|chucking) (?:me|us) out(?! of (?:the |my |this |that |our |his |her |their )?(?:class|lesson|"
          r"school|college|group|chat|group chat|game|team|club|shop|car|squad|lobby|server|band|"
          r"match|party|room for|cinema|library|pub|course|uni|game)\b)"
          r"|(?:{I}) {ADV}(?:have |ve |has |just )?(?:been |got |get |was |am |getting |m |"
          r"being )(?:kicked|chucked|thrown|turfed|booted) out(?: of (?:home|the house|my house|"
          r"my home|my mums|my dads|the flat|my flat))?(?! of\b)"
          r"|(?:nowhere|no place|no where|not anywhere|nowhere safe|no home|no bed|no roof) to "
          r"(?:sleep|stay|live|go tonight|go right now|go home|sleep tonight|stay tonight)"
          r"|nowhere to go(?= ?(?:$|\.|~|tonight|right now|now|rn|and|but|i|because|after|help))"
          r"|(?:said|says|told me|telling me|shouted|screamed|texted) (?:that )?(?:i (?:can not|cant|am not "
          r"allowed to|m not allowed to) |to |not to |do not |dont |never |i should not |i should never )"
          r"(?:come|go) (?:back|home|back home)(?: again| ever| anymore)?{END}"
          r"|(?:sleeping|sleep|slept|going to sleep|have to sleep|got to sleep|will be sleeping) "
          r"(?:rough|on the streets?|outside|in (?:a|the) park|in a doorway|on a bench|in the "
          r"street|on the street|in a stairwell|in a bus shelter|at the station)"
          r"|(?:{I}) {ADV}(?:am|m|have been|been|will be|going to be|became|now|is|are) "
          r"{ADV}homeless"
          r"|(?:can not|cant|cannot|can t|too scared to|scared to|afraid to|terrified to|do not "
          r"want to|not allowed to) {ADV}go (?:back )?home(?: tonight| now| right now|"
          r"{END}| because| he| she| they| my)",
          first_person=False,
          excludes=r"camping|camp|tent|festival|sleepover|dofe|duke of edinburgh|scouts|"
                   r"guides|cadets|stargazing|film|game|shelter project|charity|volunteer",
          needs=r"kick|chuck|thr|put|turfed|boot|nowhere|no place|no where|not anywhere|no home|no bed|"
                r"no roof|sleep|slept|homeless|home|come|go"),
    _rule("danger.in_danger", DANGER,
          r"(?:{I}) {ADV}(?:am|m|feel|think i am|might be|could be|was|is) {ADV}(?:in )?"
          r"(?:serious |real |immediate |big |so much )?danger(?! of\b)"
          r"|(?:{I}) {ADV}(?:(?:do|am|m|feel|felt|have|ve|really|just|still|did) )*(?:not|never|"
          r"no longer) {ADV}(?:feel(?:ing)? |felt )?(?:safe|save)"
          r"(?! (?:on (?:the |a )?(?:bus|train|tram|street|roads?)|in (?:town|the city|the dark|"
          r"crowds?|the park|class|lessons?|school|big groups|public|water|the sea|the pool)|at "
          r"(?:school|night|the park|the youth club|college|work|the club|the station)|walking|"
          r"going|when|around (?:strangers|people|crowds)|to (?:go out|walk|cycle)|online|"
          r"on the internet|driving|from myself|to myself|around myself|with myself|to (?:drive|ride|cycle|"
          r"swim|walk|travel|use|eat|drink|go out|play|skate|climb|be left alone with the dog))\b)"
          r"|(?:not safe|unsafe) (?:at home|in my (?:house|home|room)|with (?:him|her|them|my \w+)|"
          r"here|right now|now|tonight)"
          r"|(?:call|ring|phone) (?:the )?(?:police|999|an ambulance|ambulance)|get (?:the police|an ambulance)"
          r"(?= ?(?:$|\.|~|please|now|right now|quick|quickly|for me|help))",
          needs=r"danger|safe|save|police|999|ambulance|help"),
    _rule("danger.hiding", DANGER,
          r"(?:{I}) {ADV}(?:am|m|have been|been|was|is|are) {ADV}hiding (?:from (?:him|her|them|my \w+|"
          r"a man|someone|the man|these|some)|in (?:the |my |a )?(?:bathroom|toilet|wardrobe|cupboard|room|"
          r"bedroom|loft|attic|shed|garden|car|garage|bush|bushes)(?: \w+)? (?:from|because|cos|so|until))"
          r"|(?:scared|afraid|terrified|fear|fearing|frightened|worried) for my (?:life|safety)"
          r"|my life is in danger"
          r"|(?:my|our) (?:drink|drinks) (?:got|was|were|have been|has been|is|been) spiked"
          r"|(?:{I}) (?:think )?(?:i )?(?:got|was|were|have been|been|am|m) (?:being )?(?:spiked|drugged)"
          r"|(?:spiked|drugged) (?:my|me|our|us)",
          first_person=False,
          excludes=r"hide and seek|hide n seek|game|surprise|presents?|spider|wasp|homework|teacher|"
                   r"mum finding|from my mum (?:because|cos) i|lol|haha",
          needs=r"hiding|for my|life|spiked|drugged"),
    _rule("danger.or_else", DANGER,
          r"or (?:else )?(?:he|she|they|them|he ll|she ll|they ll|it) (?:will|ll|would|are going to|is going to|"
          r"gonna|said (?:they|he|she) (?:will|would)) {ADV}(?:{HARMVERB}|kill|stab|beat|batter|jump|"
          r"hurt|smash|shoot|rape) (?:me|us|my \w+)(?: up)?"
          r"|(?:{STRANGER}|he|they) {ADV}(?:tried|tries|trying|is trying|was trying) to (?:grab|take|drag|pull|"
          r"snatch|kidnap|push|force) (?:me|us)",
          soft=True, first_person=False,
          excludes=r"game|fortnite|fifa|lol|haha|tig|tag|play",
          needs=r"or|tried|tries|trying"),
    _rule("danger.held", DANGER,
          r"(?:tied|taped|chained|cuffed|handcuffed|gagged|bound|locked) (?:me|us) (?:up|to|down)"
          r"|(?:{I}) {ADV}(?:am|m|have been|been|was|is|are|got) {ADV}(?:being )?(?:tied up|gagged|bound|chained up|"
          r"held (?:somewhere|against my will|captive|hostage|prisoner|down)|held|kept prisoner|kidnapped|"
          r"abducted|taken somewhere)(?:{END}| (?:somewhere|and|by|in|against))",
          first_person=False,
          excludes=r"game|play|playing|lol|haha|scouts|knot|surprise|prank|escape room|film|drama|"
                   r"detention|back a year|held back",
          needs=r"tied|taped|chained|cuffed|gagged|bound|locked|held|kept|kidnapped|abducted|taken"),
    _rule("danger.runaway", DANGER,
          r"(?:{I}) {ADV}(?:have |ve |just |had )?(?:ran|run|running|gone|went) away(?: from home| from my "
          r"(?:house|home|mums|dads|foster \w+|care home|placement))?",
          requires=r"scared|dark|alone|lost|nowhere|night|cold|help|streets|do not know where|dont know where|"
                   r"no money|no phone|freezing|hiding",
          excludes=r"from (?:the |a |that |this )?(?:{CRITTERS})|game|tig|tag|hide and seek|lol|haha|"
                   r"circus|problems",
          needs=r"away"),
    _rule("danger.bleeding", DANGER,
          r"(?:{I}) {ADV}(?:am|m|is|keep|keeps|have been|been|cannot stop|can not stop) {ADV}bleeding "
          r"(?:a lot|loads|badly|heavily|so much|everywhere|out|and (?:i )?can not stop|and it will not stop|"
          r"and it wont stop)|(?:can not|cant|cannot|can t) stop (?:the |my )?(?:bleeding|blood)"
          r"|(?:the |my )?(?:bleeding|blood) (?:will not|wont|won t) stop",
          needs=r"bleed|blood"),
    _rule("danger.break_in", DANGER,
          r"(?:trying to|tried to|tries to|is trying to|going to|about to|keeps trying to) "
          r"(?:get in|break in|break (?:the |my |our )?(?:door|window) (?:down|in)|kick "
          r"(?:the |my |our )?(?:door|window) (?:down|in)|get into (?:the|my|our) (?:house|flat|"
          r"room|bedroom)|smash (?:the |my |our )?(?:door|window))"
          r"(?! (?:the |a |to |my |into )?(?:team|group|squad|club|uni|college|school|band|car|game|"
          r"lobby|server|queue|line|cinema|gig|show|bed)\b)"
          r"|(?:someone|somebody|a man|people|men|they|he|burglars?) {ADV}(?:is|are|has|have|"
          r"just|s)? ?(?:breaking|broke|broken) (?:in|into (?:the|my|our) (?:house|flat|home|room))"
          r"|(?:banging|hammering|pounding|kicking) (?:on|at) (?:the|my|our) (?:door|window)"
          r"(?= ?(?:$|\.|~|and|screaming|shouting|help|right now|now|trying))",
          first_person=False,
          excludes=r"game|fortnite|minecraft|roblox|film|escape room|heist|locked out|"
                   r"forgot my keys|lost my keys"),
    _rule("danger.emergency", DANGER,
          r"(?:{PERSON}|(?:{ANCHOR})|someone|somebody|a (?:man|woman|boy|girl|kid|lad|person)) "
          r"{F8}(?:{EMERG})",
          first_person=False, negatable=False,
          excludes=r"phone|battery|laptop|game|fortnite|character|film|show|fainted in assembly|"
                   r"on the (?:sofa|couch|bed)|into bed|after work|lol|haha|with laughter|laughing|exhausted|"
                   r"last (?:week|month|year|summer|christmas|term|spring|autumn|winter)|"
                   r"(?:weeks|months|years) ago|in the past|used to|history of|previously|a while ago|"
                   r"when (?:he|she|they|i) (?:was|were) (?:little|young|a baby)",
          needs=r"shanked|knifed|glassed|slashed|jumped|collapsed|passed|fainted|unconscious|unresponsive|not|stopped|breath|waking|wake|moving|"
                r"responding|blue|seizure|fit|overdos|took an|taken an|had an|bleeding|stabbed|shot|blood|"
                r"choking|heart|conscious"),
    _rule("danger.third_party_overdose_now", DANGER,
          r"(?:{PERSON}|(?:{ANCHOR})) {F3}(?:has |have |just |has just |is )*(?:taken|took|"
          r"swallowed|had|eaten|ate|taking|swallowing|downed|necked) (?:{QTY}) (?:of )?"
          r"(?:his |her |their |my |the |mums |dads |these |those |them |some )?(?:\w+ )?(?:{PILLS})",
          first_person=False, negatable=False,
          requires=r"just|now|tonight|today|has|have|is|and|help|right now|rn|minutes ago|"
                   r"hour ago|hours ago",
          excludes=r"last (?:year|month|week)|years ago|months ago|in the past|used to|"
                   r"when (?:he|she|they) (?:was|were)",
          needs=r"pills|tablets|paracetamol|pain|ibuprofen|medication|sleeping|anti|co codamol|codeine|"
                r"aspirin|insulin|tabs|prescription|capsules"),
)
