"""Builds that users interrupt, move, rebuild with other languages, or crash: no traceback,
no stale or half-written output, an exit code that says what happened."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import sco_corpus.align.embed as embed
import sco_corpus.build as build_module
from sco_corpus.build import MANIFEST, STAGES, build
from sco_corpus.checks.report import read_baseline
from sco_corpus.cli import EXIT_CRASH, EXIT_INPUT, EXIT_INTERRUPTED, main
from sco_corpus.corpus import EMBEDDED
from sco_corpus.errors import SourceError
from sco_corpus.formats.tsv import read_tsv
from synthetic import Layout, build as build_text


@pytest.fixture(scope="module")
def booklet_build(tmp_path_factory):
    """The booklet built once: (output folder, result)."""
    out = tmp_path_factory.mktemp("booklet") / "out"
    with pytest.MonkeyPatch.context() as patch:  # for the builds of the tests using it too
        patch.setenv("SOURCE_DATE_EPOCH", "1400000000")
        yield out, build(None, out)


def _outputs(folder: Path) -> dict[str, bytes]:
    """The files of a build but its manifest (which holds timings)."""
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and p.name != MANIFEST}


def _source(tmp_path: Path, name: str, **layout) -> Path:
    path = tmp_path / name
    path.write_text(build_text(Layout(**layout)), encoding="utf-8")
    return path


def test_a_cut_short_cache_entry_is_encoded_again(booklet_build, tmp_path):
    out, first = booklet_build
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    entries = sorted((copy / ".embeddings").rglob("*.npy"))
    assert len(entries) > 500
    for entry in entries[:3]:
        with open(entry, "r+b") as handle:
            handle.truncate(60)
    (copy / MANIFEST).unlink()
    again = build(None, copy)
    assert not again.skipped and again.units == first.units
    assert all(np.load(entry).shape == (512,) for entry in entries[:3])
    assert _outputs(copy) == _outputs(out)


def test_a_skipped_build_in_a_moved_folder_names_the_new_folder(booklet_build, tmp_path,
                                                                 capsys):
    out, _ = booklet_build
    moved = tmp_path / "moved"
    shutil.copytree(out, moved)
    assert main(["build", "--out", str(moved), "--quiet"]) == 1
    printed = capsys.readouterr().out
    assert f"{moved}/ up to date" in printed and str(out) not in printed


def test_a_two_language_build_removes_the_third_language_outputs(booklet_build, booklet,
                                                                   tmp_path):
    out, first = booklet_build
    folder = tmp_path / "out"
    shutil.copytree(out, folder)
    lines = booklet.source.lines
    source = tmp_path / "ru_en.txt"
    source.write_text("\n".join(line for p in booklet.parts if p.lang != "zh"
                                for line in lines[p.start - 1:p.end]) + "\n", encoding="utf-8")
    result = build(source, folder)
    names = set(os.listdir(folder)) - {".embeddings"}
    assert names == set(result.files) | {MANIFEST}
    assert not {"corpus.zh", "sco_corpus.ru-zh.tmx", "sco_corpus.en-zh.tmx"} & names
    assert set(first.files) - set(result.files) >= {"corpus.zh", "sco_corpus.ru-zh.tmx"}


@pytest.fixture(scope="module")
def small_builds(tmp_path_factory):
    """A small three-language document built cleanly, and a two-language one built into the
    folder that the interrupted build will use: (three-language source, clean, two-language
    output folder)."""
    tmp = tmp_path_factory.mktemp("small")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1400000000")
        three = _source(tmp, "three.txt", seed=1)
        build(three, tmp / "clean")
        build(_source(tmp, "two.txt", langs=("ru", "en"), seed=1), tmp / "two")
        yield three, tmp / "clean", tmp / "two"


@pytest.mark.parametrize("stage", [*STAGES, "publish", "cache write"])
def test_an_interrupted_build_is_completed_by_the_next(small_builds, tmp_path, monkeypatch,
                                                       stage):
    three, clean, two = small_builds
    folder = tmp_path / "out"
    shutil.copytree(two, folder)

    def stop(*_):
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        if stage == "publish":
            moves = []
            real = os.replace
            patch.setattr(build_module.os, "replace",
                          lambda a, b: stop() if moves else (moves.append(a), real(a, b)))
            progress = None
        elif stage == "cache write":
            shutil.rmtree(folder / ".embeddings")

            def cut_short(handle, array):
                handle.write(b"\x93NUMPY")
                stop()

            patch.setattr(embed.np, "save", cut_short)
            progress = None
        else:
            def progress(name, event, detail):
                if name == stage and event == "start":
                    stop()
        with pytest.raises(KeyboardInterrupt):
            build(three, folder, progress=progress)
    finished = build(three, folder)
    assert not finished.skipped
    assert _outputs(folder) == _outputs(clean)
    assert not list(folder.glob(".build-*"))
    assert build(three, folder).skipped


def test_exit_codes_of_a_crash_and_an_interruption(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))

    def crash(*_, **__):
        raise RuntimeError("something unexpected")

    monkeypatch.setattr("sco_corpus.cli.load", crash)
    assert main(["stats"]) == EXIT_CRASH
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "RuntimeError: something unexpected" in err
    trace = next(tmp_path.glob("sco-corpus-crash-*.txt")).read_text(encoding="utf-8")
    assert "Traceback" in trace and "something unexpected" in trace

    def interrupt(*_, **__):
        raise KeyboardInterrupt

    monkeypatch.setattr("sco_corpus.cli.load", interrupt)
    assert main(["stats"]) == EXIT_INTERRUPTED
    assert capsys.readouterr().err == "sco-corpus: interrupted\n"


def test_ctrl_c_in_a_real_process_exits_130_without_traceback(tmp_path):
    # the booklet's alignment with a cold cache: seconds of encoding, so the signal comes
    # mid-build even when a loaded machine lets this process react slowly
    process = subprocess.Popen([sys.executable, "-c", "from sco_corpus.cli import main; "
                                "import sys; sys.exit(main())", "build", str(EMBEDDED), "--out",
                                str(tmp_path / "out"), "--cache-dir", str(tmp_path / "cache"),
                                "--json"], stderr=subprocess.PIPE, text=True,
                               # as from a shell: Ctrl-C not ignored, whatever the test runner
                               # (or a browser driver it started) did to its own signals
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    for line in process.stderr:  # interrupt once the alignment has begun
        if '"stage": "align", "event": "start"' in line:
            break
    process.send_signal(2)
    rest = process.stderr.read()
    assert process.wait(timeout=60) == EXIT_INTERRUPTED
    assert "Traceback" not in rest and "interrupted" in rest


@pytest.mark.parametrize("langs", ["ru,ru", "ru,xx", "en,en,zh"])
def test_duplicate_or_unknown_export_languages_are_usage_errors(langs, capsys, tmp_path):
    assert main(["export", "--format", "tmx", "--langs", langs,
                 "--out", str(tmp_path / "x.tmx")]) == EXIT_INPUT
    assert "--langs" in capsys.readouterr().err
    assert not (tmp_path / "x.tmx").exists()


def test_two_languages_with_one_code_are_a_usage_error(capsys, tmp_path):
    assert main(["export", "--format", "tmx", "--langs", "ru,en", "--lang-code", "en=ru",
                 "--out", str(tmp_path / "x.tmx")]) == EXIT_INPUT
    assert "--lang-code" in capsys.readouterr().err


def test_baselines_with_a_byte_order_mark(tmp_path):
    findings = tmp_path / "findings.json"
    findings.write_text(json.dumps([{"id": "number-1", "check": "number"}, {"id": "date-2"}]),
                        encoding="utf-8-sig")
    assert read_baseline(findings) == {"number-1": "known", "date-2": "known"}
    ids = tmp_path / "ids.txt"
    ids.write_text("number-1\r\ndate-2  accepted by the editor\r\n", encoding="utf-8-sig")
    assert read_baseline(ids) == {"number-1": "known", "date-2": "known"}


def test_baseline_statuses_from_the_review_page(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps([{"id": "a", "status": "accepted", "note": ""},
                                {"id": "b", "status": "dismissed", "note": "fine"},
                                {"id": "c", "status": "open"}, "d"]), encoding="utf-8")
    assert read_baseline(path) == {"a": "accepted", "b": "dismissed", "d": "known"}


@pytest.mark.parametrize("content,line", [
    (bytes(range(256)), 2), (b"number-1\n\x00\x01\x02", 2), (b"[{\"id\": 1}]", None),
    (b"{\"id\": \"x\"}", None), (b"[\n{\"id\": \"x\"},\n", 3)])
def test_unusable_baselines_are_input_errors(tmp_path, capsys, content, line):
    path = tmp_path / "baseline"
    path.write_bytes(content)
    with pytest.raises(SourceError) as error:
        read_baseline(path)
    assert error.value.path == str(path) and error.value.line == line
    assert main(["check", "--baseline", str(path), "--out", str(tmp_path)]) == EXIT_INPUT
    assert capsys.readouterr().err.startswith(f"sco-corpus: error: {path}")


def test_a_one_language_build_writes_what_one_language_allows(booklet, tmp_path, capsys):
    zh = next(p for p in booklet.parts if p.lang == "zh")
    source = tmp_path / "zh.txt"
    source.write_text("\n".join(booklet.source.lines[zh.start - 1:zh.end]) + "\n",
                      encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(source), "--out", str(out), "--quiet", "--fail-on", "never"]) == 0
    printed = capsys.readouterr().out
    assert "note: the document has one language (zh)" in printed and "translation memories" \
        not in printed
    names = set(os.listdir(out))
    assert {"units.tsv", "units.jsonl", "findings.json", "review.html"} <= names
    assert not [n for n in names if n.endswith(".tmx") or n.startswith("corpus.")]
    units = read_tsv(out / "units.tsv")
    assert sum(len(u.ids["zh"]) for u in units) == sum(
        1 for s in booklet.sentences if s.lang == "zh")
    findings = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    assert "duplicate" in {f["check"] for f in findings}  # the security chapter printed twice
    assert "zh" in (out / "review.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["tmx", "moses"])
def test_a_one_language_export_that_needs_two_names_the_file(tmp_path, capsys, fmt):
    source = _source(tmp_path, "en.txt", langs=("en",))
    assert main(["export", str(source), "--format", fmt,
                 "--out", str(tmp_path / "x")]) == EXIT_INPUT
    assert capsys.readouterr().err == (f"sco-corpus: error: {source}: --format {fmt} needs two "
                                       "languages; the document has en\n")
