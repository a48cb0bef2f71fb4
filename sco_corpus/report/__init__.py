"""The HTML review page for editors."""
from .page import render, write_review_page

__all__ = ["render", "write_review_page"]
