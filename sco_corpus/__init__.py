"""sco_corpus: a trilingual (ru–en–zh) publication turned into an aligned, checked parallel corpus."""
__version__ = "0.1.0"  # first: modules below import it

from .align.embed import Embedder
from .align.pairwise import Bead, Options, align_sentences
from .align.units import Alignment, Unit, UnitRecord
from .collection import Collection, load_collection
from .corpus import Corpus, load
from .formats.jsonl import read_jsonl, write_jsonl
from .formats.moses import write_moses
from .formats.tmx import read_tmx, write_tmx
from .formats.tsv import read_tsv, write_tsv
from .errors import SourceError
from .model import Block, Section, Sentence

__all__ = ["Alignment", "Bead", "Block", "Collection", "Corpus", "Embedder", "Options", "Section", "Sentence",
           "SourceError", "Unit", "UnitRecord", "align_sentences", "load", "load_collection",
           "read_jsonl",
           "read_tmx", "read_tsv", "write_jsonl", "write_moses", "write_tmx", "write_tsv",
           "__version__"]
