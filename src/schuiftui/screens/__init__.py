"""Screens: each owns what it shows and calls the core to load and save."""
