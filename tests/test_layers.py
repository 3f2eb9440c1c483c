"""The core stays free of Textual, and of tomlkit until something is written."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from .conftest import EXAMPLES


def test_core_loads_and_shows_without_textual_or_tomlkit() -> None:
    code = textwrap.dedent(
        f"""
        import sys
        from schuiftui.core import categories, diff, document, paths, session, storage
        from schuiftui.core.render import chart, text
        from schuiftui.__main__ import main
        storage.load({str(EXAMPLES / "altena" / "2020-02-12.toml")!r})
        assert main(["check", {str(EXAMPLES)!r}]) == 0
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "tomlkit"))
        print(loaded)
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_read_only_commands_never_load_textual_or_tomlkit(tmp_path: Path) -> None:
    """diff, history, compare (in a pipe) and export only read, with tomllib."""
    altena = EXAMPLES / "altena"
    code = textwrap.dedent(
        f"""
        import contextlib, io, sys
        from schuiftui.__main__ import main
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            assert main(["diff", {str(altena)!r}]) == 1
            assert main(["history", {str(altena)!r}, "--format", "json"]) == 0
            assert main(["compare", {str(EXAMPLES)!r}]) == 0
            for to in ("md", "csv", "svg"):
                assert main(["export", {str(EXAMPLES)!r}, "--to", to, "-o", {str(tmp_path / "out")!r} + to]) == 0
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "tomlkit", "rich"))
        print(loaded)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, stdin=subprocess.DEVNULL
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
