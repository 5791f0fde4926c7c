"""Our lemmas are spaCy's: the blank English pipeline with the lookup lemmatizer agrees on every entry."""

from directory.search.text import _lemma_table, lemma, spacy_lemmatizer


def test_lemmas_match_spacys_lookup_lemmatizer():
    nlp = spacy_lemmatizer()
    table = _lemma_table()
    assert len(table) > 40_000
    words = list(table)
    docs = nlp.pipe(words, batch_size=2000)
    mismatches = [(w, lemma(w), d[0].lemma_) for w, d in zip(words, docs, strict=True)
                  if len(d) == 1 and d[0].lemma_ != lemma(w)]
    assert not mismatches[:20]


def test_everyday_examples():
    assert [lemma(w) for w in ("swimming", "dancing", "kids", "clubs", "running")] == [
        "swim", "dance", "kid", "club", "run"]


def test_a_word_typed_as_it_is_said_is_read_in_full():
    # "lookin" is "looking", not a typo of "cooking"; "swimmin" is swimming. A word that is English as typed stays.
    from directory.search.text import is_english, spoken

    assert [lemma(w) for w in ("lookin", "swimmin", "paintin", "boxin")] == ["look", "swim", "paint", "box"]
    assert is_english("lookin") and is_english("nothin") and spoken("somethin") == "something"
    assert [spoken(w) for w in ("robin", "cabin", "muffin", "kevin", "in", "goin")] == [
        "robin", "cabin", "muffin", "kevin", "in", "goin"
    ]
