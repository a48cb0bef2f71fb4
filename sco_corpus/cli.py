"""The ``sco-corpus`` command line: argument parsing and printing over the library."""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import traceback
from collections import Counter
from pathlib import Path

from . import __version__
from .align.embed import Embedder
from .build import build
from .checks import CHECKS, SEVERITIES, exit_code
from .checks.common import span
from .checks.report import format_summary, read_baseline, write_findings
from .checks.terms import build_terms
from .collection import EXIT_DOCUMENT_FAILED, build_collection, discover, read_manifest
from .collection.run import DocumentResult
from .corpus import EMBEDDED, load
from .errors import SourceError
from .formats.split_files import write_split
from .formats.exports import export_all, memory_records
from .formats.jsonl import write_json, write_jsonl
from .formats.moses import write_moses
from .formats.omegat_glossary import GLOSSARY_FORMATS, write_glossaries
from .formats.tmx import DEFAULT_CODES, write_tmx
from .formats.tsv import write_tsv
from .stats import format_table, stats_table


#: Exit codes: success; findings at or above --fail-on; bad input or usage; an unexpected
#: failure (a bug: the trace is written to a file); a document of a collection failed (the
#: others were built); interrupted (Ctrl-C).
EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_CRASH, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
EXIT_DOCUMENT = EXIT_DOCUMENT_FAILED


class UsageError(Exception):
    """Options that cannot work together with the document given."""


def _add_cache_dir(parser: argparse.ArgumentParser, default: str = "") -> None:
    parser.add_argument("--cache-dir", metavar="DIR", default=None,
                        help=f"keep sentence embeddings on disk here and reuse them {default}"
                        .strip())


def _add_source(parser: argparse.ArgumentParser, many: bool = False) -> None:
    """The source arguments; ``many``: several sources or a folder make a collection."""
    parser.add_argument("source", nargs="*" if many else "?", default=None, metavar="SOURCE",
                        help="one file holding all languages, one after another: text, markdown, "
                             "DOCX, HTML or PDF (default: the embedded booklet, "
                             f"{EMBEDDED.name})" + (
                                 "; several files or a folder: a collection, where "
                                 "<id>.<ll>.<ext> files are the languages of document <id>"
                                 if many else ""))
    parser.add_argument("--lang", metavar="LANG=FILE", action="append", default=[],
                        help="one file per language instead (repeat: --lang ru=a.txt "
                             "--lang en=b.txt --lang zh=c.txt)")
    parser.add_argument("--original", metavar="LANG", default=None,
                        help="with --lang: the language translated from; it leads the "
                             "alignment (default: the first --lang)")


def _sources(args: argparse.Namespace) -> str | dict[str, str] | None:
    """The document the arguments name: a mixed file (or None: the booklet), or language
    code → file."""
    if not args.lang:
        if args.original is not None:
            raise UsageError("--original needs one file per language (--lang LANG=FILE)")
        return args.source
    if args.source is not None:
        raise UsageError(f"give either one mixed file ({args.source}) or --lang files, not both")
    files: dict[str, str] = {}
    for item in args.lang:
        lang, sep, path = item.partition("=")
        if not sep or not lang or not path:
            raise UsageError(f"--lang {item}: expected LANG=FILE, e.g. --lang ru=report.ru.txt")
        if lang in files:
            raise UsageError(f"--lang {lang} given twice ({files[lang]} and {path})")
        files[lang] = path
    if args.original is not None and args.original not in files:
        raise UsageError(f"--original {args.original}: not one of the --lang languages "
                         f"({', '.join(files)})")
    return files


def _load(args: argparse.Namespace):
    """The :class:`~sco_corpus.corpus.Corpus` the arguments name."""
    return load(_sources(args), args.original)


def _split(args: argparse.Namespace) -> int:
    corpus = _load(args)
    written = write_split(corpus, args.out)
    print(f"{len(corpus.blocks)} blocks, {len(corpus.sentences)} sentences in "
          f"{', '.join(corpus.languages)}; {len(written)} files written to {args.out}")
    return 0


def _progress_bar(stream=None, width: int = 30):
    """A progress callback drawing one updating line on ``stream`` (default stderr; nothing if
    not a terminal)."""
    stream = stream or sys.stderr
    if not stream.isatty():
        return None

    def draw(done: int, total: int, label: str) -> None:
        filled = width * done // max(total, 1)
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label:<24}")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return draw


