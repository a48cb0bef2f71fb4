"""Consistency checks: the booklet's known problems, and small constructed examples, including
ones that must produce no finding."""
from __future__ import annotations

import json

import pytest

from sco_corpus.align.units import Alignment, Unit
from sco_corpus.checks import run_checks
from sco_corpus.checks.dates import check_dates
from sco_corpus.checks.numbers import check_numbers
from sco_corpus.checks.omissions import check_omissions
from sco_corpus.checks.untranslated import check_untranslated
from sco_corpus.model import Sentence


@pytest.fixture(scope="module")
def alignment(booklet):
    return booklet.align()


@pytest.fixture(scope="module")
def findings(booklet, alignment):
    return run_checks(booklet, alignment)


def _unit(n: int = 1, kind: str = "paragraph", **texts: str) -> Unit:
    """A unit of constructed sentences, one per language given (source lines made up)."""
    sentences = {lang: (Sentence(f"{lang}/x/b{n:03d}/1", lang, "x", f"{lang}/x/b{n:03d}", kind,
                                 text, (n * 10 + k,)),) if text else ()
                 for k, (lang, text) in enumerate(texts.items())}
    return Unit(f"x/u{n:03d}", "x", kind, sentences, {})


def _one(findings, check):
    hits = [f for f in findings if f.check == check]
    assert len(hits) == 1, hits
    return hits[0]


# --- the booklet --------------------------------------------------------------------------

def test_scale_slips_in_chinese_are_found(findings):
    numbers = [f for f in findings if f.check == "number" and f.severity == "error"]
    message = " ".join(f.message for f in numbers)
    assert "90亿 = 9.0e9" in message and "900 million = 9.0e8" in message and "×10" in message
    assert "68亿 = 6.8e9" in message and "680 million = 6.8e8" in message


def test_duplicated_chinese_passage_is_one_finding_with_both_extents(findings):
    duplicate = _one(findings, "duplicate")
    assert duplicate.langs == ("zh",)
    lines = duplicate.lines["zh"]
    assert min(lines) <= 1113 and max(lines) >= 1339  # original and copy
    assert "1230-1339" in duplicate.message and "1113-1230" in duplicate.message


def test_known_date_drift_is_found(findings):
    dates = " ".join(f.message for f in findings if f.check == "date")
    assert "2005年6月5日" in dates and "5 июля 2005" in dates  # June for July
    assert "2013年11月9日" in dates  # 9 for 29 November


def test_copied_english_epigraph_is_found(findings):
    structure = [f for f in findings if f.check == "structure" and f.section == "s06"]
    assert any("repeats the epigraph of s05" in f.message for f in structure)


def test_russian_footnotes_in_english_are_untranslated(findings):
    untranslated = [f for f in findings if f.check == "untranslated" and f.severity == "error"]
    assert untranslated and all(f.langs == ("en",) for f in untranslated)
    assert all("left in Russian" in f.message for f in untranslated)


def test_a_latin_word_among_russian_ones_is_a_warning(findings):
    words = [f for f in findings if f.check == "untranslated" and f.severity != "error"]
    assert [(f.langs, f.severity) for f in words] == [(("ru",), "warning")]
    assert "Kyrgyzstan" in words[0].message


def test_moved_captions_and_cut_epigraphs_are_found(findings):
    structure = [f.message for f in findings if f.check == "structure"]
    assert sum("the zh caption is in" in m for m in structure) >= 1
    assert any("epigraph" in m and "leaves out" in m for m in structure)


def test_an_epigraph_cut_is_told_once(alignment, findings):
    """The structure check quotes what a cut epigraph leaves out; the clause comparison of
    the same epigraph does not report it again."""
    epigraphs = {u.id for u in alignment if u.kind == "epigraph"}
    cuts = {(f.section, f.langs[0]) for f in findings
            if f.check == "structure" and "leaves out" in f.message}
    assert cuts
    assert not [f for f in findings if "seems to lack a clause" in f.message
                and f.unit in epigraphs and (f.section, f.langs[-1]) in cuts]


def test_findings_have_stable_unique_ids(booklet, alignment, findings):
    again = run_checks(booklet, alignment)
    assert [f.id for f in again] == [f.id for f in findings]
    assert len({f.id for f in findings}) == len(findings)
    frame = findings.to_frame()
    assert list(frame.columns) == ["id", "check", "severity", "langs", "section", "unit",
                                   "lines", "evidence", "message"]


