"""The papers' alignment metric (sco_corpus.align.public) on hand-made beads."""
from __future__ import annotations

import pytest

from sco_corpus.align.baseline import gale_church_beads
from sco_corpus.align.public import Counts, count, parse_bead, read_gold_set, scores, total

GOLD = [((0,), (0,)), ((1,), (1, 2)), ((2,), ()), ((3, 4), (3,)), ((), (4,))]
SYSTEM = [((0,), (0,)), ((1,), (1,)), ((), (2,)), ((2,), ()), ((3,), (3,)), ((4,), ()),
          ((), (4,))]


def test_counts_by_hand():
    # precision, over the 7 system beads:
    #   strict hits: [0]:[0], [2]:[], []:[4]                                   -> 3
    #   lax hits: those 3, plus [1]:[1] (shares 1 and 1 with [1]:[1,2]) and
    #             [3]:[3] (shares 3 and 3 with [3,4]:[3]); []:[2], [4]:[] have an empty side
    #             and are not gold beads                                      -> 5
    # recall, over the 3 gold beads without an empty side ([0]:[0], [1]:[1,2], [3,4]:[3]),
    # against the system beads without an empty side ([0]:[0], [1]:[1], [3]:[3]):
    #   strict: [0]:[0]                                                       -> 1
    #   lax: all three overlap one                                            -> 3
    assert count(SYSTEM, GOLD) == Counts(strict_p=3, lax_p=5, system=7, strict_r=1, lax_r=3,
                                         gold=3)
    strict, lax = scores(count(SYSTEM, GOLD))
    # strict P 3/7, R 1/3, F1 = 2 * 3/7 * 1/3 / (3/7 + 1/3) = (2/7) / (16/21) = 0.375
    assert (strict.precision, strict.recall, strict.f1) == pytest.approx((3 / 7, 1 / 3, 0.375))
    # lax P 5/7, R 1, F1 = 2 * 5/7 / (5/7 + 1) = (10/7) / (12/7) = 5/6
    assert (lax.precision, lax.recall, lax.f1) == pytest.approx((5 / 7, 1.0, 5 / 6))


def test_perfect_and_empty():
    assert scores(count(GOLD, GOLD))[0].f1 == 1.0
    # nothing aligned: 10 beads of one sentence each, none of them a gold bead but [2]:[] and
    # []:[4] -> P 2/10, R 0 -> F1 0
    nothing = [((i,), ()) for i in range(5)] + [((), (j,)) for j in range(5)]
    strict, _ = scores(count(nothing, GOLD))
    assert (strict.precision, strict.recall, strict.f1) == (0.2, 0.0, 0.0)
    assert scores(Counts())[0].f1 == 0.0


def test_counts_add_up_over_documents():
    # the second document's system has the first 3 gold beads: 3 of 3 beads right, and 2 of
    # the 3 gold beads without an empty side found; counts add: P 6/10, R 3/6 (not the mean of
    # the two documents' ratios, (3/7 + 3/3) / 2 and (1/3 + 2/3) / 2)
    both = total([count(SYSTEM, GOLD), count(GOLD[:3], GOLD)])
    assert (both.strict_p, both.system, both.strict_r, both.gold) == (3 + 3, 7 + 3, 1 + 2, 3 + 3)
    assert (scores(both)[0].precision, scores(both)[0].recall) == (0.6, 0.5)


def test_read_gold_set(tmp_path):
    (tmp_path / "a.de").write_text("Eins.\nZwei.\n", encoding="utf-8")
    (tmp_path / "a.fr").write_text("Un.\nDeux.\nTrois.\n", encoding="utf-8")
    (tmp_path / "a.defr").write_text("[0]:[0]\n[1]:[1, 2]\n[]:[]\n", encoding="utf-8")
    (doc,) = read_gold_set(tmp_path)
    assert doc.name == "a" and doc.src == ("Eins.", "Zwei.") and len(doc.tgt) == 3
    assert doc.gold == (((0,), (0,)), ((1,), (1, 2)), ((), ()))
    assert parse_bead("[]:[3]") == ((), (3,))


def test_gale_church_beads_cover_every_sentence():
    src = ["A short one.", "A much longer sentence that goes on for a while.", "Tiny."]
    tgt = ["Une courte.", "Une phrase beaucoup plus longue qui dure un moment.", "Mini."]
    beads = gale_church_beads(src, tgt)
    assert sorted(i for a, _ in beads for i in a) == [0, 1, 2]
    assert sorted(j for _, b in beads for j in b) == [0, 1, 2]
    assert ((1,), (1,)) in beads
    assert gale_church_beads(src[:1], []) == [((0,), ())]
