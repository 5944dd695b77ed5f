"""Execution cache for the pages' code blocks: run a block once, reuse its output until something it depends on changes.

No MkDocs in here: `execute.py` (the hook) calls `run_block`, the tests call everything directly.

The cache key of a block is the SHA-256 of everything its printed output depends on:

* the block's code after snippet expansion, the snippet's path (figure ids follow from it) and
  the block's exec options;
* the page language (``MLNOTES_LANG``: labels follow it) and ``PYTHONHASHSEED``;
* the source of every ``mlnotes`` module the block imports, transitively (found with `ast`,
  imports inside functions included, plus the ``__init__`` of every package on the way);
* the versions of Python, of every third-party distribution the block or those modules import
  (numpy, matplotlib, scikit-learn, jieba, ...), of markdown-exec, and the font files used for
  figure text (the CJK font's bytes);
* this file and the runner's own version (`FORMAT`).

An entry is a JSON file ``<cache>/<lang>/<key[:2]>/<key>.json`` holding the key, the output and
the output's SHA-256; it is written to a temporary file and renamed (atomic), read back only if
it parses and both hashes match (a corrupt or truncated entry is deleted and the block runs
again), never written for a block that raised. `prune` deletes the entries of a language that a
complete build did not use.

Bypass: ``MLNOTES_EXEC_CACHE=off`` runs every block and leaves the cache alone;
``MLNOTES_EXEC_CACHE=refresh`` runs every block and rewrites its entry. The folder is
``.cache/exec`` in the checkout, or ``MLNOTES_EXEC_CACHE_DIR``.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.metadata
import io
import json
import os
import re
import sys
import tempfile
import traceback
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "mlnotes"
FORMAT = "mlnotes-exec-cache/1"
MODES = ("on", "off", "refresh")


class BlockError(Exception):
    """A code block raised: the message names the page, the snippet file and the line."""


def cache_dir() -> Path:
    return Path(os.environ.get("MLNOTES_EXEC_CACHE_DIR", ROOT / ".cache" / "exec"))


def cache_mode() -> str:
    mode = os.environ.get("MLNOTES_EXEC_CACHE", "on").strip().lower() or "on"
    if mode not in MODES:
        raise ValueError(f"MLNOTES_EXEC_CACHE must be one of {', '.join(MODES)}; got {mode!r}.")
    return mode


# --- what a block depends on ----------------------------------------------------------------------
def _package_root() -> Path:
    import importlib.util

    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"cannot find the {PACKAGE!r} package; install it (make setup).")
    return Path(list(spec.submodule_search_locations)[0])


def _module_file(name: str, root: Path) -> Path | None:
    """The source file of ``mlnotes[.x.y]`` under ``root`` (the package folder), or None."""
    rel = Path(*name.split(".")[1:])
    for candidate in (root / rel / "__init__.py", (root / rel).with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


def _imports(tree: ast.AST, current: str | None, is_package: bool) -> set[str]:
    """Absolute dotted names imported anywhere in ``tree`` (relative imports resolved)."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                if current is None:
                    continue
                base = current.split(".")
                base = base if is_package else base[:-1]
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            # ``from mlnotes import nn`` imports the submodule mlnotes.nn: keep both candidates.
            found.update(f"{module}.{alias.name}" for alias in node.names if alias.name != "*")
    return found


@lru_cache(maxsize=None)
def _module_info(path: str, name: str, mtime_ns: int, size: int) -> tuple[str, frozenset[str]]:
    """SHA-256 and imports of one module file (memoised while the file is unchanged)."""
    source = Path(path).read_bytes()
    tree = ast.parse(source, filename=path)
    return hashlib.sha256(source).hexdigest(), frozenset(_imports(tree, name, path.endswith("__init__.py")))


@dataclass
class Dependencies:
    modules: dict[str, str] = field(default_factory=dict)  # mlnotes module -> sha256 of its source
    distributions: dict[str, str] = field(default_factory=dict)  # distribution -> version


