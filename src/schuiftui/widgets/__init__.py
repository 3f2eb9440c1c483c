"""Widgets: they show values and post messages; they know nothing of files."""
