"""REFI-QDA interchange: the ``.qdc`` codebook and the ``.qdpx`` project (METHOD.md §4)."""