@lru_cache(maxsize=1)
def _packages_distributions() -> dict[str, list[str]]:
    """Top-level module -> distributions (one scan of the installed metadata per process)."""
    return importlib.metadata.packages_distributions()


def _distribution_of(top_level: str) -> str | None:
    names = _packages_distributions().get(top_level)
    return sorted(names)[0] if names else None


@lru_cache(maxsize=None)
def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def new_build() -> None:
    """Read the installed distributions again at the start of a build (a ``make serve`` worker lives on)."""
    _packages_distributions.cache_clear()
    _version.cache_clear()


def dependencies(code: str, *, package_root: Path | None = None) -> Dependencies:
    """The ``mlnotes`` modules ``code`` imports (transitively) and the third-party distributions."""
    root = package_root or _package_root()
    deps = Dependencies()
    stdlib = set(sys.stdlib_module_names)
    pending = [(name, None) for name in _imports(ast.parse(code), None, False)]
    seen: set[str] = set()
    third_party: set[str] = set()
    while pending:
        name, _ = pending.pop()
        if not name or name in seen:
            continue
        seen.add(name)
        top = name.split(".")[0]
        if top != PACKAGE:
            if top not in stdlib and not top.startswith("_"):
                third_party.add(top)
            continue
        parts = name.split(".")
        for i in range(1, len(parts)):  # the __init__ of every package on the way
            pending.append((".".join(parts[:i]), None))
        path = _module_file(name, root)
        if path is None:  # a name inside a module (from mlnotes.x import Y), not a module
            continue
        stat = path.stat()
        digest, imported = _module_info(str(path), name, stat.st_mtime_ns, stat.st_size)
        deps.modules[name] = digest
        pending.extend((n, None) for n in imported)
    for top in sorted(third_party):
        dist = _distribution_of(top)
        if dist is None:
            deps.distributions[top] = "not installed"
            continue
        deps.distributions[dist] = _version(dist)
    return deps


@lru_cache(maxsize=None)
def _file_digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@lru_cache(maxsize=None)
def environment_fingerprint() -> dict[str, str]:
    """Versions and fonts that every block's output may depend on (computed once per process)."""
    fingerprint = {
        "format": FORMAT,
        "runner": _file_digest(__file__),
        "python": sys.version,
        "markdown-exec": importlib.metadata.version("markdown-exec"),
        "numpy": importlib.metadata.version("numpy"),
        "matplotlib": importlib.metadata.version("matplotlib"),
    }
    try:
        from matplotlib import font_manager

        from mlnotes.book.render import cjk_font
    except ImportError:  # the package itself is broken: the block will say so when it runs
        return fingerprint
    name = cjk_font()
    if name:
        path = font_manager.findfont(font_manager.FontProperties(family=name), fallback_to_default=False)
        fingerprint["cjk-font"] = f"{name}:{_file_digest(path)}"
    else:
        fingerprint["cjk-font"] = "none"
    return fingerprint