def _align(args: argparse.Namespace) -> int:
    corpus = _load(args)
    alignment = corpus.align(embedder=Embedder(cache_dir=args.cache_dir),
                             progress=_progress_bar())
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    records = alignment.records()
    write_tsv(records, out / "units.tsv", alignment.langs)
    write_json(records, out / "units.json")
    shapes = Counter(unit.shape() for unit in alignment)
    print(f"{len(alignment)} units ({', '.join(f'{n} x {s}' for s, n in shapes.most_common(4))}"
          f"{', ...' if len(shapes) > 4 else ''}); units.tsv and units.json written to {args.out}")
    return 0


def _codes(values: list[str]) -> dict[str, str]:
    codes = {}
    for value in values:
        lang, sep, code = value.partition("=")
        if not sep or not lang or not code:
            raise UsageError(f"--lang-code: expected LANG=CODE such as zh=zh-TW, got {value!r}")
        codes[lang] = code
    return codes


def _export(args: argparse.Namespace) -> int:
    corpus = _load(args)
    langs = tuple(args.langs.split(",")) if args.langs else corpus.languages
    unknown = [lang for lang in langs if lang not in corpus.languages]
    if len(set(langs)) < len(langs):
        raise UsageError(f"--langs {args.langs}: a language is named twice")
    if unknown:
        raise UsageError(f"--langs {args.langs}: the document has {', '.join(corpus.languages)}")
    if len(langs) < (2 if args.format in ("tmx", "moses") else 1):
        given = f"--langs {args.langs}" if args.langs else f"the document has {', '.join(langs)}"
        raise UsageError(f"{corpus.source.path}: --format {args.format} needs two languages; "
                         f"{given}")
    codes = _codes(args.lang_code)
    if len({codes.get(lang, DEFAULT_CODES.get(lang, lang)).split("-")[0].casefold()
            for lang in langs}) < len(langs):
        raise UsageError(f"--lang-code: two of {', '.join(langs)} would get one language code")
    alignment = corpus.align(embedder=Embedder(cache_dir=args.cache_dir),
                             progress=_progress_bar())
    findings = corpus.check(alignment)
    records = alignment.records(findings)
    if args.format == "all":
        written = export_all(alignment, args.out, codes, langs, findings)
        print(f"{len(alignment)} units; {len(written)} files written to {args.out}"
              + ("" if len(langs) > 1 else " (one language: no TMX or Moses files)"))
        return 0
    if args.format == "tmx":
        notes = {f.id: f.note for f in findings}
        count = write_tmx(memory_records(alignment, findings, langs), args.out, langs, codes,
                          notes=notes)
    elif args.format == "tsv":
        count = write_tsv(records, args.out, langs)
    elif args.format == "jsonl":
        count = write_jsonl(records, args.out)
    else:
        paths = write_moses(records, args.out, langs)
        count = sum(1 for _ in open(paths[-1], encoding="utf-8"))
    print(f"{count} units written to {args.out} ({args.format}, {'-'.join(langs)})")
    return 0


def _check(args: argparse.Namespace) -> int:
    checks = args.checks.split(",") if args.checks else None
    unknown = [name for name in checks or () if name not in CHECKS]
    if unknown:
        raise UsageError(f"--checks: unknown {', '.join(unknown)}; one of {', '.join(CHECKS)}")
    seen = read_baseline(args.baseline) if args.baseline else {}
    corpus = _load(args)
    alignment = corpus.align(embedder=Embedder(cache_dir=args.cache_dir),
                             progress=_progress_bar())
    findings = corpus.check(alignment, checks)
    shown = [f for f in findings if f.id not in seen]
    write_findings(shown, args.out)
    print(format_summary(shown, Counter(seen[f.id] for f in findings if f.id in seen)))
    for finding in shown:
        if SEVERITIES.index(finding.severity) <= SEVERITIES.index("warning"):
            where = " ".join(f"{lang}:{span(lines)}" for lang, lines in finding.lines.items())
            print(f"{finding.severity:<7} {finding.check:<12} {finding.section:<8} {where:<28} "
                  f"{finding.message}")
    print(f"findings written to {Path(args.out) / 'findings.json'} and findings.tsv")
    return exit_code(shown, args.fail_on)


