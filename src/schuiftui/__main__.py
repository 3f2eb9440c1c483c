"""`python -m schuiftui` and the `schuiftui` command; the commands live in `cli/`."""

from __future__ import annotations

import sys

from .cli import get_args, main

__all__ = ["get_args", "main", "run"]


def run() -> None:
    """The console-script entry point."""
    sys.exit(main())


if __name__ == "__main__":
    run()
