"""align_sentences on small texts outside the booklet: free translations, deletions,
insertions, a 2-3 bead, other language codes."""
from __future__ import annotations

import warnings

import pytest

import sco_corpus
from sco_corpus.align.embed import Embedder
from sco_corpus.align.langs import UnknownLanguageWarning, base_code

DE = ["Wir brachen um vier Uhr morgens von der Hütte auf.",
      "Der Gletscher war hart gefroren und gut begehbar.",
      "Nach drei Stunden erreichten wir den Grat.",
      "Dort pfiff ein eisiger Wind.",
      "Der Abstieg über die Südflanke dauerte bis zum Nachmittag."]
FR = ["Nous avons quitté la cabane à quatre heures du matin.",
      "Le glacier était bien gelé et facile à parcourir.",
      "Au bout de trois heures, nous avons atteint l'arête.",
      "Un vent glacial y soufflait.",
      "La descente par le versant sud a duré jusqu'à l'après-midi."]


@pytest.fixture(scope="module")
def embedder():
    return Embedder()


def _pairs(beads):
    return [(b.src, b.tgt) for b in beads]


def test_german_and_french_align_one_to_one(embedder):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # de and fr are encoder languages: no warning
        beads = sco_corpus.align_sentences(DE, FR, "de", "fr", embedder=embedder)
    assert _pairs(beads) == [((i,), (i,)) for i in range(5)]


def test_free_translation_merging_sentences(embedder):
    """The French merges the second and third sentences, and the fourth and fifth."""
    fr = [FR[0], "Le glacier, bien gelé, se parcourait facilement, et au bout de trois heures "
                 "nous étions sur l'arête.",
          "Un vent glacial y soufflait, et la descente par le versant sud a duré jusqu'à "
          "l'après-midi."]
    beads = sco_corpus.align_sentences(DE, fr, "de", "fr", embedder=embedder)
    assert _pairs(beads) == [((0,), (0,)), ((1, 2), (1,)), ((3, 4), (2,))]


def test_deleted_passage(embedder):
    beads = sco_corpus.align_sentences(DE, FR[:2] + FR[4:], "de", "fr", embedder=embedder)
    assert _pairs(beads) == [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), ()),
                             ((4,), (2,))]


def test_inserted_passage(embedder):
    inserted = ["Le refuge appartient à la section genevoise depuis 1920.",
                "Il compte quarante places."]
    beads = sco_corpus.align_sentences(DE, FR[:2] + inserted + FR[2:], "de", "fr",
                                       embedder=embedder)
    assert _pairs(beads) == [((0,), (0,)), ((1,), (1,)), ((), (2,)), ((), (3,)),
                             ((2,), (4,)), ((3,), (5,)), ((4,), (6,))]


@pytest.mark.xfail(strict=True, reason="known shortfall: 2-3 beads are not among the default "
                   "shapes (they changed no Text+Berg or booklet bead and cost a fifth of the "
                   "time); even allowed, the aligner cut this one into 1-2 + 1-1, since a bead "
                   "scores about one 1-1 bead and a nearly as good cut wins")
def test_two_three_bead(embedder):
    """Two German sentences regrouped into three French ones, cut at other places."""
    de = [DE[0], "Der Gletscher war hart gefroren, und nach drei Stunden standen wir auf dem "
                 "Grat.", "Dort pfiff ein eisiger Wind, der uns rasch weitertrieb.", DE[4]]
    fr = [FR[0], "Le glacier était bien gelé.",
          "Trois heures plus tard, nous étions sur l'arête, où soufflait un vent glacial.",
          "Il nous a vite poussés plus loin.", FR[4]]
    beads = sco_corpus.align_sentences(de, fr, "de", "fr", embedder=embedder)
    assert _pairs(beads) == [((0,), (0,)), ((1, 2), (1, 2, 3)), ((3,), (4,))]


def test_unknown_language_code_warns_and_aligns(embedder):
    with pytest.warns(UnknownLanguageWarning, match="'xx'"):
        beads = sco_corpus.align_sentences(DE, FR, "xx", "fr", embedder=embedder)
    assert _pairs(beads) == [((i,), (i,)) for i in range(5)]


def test_language_codes_with_regions():
    assert base_code("zh-CN") == base_code("ZH_cn") == base_code("zh") == "zh"
    assert base_code("de-CH") == "de"
