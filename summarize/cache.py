"""Content-addressed on-disk cache of stage results (clean, translate, summarize, merge).

A result is stored under the SHA-256 of everything that determines it: the stage name, the
model (engine spec), the stage settings, a fingerprint of the code that computes it, and the
input.  Change any of them and the key changes, so a stale entry is never read; keep them
and a rerun, a UI refresh or an interrupted batch that starts again reads the stored result
instead of recomputing it.

Entries are JSON files (``<dir>/<stage>/<key[:2]>/<key>.json``) holding the dataclass as
:func:`summarize.serialize.to_jsonable` writes it, and read back typed with
:func:`summarize.serialize.from_jsonable`.  Writes are atomic (a temporary file in the same
directory, then :func:`os.replace`), so a crash mid-write leaves either the old entry or
none, never half a file; a corrupt or unreadable entry counts as a miss.  The file ends with
the mode a plain ``open()`` gives under the current umask (not ``mkstemp``'s 0600).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import cache
from pathlib import Path
from typing import TypeVar, overload

from summarize.serialize import Json, canonical_json, from_jsonable, to_jsonable

T = TypeVar("T")


def content_hash(*parts: object) -> str:
    """SHA-256 (hex) of a canonical JSON rendering of ``parts``."""
    h = hashlib.sha256()
    for part in parts:
        h.update(canonical_json(part).encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


@cache
def code_fingerprint(*modules: str) -> str:
    """Hash of the source files of ``modules`` (dotted names): code edits invalidate entries."""
    import importlib.util

    h = hashlib.sha256()
    for name in modules:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        origin = getattr(spec, "origin", None)
        h.update(name.encode())
        if origin and os.path.isfile(origin):
            h.update(Path(origin).read_bytes())
    return h.hexdigest()[:16]


def _umask() -> int:
    """The process's umask, read without changing it where the system says it (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # the only portable way to read it is to set it, then put it back
    os.umask(mask)
    return mask


def plain_file_mode() -> int:
    """The permissions a plain ``open(path, "w")`` gives a new file: 0666 less the umask.

    ``tempfile.mkstemp`` makes its file 0600 whatever the umask; an atomic write gives the
    temporary file this mode before the rename, so a report written for a team is readable
    by it exactly when a file written the ordinary way would be.
    """
    return 0o666 & ~_umask()


def replace_atomically(tmp: str | Path, path: str | Path) -> None:
    """Give the finished temporary file ``tmp`` the plain mode and rename it onto ``path``."""
    os.chmod(tmp, plain_file_mode())
    os.replace(tmp, path)


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (temporary file + rename in the same directory)."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        replace_atomically(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class Cache:
    """Stage results on disk, addressed by content.  ``enabled=False`` makes every call a miss."""

    def __init__(self, directory: str | Path, enabled: bool = True) -> None:
        self.dir = Path(directory).expanduser()
        self.enabled = enabled
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(stage: str, model: object, settings: object, data: object) -> str:
        return content_hash(stage, model, settings, data)

    def _path(self, stage: str, key: str) -> Path:
        return self.dir / stage / key[:2] / f"{key}.json"

    @overload
    def get(self, stage: str, key: str, cls: type[T]) -> T | None: ...
    @overload
    def get(self, stage: str, key: str, cls: None = None) -> Json | None: ...
    def get(self, stage: str, key: str, cls: type[T] | None = None) -> T | Json | None:
        """The stored value (rebuilt as ``cls`` when given), or None on a miss."""
        if not self.enabled:
            return None
        path = self._path(stage, key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.misses += 1
            return None
        self.hits += 1
        if cls is None:
            return data
        try:
            return from_jsonable(cls, data)
        except (TypeError, ValueError, KeyError):
            self.hits -= 1
            self.misses += 1
            return None

    def has(self, stage: str, key: str) -> bool:
        """Whether a value is stored under ``key`` (not read, not counted as a hit)."""
        return self.enabled and self._path(stage, key).is_file()

    def put(self, stage: str, key: str, value: object) -> None:
        if not self.enabled:
            return
        text = json.dumps(to_jsonable(value), ensure_ascii=False)
        atomic_write_text(self._path(stage, key), text)

    def clear(self) -> None:
        import shutil

        if self.dir.is_dir():
            shutil.rmtree(self.dir)
