"""The core stays free of Textual, and of tomlkit until something is written."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from .conftest import EXAMPLES


def test_core_loads_and_shows_without_textual_or_tomlkit() -> None:
    code = textwrap.dedent(
        f"""
        import sys
        from schuiftui.core import categories, document, paths, plain, session, storage
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


def test_no_module_in_core_imports_textual() -> None:
    from pathlib import Path

    import schuiftui.core

    folder = Path(schuiftui.core.__file__).parent
    offenders = [
        p.name
        for p in folder.glob("*.py")
        if "import textual" in p.read_text() or "from textual" in p.read_text()
    ]
    assert offenders == []
