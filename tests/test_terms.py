"""The term table, the `term` check, and the glossary exports (TBX, OmegaT, TSV): the booklet,
and small constructed trilingual texts, including ones that must give no finding."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from lxml import etree

from sco_corpus.align.units import Alignment, Unit
from sco_corpus.checks.term_check import check_terms
from sco_corpus.checks.terms import build_terms
from sco_corpus.cli import main
from sco_corpus.errors import SourceError
from sco_corpus.formats.omegat_glossary import (
    GlossaryEntry,
    glossary_entries,
    read_omegat_glossary,
    write_glossaries,
    write_omegat_glossary,
)
from sco_corpus.formats.tbx import read_tbx, write_tbx
from sco_corpus.model import Sentence

SCHEMA = Path(__file__).parent / "data" / "tbx" / "TBXcoreStructV03_TBX-Basic_integrated.rng"


@pytest.fixture(scope="module")
def alignment(booklet):
    return booklet.align()


@pytest.fixture(scope="module")
def terms(alignment):
    return build_terms(alignment)


def _alignment(*rows: tuple[str, str, str]) -> Alignment:
    """Units of constructed sentences, one row (ru, en, zh) per unit."""
    units = []
    for n, texts in enumerate(rows, 1):
        sentences = {lang: (Sentence(f"{lang}/x/b{n:03d}/1", lang, "x", f"{lang}/x/b{n:03d}",
                                     "paragraph", text, (n * 10 + k,)),) if text else ()
                     for k, (lang, text) in enumerate(zip(("ru", "en", "zh"), texts))}
        units.append(Unit(f"x/u{n:03d}", "x", "paragraph", sentences, {}))
    return Alignment(tuple(units))


ASTANA = [("Саммит прошел в Астане в июне.", "The summit was held in Astana in June.",
           "峰会于六月在阿斯塔纳举行。"),
          ("Делегаты прибыли в Астану вечером.", "The delegates arrived in Astana at night.",
           "代表们晚上抵达阿斯塔纳。"),
          ("Новый университет открыт в Астане.", "A new university opened in Astana.",
           "新大学在阿斯塔纳开学。")]
ALMATY = [("Выставка открылась в Алматы весной.", "The fair opened in Almaty in spring.",
           "展览会春天在阿拉木图开幕。"),
          ("Форум молодежи прошел в Алматы.", "The youth forum took place in Almaty.",
           "青年论坛在阿拉木图召开。"),
          ("Банк построил офис в Алматы.", "The bank built an office in Almaty.",
           "银行在阿拉木图建了办公楼。")]
RATS = [("Работу ведет Региональная антитеррористическая структура ШОС.",
         "The work is led by the Regional Anti-Terrorist Structure of the SCO.",
         "工作由上合组织地区反恐怖机构领导。"),
        ("Совет Региональной антитеррористической структуры собрался в мае.",
         "The council of the Regional Anti-Terrorist Structure met in May.",
         "地区反恐怖机构理事会五月开会。"),
        ("Бюджет Региональной антитеррористической структуры вырос.",
         "The budget of the Regional Anti-Terrorist Structure grew.",
         "地区反恐怖机构的预算增加了。")]


# --- the booklet --------------------------------------------------------------------------

def test_booklet_table_pairs_acronyms_names_and_titles(terms):
    dominant = [t.dominant for t in terms]
    assert any(d.get("ru") == "ШОС" and d.get("en") == "SCO" and "上合" in d.get("zh", "")
               for d in dominant)
    assert any(d.get("ru") == "ОДКБ" and d.get("en") == "CSTO" for d in dominant)
    assert any(d.get("ru") == "ООН" and d.get("en") == "UN" and d.get("zh") == "联合国"
               for d in dominant)
    assert any(d.get("ru") == "Душанбе" and d.get("en") == "Dushanbe"
               and d.get("zh") == "杜尚别" for d in dominant)
    assert any(d.get("zh") == "上海精神" and d.get("en") == "Shanghai Spirit" for d in dominant)
    assert len({t.id for t in terms}) == len(terms)
    for term in terms:  # places point back to the units and lines that hold the rendering
        for renderings in term.renderings.values():
            for rendering in renderings:
                assert rendering.count == len(rendering.units) and rendering.lines


def test_booklet_extraction_is_fast_and_check_is_quiet(booklet, alignment, terms):
    started = time.perf_counter()
    build_terms(alignment)
    assert time.perf_counter() - started < 20  # about 2 s here; the alignment takes longer
    findings = check_terms(alignment, booklet, terms)
    assert sum(f.severity in ("error", "warning") for f in findings) <= 3


def test_glossary_frame(booklet, alignment):
    frame = booklet.glossary(alignment)
    assert list(frame.columns[:3]) == ["id", "kind", "units"]
    assert {"ru", "en", "zh", "zh_count", "en_lines", "ru_variants"} <= set(frame.columns)
    assert len(frame) > 20 and (frame.units > 0).all()


# --- the check on constructed texts ---------------------------------------------------------

def test_a_renamed_entity_in_one_language_is_a_warning():
    bad = ("Министры встретились в Астане.", "The ministers met in Almaty.",
           "部长们在阿斯塔纳会晤。")
    findings = check_terms(_alignment(*ASTANA, *ALMATY, bad))
    assert [(f.severity, f.unit) for f in findings] == [("warning", "x/u007")]
    assert "'Almaty'" in findings[0].message and "Astana" in findings[0].message
    assert set(findings[0].evidence) == {"ru", "en", "zh"}


def test_a_missing_word_of_an_official_title_is_a_warning():
    bad = ("Региональная антитеррористическая структура подготовила доклад.",
           "The Regional Structure prepared a report.", "地区反恐怖机构编写了报告。")
    findings = check_terms(_alignment(*RATS, bad))
    assert [(f.severity, f.unit) for f in findings] == [("warning", "x/u004")]
    assert "'Regional Structure'" in findings[0].message
    assert "Regional Anti-Terrorist Structure" in findings[0].message


def test_a_name_spelt_alike_in_russian_and_english_is_checked_from_two_units():
    # Dushanbe is named in two units only: too few for a dominant rendering, but its Russian
    # and English spellings agree, so the table's pairing is sure
    dushanbe = [("Встреча прошла в Душанбе.", "The meeting was held in Dushanbe.",
                 "会议在杜尚别举行。"),
                ("Гости прибыли в Душанбе утром.", "The guests arrived in Dushanbe in the morning.",
                 "客人们上午抵达杜尚别。")]
    bad = ("Форум откроется в Душанбе.", "The forum will open in Almaty.", "论坛将在杜尚别开幕。")
    findings = check_terms(_alignment(*ALMATY, *dushanbe, bad))
    assert [(f.severity, f.unit) for f in findings] == [("warning", "x/u006")]
    assert "'Almaty'" in findings[0].message and "Dushanbe" in findings[0].message


def test_russian_and_english_naming_different_places_is_a_warning():
    # Chinese names neither place, so only the spellings of Russian and English tell
    places = [("Встреча прошла в Душанбе.", "The meeting was held in Dushanbe.", "会议在那里举行。"),
              ("Делегаты прибыли в Ташкент.", "The delegates arrived in Tashkent.", "代表们抵达了。")]
    bad = ("Форум откроется в Душанбе.", "The forum will open in Tashkent.", "论坛将开幕。")
    findings = check_terms(_alignment(*places, bad))
    assert [(f.severity, f.unit) for f in findings] == [("warning", "x/u003")]
    assert "'Душанбе'" in findings[0].message and "'Tashkent'" in findings[0].message
    # the same names, each with its own partner, or a paraphrase: no finding
    fine = ("Форум откроется в Душанбе.", "The forum will open in the Tajik capital.", "论坛将开幕。")
    assert check_terms(_alignment(*places, places[0], fine)) == []


def test_a_title_with_its_words_reordered_is_info():
    spirit = [("Все говорят о «Шанхайском духе».", "Everyone speaks of the “Shanghai Spirit”.",
               "大家都谈论《上海精神》。"),
              ("«Шанхайский дух» стал основой работы.", "The “Shanghai Spirit” became the basis.",
               "《上海精神》成为工作的基础。"),
              ("Мы верны «Шанхайскому духу».", "We are true to the “Shanghai Spirit”.",
               "我们忠于《上海精神》。"),
              ("Делегаты прилетели в Шанхай.", "The delegates flew to Shanghai.",
               "代表们飞抵上海。"),
              ("Выставка прошла в Шанхае.", "The fair was held in Shanghai.", "展览会在上海举行。")]
    row = ("Появился термин «Шанхайский дух».", "The term “Spirit of Shanghai” appeared.",
           "出现了《上海精神》一词。")
    findings = check_terms(_alignment(*spirit, row))
    assert [(f.severity, f.unit) for f in findings] == [("info", "x/u006")]
    assert "another order" in findings[0].message


@pytest.mark.parametrize("row", [
    # a pronoun for a repeated name
    ("Саммит снова прошел в Астане.", "The summit was held there again.",
     "峰会再次在阿斯塔纳举行。"),
    # a legitimate paraphrase
    ("Министры встретились в Астане.", "The ministers met in the Kazakh capital.",
     "部长们在阿斯塔纳会晤。"),
    # Chinese 《》 and English “” titles for Russian «» ones
    ("Фильм «Шелковый путь» показали в Астане.", "The film “Silk Road” was shown in Astana.",
     "电影《丝绸之路》在阿斯塔纳放映。"),
    # another case form of a short Russian word (Азию / Азии)
    ("Министры поехали в Центральную Азию.", "The ministers went to Central Asia.",
     "部长们前往中亚。"),
])
def test_no_finding_for_pronouns_paraphrases_and_titles(row):
    asia = [("Это важно для Центральной Азии.", "This matters for Central Asia.",
             "这对中亚很重要。")] * 3
    assert check_terms(_alignment(*ASTANA, *ALMATY, *asia, row)) == []


def test_quoted_titles_are_paired_quote_to_quote():
    rows = [("Фильм «Шелковый путь» показали.", "The film “Silk Road” was shown.",
             "电影《丝绸之路》放映了。")]
    terms = build_terms(_alignment(*rows))
    assert [t.dominant for t in terms] == [{"ru": "Шелковый путь", "en": "Silk Road",
                                            "zh": "丝绸之路"}]


# --- swapped names: names paired unit by unit (checks/name_pairs.py) -------------------------

MOSCOW = [("Договор подписан в Москве в мае.", "The treaty was signed in Moscow in May.",
           "条约于五月在莫斯科签署。"),
          ("Форум впервые прошел в Москве.", "The forum was first held in Moscow.",
           "论坛首次在莫斯科举行。"),
          ("Гости осмотрели Москву вечером.", "The guests toured Moscow in the evening.",
           "客人们晚上参观了莫斯科。")]


def _swaps(*rows):
    from sco_corpus.checks.name_pairs import NamePairs
    return [(s.unit.id, s.lang) for s in NamePairs(_alignment(*rows)).swaps()]


def test_a_chinese_rename_is_found_without_chinese_name_mentions():
    # Chinese writes no capitals: its names are the counterparts of the Russian and English ones
    bad = ("Министры встретились в Москве.", "The ministers met in Moscow.", "部长们在阿拉木图会晤。")
    findings = check_terms(_alignment(*MOSCOW, *ALMATY, bad))
    assert [(f.severity, f.unit) for f in findings] == [("warning", "x/u007")]
    assert "阿拉木图" in findings[0].message and "zh" in findings[0].message


def test_two_renames_of_the_same_pair_of_names_are_both_found():
    # Moscow -> Almaty in English in one unit and Almaty -> Moscow in Chinese in another: each
    # unit is judged by counterparts measured without it, so neither hides the other
    one = ("Министры встретились в Москве.", "The ministers met in Almaty.", "部长们在莫斯科会晤。")
    two = ("Ярмарка прошла в Алматы.", "The fair took place in Almaty.", "交易会在莫斯科举行。")
    units = {u for u, _ in _swaps(*MOSCOW, *ALMATY, one, two)}
    assert units == {"x/u007", "x/u008"}


def test_a_russian_rename_is_found():
    # a Russian rename: the Russian names another city where English and Chinese agree
    bad = ("Министры встретились в Алматы.", "The ministers met in Moscow.", "部长们在莫斯科会晤。")
    assert _swaps(*MOSCOW, *ALMATY, bad) == [("x/u007", "ru")]


@pytest.mark.parametrize("row", [
    # a reordered list: every language names both, in another order
    ("Делегаты из Москвы и Алматы.", "Delegates from Almaty and Moscow.", "来自莫斯科和阿拉木图的代表。"),
    # a pronoun for a repeated name
    ("Делегаты прибыли в Москву.", "The delegates arrived there.", "代表们抵达莫斯科。"),
    # a paraphrase
    ("Делегаты прибыли в Москву.", "The delegates arrived in the Russian capital.",
     "代表们抵达俄罗斯首都。"),
    # Chinese 《》 and English “” titles for Russian «» ones
    ("Фильм «Шелковый путь» показали в Москве.", "The film “Silk Road” was shown in Moscow.",
     "电影《丝绸之路》在莫斯科放映。"),
])
def test_no_swapped_name_for_lists_pronouns_paraphrases_and_titles(row):
    assert _swaps(*MOSCOW, *ALMATY, row) == []
    assert check_terms(_alignment(*MOSCOW, *ALMATY, row)) == []


def test_a_variant_the_document_uses_elsewhere_is_no_swap():
    # English naming Almaty where the others name Moscow, in other units too: a variant of its
    # own (however odd), not a slip in one place
    variant = [("Саммит прошел в Москве.", "The summit took place in Almaty.", "峰会在莫斯科举行。"),
               ("Выставка прошла в Москве.", "The fair opened in Almaty.", "展览会在莫斯科举行。")]
    row = ("Министры встретились в Москве.", "The ministers met in Almaty.", "部长们在莫斯科会晤。")
    assert ("x/u009", "en") not in _swaps(*MOSCOW, *ALMATY, *variant, row)


# --- exports ----------------------------------------------------------------------------

def test_tbx_validates_and_reads_back(terms, tmp_path):
    path = tmp_path / "glossary.tbx"
    assert write_tbx(terms, path) == len(terms)
    schema = etree.RelaxNG(etree.parse(str(SCHEMA)))
    assert schema.validate(etree.parse(str(path))), schema.error_log
    assert read_tbx(path) == terms
    old = tmp_path / "glossary.v2.tbx"
    write_tbx(terms, old, version=2)
    assert read_tbx(old) == terms


def test_translate_toolkit_reads_every_entry(terms, tmp_path):
    tbx = pytest.importorskip("translate.storage.tbx")
    path = tmp_path / "glossary.v2.tbx"
    write_tbx(terms, path, version=2)
    with open(path, "rb") as handle:
        store = tbx.tbxfile(handle)
    assert len(store.units) == len(terms)
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for unit, term in zip(store.units, terms):
        assert unit.getid() == term.id
        read = {node.get(xml_lang): [t.text for t in node.iter("term")]
                for node in unit.getlanguageNodes()}
        assert read == {lang: [r.text for r in rs] for lang, rs in term.renderings.items()}


def test_tbx_reader_refuses_bad_input(tmp_path):
    bomb = tmp_path / "bomb.tbx"
    bomb.write_text('<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY a "aaaa">]>\n'
                    "<martif><text><body/></text></martif>\n", encoding="utf-8")
    with pytest.raises(SourceError, match="entity"):
        read_tbx(bomb)
    broken = tmp_path / "broken.tbx"
    broken.write_text("<martif>\n<text>\n</martif>\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"broken.tbx:3"):
        read_tbx(broken)


def test_omegat_glossary_round_trips_every_pair(terms, tmp_path):
    for target in ("en", "zh"):
        entries = glossary_entries(terms, "ru", target)
        path = tmp_path / f"glossary.ru-{target}.txt"
        assert write_omegat_glossary(entries, path) == len(entries)
        assert read_omegat_glossary(path) == entries
        expected = {(t.dominant["ru"], r.text) for t in terms if "ru" in t.dominant
                    for r in t.renderings.get(target, ())}
        assert {(e.source, e.target) for e in entries} == expected
        assert all(line.count("\t") == 2 for line in path.read_text("utf-8").splitlines())
    bad = tmp_path / "bad.txt"
    bad.write_text("один\tone\n\nтолько один столбец\n", encoding="utf-8")
    with pytest.raises(SourceError, match="bad.txt:3"):
        read_omegat_glossary(bad)
    tabbed = tmp_path / "tabbed.txt"
    write_omegat_glossary([GlossaryEntry("a\tb", "c\nd", "")], tabbed)
    assert read_omegat_glossary(tabbed) == [GlossaryEntry("a b", "c d", "")]


def test_write_glossaries_and_cli(terms, tmp_path):
    names = {p.name for p in write_glossaries(terms, tmp_path / "g", ("ru", "en", "zh"))}
    assert names == {"glossary.tbx", "glossary.v2.tbx", "glossary.ru-en.txt",
                     "glossary.ru-zh.txt", "glossary.tsv"}
    from synthetic import Layout, build

    source = tmp_path / "doc.txt"
    source.write_text(build(Layout(seed=5)), encoding="utf-8")
    assert main(["glossary", str(source), "--out", str(tmp_path / "o"), "--format", "omegat"]) == 0
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["glossary.ru-en.txt",
                                                                 "glossary.ru-zh.txt"]
    one = tmp_path / "one.txt"
    one.write_text(build(Layout(langs=("ru",))), encoding="utf-8")
    assert main(["glossary", str(one), "--out", str(tmp_path / "p")]) == 2
