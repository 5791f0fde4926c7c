"""Someone close who died, told as a loss: one rule, read by the search (query.py) and by the bot's reading
of feelings (bot/people.py), which runs beside Rasa without the directory's database layer: standard library
only.
"""

from __future__ import annotations

import re

# "lost her best friend in an accident", "my uncle passed last month"; not "lost my phone" or "passed his
# test": only a person lost, only "passed" as a death is told.
_CLOSE = (
    r"(?:(?:best|close|little|big|baby|older|younger|twin|step ?)\s?)?(?:mum|mam|mom|mother|dad|father|parents?|"
    r"nan|nana|nanna|gran|granny|grandma|grandmother|grandad|grandpa|grandfather|brother|sister|bro|sis|sibling|"
    r"twin|uncle|aunt|auntie|aunty|cousin|friend|mate|pal|bestie|bezzie|boyfriend|girlfriend|partner|son|"
    r"daughter|child|baby|stepdad|stepmum|teacher|coach)"
)
LOSS = re.compile(
    rf"\b(?:lost|losing|loss of|death of) (?:my|me|his|her|their|our|a|the|your) {_CLOSE}\b(?! (?:at|in) (?:the )?"
    r"(?:shops?|supermarket|park|crowd|town|match))"
    rf"|\b{_CLOSE} (?:has |had |just |recently |sadly )*passed (?:away|on\b|(?=(?:last|this|recently|yesterday|"
    r"earlier|over|in (?:the )?(?:summer|spring|autumn|winter|january|february|march|april|may|june|july|august|"
    r"september|october|november|december))\b))"
)
