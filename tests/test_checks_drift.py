"""Drift the token checks used to miss (issue 11): scale and magnitude words, a foreign word in
running text, epigraphs cut or extended, floating blocks moved. Small constructed trilingual
texts, including ones that must give no finding."""
from __future__ import annotations

import re
from dataclasses import replace

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


# --- 3. epigraphs cut or extended ---------------------------------------------------------

BODY = {"ru": "Организация располагает большими природными ресурсами и огромным человеческим "
              "потенциалом, и с каждым годом экономическое сотрудничество в её рамках растет.",
        "en": "The Organization has large natural resources and an enormous human potential, "
              "and economic cooperation within it grows from year to year.",
        "zh": "本组织拥有巨大的自然资源和庞大的人力资源潜力，其框架内的经济合作逐年增长。"}


def _cuts(**epigraphs: str):
    from sco_corpus.checks.structure import _epigraph_cuts

    return _epigraph_cuts(Alignment((_unit(1, "epigraph", **epigraphs), _unit(2, **BODY))))


def _document(units, order=None, cites=None):
    """A stand-in corpus: each language's sentences in reading order (``order``: unit numbers
    per language, default the units' order) and footnote blocks (``cites``: per language, the
    unit number whose block cites footnote unit 60)."""
    from types import SimpleNamespace

    by_n = {int(u.id[-3:]): u for u in units}
    order = order or {lang: list(by_n) for lang in ("ru", "en", "zh")}
    sentences = [s for lang, ns in order.items() for n in ns for s in by_n[n].sentences[lang]]
    blocks = [SimpleNamespace(id=f"{lang}/s01/b060", kind="footnote", cites=f"{lang}/s01/b{n:03d}")
              for lang, n in (cites or {}).items()]
    return SimpleNamespace(sentences=sentences, blocks=blocks)


def test_an_epigraph_cut_shorter_than_the_others_is_found():
    (finding,) = _cuts(ru="«" + BODY["ru"] + "»", en="“" + BODY["en"] + "”",
                       zh="《本组织拥有巨大的自然资源和庞大的人力资源潜力……》")
    assert finding.langs[0] == "zh" and finding.severity == "warning"
    assert "其框架内的经济合作逐年增长" in finding.message and finding.lines["zh"] == (12, 22)


def test_epigraphs_cut_alike_or_paraphrased_are_not_findings():
    assert _cuts(ru="«Организация располагает большими природными ресурсами и огромным "
                    "человеческим потенциалом...»",
                 en="“The Organization has large natural resources and an enormous human "
                    "potential...”", zh="《本组织拥有巨大的自然资源和庞大的人力资源潜力……》") == []
    assert _cuts(ru="«" + BODY["ru"] + "»", en="“Rich in resources, the SCO cooperates more "
                 "every year.”", zh="《" + BODY["zh"] + "》") == []


#: Paragraphs of ordinary length variation, from which the length model is measured.
PARAGRAPHS = [
    ("Министры обсудили вопросы торговли.", "The ministers discussed trade.", "部长们讨论了贸易问题。"),
    ("Стороны подписали соглашение о сотрудничестве в области энергетики.",
     "The parties signed an agreement on energy cooperation.", "双方签署了能源合作协定。"),
    ("Совещание прошло в Душанбе.", "The meeting was held in Dushanbe.", "会议在杜尚别举行。"),
    ("Эксперты подготовили доклад о транспортных коридорах региона.",
     "The experts prepared a report on the region's transport corridors.",
     "专家们编写了关于地区运输走廊的报告。"),
    ("Банк выделил кредит.", "The bank granted a loan.", "银行提供了贷款。"),
    ("Молодежный форум собрал студентов из шести стран.",
     "The youth forum brought together students from six countries.",
     "青年论坛汇集了来自六个国家的学生。"),
    ("Учения прошли успешно.", "The exercises went well.", "演习顺利进行。"),
    ("Главы государств приняли декларацию о дальнейшем развитии организации.",
     "The heads of state adopted a declaration on the further development of the organization.",
     "各国元首通过了关于本组织进一步发展的宣言。"),
    ("Делегации обменялись мнениями.", "The delegations exchanged views.", "各代表团交换了意见。"),
    ("Стороны договорились продолжить консультации в следующем году.",
     "The parties agreed to continue consultations next year.", "双方同意明年继续磋商。"),
    ("Выставка открылась в столице.", "The exhibition opened in the capital.", "展览会在首都开幕。"),
    ("Культурный обмен между странами расширяется с каждым годом.",
     "Cultural exchange between the countries grows every year.", "各国之间的文化交流逐年扩大。"),
]


