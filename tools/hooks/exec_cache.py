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

One run for both languages: in most blocks the work (training, data, layout) does not depend on
the language, only the labels do; and whatever depends on it asks
``mlnotes.book.i18n.current_language`` (directly or through ``tr``; a test checks that nothing
reads the environment itself).
When a block is not in the cache, `run_block` runs it with that function replaced: the first
time the block asks for the language, the process forks; the parent goes on in its language,
the child in the other one and stores that language's entry, under the key the other
language's build will look for. A block that never asks is the same in both languages and is
stored for both. The two builds (one process per language) take a lock per block, so a block
runs once: the build that gets there second finds the other's entry (or waits for it). A child
that raises stores nothing, so the other build runs the block itself and reports the error.
A block that asks within its first `MIN_SHARED_SECONDS` is not worth a fork: the same process
runs it a second time, in the other language. ``MLNOTES_EXEC_SHARE=off`` runs each language on
its own; sharing needs the cache (``MLNOTES_EXEC_CACHE=on``), ``os.fork`` and a build of both
languages together (``MLNOTES_BUILD_ID``, set by ``tools/site.py``).

Bypass: ``MLNOTES_EXEC_CACHE=off`` runs every block and leaves the cache alone;
``MLNOTES_EXEC_CACHE=refresh`` runs every block and rewrites its entry. The folder is
``.cache/exec`` in the checkout, or ``MLNOTES_EXEC_CACHE_DIR``.
"""

from __future__ import annotations

import ast
import fcntl
import hashlib
import importlib.metadata
import io
import json
import os
import re
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import ModuleType

from mlnotes.book import i18n  # the one place the language is read (and switched, for the other language's run)

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


_MODULE_FILES: dict[tuple[str, Path], Path | None] = {}  # looked up once per build (see new_build)


def _module_file(name: str, root: Path) -> Path | None:
    """The source file of ``mlnotes[.x.y]`` under ``root`` (the package folder), or None."""
    found = _MODULE_FILES.get((name, root), False)
    if found is not False:
        return found
    rel = Path(*name.split(".")[1:])
    found = next((c for c in (root / rel / "__init__.py", (root / rel).with_suffix(".py")) if c.is_file()), None)
    _MODULE_FILES[(name, root)] = found
    return found


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
    """Look at the installed distributions and the package's files again (a ``make serve`` worker lives on)."""
    _packages_distributions.cache_clear()
    _version.cache_clear()
    _MODULE_FILES.clear()


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
    return _load(lang, key)[0]


def _load(lang: str, key: str) -> tuple[str | None, str]:
    """``load``, and the build whose other language made the entry ("" if none: see `store`)."""
    path = _entry_path(lang, key)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, ""
    try:
        entry = json.loads(raw.decode("utf-8"))
        output = entry["output"]
        ok = (entry.get("format") == FORMAT and entry.get("key") == key and isinstance(output, str)
              and hashlib.sha256(output.encode("utf-8")).hexdigest() == entry.get("sha256"))
    except (ValueError, KeyError, TypeError, AttributeError):
        ok = False
    if not ok:
        path.unlink(missing_ok=True)
        return None, ""
    return output, str(entry.get("build") or "")


