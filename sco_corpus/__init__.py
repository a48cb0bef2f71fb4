"""sco_corpus: a trilingual (ru–en–zh) publication turned into an aligned, checked parallel corpus."""
from .corpus import Corpus, load
from .errors import SourceError
from .model import Block, Section, Sentence

__version__ = "0.1.0"
__all__ = ["Block", "Corpus", "Section", "Sentence", "SourceError", "load", "__version__"]
