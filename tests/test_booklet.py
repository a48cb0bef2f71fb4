"""The embedded booklet: languages, sections, block kinds and page-break joins.

Expected values were read off the source by hand (line numbers of captions and footnotes,
words split at page breaks), not produced by the code under test.
"""
import pytest

LANG_RANGES = {"ru": (1, 543), "en": (544, 1054), "zh": (1055, 1607)}
CAPTION_LINES = {
    "ru": [47, 57, 90, 96, 139, 151, 189, 286, 319, 359, 472, 506, 517, 529],
    "en": [587, 593, 629, 635, 682, 697, 739, 814, 845, 884, 970, 1018, 1031, 1042],
    "zh": [1103, 1125, 1135, 1195, 1258, 1320, 1376, 1390, 1462, 1529, 1539, 1556, 1596],
}
FOOTNOTES = {  # first line → (marker, first line of the paragraph citing it)
    "ru": {84: ("1", 82), 113: ("²", 92), 115: ("³", 107), 330: ("1", 328), 447: ("1", 437),
           476: ("²", 468)},
    "en": {623: ("¹", 619), 643: ("²", 621), 661: ("³", 641), 857: ("¹", 851), 990: ("1", 986)},
    "zh": {1119: ("¹", 1115), 1131: ("²", 1127), 1143: ("³", 1137), 1458: ("¹", 1435),
           1523: ("1", 1517)},
}


def blocks_of(corpus, lang, kind=None):
    return [b for b in corpus.blocks if b.lang == lang and b.section != "colophon"
            and (kind is None or b.kind == kind)]


def test_parts_found_from_the_text(booklet):
    assert booklet.languages == ("ru", "en", "zh")
    body = {p.lang: (p.start, p.end) for p in booklet.parts if p.role == "body"}
    for lang, (first, last) in LANG_RANGES.items():
        # the part may include blank lines around its text, never text of another part
        assert body[lang][0] <= first + 5 and body[lang][1] >= last - 5
    colophon = [p for p in booklet.parts if p.role == "colophon"]
    assert len(colophon) == 1 and colophon[0].lang == "ru" and colophon[0].start >= 1600


def test_cyrillic_footnotes_stay_in_the_english_part(booklet):
    english = [b for b in blocks_of(booklet, "en", "footnote") if "Гаджиев" in b.text]
    assert english and english[0].lines == (623,)


def test_six_chapters_per_language_with_shared_ids(booklet):
    for lang in ("ru", "en", "zh"):
        ids = [s.id for s in booklet.get_sections(lang)]
        assert ids == ["s00", "s01", "s02", "s03", "s04", "s05", "s06"], lang
        headings = blocks_of(booklet, lang, "heading")
        assert len(headings) == 6
        assert [b.section for b in headings] == ids[1:]


def test_multiline_headings_are_one_block(booklet):
    ru = {b.lines[0]: b for b in blocks_of(booklet, "ru", "heading")}
    assert ru[481].lines == (481, 482, 483, 484, 485, 486)
    assert ru[481].text == "ПРЕДСЕДАТЕЛЬСТВО ТАДЖИКИСТАНА В ШОС: «СОТРУДНИЧЕСТВО, СОРАЗВИТИЕ, СОПРОЦВЕТАНИЕ»"
    zh = {b.lines[0]: b for b in blocks_of(booklet, "zh", "heading")}
    assert zh[1566].text == "《共同合作、共同发展、共同繁荣》是塔担任上合组织轮值主席国的口号"


def test_toc_entries_with_pages(booklet):
    for lang, pages in (("ru", [3, 9, 23, 29, 39, 45]), ("en", [53, 59, 71, 77, 87, 93])):
        entries = blocks_of(booklet, lang, "toc_entry")
        assert [b.page for b in entries] == pages
    zh = blocks_of(booklet, "zh", "toc_entry")
    assert [b.page for b in zh][:2] == [101, 105]
    sections = {s.id: s for s in booklet.get_sections("en")}
    assert sections["s02"].toc_title == "SCO's Role in Regional Security"


@pytest.mark.parametrize("lang", ["ru", "en", "zh"])
def test_every_caption_found(booklet, lang):
    captions = [b.lines[0] for b in blocks_of(booklet, lang, "caption")]
    assert captions == CAPTION_LINES[lang]


