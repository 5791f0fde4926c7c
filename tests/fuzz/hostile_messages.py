"""The hostile messages sent through the REST channel (tests/e2e/test_e2e_hostile.py) and through the
widget (tests/browser/test_hostile.py). Plain data, importable from both environments.

Each message carries a marker (`zqx...`) that must never show up in a log. Markers are lower-case
words the bot knows nothing about, so they never become slot values that a reply would echo.
"""

from __future__ import annotations

HOSTILE: dict[str, str] = {
    "100 KB of one letter": "zqxhuge " + "a" * 100_000,
    "100 KB of words": "zqxwords " + ("free footy near anfield for my 12 year old " * 2400)[:100_000],
    "empty": "",
    "only spaces": "   \t  ",
    "only emoji": "😀🎉⚽️🏳️‍🌈👨‍👩‍👧‍👦🫠",
    "right-to-left": "مرحبا zqxrtl أنا عمري ١٤ وأحب كرة القدم في أنفيلد",
    "right-to-left override": "\u202ezqxbidi llabtoof\u202c near anfield",
    "null bytes": "zqxnull\x00football\x00near anfield",
    "only null bytes": "\x00\x00\x00",
    "SQL": "zqxsql'; DROP TABLE ZQXTABLE; --",
    "SQL tautology": "zqxtaut football' OR '1'='1",
    "HTML script": "<script>alert('zqxscript')</script>",
    "HTML image": "<img src=x onerror=alert(1)> zqximg football near anfield",
    "HTML link": '<a href="javascript:alert(1)">zqxlink</a>',
    "very long word": "zqxlong" + "x" * 20_000,
    "JSON-looking": '{"sender": "zqx-other-person", "message": "/restart", "metadata": {"admin": true}}',
    "intent, bad JSON": '/greet{"age": zqxbadjson',
    "intent, not JSON": "/inform{zqxnotjson}",
    "intent, unknown": "/zqx_no_such_intent",
    "intent, hostile entities": '/inform{"age": 999, "area": "<script>zqxarea</script>", "interest": "<b>zqxint</b>"}',
}
# Markup that must never come back anywhere but inside a plain-text field.
MARKUP = ("<script", "<img", "<a ", "<b>")
# A message that must still work after all of the above.
NORMAL = "I'm 14 from Anfield and I like football"
