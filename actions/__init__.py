"""rasa-sdk actions: thin classes, one per behaviour. The logic they call
lives in bot/ (directory client, checks, search, reply texts)."""
