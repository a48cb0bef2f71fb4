"""Bad input: a correct result or a one-line error naming the file and place, exit code 2."""
import codecs
import subprocess
import sys

import pytest

import sco_corpus
from sco_corpus.cli import main
from synthetic import Layout, build


def _write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("data, where", [
    (b"", "the file is empty"),
    (b"   \n\n  \n", "the file is empty"),
    ("Заголовок\nстрока\n".encode() + b"\xff\xfe bad\n", ":3: not UTF-8"),
    (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00", ":1: binary data"),
    (b"12345\n---\n", "no text in Russian, English or Chinese"),
])
def test_unusable_files_raise_source_error(tmp_path, data, where):
    path = _write(tmp_path, "bad.txt", data)
    with pytest.raises(sco_corpus.SourceError) as info:
        sco_corpus.load(path)
    assert str(path) in str(info.value) and where in str(info.value)


def test_cli_reports_one_line_and_exit_2(tmp_path, capsys):
    path = _write(tmp_path, "bad.txt", b"\x00\x01\x02binary")
    assert main(["stats", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path) in err and "Traceback" not in err


def test_cli_missing_file_exit_2_without_traceback(tmp_path):
    run = subprocess.run([sys.executable, "-m", "sco_corpus.cli", "split", str(tmp_path / "nope.txt"),
                          "--out", str(tmp_path / "o")], capture_output=True, text=True)
    assert run.returncode == 2
    assert "no such file" in run.stderr and "Traceback" not in run.stderr


def test_bom_and_crlf_give_the_same_corpus(tmp_path):
    text = build(Layout(seed=3))
    plain = sco_corpus.load(_write(tmp_path, "a.txt", text.encode()))
    bom = sco_corpus.load(_write(tmp_path, "b.txt", codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode()))
    assert bom.source.had_bom and bom.source.line_ending == "\r\n"
    assert [(b.id, b.kind, b.text, b.lines) for b in plain.blocks] == \
        [(b.id, b.kind, b.text, b.lines) for b in bom.blocks]


def test_two_parts_in_one_language_is_an_error(tmp_path):
    text = build(Layout(langs=("ru", "en"), colophon=False)) + build(Layout(langs=("ru",), colophon=False))
    path = _write(tmp_path, "twice.txt", text.encode())
    with pytest.raises(sco_corpus.SourceError, match=r"twice\.txt:\d+: a second Russian part"):
        sco_corpus.load(path)


@pytest.mark.parametrize("langs", [("ru",), ("en", "zh")])
def test_one_or_two_languages_are_read(tmp_path, langs):
    corpus = sco_corpus.load(_write(tmp_path, "few.txt", build(Layout(langs=langs)).encode()))
    assert corpus.languages == langs


def test_missing_toc_falls_back_to_layout_headings(tmp_path):
    corpus = sco_corpus.load(_write(tmp_path, "notoc.txt", build(Layout(with_toc=False)).encode()))
    for lang in corpus.languages:
        headings = [b for b in corpus.blocks if b.lang == lang and b.kind == "heading"]
        assert len(headings) == 4
        assert not [b for b in corpus.blocks if b.lang == lang and b.kind == "toc_entry"]
