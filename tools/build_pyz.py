"""Build `schuiftui.pyz`: schuiftui and every pure-Python package it needs, in one file.

    python tools/build_pyz.py [OUT]        (default: dist/schuiftui.pyz; `make pyz`)

The packages are those of `pyproject.toml`, resolved for the lowest Python
schuiftui supports (so the one file runs on all of them), as pure-Python
wheels only. `tomli` comes along for Pythons before 3.11. The archive's
`__main__` is `tools/pyz_main.py`.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tempfile
import zipapp
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOWEST_PYTHON = "3.9"


def requirements() -> list[str]:
    """The project's dependencies, without their environment markers: all go in."""
    try:
        import tomllib
    except ImportError:  # Python before 3.11: the project's own dependency
        import tomli as tomllib
    with open(ROOT / "pyproject.toml", "rb") as file:
        dependencies = tomllib.load(file)["project"]["dependencies"]
    return [requirement.split(";")[0].strip() for requirement in dependencies]


def build(out: Path) -> Path:
    """Write the archive to `out` and return its path."""
    with tempfile.TemporaryDirectory() as folder:
        staging = Path(folder) / "pyz"
        fill(staging)
        out.parent.mkdir(parents=True, exist_ok=True)
        zipapp.create_archive(staging, out, interpreter="/usr/bin/env python3", compressed=True)
    return out


def fill(staging: Path) -> None:
    """Put the packages, schuiftui, the archive's `__main__` and the build's identity in `staging`."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--target",
            str(staging),
            "--python-version",
            LOWEST_PYTHON,
            "--implementation",
            "py",
            "--only-binary=:all:",
            "--no-compile",
            *requirements(),
        ],
        check=True,
    )
    shutil.rmtree(staging / "bin", ignore_errors=True)  # console scripts of the packages
    shutil.copytree(
        ROOT / "src" / "schuiftui",
        staging / "schuiftui",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    shutil.copy(ROOT / "tools" / "pyz_main.py", staging / "__main__.py")
    (staging / "BUILD").write_text(identity(staging) + "\n", encoding="ascii")


def identity(folder: Path) -> str:
    """A hash of every file's name and contents: a new build unpacks into a new folder."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / "schuiftui.pyz"
    built = build(out)
    print(f"{built} ({built.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
