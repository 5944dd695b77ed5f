"""Whole-build cache: a language whose inputs have not changed since its last successful build is copied, not rebuilt.

`tools/site.py build` asks `fingerprint` for a SHA-256 over everything a language's build reads:

* every file under ``docs/``, ``mlnotes/``, ``tools/`` and the two configurations and
  ``pyproject.toml`` (paths and bytes);
* the Python version and every installed distribution with its version (MkDocs, Material,
  mkdocstrings, numpy, matplotlib, jieba, ...);
* the system font files (the CJK font draws figure text), by path, size and modification time;
* the language, the site origin, ``--strict`` and ``PYTHONHASHSEED``.

If ``.cache/site/<lang>/`` holds a build with that fingerprint, its files are copied into the
site folder; otherwise MkDocs builds the language (its code blocks through the execution cache)
and a successful build is stored there, replacing the previous one. ``MLNOTES_SITE_CACHE=off``
bypasses it, and so does ``MLNOTES_EXEC_CACHE=off`` or ``refresh`` (those ask for execution).
The folder is ``MLNOTES_SITE_CACHE_DIR`` when set.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ["docs", "mlnotes", "tools", "mkdocs.yml", "mkdocs.en.yml", "pyproject.toml"]
FONT_DIRS = ["/usr/share/fonts", "/usr/local/share/fonts", str(Path.home() / ".fonts"),
             str(Path.home() / ".local/share/fonts")]
FORMAT = "mlnotes-site-cache/1"


def cache_dir() -> Path:
    return Path(os.environ.get("MLNOTES_SITE_CACHE_DIR", ROOT / ".cache" / "site"))


def enabled() -> bool:
    return (os.environ.get("MLNOTES_SITE_CACHE", "on").lower() != "off"
            and os.environ.get("MLNOTES_EXEC_CACHE", "on").lower() in ("", "on"))


def _files(root: Path, lang: str) -> list[Path]:
    others = {root / "docs" / other for other in ("zh", "en") if other != lang}  # the other language's pages
    found = []
    for name in INPUTS:
        path = root / name
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            found.extend(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                         and not any(p.is_relative_to(o) for o in others))
    return sorted(found)


def fingerprint(lang: str, *, origin: str, strict: bool, root: Path = ROOT) -> str:
    """SHA-256 over everything the build of ``lang`` reads (see the module docstring)."""
    h = hashlib.sha256()

    def add(*parts: object) -> None:
        for part in parts:
            h.update(str(part).encode("utf-8", "surrogateescape"))
            h.update(b"\0")

    add(FORMAT, lang, origin, strict, os.environ.get("PYTHONHASHSEED", ""), sys.version)
    for path in _files(root, lang):
        add(path.relative_to(root).as_posix())
        h.update(hashlib.sha256(path.read_bytes()).digest())
    for dist in sorted((d.metadata["Name"] or "", d.version) for d in importlib.metadata.distributions()):
        add(*dist)
    for folder in FONT_DIRS:
        for path in sorted(Path(folder).rglob("*")) if os.path.isdir(folder) else []:
            if path.is_file():
                stat = path.stat()
                add(path, stat.st_size, stat.st_mtime_ns)
    return h.hexdigest()


def restore(lang: str, key: str, destination: Path) -> bool:
    """Copy the stored build of ``lang`` into ``destination`` if its fingerprint is ``key``."""
    entry = cache_dir() / lang
    try:
        if (entry / "fingerprint").read_text(encoding="utf-8").strip() != key:
            return False
    except FileNotFoundError:
        return False
    if destination.exists():
        shutil.rmtree(destination)
    shutil.copytree(entry / "site", destination)
    return True


def store(lang: str, key: str, built: Path) -> None:
    """Keep ``built`` as the build of ``lang`` for ``key`` (replacing the previous one, atomically)."""
    base = cache_dir()
    base.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=base, prefix=f".tmp-{lang}-"))
    try:
        shutil.copytree(built, tmp / "site")
        (tmp / "fingerprint").write_text(key + "\n", encoding="utf-8")
        old = base / f".old-{lang}-{os.getpid()}"
        if (base / lang).exists():
            os.replace(base / lang, old)
        os.replace(tmp, base / lang)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
