"""Alignment of sentences across languages (pairwise beads, trilingual units)."""
