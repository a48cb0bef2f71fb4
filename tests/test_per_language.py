"""One file per language: the same document as one mixed file or as separate files gives the
same sections, sentences and units; lines point into each language's own file."""
import pytest

import sco_corpus
from sco_corpus.cli import main
from sco_corpus.errors import SourceError
from synthetic import Layout, build


def _split_files(tmp_path, text: str, name: str = "doc") -> tuple[sco_corpus.Corpus, dict]:
    """The mixed corpus of ``text`` and its body parts written as one file per language."""
    mixed_path = tmp_path / f"{name}.txt"
    mixed_path.write_text(text, encoding="utf-8")
    mixed = sco_corpus.load(mixed_path)
    files = {}
    for part in mixed.parts:
        if part.role == "body":
            files[part.lang] = tmp_path / f"{name}.{part.lang}.txt"
            files[part.lang].write_text(
                "\n".join(mixed.source.lines[part.start - 1:part.end]) + "\n", encoding="utf-8")
    return mixed, files


def _body(corpus, what):
    return [(x.id, x.kind, x.text) for x in getattr(corpus, what)]


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    return _split_files(tmp_path_factory.mktemp("perlang"), build(Layout(seed=3, colophon=False)))


def test_mixed_and_per_language_files_give_the_same_document(pair):
    mixed, files = pair
    split = sco_corpus.load(files)
    assert split.languages == mixed.languages == ("ru", "en", "zh")
    assert _body(split, "blocks") == _body(mixed, "blocks")
    assert _body(split, "sentences") == _body(mixed, "sentences")
    assert [(s.id, s.lang, s.title) for s in split.sections] == \
        [(s.id, s.lang, s.title) for s in mixed.sections]
    units = lambda c: [tuple(tuple(x.id for x in u.sentences[lang]) for lang in c.languages)
                       for u in c.align()]
    assert units(split) == units(mixed)


def test_lines_point_into_each_language_file(pair):
    _, files = pair
    split = sco_corpus.load(files)
    assert [s.path for s in split.sources] == [str(files[lang]) for lang in ("ru", "en", "zh")]
    for sentence in split.sentences:
        source = split.source_of(sentence.lang)
        first = source.line(sentence.lines[0])
        assert sentence.text.split()[0].strip("«“\"(")[:4] in first or sentence.lang == "zh"
    zh = [x for x in split.sentences if x.lang == "zh"]
    assert all(x.text[0] in split.source_of("zh").line(x.lines[0]) for x in zh)
    # every character of every file is kept in a block or recorded as noise
    from accounting import accounted
    source, kept = accounted(split)
    assert source == kept


def test_the_original_language_leads(pair):
    _, files = pair
    corpus = sco_corpus.load(files, original="en")
    assert corpus.languages == ("en", "ru", "zh")
    assert corpus.align().langs == ("en", "ru", "zh")
    with pytest.raises(ValueError, match="original language 'de'"):
        sco_corpus.load(files, original="de")


def test_two_languages_of_any_code(tmp_path):
    mixed, files = _split_files(tmp_path, build(Layout(langs=("en", "ru"), seed=2)))
    de = tmp_path / "doc.de.txt"
    de.write_text(files["en"].read_text(encoding="utf-8"), encoding="utf-8")
    corpus = sco_corpus.load({"ru": files["ru"], "de": de})
    assert corpus.languages == ("ru", "de")
    alignment = corpus.align()
    both = [u for u in alignment if u.sentences["ru"] and u.sentences["de"]]
    assert len(both) >= 0.9 * len([x for x in corpus.sentences if x.lang == "de"])


def test_files_mixed_up_or_misnamed_are_clear_errors(pair, tmp_path):
    _, files = pair
    with pytest.raises(SourceError, match=r"doc\.en\.txt: given as ru, but its text is mostly in latin"):
        sco_corpus.load({"ru": files["en"], "en": files["ru"]})
    with pytest.raises(SourceError, match="not a language code"):
        sco_corpus.load({"Russian": files["ru"], "en": files["en"]})
    empty = tmp_path / "empty.zh.txt"
    empty.write_text("12\n\n34\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"empty\.zh\.txt.*no text"):
        sco_corpus.load({"ru": files["ru"], "zh": empty})


def test_cli_per_language_files(pair, tmp_path, capsys):
    mixed, files = pair
    out = tmp_path / "split"
    args = [f"--lang={lang}={path}" for lang, path in files.items()]
    assert main(["split", *args, "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith(f"{len(_body(mixed, 'blocks'))} blocks") and "ru, en, zh" in printed
    assert (out / "zh.sentences.tsv").is_file()
    assert main(["stats", *args, "--original", "zh"]) == 0
    header = capsys.readouterr().out.splitlines()[0].split()
    assert [header[k] for k in (2, 8, 14)] == ["zh", "ru", "en"]


@pytest.mark.parametrize("argv, message", [
    (["stats", "x.txt", "--lang", "ru=a.txt"], "either one mixed file"),
    (["stats", "--lang", "ru"], "expected LANG=FILE"),
    (["stats", "--lang", "ru=a.txt", "--lang", "ru=b.txt"], "given twice"),
    (["stats", "--original", "ru"], "--original needs one file per language"),
    (["stats", "--lang", "ru=a.txt", "--original", "en"], "not one of the --lang languages"),
])
def test_cli_usage_errors(argv, message, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_build_from_per_language_files(pair, tmp_path):
    import pandas as pd

    from sco_corpus.build import build

    mixed, files = pair
    first = build(files, tmp_path / "split", original="ru")
    assert not first.skipped and first.source == " ".join(f"{k}={v}" for k, v in files.items())
    whole = build(mixed.source.path, tmp_path / "mixed")
    columns = ["unit", "ru", "en", "zh", "ru_ids", "en_ids", "zh_ids"]
    split_units = pd.read_csv(tmp_path / "split" / "units.tsv", sep="\t", keep_default_na=False)
    mixed_units = pd.read_csv(tmp_path / "mixed" / "units.tsv", sep="\t", keep_default_na=False)
    assert split_units[columns].equals(mixed_units[columns])
    assert build(files, tmp_path / "split", original="ru").skipped
    assert not build(files, tmp_path / "split", original="en").skipped
    files["zh"].write_text(files["zh"].read_text(encoding="utf-8") + "\n补充一句。\n",
                           encoding="utf-8")
    assert not build(files, tmp_path / "split").skipped