def test_low_confidence_units_are_ranked(findings):
    low = [f for f in findings if f.check == "low_confidence"]
    ranks = [int(f.message.split("rank ")[1].split()[0]) for f in low]
    assert ranks == sorted(ranks)


# --- constructed examples -----------------------------------------------------------------

def test_numbers_written_differently_agree():
    unit = _unit(ru="Объем составил 6,8 млрд долларов, рост на 15,5% и 1 000 человек.",
                 en="The volume was $6.8 billion, growth of 15.5% and 1,000 people.",
                 zh="总额为68亿美元，增长15.5%，共1000人。")
    assert check_numbers(Alignment((unit,)), None) == []


def test_a_changed_number_is_an_error():
    unit = _unit(ru="Рост на 15%.", en="Growth of 25%.", zh="增长15%。")
    finding = _one(check_numbers(Alignment((unit,)), None), "number")
    assert finding.severity == "error" and "en 25" in finding.message


def test_dates_written_differently_agree():
    unit = _unit(ru="Саммит прошел 5 июля 2005 г., встреча 14-15 июня 2009 года.",
                 en="The summit was held on 5 July 2005, the meeting on June 14-15, 2009.",
                 zh="峰会于2005年7月5日举行，会议于2009年6月14至15日举行。")
    assert check_dates(Alignment((unit,)), None) == []


def test_a_changed_day_or_month_is_an_error():
    unit = _unit(ru="Саммит прошел 5 июля 2005 г.", en="The summit was held on July 5, 2005.",
                 zh="峰会于2005年8月5日举行。")
    finding = _one(check_dates(Alignment((unit,)), None), "date")
    assert finding.severity == "error" and "2005年8月5日" in finding.message


def test_wrong_language_text():
    units = (_unit(1, ru="Кыргызстан (Kyrgyzstan) вступил в ШОС и ОДКБ (CSTO).",
                   en="Kyrgyzstan joined the SCO.", zh="吉尔吉斯斯坦加入了上合组织。"),
             _unit(2, ru="Стороны подписали соглашение.", en="Стороны подписали соглашение.",
                   zh="双方签署了协议。"))
    findings = check_untranslated(Alignment(units), None)
    assert [(f.unit, f.langs, f.severity) for f in findings] == [("x/u002", ("en",), "error")]


def test_consecutive_missing_sentences_are_one_passage(booklet):
    units = (_unit(1, ru="Первое.", en="First.", zh="第一。"),
             _unit(2, ru="Второе.", en="Second.", zh=""),
             _unit(3, ru="Третье.", en="Third.", zh=""),
             _unit(4, ru="Четвертое.", en="Fourth.", zh="第四。"))
    findings = check_omissions(Alignment(units), booklet)
    finding = _one(findings, "omission")
    assert finding.severity == "error" and "zh lacks 2 sentences" in finding.message
    assert finding.lines == {"ru": (20, 30), "en": (21, 31)}


def test_check_cli_gates_and_accepts_a_baseline(tmp_path, capsys):
    from sco_corpus.cli import main

    assert main(["check", "--out", str(tmp_path)]) == 1
    saved = json.loads((tmp_path / "findings.json").read_text(encoding="utf-8"))
    assert saved and set(saved[0]) == {"id", "check", "severity", "langs", "section", "unit",
                                       "lines", "evidence", "message"}
    assert "number" in capsys.readouterr().out
    baseline = tmp_path / "accepted.json"
    baseline.write_text(json.dumps(saved), encoding="utf-8")
    assert main(["check", "--out", str(tmp_path / "again"), "--baseline", str(baseline)]) == 0
    assert json.loads((tmp_path / "again" / "findings.json").read_text(encoding="utf-8")) == []
    assert main(["check", "--out", str(tmp_path), "--fail-on", "never"]) == 0
    assert main(["check", "--out", str(tmp_path), "--checks", "nonsense"]) == 2


def test_exports_carry_the_findings(alignment, findings, tmp_path):
    from sco_corpus import read_tmx, read_tsv
    from sco_corpus.formats.exports import export_all

    export_all(alignment, tmp_path, findings=findings)
    number = next(f for f in findings if f.check == "number" and f.severity == "error")
    rows = {r.id: r for r in read_tsv(tmp_path / "units.tsv")}
    assert number.id in rows[number.unit].flags
    tmx = {r.id: r for r in read_tmx(tmp_path / "sco_corpus.tmx")}
    assert number.id in tmx[number.unit].flags
    assert "numbers differ" in (tmp_path / "sco_corpus.tmx").read_text(encoding="utf-8")


