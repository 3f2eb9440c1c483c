"""The terminal itself: the keys that come in, the frames and glyphs that go out.

Only `driver` imports Textual; the filters it puts between Textual and the
terminal (`keys`, `shadow`, `glyphs`) and the early hold on typed-ahead
keys (`typeahead`) are plain Python, tested on their own.
"""
