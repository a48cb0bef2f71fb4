"""Drift the token checks used to miss (issue 11): scale and magnitude words, a foreign word in
running text, epigraphs cut or extended, floating blocks moved. Small constructed trilingual
texts, including ones that must give no finding."""
from __future__ import annotations

from sco_corpus.align.units import Alignment, Unit
from sco_corpus.checks.numbers import check_numbers
from sco_corpus.model import Sentence
from sco_corpus.numbers import find_magnitudes, find_numbers


def _unit(n: int = 1, kind: str = "paragraph", section: str = "x", **texts: str) -> Unit:
    """A unit of one constructed sentence per language given (source lines made up)."""
    sentences = {lang: (Sentence(f"{lang}/{section}/b{n:03d}/1", lang, section,
                                 f"{lang}/{section}/b{n:03d}", kind, text, (n * 10 + k,)),)
                 if text else () for k, (lang, text) in enumerate(texts.items())}
    return Unit(f"{section}/u{n:03d}", section, kind, sentences, {})


def _numbers(*units: Unit):
    return check_numbers(Alignment(units), None)


# --- 1. scale and magnitude words ---------------------------------------------------------

def test_spelled_and_approximate_numbers_are_read_as_values():
    def values(text, lang):
        return [(n.value, n.approx) for n in find_numbers(text, lang)]

    assert values("twenty-five million people", "en") == [(2.5e7, "")]
    assert values("двадцать пять тысяч человек", "ru") == [(2.5e4, "")]
    assert values("两千五百万人", "zh") == [(2.5e7, "")]
    assert values("300余万人", "zh") == [(3e6, "more")]
    assert values("近千人", "zh") == [(1e3, "less")]
    assert values("около 300 человек", "ru") == [(300, "about")]
    assert values("数百人", "zh") == []  # a magnitude, not 100
    assert [(m.kind, m.order) for m in find_magnitudes("数百人, 几十年来", "zh")] == [
        ("count", 2), ("time", 4)]
    assert find_magnitudes("Четыре десятилетия назад", "ru") == []  # 40 years, a number


def test_approximate_values_agree_with_exact_ones():
    units = (_unit(1, ru="Население превысило 3,2 млн человек.",
                   en="The population exceeded more than 3 million.", zh="人口达300余万。"),
             _unit(2, ru="Приехали более 3 тыс. гостей.",
                   en="More than three thousand guests came.",
                   zh="来了3000余名客人。"),
             _unit(3, ru="Работают почти 1000 специалистов.", en="Nearly a thousand experts work.",
                   zh="近千名专家工作。"),
             _unit(4, ru="Сотни экспертов из 6 стран.", en="Hundreds of experts from 6 countries.",
                   zh="来自6个国家的300余名专家。"))
    assert _numbers(*units) == []


def test_spelled_numbers_with_a_scale_are_compared():
    same = _unit(1, ru="Выделено двадцать пять миллионов долларов.",
                 en="Twenty-five million dollars were allocated.", zh="拨款两千五百万美元。")
    assert _numbers(same) == []
    slip = _unit(2, ru="Выделено двадцать пять миллионов долларов.",
                 en="Twenty-five million dollars were allocated.", zh="拨款2.5亿美元。")
    (finding,) = _numbers(slip)
    assert finding.severity == "error" and "×10" in finding.message
    wrong = _unit(3, ru="Население 300 тыс. человек.", en="A population of 300,000.",
                  zh="人口达300余万。")
    (finding,) = _numbers(wrong)
    assert finding.severity == "error" and "300余万" in finding.message


def test_a_changed_magnitude_word_is_a_finding():
    units = (_unit(1, ru="В акции участвовали сотни волонтеров.",
                   en="Hundreds of volunteers took part.", zh="数千名志愿者参加了活动。"),
             _unit(2, ru="Переговоры шли несколько недель.",
                   en="The talks lasted several months.", zh="谈判持续了几个星期。"),
             _unit(3, ru="Десятилетиями регион страдал.", en="For decades the region suffered.",
                   zh="几十年来该地区饱受苦难。"),
             _unit(4, ru="Десятки тысяч людей.", en="Tens of thousands of people.",
                   zh="数万人。"))
    findings = _numbers(*units)
    assert [(f.unit, f.severity) for f in findings] == [("x/u001", "warning"),
                                                        ("x/u002", "warning")]
    assert "zh 数千" in findings[0].message
    assert "ru/en сотни, Hundreds (hundreds)" in findings[0].message
    assert "en months" in findings[1].message and "недель" in findings[1].message


# --- 2. a foreign word in running text ----------------------------------------------------

def _untranslated(*units: Unit):
    from sco_corpus.checks.untranslated import check_untranslated

    return [(f.unit, f.langs[0], f.severity) for f in check_untranslated(Alignment(units), None)]


def test_a_single_foreign_word_is_found():
    units = (_unit(1, ru="Встреча глав России, Китая, Kyrgyzstan и Таджикистана.",
                   en="A meeting of the heads of Russia, China, Kyrgyzstan and Tajikistan.",
                   zh="俄罗斯、中国、吉尔吉斯斯坦和塔吉克斯坦元首会晤。"),
             _unit(2, ru="Главное — обеспечение security в регионе.",
                   en="The main thing is security in the region.", zh="主要是地区安全。"),
             _unit(3, ru="Организaция работает.", en="The Organization works.", zh="该组织运作。"),
             _unit(4, ru="Совет собрался.", en="The Совет met.", zh="理事会召开会议。"))
    assert _untranslated(*units) == [("x/u001", "ru", "warning"), ("x/u002", "ru", "warning"),
                                     ("x/u003", "ru", "error"), ("x/u004", "en", "warning")]


def test_latin_that_belongs_in_russian_text_is_not_a_finding():
    units = (_unit(1, ru="ШОС (SCO) и СНГ обсудили XXI век на сайте www.sectsco.org.",
                   en="The SCO and the CIS discussed the XXI century at www.sectsco.org.",
                   zh="上合组织和独联体在www.sectsco.org上讨论了二十一世纪。"),
             _unit(2, ru="Дорога длиной 120 km построена.", en="A 120 km road was built.",
                   zh="建成了120公里的道路。"),
             _unit(3, ru="Компания Huawei и агентство Xinhua подписали договор.",
                   en="Huawei and Xinhua signed a contract.", zh="Huawei与Xinhua签署了合同。"),
             _unit(4, ru="Кыргызстан (Kyrgyzstan) вступил в организацию.",
                   en="Kyrgyzstan joined the organization.", zh="吉尔吉斯斯坦加入了该组织。"),
             _unit(5, kind="footnote", ru="Brzezinski Z. The Grand Chessboard, et al. P. 15.",
                   en="Brzezinski Z. The Grand Chessboard, et al. P. 15.",
                   zh="Brzezinski Z. The Grand Chessboard, et al. P. 15."),
             _unit(6, ru="См. доклад «Россия в мире».", en="See the report «Россия в мире».",
                   zh="见报告《Россия в мире》。"))
    assert _untranslated(*units) == []

