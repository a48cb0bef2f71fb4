"""The HTML review page for editors, and a collection's index page."""
from .index import IndexRow, write_index_page
from .page import render, write_review_page

__all__ = ["IndexRow", "render", "write_index_page", "write_review_page"]
