"""The quote extractor's shortcuts decide exactly what the code they stand in for decides:
string tests in front of small regex calls, the tokenizer's fast paths and the lazily
scanned list of persons."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract import quotes, speakers
from pipeline.extract.speaker_lexicon import ROLE_HEADS, TITLE_WORDS

# letters (some spelling the words the gates look for), white space, commas and dashes
_ALPHABET = "aeinopstrhgduvwlAPT ,\t\xa0\n-–—―.'’\"“”:"
_TEXT = st.text(alphabet=_ALPHABET, max_size=40)
_WORDS = st.lists(st.sampled_from(
    ["on", "in", "via", "to", "through", "during", "per", "as", "late", "told", "adding", "at", "the",
     " ", "  ", ",", " ,", "\t", "\xa0", "-", "—", "Anna", "PENCE", "x", "a", "statement", "interview",
     "Twitter", "video"]), max_size=12).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_TEXT, _WORDS), st.data())
def test_channel_gate(text, data):
    pos = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(pos, len(text)))
    want = quotes._CHANNEL.match(text, pos, end)
    got = quotes._channel_match(text, pos, end)
    assert (want and want.span(1)) == (got and got.span(1))


@settings(max_examples=500, deadline=None)
@given(st.one_of(_TEXT, _WORDS))
def test_trail_gate(tail):
    assert quotes._trail_ok(tail) == bool(quotes._TRAIL_OK.match(tail))


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXT, _WORDS))
def test_source_after_gate(text):
    # the gate in front of `_PER_AS` never drops a match the pattern finds
    for pos in range(len(text) + 1):
        m = quotes._PER_AS.match(text, pos, len(text))
        if m is not None:
            rest = text[pos:pos + 16].lstrip(" \t\xa0,")
            assert len(rest) < 3 or rest.startswith(("per", "as"))


def test_gated_calls_on_sentences():
    text = ('"We will win," said Anna Lee, per the rules, as one aide put it.\n'
            '"It is over" - Jane Doe.\n“Fine” — Mr Brown on a call, through an interview.')
    for pos in range(len(text)):
        want = quotes._CHANNEL.match(text, pos, len(text))
        got = quotes._channel_match(text, pos, len(text))
        assert (want and want.span()) == (got and got.span())
    assert quotes._source_after(text, text.index(",", 20), len(text)) is not None


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab Z9_'’-.,:;()[]\"“é…/", min_size=1, max_size=8))
def test_chunk_fast_paths(chunk):
    # a word and one mark, or one word: the tokens `_TOK` finds
    speakers._CHUNKS.clear()
    speakers._ONE.clear()
    chunk = "".join(chunk.split()) or "x"
    infos, offs = speakers._chunk(chunk)
    want = [(m.start(), m.group()) for m in speakers._TOK.finditer(chunk)]
    assert list(zip(offs if offs is not None else (0,), (i.t for i in infos))) == want
    assert len(infos) == len(want)


def test_info_flags_match_word_tests():
    for t in ["the", "The", "president", "Russia's", "52-year-old", "U.S.", "Mr.", "NATO", "CONGRESS",
              "coastguard", "quickly", "and", "of", "has", "He’s", "(", ",", "officials", "Smith."]:
        info = speakers._Info(t)
        assert info.ok == speakers._word_ok(t)
        assert info.unknown == speakers._unknown_noun(t)
        assert info.det == (t.lower() in speakers.DETERMINERS)
        assert info.aux == (t.lower() in speakers._AUX)


def test_is_title_sets():
    def original(t):
        if t in TITLE_WORDS or t + "." in TITLE_WORDS:
            return True
        low = t.lower()
        return low in ROLE_HEADS and not low.endswith("s")
    for t in list(TITLE_WORDS) + [w[:-1] for w in TITLE_WORDS] + [w.title() for w in ROLE_HEADS] + ["Anna", "Officials"]:
        assert speakers._is_title(t) == original(t)


_PERSONS_TEXT = ("Prime Minister Tony Blair met Gordon Brown. The prime minister said he would go. "
                 "Later, Foreign Secretary Jack Straw spoke. Mr Straw said the talks went well. "
                 "Chancellor Gordon Brown agreed, and Michael Howard disagreed.")


def test_lazy_persons_match_the_full_list():
    full = speakers.MentionChain(_PERSONS_TEXT).persons
    for pos in range(0, len(_PERSONS_TEXT) + 1, 7):
        chain = speakers.MentionChain(_PERSONS_TEXT)
        got = chain.last_person_before(pos)
        want = [p for p in full if p.pos < pos]
        assert (got and (got.name, got.pos)) == (want[-1].name, want[-1].pos) if want else got is None
        assert [(p.name, p.pos) for p in chain.persons] == [(p.name, p.pos) for p in full]