def _lengths(epigraph: tuple[str, str, str]):
    from sco_corpus.checks.structure import _epigraph_lengths

    units = [_unit(1, "epigraph", ru=epigraph[0], en=epigraph[1], zh=epigraph[2])] + [
        _unit(n, ru=ru, en=en, zh=zh) for n, (ru, en, zh) in enumerate(PARAGRAPHS, 2)]
    return _epigraph_lengths(Alignment(tuple(units)), set())


def test_an_epigraph_much_shorter_than_the_others_predict_is_found():
    (finding,) = _lengths(("«Сотрудничество.»", "“Cooperation is the basis of our common future "
                           "and of the prosperity of our peoples”", "《合作是我们共同未来和各国人民繁荣的基础》"))
    assert finding.langs[0] == "ru" and "shorter" in finding.message and "cut" in finding.message
    assert _lengths(("«Сотрудничество — основа нашего общего будущего и процветания наших "
                     "народов»", "“Cooperation is the basis of our common future and of the "
                     "prosperity of our peoples”", "《合作是我们共同未来和各国人民繁荣的基础》")) == []


# --- 4. floating blocks moved -------------------------------------------------------------

def _moved(units, order=None, cites=None):
    from sco_corpus.checks.structure import _moved_blocks

    return _moved_blocks(Alignment(tuple(units)), _document(units, order, cites))


def _chapter(section: str, first: int, count: int) -> list[Unit]:
    return [_unit(n, section=section, ru=f"Предложение номер {n}.", en=f"Sentence number {n}.",
                  zh=f"第{n}句。") for n in range(first, first + count)]


def _caption(n: int, sections: dict[str, str]) -> Unit:
    texts = {"ru": "Участники саммита. Душанбе, 2014 г.", "en": "Summit participants. Dushanbe, "
             "2014", "zh": "2014年，杜尚别。峰会与会者。"}
    sentences = {lang: (Sentence(f"{lang}/{sec}/b{n:03d}/1", lang, sec, f"{lang}/{sec}/b{n:03d}",
                                 "caption", texts[lang], (n * 10 + k,)),)
                 for k, (lang, sec) in enumerate(sections.items())}
    return Unit(f"s02/u{n:03d}", "s02", "caption", sentences, {})


def test_a_caption_in_another_chapter_or_far_away_is_found():
    units = _chapter("s01", 1, 10) + _chapter("s02", 11, 10) + [
        _caption(50, {"ru": "s02", "en": "s02", "zh": "s01"})]
    body = list(range(1, 21))
    order = {"ru": body[:12] + [50] + body[12:], "en": body[:12] + [50] + body[12:],
             "zh": body[:9] + [50] + body[9:]}
    (finding,) = _moved(units, order)
    assert "the zh caption is in s01, the ru/en one(s) in s02" in finding.message
    assert finding.lines == {"ru": (500,), "en": (501,), "zh": (502,)}

    units[-1] = _caption(50, {"ru": "s02", "en": "s02", "zh": "s02"})
    order["zh"] = body[:19] + [50] + body[19:]
    (finding,) = _moved(units, order)
    assert "the zh caption sits 70% of s02 away" in finding.message

    units = _chapter("s01", 1, 10) + _chapter("s02", 11, 10) + _chapter("s03", 21, 10) + [
        _caption(50, {"ru": "s02", "en": "s03", "zh": "s01"})]
    order = {"ru": list(range(1, 13)) + [50] + list(range(13, 31)),
             "en": list(range(1, 23)) + [50] + list(range(23, 31)),
             "zh": list(range(1, 5)) + [50] + list(range(5, 31))}
    (finding,) = _moved(units, order)
    assert "another chapter in each language: ru s02, en s03, zh s01" in finding.message