def test_chinese_numerals_and_spelled_numbers_agree():
    units = (_unit(1, ru="Прошло 24-ое заседание с участием шести государств.",
                   en="The 24th session was held with six states.",
                   zh="第二十四次会议召开，六个国家参加。"),
             _unit(2, ru="Население 1,3 млрд человек.", en="A population of 1.3 billion.",
                   zh="人口十三亿。"))
    assert check_numbers(Alignment(units), None) == []
    wrong = _unit(3, ru="Прошло 24-ое заседание.", en="The 24th session was held.",
                  zh="第二十五次会议召开。")
    assert _one(check_numbers(Alignment((wrong,)), None), "number").severity == "error"


def test_caption_places_are_compared_by_meaning():
    same = _unit(1, kind="caption", ru="Пекин, 6-7 июня 2012 г.", en="Beijing, June 6-7, 2012",
                 zh="2012年6月6-7日，北京。")
    other = _unit(2, kind="caption", ru="Ташкент, 29 ноября 2013 г.",
                  en="Astana, November 29, 2013", zh="2013年11月29日，塔什干。")
    findings = check_dates(Alignment((same, other)), None)
    assert [(f.unit, f.severity) for f in findings] == [("x/u002", "warning")]
    assert "Ташкент" in findings[0].message and "Astana" in findings[0].message


def test_a_russian_sentence_in_the_chinese_text_is_untranslated_not_a_new_part():
    from sco_corpus.corpus import EMBEDDED, from_source
    from sco_corpus.ingest.source import decode

    lines = EMBEDDED.read_text(encoding="utf-8").split("\n")
    zh_part = next(p for p in from_source(decode(EMBEDDED.read_bytes(), "x")).parts
                   if p.lang == "zh")
    # a line near the end of the Chinese part, with Chinese text after it
    late = zh_part.start + 3 * (zh_part.end - zh_part.start) // 4
    target = next(n for n in range(late, zh_part.end) if len(lines[n - 1]) > 30)
    lines[target - 1] = "Значимым событием стало проведение заседания Совета министров."
    corpus = from_source(decode("\n".join(lines).encode("utf-8"), "x"))
    assert [(p.lang, p.role) for p in corpus.parts] == [
        ("ru", "body"), ("en", "body"), ("zh", "body"), ("ru", "colophon")]
    found = run_checks(corpus, corpus.align(), ["untranslated"])
    assert any(f.langs == ("zh",) and target in f.lines["zh"] and f.severity == "error"
               for f in found)


def test_second_document_findings_are_its_real_differences():
    """The generated document's Chinese adds an amount (3.5亿) and a sentence (各方表示满意) the
    others lack; its epigraph is the same in every chapter and every language. Nothing else
    may be reported."""
    from synthetic import Layout, build

    from sco_corpus.corpus import from_source
    from sco_corpus.ingest.source import decode

    corpus = from_source(decode(build(Layout(seed=5)).encode("utf-8"), "review.txt"))
    findings = corpus.check()
    assert findings
    for f in findings:
        assert (f.check == "number" and "3.5亿" in f.message) or (
            f.check == "omission" and f.evidence == {"zh": "各方表示满意。"}), f


def test_two_languages_report_a_difference_once():
    unit = _unit(ru="Рост на 15% с 5 июля 2005 г.", en="Growth of 25% since July 6, 2005.", zh="")
    alignment = Alignment((unit,))
    assert len(check_numbers(alignment, None)) == 1
    assert len(check_dates(alignment, None)) == 1


def test_dates_pair_the_most_specific_first_and_month_words_are_whole_words():
    unit = _unit(ru="Самая важная встреча прошла 5 июля, а в августе 2014 г. построено 5 маяков.",
                 en="In 2014 the most important meeting was held on July 5, 2014, and 5 "
                    "lighthouses were built in August.",
                 zh="2014年最重要的会议于2014年7月5日举行，8月建造了5座灯塔。")
    assert check_dates(Alignment((unit,)), None) == []
    assert check_numbers(Alignment((unit,)), None) == []


def test_pairs_follow_the_document_language_order():
    from synthetic import Layout, build

    from sco_corpus.corpus import from_source
    from sco_corpus.ingest.source import decode

    corpus = from_source(decode(build(Layout(langs=("en", "ru", "zh"))).encode("utf-8"), "x"))
    alignment = corpus.align()
    values = [c for a, b, c in alignment.pairs("ru", "en") if a and b]
    assert values and not any(v != v for v in values)  # no NaN
    assert alignment.units[0].shape().count("-") == 2
