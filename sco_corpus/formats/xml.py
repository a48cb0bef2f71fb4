"""XML files of the formats (TMX, TBX): written with a plain declaration, read safely.

Reading never loads a DTD or an external entity and never uses the network; a document that
declares entities is refused, so no entity can expand.
"""
from __future__ import annotations

import io
from pathlib import Path

from lxml import etree

from ..errors import SourceError
from ..fileio import read_bytes


def write_xml(root: etree._Element, path: str | Path) -> None:
    """Write ``root`` to ``path``: UTF-8, a declaration in double quotes, no byte-order mark."""
    with open(path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(etree.tostring(root, encoding="UTF-8", pretty_print=True))


def read_xml(path: str | Path, kind: str) -> etree._Element:
    """The root element of the ``kind`` (``TMX``, ``TBX``) file at ``path``, parsed safely;
    :class:`SourceError` naming the file and line when it is malformed or declares entities."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             dtd_validation=False, huge_tree=False, remove_comments=True,
                             remove_pis=True)
    try:
        tree = etree.parse(io.BytesIO(read_bytes(path)), parser)
    except etree.XMLSyntaxError as error:
        raise SourceError(str(path), error.lineno or None,
                          f"not well-formed XML: {error.msg}") from None
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise SourceError(str(path), 1, f"entity declarations are not accepted in a {kind} file")
    return tree.getroot()