def test_a_footnote_cited_from_another_passage_is_found():
    units = _chapter("s01", 1, 6) + [_unit(60, "footnote", "s01", ru="¹ Там же. С. 5.",
                                           en="¹ Ibid. P. 5.", zh="¹ 同上，第5页。")]
    order = {lang: [1, 2, 60, 3, 4, 5, 6] for lang in ("ru", "en", "zh")}
    assert _moved(units, order, {"ru": 2, "en": 2, "zh": 2}) == []
    (finding,) = _moved(units, order, {"ru": 2, "en": 2, "zh": 5})
    assert "the zh footnote is cited from another passage than in ru/en" in finding.message


def test_captions_near_their_place_and_reordered_lists_are_not_findings():
    units = _chapter("s01", 1, 10) + [_caption(50, {"ru": "s01", "en": "s01", "zh": "s01"})]
    body = list(range(1, 11))
    order = {"ru": body[:3] + [50] + body[3:], "en": body[:5] + [50] + body[5:],
             "zh": body[:2] + [4, 3] + [50] + body[4:]}  # zh swaps two list items
    assert _moved(units, order) == []


def test_chinese_titles_in_book_brackets_are_not_findings():
    from sco_corpus.checks.untranslated import check_untranslated

    unit = _unit(ru="В докладе «Россия и ШОС в 2014 году» упомянуто около 300 экспертов.",
                 en="The report “Russia and the SCO in 2014” mentions about 300 experts.",
                 zh="《2014年的俄罗斯与上合组织》报告提到了约300名专家。")
    alignment = Alignment((unit,))
    assert check_numbers(alignment, None) == []
    assert check_untranslated(alignment, None) == []


def test_a_block_missing_here_and_present_elsewhere_is_found():
    import numpy as np

    from sco_corpus.checks.structure import _elsewhere

    captions = [_unit(n, "caption", section="s01", ru=f"Снимок {n}.", en=f"Photo {n}.",
                      zh=f"照片{n}。") for n in range(1, 5)]
    here = _unit(5, "caption", section="s02", ru="Саммит в Душанбе.", en="Summit in Dushanbe.",
                 zh="")
    there = _unit(6, "caption", section="s05", ru="", en="", zh="杜尚别峰会。")
    other = _unit(7, "caption", section="s05", ru="", en="", zh="会议。")
    topics = {"Снимок": 1, "Photo": 1, "照片": 1, "Саммит": 2, "Summit": 2, "杜尚别": 2, "会议": 3}

    def embed(texts):  # the topic, and some of the script: translations alike, not equal
        out = np.zeros((len(texts), 8))
        for k, text in enumerate(texts):
            topic = next(v for w, v in topics.items() if w in text)
            script = 4 if re.search("[а-я]", text) else 5 if re.search("[a-z]", text) else 6
            out[k, topic], out[k, script] = 1.0, 0.3 if topic == 2 else 0.5
        return out

    units = (*captions, here, there, other)
    (finding,) = _elsewhere(Alignment(units, embedder=embed))
    assert finding.langs == ("ru", "en", "zh") and finding.unit == "s02/u005"

    # the same caption split by the aligner into its two sentences: compared whole
    first = _unit(5, "caption", section="s02", ru="Саммит.", en="Summit.", zh="")
    second = replace(_unit(5, "caption", section="s02", ru="Душанбе.", en="Dushanbe.", zh=""),
                     id="s02/u006")
    there = replace(there, id="s05/u007")
    other = replace(other, id="s05/u008")
    topics.update({"Душанбе": 2, "Dushanbe": 2})
    (finding,) = _elsewhere(Alignment((*captions, first, second, there, other), embedder=embed))
    assert finding.unit == "s02/u005" and "Саммит. Душанбе." in finding.evidence["ru"]
    assert "zh lacks this caption here" in finding.message and "s05" in finding.message
    assert finding.lines["zh"] == (60 + 2,)
