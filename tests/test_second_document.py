"""A differently laid-out document built by the tests (tests/synthetic.py): other headers with
page numbers, other chapter names, page numbers on their own lines, Chinese headers."""
import sco_corpus
from sco_corpus.corpus import from_source
from sco_corpus.ingest.source import decode
from synthetic import TEXT, Layout, build


def _corpus(**kwargs):
    return from_source(decode(build(Layout(**kwargs)).encode("utf-8"), "review.txt"))


def test_structure_of_the_second_document():
    corpus = _corpus()
    assert corpus.languages == ("ru", "en", "zh")
    for lang in corpus.languages:
        sections = corpus.get_sections(lang)
        assert [s.id for s in sections] == ["s00", "s01", "s02", "s03", "s04"]
        assert [s.toc_title for s in sections[1:]] == TEXT[lang]["chapters"]
        kinds = [b.kind for b in corpus.blocks if b.lang == lang]
        assert kinds.count("caption") == 4 and kinds.count("footnote") == 4
        assert kinds.count("epigraph") == 4 and kinds.count("list_item") == 12
    headers = [n for n in corpus.noise if n.kind == "header"]
    assert len(headers) == 15 and len([n for n in corpus.noise if n.kind == "page_number"]) == 15


def test_page_break_join_in_the_second_document():
    corpus = _corpus()
    ru = [b for b in corpus.blocks if "специалистов для отрасли" in b.text]
    en = [b for b in corpus.blocks if "specialists for the industry" in b.text]
    zh = [b for b in corpus.blocks if "专业人才" in b.text]
    assert len(ru) == len(en) == len(zh) == 4
    assert all(b.kind == "paragraph" and len(b.lines) == 2 for b in ru + en + zh)
    notes = [b for b in corpus.blocks if b.kind == "footnote"]
    by_id = {b.id: b for b in corpus.blocks}
    assert all(by_id[n.cites].text.endswith("¹") for n in notes)


def test_sentences_of_the_second_document():
    corpus = _corpus(seed=7)
    en = [x.text for x in corpus.sentences if x.lang == "en" and x.kind == "paragraph"]
    assert "According to Prof. A. B. Ivanov, the cooperation also covers ecology, e.g. water." in en
    zh = [x.text for x in corpus.sentences if x.lang == "zh" and x.kind == "paragraph"]
    assert "投资额比上一年增长了15%，达到3.5亿美元。" in zh


def test_loading_a_file(tmp_path):
    path = tmp_path / "review.txt"
    path.write_text(build(Layout()), encoding="utf-8")
    corpus = sco_corpus.load(path)
    assert corpus.source.path == str(path) and len(corpus.blocks) > 50


def test_caption_line_the_chinese_lacks_is_a_unit_of_its_own(monkeypatch):
    """Russian and English captions open with a line the Chinese caption lacks: the line is a
    unit of its own with no Chinese, not absorbed into the next line's unit; and were it
    absorbed, the unit's confidence would say so (it scores better without the line)."""
    from sco_corpus.align import document
    from sco_corpus.align.embed import Embedder

    monkeypatch.setitem(TEXT["zh"], "caption", "2021年3月12日，阿拉木图。")
    corpus = _corpus()
    embedder = Embedder()

    def captions(alignment):
        return [u for u in alignment if u.kind == "caption"]

    units = captions(document.align_corpus(corpus, embedder=embedder))
    alone = [u for u in units
             if [s.text for s in u.sentences["en"]] == ["Conference participants."]]
    assert len(alone) == 4 and all(not u.sentences["zh"] for u in alone)
    assert all(u.confidence["ru-en"] > 0.9 for u in alone)
    monkeypatch.setattr(document, "_unsupported_groups", lambda src, *args: (src, []))
    merged = [u for u in captions(document.align_corpus(corpus, embedder=embedder))
              if len(u.sentences["en"]) == 2 and u.sentences["zh"]]
    assert len(merged) == 4
    assert all(u.confidence["ru-zh"] < 0.5 and u.confidence["en-zh"] < 0.5 for u in merged)