def block_key(code: str, *, lang: str, filename: str, options: dict | None = None,
              package_root: Path | None = None) -> str:
    """The cache key of one block: SHA-256 over everything its output depends on."""
    deps = dependencies(code, package_root=package_root)
    material = {
        "code": code,
        "filename": filename,
        "options": options or {},
        "lang": lang,
        "hashseed": os.environ.get("PYTHONHASHSEED", ""),
        "modules": deps.modules,
        "distributions": deps.distributions,
        "environment": environment_fingerprint(),
    }
    blob = json.dumps(material, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


# --- the store ------------------------------------------------------------------------------------
def _entry_path(lang: str, key: str) -> Path:
    return cache_dir() / lang / key[:2] / f"{key}.json"


def load(lang: str, key: str) -> str | None:
    """The cached output for ``key``, or None (missing, corrupt or truncated: then deleted)."""
    path = _entry_path(lang, key)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    try:
        entry = json.loads(raw.decode("utf-8"))
        output = entry["output"]
        ok = (entry.get("format") == FORMAT and entry.get("key") == key and isinstance(output, str)
              and hashlib.sha256(output.encode("utf-8")).hexdigest() == entry.get("sha256"))
    except (ValueError, KeyError, TypeError, AttributeError):
        ok = False
    if not ok:
        path.unlink(missing_ok=True)
        return None
    return output


def store(lang: str, key: str, output: str) -> None:
    """Write an entry atomically (temporary file in the same folder, then rename)."""
    path = _entry_path(lang, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    entry = {"format": FORMAT, "key": key, "sha256": hashlib.sha256(output.encode("utf-8")).hexdigest(),
             "output": output}
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(entry, f, ensure_ascii=False)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def prune(lang: str, used: set[str]) -> int:
    """Delete the entries of ``lang`` whose key is not in ``used``; return how many."""
    removed = 0
    folder = cache_dir() / lang
    if not folder.is_dir():
        return 0
    for path in folder.glob("*/*.json"):
        if path.stem not in used:
            path.unlink(missing_ok=True)
            removed += 1
    for path in folder.glob("*/.tmp-*"):
        path.unlink(missing_ok=True)
    return removed


# --- running a block ------------------------------------------------------------------------------
def _print_to(buffer: io.StringIO):
    def _print(*texts, sep: str = " ", end: str = "\n", **_: object) -> None:
        buffer.write(sep.join(str(t) for t in texts) + end)

    return _print


def execute(code: str, *, filename: str, where: str) -> str:
    """Run ``code`` in fresh globals as if it were the file ``filename``; return what it printed.

    ``where`` (the page) goes into the error message, with the file and the line that raised.
    """
    module_name = "mlnotes_block_" + re.sub(r"\W+", "_", filename)
    module = ModuleType(module_name)
    module.__file__ = filename
    sys.modules[module_name] = module  # dataclasses and pickle look modules up by name
    buffer = io.StringIO()
    namespace = module.__dict__
    namespace["print"] = _print_to(buffer)
    try:
        exec(compile(code, filename, "exec"), namespace)  # noqa: S102 - executing the book's own code
    except BaseException as error:  # noqa: BLE001 - every failure of a block is reported, never cached
        if isinstance(error, KeyboardInterrupt):
            raise
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == filename]
        line = frames[-1].lineno if frames else "?"
        lines = code.splitlines()
        tb = error.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename != filename:  # drop this runner's frames
            tb = tb.tb_next
        trace = "".join(traceback.format_exception(type(error), error, tb or error.__traceback__))
        text = lines[line - 1].strip() if isinstance(line, int) and 0 < line <= len(lines) else ""
        raise BlockError(f"{where}: code block {filename}, line {line} raised "
                         f"{type(error).__name__}: {error}\n    {text}\n\n{trace}") from error
    finally:
        sys.modules.pop(module_name, None)
    return buffer.getvalue()


@dataclass
class Stats:
    executed: int = 0
    reused: int = 0
    used: set[str] = field(default_factory=set)


STATS = Stats()

# Called with (code, lang, filename, where, options, output) after every block, cached or run:
# how other hooks see the blocks (downloads.py builds the notebooks from them).
OBSERVERS: list = []


def run_block(code: str, *, lang: str, filename: str, where: str, options: dict | None = None) -> str:
    """The output of one block: from the cache when its key is there, else executed (and stored)."""
    mode = cache_mode()
    key = block_key(code, lang=lang, filename=filename, options=options) if mode != "off" else ""
    output = load(lang, key) if mode == "on" else None
    if output is not None:
        STATS.reused += 1
    else:
        output = execute(code, filename=filename, where=where)
        STATS.executed += 1
        if mode != "off":
            store(lang, key, output)
    if mode != "off":
        STATS.used.add(key)
    for observer in OBSERVERS:
        observer(code, lang, filename, where, options, output)
    return output
