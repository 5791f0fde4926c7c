"""The one area value that is not a place: "anywhere" (citywide and online).
Places are read and resolved by the directory (/understand, /places/resolve)."""

ANYWHERE = "anywhere"
