"""Sessions, differences and histories turned into output: text, Markdown, CSV, JSON, SVG.

Pure functions from core data to a string; the command line and the app
decide where the string goes.
"""
