"""The characters of a source and where a corpus keeps them, for the no-loss tests."""
from collections import Counter


def accounted(corpus) -> tuple[Counter, Counter]:
    """Non-whitespace characters of the sources, and those kept in blocks or recorded as noise."""
    source = Counter(ch for file in corpus.sources for line in file.lines for ch in line
                     if not ch.isspace())
    kept = Counter()
    for block in corpus.blocks:
        kept.update(ch for ch in block.source_text if not ch.isspace())
    for noise in corpus.noise:
        kept.update(ch for ch in noise.text if not ch.isspace())
    return source, kept
