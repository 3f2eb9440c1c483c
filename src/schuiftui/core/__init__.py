"""The Textual-free core: categories, the session model, files and paths.

Nothing in this package imports Textual; `tests/test_layers.py` checks it.
"""
