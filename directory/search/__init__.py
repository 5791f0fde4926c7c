"""One search engine for the public API, the recommendations API and the bot."""
