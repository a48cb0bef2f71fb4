"""Inputs real users send: invisible characters, huge lines, repeated sentences, parts in
another order. Each test reproduces a reported defect on the booklet or on a small text."""
from __future__ import annotations

import random
from collections import Counter

import numpy as np

import sco_corpus
from sco_corpus.align.embed import MAX_ENCODED_CHARS, Embedder
from sco_corpus.corpus import EMBEDDED, from_source
from sco_corpus.model import Sentence
from sco_corpus.repeats import find_repeats
from sco_corpus.ingest.source import decode
from synthetic import Layout, build

INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


def _corpus(text: str, name: str = "input.txt"):
    return from_source(decode(text.encode("utf-8"), name))


def _booklet_text() -> str:
    return EMBEDDED.read_text(encoding="utf-8")


def test_invisible_characters_change_no_block(booklet):
    rng = random.Random(3)
    text = "".join(ch + (rng.choice(INVISIBLE) if ch.isalpha() and rng.random() < 0.02 else "")
                   for ch in _booklet_text())
    corpus = _corpus(text)
    assert [b.text for b in corpus.blocks] == [b.text for b in booklet.blocks]
    assert [s.text for s in corpus.sentences] == [s.text for s in booklet.sentences]
    removed = Counter(ch for n in corpus.noise if n.kind == "invisible" for ch in n.text)
    inserted = Counter(ch for ch in text if ch in INVISIBLE) - Counter(
        ch for ch in _booklet_text() if ch in INVISIBLE)
    assert removed == inserted


def test_a_line_of_invisible_characters_is_blank():
    plain = build(Layout(seed=5))
    lines = plain.split("\n")
    spaced = "\n".join("\u200b" if not line.strip() else line for line in lines)
    assert [b.text for b in _corpus(spaced).blocks] == [b.text for b in _corpus(plain).blocks]


def test_no_block_text_has_a_tab_or_line_break():
    lines = build(Layout(seed=2)).split("\n")
    text = "\n".join(line.replace(" ", "\t", 1) for line in lines)
    corpus = _corpus(text)
    assert corpus.blocks
    assert not [b.id for b in corpus.blocks if "\t" in b.text or "\n" in b.text]


def test_chinese_first_keeps_the_russian_colophon_apart(booklet):
    lines = booklet.source.lines
    part = {p.name: lines[p.start - 1:p.end] for p in booklet.parts}
    text = "\n".join([*part["zh"], "", *part["ru"], "", *part["en"], "", *part["colophon"]])
    corpus = _corpus(text)
    assert [(p.lang, p.role) for p in corpus.parts] == [
        ("zh", "body"), ("ru", "body"), ("en", "body"), ("ru", "colophon")]
    english = " ".join(b.text for b in corpus.blocks if b.lang == "en")
    assert "Тираж" not in english and "Тираж" in " ".join(
        b.text for b in corpus.blocks if b.section == "colophon")


def test_one_huge_line_does_not_unbalance_the_language_parts(booklet):
    lines = _booklet_text().split("\n")
    ru_end = booklet.parts[0].end
    huge = "Начало " + "сотрудничество " * 80_000 + "конец."
    corpus = _corpus("\n".join(lines[:ru_end - 5] + ["", huge, ""] + lines[ru_end - 5:]))
    assert [(p.lang, p.role) for p in corpus.parts] == [(p.lang, p.role) for p in booklet.parts]


def test_the_encoder_sees_at_most_its_window():
    seen = []

    class Recorder:
        name = "recorder"

        def encode(self, texts):
            seen.extend(len(t) for t in texts)
            return np.ones((len(texts), 4), dtype=np.float32)

    embedder = Embedder(Recorder())
    vectors = embedder(["a" * 1_000_000, "short", "b" * (MAX_ENCODED_CHARS + 1)])
    assert vectors.shape == (3, 4)
    assert max(seen) == MAX_ENCODED_CHARS


def test_a_megabyte_sentence_is_aligned_and_kept():
    text = build(Layout(langs=("ru", "en"), chapters=2, paragraphs=2, seed=4))
    lines = text.split("\n")
    paragraph = next(b for b in _corpus(text).blocks if b.lang == "ru" and b.kind == "paragraph")
    lines[paragraph.lines[-1]:paragraph.lines[-1]] = ["", "Итак " + "а" * 1_000_000 + "."]
    corpus = _corpus("\n".join(lines))
    alignment = corpus.align()
    placed = Counter(s.id for unit in alignment for side in unit.sentences.values()
                     for s in side)
    assert sorted(placed) == sorted(s.id for s in corpus.sentences)
    assert set(placed.values()) == {1}
    assert any(len(s.text) > 1_000_000 for u in alignment for s in u.sentences["ru"])


def test_huge_repeated_sentences_are_found_quickly():
    def sentence(k, text):
        return Sentence(f"ru/s01/b{k}/1", "ru", "s01", f"ru/s01/b{k}", "paragraph", text, (k,))

    huge = ["Первое " + "слово " * 200_000, "Второе " + "дело " * 200_000,
            "Третье " + "время " * 200_000]
    items = [sentence(k, t) for k, t in enumerate(huge + ["Другой текст."] + huge)]
    repeats = find_repeats(items)  # compared by identity: a fuzzy ratio would take minutes
    assert [r.copy for r in repeats] == [tuple(s.id for s in items[4:])]


def test_identical_sentences_are_all_aligned():
    en = ["The organization was founded in 2001."] * 12
    ru = ["Организация была основана в 2001 году."] * 12
    beads = sco_corpus.align_sentences(en, ru, "en", "ru")
    assert [(b.src, b.tgt) for b in beads] == [((k,), (k,)) for k in range(12)]


def test_boilerplate_inside_a_text_is_aligned():
    en = ["Trade grew by a fifth.", "See the annex.", "Transport links were opened.",
          "See the annex.", "Energy projects began.", "See the annex."] * 3
    ru = ["Торговля выросла на пятую часть.", "См. приложение.", "Открыты транспортные связи.",
          "См. приложение.", "Начаты энергетические проекты.", "См. приложение."] * 3
    beads = sco_corpus.align_sentences(en, ru, "en", "ru")
    assert [(b.src, b.tgt) for b in beads] == [((k,), (k,)) for k in range(18)]


def test_a_refrain_is_not_a_repeated_passage_and_costs_little():
    def sentence(k, text):
        return Sentence(f"ru/s01/b{k}/1", "ru", "s01", f"ru/s01/b{k}", "paragraph", text, (k,))

    refrain = "В работе форума приняли участие 120 делегатов из 9 стран."
    passage = ["Первое предложение отрывка о торговле.", "Второе предложение о транспорте.",
               "Третье предложение об энергетике и связи."]
    texts = [refrain] * 1000 + passage + [refrain] * 1000 + passage
    items = [sentence(k, t) for k, t in enumerate(texts)]
    repeats = find_repeats(items)  # a cubic search over the refrain would take hours
    assert [r.copy for r in repeats] == [tuple(s.id for s in items[-3:])]
