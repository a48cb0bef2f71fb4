import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import sco_corpus  # noqa: E402


@pytest.fixture(scope="session")
def booklet():
    return sco_corpus.load()
