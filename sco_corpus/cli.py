"""The ``sco-corpus`` command line: argument parsing and printing over the library."""
from __future__ import annotations

import argparse
import sys
from collections import Counter

from . import __version__
from .align.embed import Embedder
from .corpus import EMBEDDED, load
from .errors import SourceError
from .formats.split_files import write_split
from .formats.units_files import write_units
from .stats import format_table, stats_table


def _add_source(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", nargs="?", default=None,
                        help=f"trilingual text file (default: the embedded booklet, {EMBEDDED.name})")


def _split(args: argparse.Namespace) -> int:
    corpus = load(args.source)
    written = write_split(corpus, args.out)
    print(f"{len(corpus.blocks)} blocks, {len(corpus.sentences)} sentences in "
          f"{', '.join(corpus.languages)}; {len(written)} files written to {args.out}")
    return 0


def _progress_bar(stream=sys.stderr, width: int = 30):
    """A progress callback drawing one updating line on ``stream`` (nothing if not a terminal)."""
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
    corpus = load(args.source)
    alignment = corpus.align(embedder=Embedder(cache_dir=args.cache_dir),
                             progress=_progress_bar())
    written = write_units(alignment, args.out)
    shapes = Counter(unit.shape() for unit in alignment)
    print(f"{len(alignment)} units ({', '.join(f'{n} x {s}' for s, n in shapes.most_common(4))}"
          f"{', ...' if len(shapes) > 4 else ''}); {len(written)} files written to {args.out}")
    return 0


def _stats(args: argparse.Namespace) -> int:
    print(format_table(stats_table(load(args.source))))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sco-corpus",
        description="Turn a trilingual (ru-en-zh) booklet into an aligned, checked parallel corpus.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

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
    align.add_argument("--cache-dir", metavar="DIR", default=None,
                       help="keep sentence embeddings on disk here and reuse them")
    align.set_defaults(run=_align)

    stats = commands.add_parser(
        "stats", help="print blocks, sentences and characters per section and language",
        description="Print a table of sections x languages: blocks, sentences, characters.")
    _add_source(stats)
    stats.set_defaults(run=_stats)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except SourceError as exc:
        print(f"sco-corpus: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"sco-corpus: error: {exc.filename or ''}: {exc.strerror}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