@pytest.mark.parametrize("lang", ["ru", "en", "zh"])
def test_every_footnote_found_and_linked(booklet, lang):
    notes = {b.lines[0]: b for b in blocks_of(booklet, lang, "footnote")}
    assert set(notes) == set(FOOTNOTES[lang])
    by_id = {b.id: b for b in booklet.blocks}
    for line, (marker, citing_line) in FOOTNOTES[lang].items():
        note = notes[line]
        assert note.marker == marker
        assert note.cites is not None and citing_line in by_id[note.cites].lines


@pytest.mark.parametrize("lang", ["ru", "en", "zh"])
def test_one_epigraph_per_chapter(booklet, lang):
    epigraphs = blocks_of(booklet, lang, "epigraph")
    assert [b.section for b in epigraphs] == ["s01", "s02", "s03", "s04", "s05", "s06"]


@pytest.mark.parametrize("lang, word, lines", [
    ("ru", "совместная работа", (193, 197)),
    ("ru", "обеспечения международной информационной безопасности, в котором", (173, 177)),
    ("ru", "межправительственными организациями", (157, 161)),
    ("ru", "оперативному обмену", (263, 265)),
    ("en", "CIS Antiterrorist Center", (676, 684)),
    ("en", "combating illicit trafficking", (711, 715)),
    ("en", "such priority areas", (807, 817)),
])
def test_hyphenated_page_break_joins(booklet, lang, word, lines):
    hits = [b for b in blocks_of(booklet, lang) if word in b.text]
    assert len(hits) == 1 and set(lines) <= set(hits[0].lines)


def test_real_hyphens_stay(booklet):
    ru_text = " ".join(b.text for b in blocks_of(booklet, "ru"))
    assert "государств-членов" in ru_text and "14-15 июня" in ru_text and "военно-му" in ru_text


def test_paragraph_interrupted_by_caption_and_footnotes_is_one_block(booklet):
    ru = [b for b in blocks_of(booklet, "ru") if "Саммит «Шанхайской пятерки»" in b.text]
    assert len(ru) == 1 and ru[0].lines == (111, 119) and ru[0].kind == "paragraph"
    assert "превращения «пятерки» в форум" in ru[0].text
    zh = [b for b in blocks_of(booklet, "zh") if b.lines[0] == 1400]
    assert zh[0].lines == (1400, 1405) and "国际组织合作" in zh[0].text


def test_markup_and_escapes_undone(booklet):
    texts = [b.text for b in booklet.blocks]
    assert not any("*" in t or "\\$" in t for t in texts)
    assert any("$680" in t for t in texts)
    kinds = {n.kind for n in booklet.noise}
    assert {"header", "bold", "italic", "escape", "hyphen", "link"} <= kinds


def test_running_headers_removed(booklet):
    headers = [n for n in booklet.noise if n.kind == "header"]
    assert len(headers) == 5 and all("взгляд из Душанбе" in n.text for n in headers)
    assert not any("взгляд из Душанбе" in b.text for b in booklet.blocks if b.kind == "paragraph")


def test_list_items(booklet):
    ru_items = [b for b in blocks_of(booklet, "ru", "list_item") if b.section == "s02"]
    numbered = [b.marker for b in ru_items if b.marker[:1].isdigit()]
    assert numbered == ["1.", "2.", "1.", "2.", "3.", "4.", "5.", "6.", "7."]
    # unnumbered items after "... following factors:" in English
    en = [b for b in blocks_of(booklet, "en", "list_item") if b.lines[0] in (761, 763, 765)]
    assert len(en) == 3 and all(b.marker == "" for b in en)


def test_frames_have_the_promised_columns(booklet):
    for what in ("blocks", "sentences"):
        frame = booklet.to_frame(what)
        assert {"id", "lang", "section", "kind", "text", "lines"} <= set(frame.columns)
        assert frame["id"].is_unique
        assert len(frame) == len(getattr(booklet, what))
    sentence = booklet.to_frame("sentences").iloc[0]
    assert sentence["id"].startswith("ru/s00/b001/")


def test_sentence_lines_point_into_the_source(booklet):
    for sentence in booklet.sentences:
        source = "".join(booklet.source.line(n) for n in sentence.lines)
        probe = sentence.text.split()[0].strip("«»“”\"'()") if sentence.text.split() else ""
        assert probe[:4] in source.replace("*", "") or sentence.kind in ("heading", "title"), sentence
