"""Every non-whitespace character of a source ends up in exactly one block or in the noise."""
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from sco_corpus.corpus import from_source
from sco_corpus.ingest.source import decode
from accounting import accounted
from synthetic import Layout, build


def test_booklet_characters_all_accounted_for(booklet):
    source, kept = accounted(booklet)
    assert source - kept == Counter(), "characters lost"
    assert kept - source == Counter(), "characters invented"


def test_booklet_every_nonblank_line_is_somewhere(booklet):
    covered = {n for b in booklet.blocks for n in b.lines} | {n.line for n in booklet.noise}
    nonblank = {i for i, line in enumerate(booklet.source.lines, 1) if line.strip()}
    assert nonblank - covered == set()


def test_blocks_do_not_share_lines_except_toc(booklet):
    seen = {}
    for block in booklet.blocks:
        for n in block.lines:
            assert n not in seen or block.kind == seen[n] == "toc_entry", (n, block.id, seen.get(n))
            seen[n] = block.kind


@settings(max_examples=25, deadline=None)
@given(
    langs=st.sampled_from([("ru", "en", "zh"), ("ru", "en"), ("en", "zh"), ("ru",)]),
    chapters=st.integers(1, 4),
    paragraphs=st.integers(1, 4),
    with_toc=st.booleans(),
    page_numbers=st.booleans(),
    colophon=st.booleans(),
    seed=st.integers(0, 10_000),
)
def test_generated_documents_lose_nothing(langs, chapters, paragraphs, with_toc, page_numbers,
                                          colophon, seed):
    layout = Layout(langs=langs, chapters=chapters, paragraphs=paragraphs, with_toc=with_toc,
                    page_numbers=page_numbers, colophon=colophon, seed=seed)
    corpus = from_source(decode(build(layout).encode("utf-8"), "generated.txt"))
    source, kept = accounted(corpus)
    assert source == kept
    assert corpus.languages == langs
    for lang in langs:
        chapters_found = [s for s in corpus.get_sections(lang) if s.id != "s00"]
        assert len(chapters_found) == chapters
