"""schuiftui in one file: `python3 schuiftui.pyz [COMMAND] ...`.

This is the archive's `__main__`. The first start unpacks the archive once
into the user's cache folder (`~/.cache/schuiftui/pyz-<build>` on Linux),
where Python keeps the modules it compiles, so that later starts are as
quick as those of an installed schuiftui. Where that folder cannot be
written, schuiftui runs from the archive itself: it works the same, but
every start compiles every module again.

On an older Python 3 it says which version schuiftui needs, and stops.
"""

import os
import sys

MINIMUM = (3, 9)


def cache_folder():
    """The user's cache folder for schuiftui (as platformdirs names it)."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser("~\\AppData\\Local")
        return os.path.join(base, "schuiftui", "Cache")
    if sys.platform == "darwin":
        return os.path.expanduser("~/Library/Caches/schuiftui")
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or os.path.expanduser("~/.cache")
    return os.path.join(base, "schuiftui")


def unpacked(archive, build):
    """The folder with the archive unpacked, unpacked now if need be; None if it cannot be."""
    target = os.path.join(cache_folder(), "pyz-" + build)
    if os.path.isfile(os.path.join(target, "BUILD")):
        return target
    import shutil
    import tempfile
    import zipfile

    try:
        os.makedirs(os.path.dirname(target), mode=0o700, exist_ok=True)
        # Unpacked beside it and renamed when whole: a start that is killed, or
        # two that start at once, never leave a half folder under that name.
        temporary = tempfile.mkdtemp(prefix=".pyz-", dir=os.path.dirname(target))
        try:
            with zipfile.ZipFile(archive) as zipped:
                zipped.extractall(temporary)
            os.rename(temporary, target)
        except BaseException:
            shutil.rmtree(temporary, ignore_errors=True)
            raise
    except OSError:
        if os.path.isfile(os.path.join(target, "BUILD")):
            return target  # another start unpacked it meanwhile
        return None
    return target


def build_of(archive):
    """The build's identity: a hash of the archive's contents, written when it was made."""
    loader = globals().get("__loader__")
    path = os.path.join(archive, "BUILD")
    if hasattr(loader, "get_data"):
        data = loader.get_data(path)
    else:
        with open(path, "rb") as file:
            data = file.read()
    return data.decode("ascii").strip()


def main():
    if sys.version_info < MINIMUM:
        wanted = "{}.{}".format(*MINIMUM)
        this = "{}.{}".format(*sys.version_info[:2])
        sys.stderr.write(f"schuiftui needs Python {wanted} or newer; this is Python {this}\n")
        return 2
    archive = os.path.dirname(os.path.abspath(__file__))
    if os.path.isfile(archive):  # a zip archive, not a folder
        folder = unpacked(archive, build_of(archive))
        if folder is not None:
            sys.path.insert(0, folder)
    from schuiftui.__main__ import main as schuiftui

    return schuiftui()


if __name__ == "__main__":
    sys.exit(main())
