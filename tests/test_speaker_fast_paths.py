"""The speaker grammar's shortcuts give what the code they stand in for gives: the tokenizer's
fast paths (`_TOK` on each chunk), the title sets, the lexicon flags and the lazily scanned
list of persons."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract import speakers
from pipeline.extract.speaker_lexicon import ROLE_HEADS, TITLE_WORDS


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


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["said", "Anna", "Lee,", "the", "  ", " ", "\n", "U.S.", "(AP)", "Smith's", "x"]),
                max_size=10).map(" ".join))
def test_tokens_match_the_token_regex(text):
    # twice: the first call fills the chunk tables, the second takes the all-known fast path
    for _ in range(2):
        starts, infos = speakers._tokens(text, 0, len(text))
        assert list(zip(starts, (i.t for i in infos))) == [(m.start(), m.group())
                                                           for m in speakers._TOK.finditer(text)]


def test_lexicon_flags_match_the_lexicons():
    for t in ["the", "The", "of", "and", "has", "Has", "president", "coastguard", "Anna"]:
        info = speakers._Info(t)
        low = t.lower()
        assert (info.det, info.inner, info.inner_and, info.aux) == (
            low in speakers.DETERMINERS, low in speakers.NP_INNER, low in speakers._INNER_AND, low in speakers._AUX)


def test_is_title_sets():
    def original(t):
        if t in TITLE_WORDS or t + "." in TITLE_WORDS:
            return True
        low = t.lower()
        return low in ROLE_HEADS and not low.endswith("s")
    for t in list(TITLE_WORDS) + [w[:-1] for w in TITLE_WORDS] + [w.title() for w in ROLE_HEADS] + ["Anna", "Officials"]:
        assert speakers._is_title(t) == original(t)


_PERSONS_TEXT = ("Minister Carla Venn met Tomas Reid. The minister said she would go. "
                 "Later, Judge Ada Moss spoke. Ms Moss said the hearing went well. "
                 "Mayor Tomas Reid agreed, and Lena Ortiz did not.")


def test_lazy_persons_match_the_full_list():
    full = speakers.MentionChain(_PERSONS_TEXT).persons
    assert len(full) >= 4
    for pos in range(0, len(_PERSONS_TEXT) + 1, 7):
        chain = speakers.MentionChain(_PERSONS_TEXT)
        got = chain.last_person_before(pos)
        want = [p for p in full if p.pos < pos]
        assert (got and (got.name, got.pos)) == ((want[-1].name, want[-1].pos) if want else None)
        assert [(p.name, p.pos) for p in chain.persons] == [(p.name, p.pos) for p in full]