def _glossary(args: argparse.Namespace) -> int:
    corpus = _load(args)
    if len(corpus.languages) < 2:
        raise UsageError(f"the document has one language ({', '.join(corpus.languages)}): "
                         "a glossary needs two")
    alignment = corpus.align(embedder=Embedder(cache_dir=args.cache_dir),
                             progress=_progress_bar())
    terms = build_terms(alignment)
    formats = GLOSSARY_FORMATS if args.format == "all" else (args.format,)
    written = write_glossaries(terms, args.out, alignment.langs, formats)
    print(f"{len(terms)} terms; {', '.join(p.name for p in written)} written to {args.out}")
    return 0


def _build_progress(quiet: bool, as_json: bool, stream=None):
    """Stage lines on ``stream`` (default stderr; a bar while aligning, on a terminal); JSON
    lines with --json."""
    stream = stream or sys.stderr
    bar = _progress_bar(stream)

    def show(stage: str, event: str, detail) -> None:
        if quiet:
            return
        if as_json:
            stream.write(json.dumps({"stage": stage, "event": event, "detail": detail}) + "\n")
        elif event == "step" and bar is not None:
            bar(*detail)
        elif event == "done":
            stream.write(f"{stage:<12} done in {detail:.1f} s\n")
        elif event == "skipped":
            stream.write(f"{stage:<12} up to date\n")
        stream.flush()

    return show


def _is_collection(args: argparse.Namespace) -> bool:
    return bool(args.manifest or len(args.source) > 1
                or args.source and Path(args.source[0]).is_dir())


def _document_line(doc: DocumentResult) -> str:
    if doc.failed:
        return f"{doc.id:<20} FAILED      {doc.error}"
    state = "up to date" if doc.build.skipped else f"{doc.build.seconds:.1f} s"
    findings = ", ".join(f"{n} {s}" for s, n in doc.build.findings.items())
    return f"{doc.id:<20} {state:<11} {doc.build.units} units; findings: {findings}"


def _build_collection(args: argparse.Namespace) -> int:
    if args.workers is not None and args.workers < 1:
        raise UsageError(f"--workers {args.workers}: at least 1")
    if args.workers is not None and args.scheduler:
        raise UsageError("--workers starts a local cluster, --scheduler uses another: not both")
    if args.manifest and args.source:
        raise UsageError("give either --manifest or sources, not both")
    if args.lang:
        raise UsageError("--lang names the files of one document; in a collection, name them "
                         "<id>.<ll>.<ext> or list them in --manifest")
    specs = read_manifest(args.manifest, args.original) if args.manifest \
        else discover(args.source, args.original)
    total = len(specs)
    done = []

    def show(doc: DocumentResult) -> None:
        done.append(doc)
        if args.quiet:
            return
        if args.json:
            sys.stderr.write(json.dumps({"document": doc.id, "failed": doc.failed,
                                         "error": doc.error, "seconds": doc.seconds}) + "\n")
        else:
            sys.stderr.write(f"[{len(done)}/{total}] {_document_line(doc)}\n")
        sys.stderr.flush()

    result = build_collection(specs, args.out, args.fail_on, args.cache_dir, args.workers,
                              args.scheduler, show)
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=1))
        return result.exit_code
    out = Path(result.out)
    print(f"{out}/ {len(result.documents)} documents in {result.seconds:.1f} s on "
          f"{result.workers} worker(s): {len(result.documents) - len(result.failed)} built, "
          f"{len(result.failed)} failed")
    for doc in result.documents:
        print("  " + _document_line(doc))
    for name, (units, seen) in result.memories.items():
        print(f"translation memory {out / name}: {units} units ({seen} occurrences merged)")
    print(f"tables: {out / 'units.tsv'}, units.jsonl, findings.tsv, findings.json (document "
          f"column); index page: {out / 'index.html'}")
    print(f"exit code {result.exit_code}" + (" (a document failed)" if result.failed else ""))
    return result.exit_code


