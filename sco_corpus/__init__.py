"""sco_corpus: a trilingual (ru–en–zh) publication turned into an aligned, checked parallel corpus."""
from .align.embed import Embedder
from .align.pairwise import Bead, Options, align_sentences
from .align.units import Alignment, Unit
from .corpus import Corpus, load
from .errors import SourceError
from .model import Block, Section, Sentence

__version__ = "0.1.0"
__all__ = ["Alignment", "Bead", "Block", "Corpus", "Embedder", "Options", "Section", "Sentence",
           "SourceError", "Unit", "align_sentences", "load", "__version__"]
