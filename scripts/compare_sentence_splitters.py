"""Compare sentence splitters on the hand-made gold chapter (tests/data/gold_sentences).

Each gold block's sentences are joined back into the block text, split by every backend, and
scored by exact sentence match, so block-level differences do not blur the comparison.
Footnotes are left out: bibliographic references are kept whole by a rule, not by a splitter.
Usage: python scripts/compare_sentence_splitters.py
"""
from __future__ import annotations

from pathlib import Path

from sco_corpus.ingest.gold import read_gold, score_sentences
from sco_corpus.ingest.sentences import punkt_spans, razdel_spans, split_text

GOLD = Path(__file__).resolve().parent.parent / "tests" / "data" / "gold_sentences"

BACKENDS = {
    "razdel (raw)": lambda text, lang: [text[a:b] for a, b in razdel_spans(text)],
    "punkt (raw)": lambda text, lang: [text[a:b] for a, b in punkt_spans(text)],
    "razdel + repair": lambda text, lang: split_text(text, lang, "razdel"),
    "punkt + repair": lambda text, lang: split_text(text, lang, "punkt"),
}


def main() -> None:
    print(f"{'lang':4}  {'backend':18} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for lang in ("ru", "en"):
        blocks = [b for path in sorted(GOLD.glob(f"{lang}*.txt")) for b in read_gold(path)
                  if b.kind != "footnote"]
        for name, split in BACKENDS.items():
            gold, pred = [], []
            for block in blocks:
                gold += block.sentences
                pred += split(" ".join(block.sentences), lang)
            s = score_sentences(gold, pred)
            print(f"{lang:4}  {name:18} {s.gold:5d} {s.predicted:5d} "
                  f"{s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}")


if __name__ == "__main__":
    main()