def _build(args: argparse.Namespace) -> int:
    if _is_collection(args):
        return _build_collection(args)
    if args.workers is not None or args.scheduler:
        raise UsageError("--workers and --scheduler apply to a collection (several sources, "
                         "a folder or --manifest)")
    single = argparse.Namespace(**{**vars(args), "source": args.source[0] if args.source
                                   else None})
    result = build(_sources(single), args.out, args.fail_on, args.cache_dir,
                   _build_progress(args.quiet, args.json), args.original)
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=1))
        return result.exit_code
    out = Path(result.out)
    state = "up to date" if result.skipped else f"built in {result.seconds:.1f} s"
    print(f"{out}/ {state}: {result.units} units from {result.source}")
    print("units with both sides: " + ", ".join(f"{p} {n}" for p, n in result.pairs.items()))
    print("findings: " + ", ".join(f"{n} {s}" for s, n in result.findings.items())
          + f" (exit code {result.exit_code}; details in {out / 'findings.tsv'})")
    print(f"review page: {out / 'review.html'}")
    if result.pairs:
        print(f"translation memories: {out / 'sco_corpus.tmx'} and the pairwise "
              f"sco_corpus.<a>-<b>.tmx; data: units.tsv, units.jsonl, corpus.<lang>")
    for note in result.notes:
        print(f"note: {note}")
    return result.exit_code


def _stats(args: argparse.Namespace) -> int:
    print(format_table(stats_table(_load(args))))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sco-corpus",
        description="Turn a trilingual (ru-en-zh) booklet into an aligned, checked parallel "
                    "corpus.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    build_cmd = commands.add_parser(
        "build", help="the whole job: align, check, export, review page (start here)",
        description="Ingest the document, align the languages, run the consistency checks, "
                    "write every export (TMX trilingual and per pair, TSV, Moses, JSONL), the "
                    "findings and the review page (review.html) into OUT, and exit with the "
                    "checks' exit code (1 when a finding at or above --fail-on exists). A "
                    "second run on an unchanged source skips every stage. Several sources, a "
                    "folder or --manifest build a collection: each document into "
                    "OUT/docs/<id>/ on Dask, then one translation memory, one unit and one "
                    "findings table and index.html in OUT; exit code 4 when a document failed.")
    _add_source(build_cmd, many=True)
    build_cmd.add_argument("--manifest", metavar="FILE", default=None,
                           help="a collection's documents as CSV/TSV rows: document, "
                                "language (empty for a mixed file), path")
    build_cmd.add_argument("--workers", type=int, default=None, metavar="N",
                           help="a collection: start a local Dask cluster of N worker "
                                "processes (default: the machine's cores)")
    build_cmd.add_argument("--scheduler", metavar="ADDRESS", default=None,
                           help="a collection: use the Dask cluster at ADDRESS "
                                "(tcp://host:8786); paths must be on storage its workers see")
    build_cmd.add_argument("--out", required=True, metavar="DIR", help="output folder")
    build_cmd.add_argument("--fail-on", choices=(*SEVERITIES, "never"), default="error",
                           help="lowest finding severity that makes the exit code 1")
    _add_cache_dir(build_cmd, "(default: OUT/.embeddings)")
    build_cmd.add_argument("--quiet", action="store_true", help="no progress on stderr")
    build_cmd.add_argument("--json", action="store_true",
                           help="progress as JSON lines on stderr, the summary as JSON")
    build_cmd.set_defaults(run=_build)

    split = commands.add_parser(
        "split", help="split the source into languages, sections, blocks and sentences",
        description="Write, per language, the clean text (<lang>.txt) and the blocks and "
                    "sentences as TSV and JSON, plus removed.tsv/json: the layout noise taken out.")
    _add_source(split)
    split.add_argument("--out", required=True, metavar="DIR", help="output folder (created)")
    split.set_defaults(run=_split)

    align = commands.add_parser(
        "align", help="align the three languages into translation units",
        description="Align sections, blocks and sentences of the languages into trilingual "
                    "units and write units.tsv and units.json: one row per unit with each "
                    "language's text, sentence ids, source lines and a confidence per pair.")
    _add_source(align)
    align.add_argument("--out", required=True, metavar="DIR", help="output folder (created)")
    _add_cache_dir(align)
    align.set_defaults(run=_align)

    export = commands.add_parser(
        "export", help="align and export: TMX, TSV, Moses bitext, JSONL (default: all of them)",
        description="Align the document and write the units. --format all (default) writes "
                    "into the folder OUT: sco_corpus.tmx (all languages), sco_corpus.<a>-<b>.tmx "
                    "per pair, units.tsv, units.jsonl, corpus.<lang> + corpus.ids (Moses), and "
                    "segmentation rules for CAT tools (segmentation.srx, "
                    "omegat-segmentation.conf). Other formats write one file (tmx, tsv, jsonl) "
                    "or the files OUT.<lang> and OUT.ids (moses).")
    _add_source(export)
    export.add_argument("--format", choices=("all", "tmx", "tsv", "moses", "jsonl"),
                        default="all")
    export.add_argument("--langs", metavar="ru,en,zh", default=None,
                        help="languages to export, the first being the TMX source language "
                             "(default: all, in document order)")
    export.add_argument("--lang-code", metavar="LANG=CODE", action="append", default=[],
                        help="xml:lang written for a language in TMX (default ru, en, zh=zh-CN)")
    export.add_argument("--out", required=True, metavar="OUT", help="output folder or file")
    _add_cache_dir(export)
    export.set_defaults(run=_export)

    check = commands.add_parser(
        "check", help="find where the translations disagree (numbers, dates, omissions...)",
        description="Align the document, run the consistency checks, print a summary by check "
                    "and severity and the errors and warnings, and write findings.json and "
                    "findings.tsv into OUT. Exit code 1 when a finding at or above --fail-on "
                    "remains after --baseline, else 0.")
    _add_source(check)
    check.add_argument("--out", default=".", metavar="DIR",
                       help="folder for findings.json and findings.tsv (default: here)")
    check.add_argument("--fail-on", choices=(*SEVERITIES, "never"), default="error",
                       help="lowest severity that makes the exit code 1 (default: error)")
    check.add_argument("--baseline", metavar="FILE", default=None,
                       help="findings to leave out: the review page's baseline, a findings.json "
                            "of an earlier run, or finding ids one per line")
    check.add_argument("--checks", metavar="NAMES", default=None,
                       help=f"comma-separated checks to run (default all: {', '.join(CHECKS)})")
    _add_cache_dir(check)
    check.set_defaults(run=_check)

    glossary = commands.add_parser(
        "glossary", help="the term table: names, titles, acronyms with their renderings",
        description="Align the document, extract its names, titles, acronyms and recurring "
                    "terms with their renderings in each language, and write them into OUT: "
                    "glossary.tbx (TBX-Basic, TBX v3), glossary.v2.tbx (the same as TBX 2008, "
                    "for older tools), glossary.<src>-<tgt>.txt (OmegaT glossaries, the first "
                    "language the source) and glossary.tsv (one row per term).")
    _add_source(glossary)
    glossary.add_argument("--out", required=True, metavar="DIR", help="output folder (created)")
    glossary.add_argument("--format", choices=("all", *GLOSSARY_FORMATS), default="all")
    _add_cache_dir(glossary)
    glossary.set_defaults(run=_glossary)

    stats = commands.add_parser(
        "stats", help="print blocks, sentences and characters per section and language",
        description="Print a table of sections x languages: blocks, sentences, characters.")
    _add_source(stats)
    stats.set_defaults(run=_stats)
    return parser