def store(lang: str, key: str, output: str, *, shared: bool = False) -> None:
    """Write an entry atomically (temporary file in the same folder, then rename).

    ``shared``: made by the other language's build (see `execute`); the entry records it, with
    the build (``MLNOTES_BUILD_ID``), so that the build which finds it can count it as such.
    """
    path = _entry_path(lang, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    entry = {"format": FORMAT, "key": key, "sha256": hashlib.sha256(output.encode("utf-8")).hexdigest(),
             "build": os.environ.get("MLNOTES_BUILD_ID", "") if shared else "", "output": output}
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
    for path in folder.glob("*/.tmp-*"):  # left by a killed run; a recent one may be another build's write
        try:
            if time.time() - path.stat().st_mtime > 600:
                path.unlink(missing_ok=True)
        except FileNotFoundError:
            pass
    return removed


# --- running a block ------------------------------------------------------------------------------
def _print_to(buffer: io.StringIO):
    def _print(*texts, sep: str = " ", end: str = "\n", **_: object) -> None:
        buffer.write(sep.join(str(t) for t in texts) + end)

    return _print


# Forking a build process (~0.5 GB) and the pages its child then copies cost about 0.1 s: a block
# whose language-free start is shorter than this is run a second time instead, in the other
# language, by the same process (`_run_for`).
MIN_SHARED_SECONDS = 0.25


class _LanguageFork:
    """Stands in for ``mlnotes.book.i18n.current_language`` while a block runs: the first call forks.

    The parent goes on in its language; the child switches to ``other`` (``set_language``) and
    goes on in that one. ``pid`` is None until the first call, then 0 in the child, the child's
    pid in the parent, or -1 when the block got there in less than `MIN_SHARED_SECONDS` (no fork).
    """

    def __init__(self, original, other: str) -> None:
        self.original, self.other = original, other
        self.pid: int | None = None
        self.start = time.perf_counter()

    def __call__(self) -> str:
        if self.pid is None:
            if time.perf_counter() - self.start < MIN_SHARED_SECONDS:
                self.pid = -1
            else:
                for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
                    stream.flush()
                self.pid = os.fork()
                if self.pid == 0:
                    i18n.set_language(self.other)
                else:
                    _CHILDREN.append(self.pid)  # waited for even if the parent's run then raises
        return self.original()


_CHILDREN: list[int] = []  # forked runs of the other language not yet waited for


def reap(*, wait: bool = False) -> None:
    """Collect finished children (all of them, waiting if need be, with ``wait``)."""
    for pid in list(_CHILDREN):
        try:
            done, _ = os.waitpid(pid, 0 if wait else os.WNOHANG)
        except ChildProcessError:
            done = pid
        if done:
            _CHILDREN.remove(pid)


def execute(code: str, *, filename: str, where: str, share: tuple[str, str] | None = None) -> str:
    """Run ``code`` in fresh globals as if it were the file ``filename``; return what it printed.

    ``where`` (the page) goes into the error message, with the file and the line that raised.
    With ``share=(other_lang, other_key)`` the run also makes the entry of the other language
    (see the module docstring): in a forked child from the first time the block asks for the
    language; by running the block again, in that language, if it asked within
    `MIN_SHARED_SECONDS`; or, if it never asks, from this very output.
    """
    module_name = "mlnotes_block_" + re.sub(r"\W+", "_", filename)
    module = ModuleType(module_name)
    module.__file__ = filename
    sys.modules[module_name] = module  # dataclasses and pickle look modules up by name
    buffer = io.StringIO()
    namespace = module.__dict__
    namespace["print"] = _print_to(buffer)
    fork = None
    if share is not None:
        fork = _LanguageFork(i18n.current_language, share[0])
        i18n.current_language = fork
    try:
        exec(compile(code, filename, "exec"), namespace)  # noqa: S102 - executing the book's own code
    except BaseException as error:  # noqa: BLE001 - every failure of a block is reported, never cached
        if fork is not None and fork.pid == 0:
            os._exit(1)  # the other language's run failed: its build runs the block and reports it
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
        if fork is not None and fork.pid == 0:  # the child: store the other language's entry and leave
            status = 1
            try:
                status = 0 if _store_other(share, buffer.getvalue()) else 1
            finally:
                os._exit(status)  # never back into MkDocs, whatever happened
        sys.modules.pop(module_name, None)
        if fork is not None:
            i18n.current_language = fork.original
    output = buffer.getvalue()
    if fork is not None:
        if fork.pid is None:  # never asked for the language: the same output in both
            _store_other(share, output)
        elif fork.pid == -1:  # asked early: run it again, in the other language
            _run_for(share, code, filename=filename, where=where)
    return output


def _store_other(share: tuple[str, str], output: str) -> bool:
    """Store the other language's entry; it is a bonus, so a failure to write it is not an error."""
    try:
        store(*share, output, shared=True)
    except OSError:
        return False
    return True


def _run_for(share: tuple[str, str], code: str, *, filename: str, where: str) -> None:
    """Run a block in the language ``share[0]`` and store it under ``share[1]``; a failure stores nothing."""
    try:
        with i18n.language(share[0]):
            output = execute(code, filename=filename, where=where)
    except BlockError:
        return  # that language's build runs the block itself and reports the error
    _store_other(share, output)


@dataclass
class Stats:
    executed: int = 0  # blocks this build ran
    reused: int = 0  # blocks from the cache of an earlier build
    shared: int = 0  # blocks the other language's build ran for this one, in this build
    used: set[str] = field(default_factory=set)

    def summary(self, lang: str) -> str:
        """The build log's line (the tests and benchmarks read it)."""
        return (f"exec cache ({lang}): {self.executed} blocks executed, {self.reused} reused, "
                f"{self.shared} run by the {other_language(lang)} build")


STATS = Stats()

# Called with (code, lang, filename, where, options, output) after every block, cached or run:
# how other hooks see the blocks (downloads.py builds the notebooks from them).
OBSERVERS: list = []

LANGUAGES = i18n.LANGUAGES


def other_language(lang: str) -> str:
    """The language a build of ``lang`` shares its runs with."""
    return next(other for other in LANGUAGES if other != lang)


def sharing() -> bool:
    """Whether a block run makes the other language's entry too (``MLNOTES_EXEC_SHARE``, default on).

    Only in a build of both languages together (``tools/site.py`` sets ``MLNOTES_BUILD_ID`` in
    both processes): a lone ``mkdocs build`` of one language has no one to share with.
    """
    mode = os.environ.get("MLNOTES_EXEC_SHARE", "on").strip().lower() or "on"
    if mode not in ("on", "off"):
        raise ValueError(f"MLNOTES_EXEC_SHARE must be on or off; got {mode!r}.")
    return (mode == "on" and hasattr(os, "fork") and cache_mode() == "on"
            and bool(os.environ.get("MLNOTES_BUILD_ID")))


class _BlockLock:
    """A lock (``flock``) that the two languages' builds take for the same block.

    Named after the pair of keys, so both builds find the same file; one of 256 files, so the
    folder stays small (two blocks that share a file merely wait for each other). A forked
    child inherits the lock and holds it until it has stored its entry.
    """

    def __init__(self, *keys: str) -> None:
        name = hashlib.sha256("".join(sorted(keys)).encode()).hexdigest()[:2]
        folder = cache_dir() / "locks"
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / f"{name}.lock"

    def __enter__(self) -> "_BlockLock":
        self.file = open(self.path, "a")  # noqa: SIM115 - closed in __exit__
        fcntl.flock(self.file, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc: object) -> None:
        self.file.close()  # the lock goes when the child's copy is closed too


def _count(output: str | None, build: str) -> str | None:
    """Count an entry found in the cache: made by this build (the other language's run) or an earlier one."""
    if output is not None:
        if build and build == os.environ.get("MLNOTES_BUILD_ID"):
            STATS.shared += 1
        else:
            STATS.reused += 1
    return output


def run_block(code: str, *, lang: str, filename: str, where: str, options: dict | None = None) -> str:
    """The output of one block: from the cache when its key is there, else executed (and stored)."""
    reap()
    mode = cache_mode()
    key = block_key(code, lang=lang, filename=filename, options=options) if mode != "off" else ""
    output = _count(*_load(lang, key)) if mode == "on" else None
    if output is None and mode == "on" and sharing() and lang in LANGUAGES:
        other = other_language(lang)
        other_key = block_key(code, lang=other, filename=filename, options=options)
        with _BlockLock(key, other_key):
            output = _count(*_load(lang, key))  # the other build may have made it while this one waited
            if output is None:
                share = None if _entry_path(other, other_key).exists() else (other, other_key)
                output = execute(code, filename=filename, where=where, share=share)
                STATS.executed += 1
                store(lang, key, output)
    elif output is None:
        output = execute(code, filename=filename, where=where)
        STATS.executed += 1
        if mode != "off":
            store(lang, key, output)
    if mode != "off":
        STATS.used.add(key)
    for observer in OBSERVERS:
        observer(code, lang, filename, where, options, output)
    return output
