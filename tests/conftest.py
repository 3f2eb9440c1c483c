"""Shared fixtures: example sessions copied into a scratch folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "sessions"


@pytest.fixture
def sessions_dir(tmp_path: Path) -> Path:
    """A writable copy of the bundled example sessions."""
    target = tmp_path / "sessions"
    shutil.copytree(EXAMPLES, target)
    return target


@pytest.fixture
def altena(sessions_dir: Path) -> Path:
    """A writable copy of Altena's first session."""
    return sessions_dir / "altena" / "2020-02-12.toml"
