"""schuiftui in one file: `python3 schuiftui.pyz [COMMAND] ...`.

This is the archive's `__main__`. The first start unpacks the archive once
into the user's cache folder (`~/.cache/schuiftui/pyz-<build>` on Linux),
where Python keeps the modules it compiles, so that later starts are as
quick as those of an installed schuiftui. Every start checks that folder
first (the user's own, mode 0700, every file of this archive there); where
it cannot be written or trusted, schuiftui runs from the archive itself: it
works the same, but every start compiles every module again.

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


def private(folder):
    """Whether `folder` is this user's own, a real folder, and nobody else can write in it.

    A folder someone else made (or could write in) may hold their code: it
    is never run. Windows has no such owners and modes to check.
    """
    if not hasattr(os, "getuid"):
        return os.path.isdir(folder)
    try:
        status = os.lstat(folder)
    except OSError:
        return False
    import stat

    return (
        stat.S_ISDIR(status.st_mode)
        and status.st_uid == os.getuid()
        and not status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )


def whole(target, zipped):
    """Whether `target` holds every file of the archive, each of its size, all this user's own."""
    checked = set()
    for info in zipped.infolist():
        if info.is_dir():
            continue
        path = os.path.join(target, *info.filename.split("/"))
        try:
            status = os.lstat(path)
        except OSError:
            return False
        if status.st_size != info.file_size:
            return False
        parent = os.path.dirname(path)
        if parent not in checked:
            if not private(parent):
                return False
            checked.add(parent)
    return private(target)


def unpacked(archive, build):
    """The folder with the archive unpacked, unpacked now if need be; None if it cannot be.

    Only into a cache folder of the user's own with mode 0700, and only what
    is checked to be this very archive, whole, is run: a folder planted by
    someone else or damaged is not. A damaged one is unpacked again; the
    folders of older builds and of unpacks that were killed are removed.
    """
    import shutil
    import tempfile
    import zipfile

    folder = cache_folder()
    target = os.path.join(folder, "pyz-" + build)
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        if not private(folder):
            return None
        with zipfile.ZipFile(archive) as zipped:
            if whole(target, zipped):
                return target
            # Unpacked beside it and renamed when whole: a start that is killed, or
            # two that start at once, never leave a half folder under that name.
            temporary = tempfile.mkdtemp(prefix=".pyz-", dir=folder)
            try:
                zipped.extractall(temporary)
                if os.path.lexists(target):
                    shutil.rmtree(target, ignore_errors=True)  # damaged, or not ours
                os.rename(temporary, target)
            except BaseException:
                shutil.rmtree(temporary, ignore_errors=True)
                raise
            ok = whole(target, zipped)
    except (OSError, zipfile.BadZipFile):
        return None
    if not ok:
        return None
    remove_others(folder, target)
    return target


STALE_SECONDS = 3600
"""Other builds' folders untouched this long are no longer in use by a running schuiftui."""


def remove_others(folder, keep):
    """Remove the folders of other builds and of unpacks that were killed, once they are old."""
    import shutil
    import time

    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        path = os.path.join(folder, name)
        if path == keep or not name.startswith(("pyz-", ".pyz-")):
            continue
        try:
            old = time.time() - os.lstat(path).st_mtime > STALE_SECONDS
        except OSError:
            continue
        if old and private(path):
            shutil.rmtree(path, ignore_errors=True)


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
