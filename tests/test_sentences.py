"""Sentence splitting against the hand-made gold chapters (rules: tests/data/gold_sentences/RULES.md)."""
from pathlib import Path

import pytest

from sco_corpus.ingest.gold import read_gold, score_sentences
from sco_corpus.ingest.sentences import split_text

GOLD = Path(__file__).parent / "data" / "gold_sentences"
CHAPTERS = [("ru", "ru.txt", "s03"), ("en", "en.txt", "s03"), ("zh", "zh.txt", "s03"),
            ("ru", "ru_security.txt", "s02"), ("en", "en_security.txt", "s02")]


@pytest.mark.parametrize("lang, name, section", CHAPTERS)
def test_whole_chapter_matches_gold(booklet, lang, name, section):
    gold = read_gold(GOLD / name)
    predicted = [x.text for x in booklet.sentences if x.lang == lang and x.section == section]
    score = score_sentences([s for b in gold for s in b.sentences], predicted)
    assert score.gold == sum(len(b.sentences) for b in gold)
    assert abs(score.predicted - score.gold) <= 1
    assert score.f1 >= 0.98, score


@pytest.mark.parametrize("lang, name, section", CHAPTERS)
def test_block_kinds_match_gold(booklet, lang, name, section):
    gold = [(b.kind, b.first) for b in read_gold(GOLD / name)]
    ours = [(b.kind, b.lines[0]) for b in booklet.blocks if b.lang == lang and b.section == section]
    agree = len(set(gold) & set(ours))
    assert agree >= len(gold) - 1, sorted(set(gold) ^ set(ours))


@pytest.mark.parametrize("text, expected", [
    ("Гаджиев К. С. написал книгу. Она вышла в 1997 г. в Москве.",
     ["Гаджиев К. С. написал книгу.", "Она вышла в 1997 г. в Москве."]),
    ("Это сказал Э. Рахмон. Затем начался саммит.", ["Это сказал Э. Рахмон.", "Затем начался саммит."]),
    ("Мы обсудили экономику и т. д. Среди угроз назван терроризм.",
     ["Мы обсудили экономику и т. д.", "Среди угроз назван терроризм."]),
    ("Документы, в т. ч. соглашения, подписаны. Работа идет.",
     ["Документы, в т. ч. соглашения, подписаны.", "Работа идет."]),
    ("Объем составил 6,8 млрд. долларов. Это рекорд.", ["Объем составил 6,8 млрд. долларов.", "Это рекорд."]),
])
def test_russian_abbreviations(text, expected):
    assert split_text(text, "ru") == expected


@pytest.mark.parametrize("text, expected", [
    ("See No. 5 for details. It was signed e.g. in Moscow.",
     ["See No. 5 for details.", "It was signed e.g. in Moscow."]),
    ("Prof. A. B. Ivanov spoke. The forum ended.", ["Prof. A. B. Ivanov spoke.", "The forum ended."]),
    ("It covers energy, trade etc. Another topic is culture.",
     ["It covers energy, trade etc.", "Another topic is culture."]),
])
def test_english_abbreviations(text, expected):
    assert split_text(text, "en") == expected


@pytest.mark.parametrize("text, expected", [
    ("贷款达到3.5亿美元。这是一项支持！", ["贷款达到3.5亿美元。", "这是一项支持！"]),
    ("他说：“合作很重要。”随后会议结束。", ["他说：“合作很重要。”", "随后会议结束。"]),
    ("一是加强合作；二是扩大交流。", ["一是加强合作；", "二是扩大交流。"]),
    ("《上海合作组织是独特平台……》", ["《上海合作组织是独特平台……》"]),
    ("没有句号的标题", ["没有句号的标题"]),
])
def test_chinese_rules(text, expected):
    assert split_text(text, "zh") == expected


def test_headings_captions_and_items_are_never_glued(booklet):
    by_block = {}
    for sentence in booklet.sentences:
        by_block.setdefault(sentence.block, []).append(sentence)
    for block in booklet.blocks:
        joined = "".join(x.text for x in by_block.get(block.id, []))
        assert "".join(joined.split()) == "".join(block.text.split()), block.id
