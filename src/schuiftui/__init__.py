"""schuiftui: the schuifoefening for wijkgericht werken, in the terminal."""

__version__ = "0.1.0"