def _internal_error(exc: BaseException) -> int:
    """One line for an unexpected failure, the full trace in a file: exit :data:`EXIT_CRASH`."""
    try:
        handle, name = tempfile.mkstemp(prefix="sco-corpus-crash-", suffix=".txt")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(f"sco-corpus {__version__}, {' '.join(sys.argv)}\n")
            traceback.print_exception(exc, file=out)
        where = f"full trace in {name}"
    except OSError:
        where = "no trace written"
    print(f"sco-corpus: internal error: {type(exc).__name__}: {str(exc)[:300]} ({where}); "
          "please report it", file=sys.stderr)
    return EXIT_CRASH


def main(argv: list[str] | None = None) -> int:
    """Run the command line; the exit code is :data:`EXIT_OK`, :data:`EXIT_FINDINGS`,
    :data:`EXIT_INPUT`, :data:`EXIT_CRASH`, :data:`EXIT_DOCUMENT` or :data:`EXIT_INTERRUPTED`."""
    try:
        args = build_parser().parse_args(argv)
        return args.run(args)
    except (SourceError, UsageError) as exc:
        print(f"sco-corpus: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:  # the reader (``| head``) stopped reading
        return EXIT_OK
    except OSError as exc:
        print(f"sco-corpus: error: {exc.filename or ''}: {exc.strerror}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("sco-corpus: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except SystemExit:  # argparse: --help, --version, usage errors (exit code 2)
        raise
    except BaseException as exc:  # noqa: BLE001 - the one place that must catch everything
        return _internal_error(exc)


if __name__ == "__main__":
    sys.exit(main())
