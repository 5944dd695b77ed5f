"""Shared fixtures: one strict build of both languages per test run (shared by the xdist workers), served on 127.0.0.1."""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT / "tools"))  # after the standard library (tools/site.py)
from pdf import CHROMIUM  # noqa: E402  Debian's Chromium, or MLNOTES_CHROMIUM
from static_server import SiteHandler, serve  # noqa: E402
OUTPUT = Path(os.environ.get("MLNOTES_TEST_OUTPUT", ROOT / "test-output"))
LANGS = ("zh", "en")


def load_benchmark(name: str):
    """The module ``benchmarks/<name>.py``, loaded by its path (the scripts are not a package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def free_port() -> int:
    """A free port on 127.0.0.1 below the kernel's ephemeral range.

    The site is built for its origin long before it is served there; a port from the ephemeral
    range could meanwhile be taken by any outgoing connection (a browser, a build), one below it
    only by a server that asks for it by number.
    """
    import random

    try:
        low = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        low = 32768
    rng = random.Random()  # not the tests' seeds: any free port will do
    for _ in range(200):
        port = rng.randrange(20000, max(20001, min(low, 32768)))
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    with socket.socket() as s:  # everything below the range is taken: fall back to the kernel's choice
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


EXEC_CACHE = OUTPUT / "exec-cache"  # the tests' own caches: the first build is always cold
EXEC_CACHE_2 = OUTPUT / "exec-cache-2"  # the second clean build's own, so the two never share an entry
SITE_CACHE = OUTPUT / "site-cache"


def _clean_build_command(site_dir: Path, origin: str) -> list[str]:
    """Empty ``site_dir`` and return the command that builds both languages into it."""
    if site_dir.exists():
        shutil.rmtree(site_dir)
    return [sys.executable, "tools/site.py", "build", "--origin", origin, "--site-dir", str(site_dir)]


def _build_env(cache: str = "on", site_cache: str = "on", exec_dir: Path = EXEC_CACHE,
               share: str = "on") -> dict[str, str]:
    # SOURCE_DATE_EPOCH: the sitemap's <lastmod> is the build date; the tests compare builds file for file
    return dict(os.environ, PYTHONHASHSEED="0", NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1796601600",
                MLNOTES_EXEC_CACHE_DIR=str(exec_dir), MLNOTES_EXEC_CACHE=cache, MLNOTES_EXEC_SHARE=share,
                MLNOTES_SITE_CACHE_DIR=str(SITE_CACHE), MLNOTES_SITE_CACHE=site_cache)


def build_site(site_dir: Path, origin: str, cache: str = "on", site_cache: str = "on") -> subprocess.CompletedProcess:
    """Build both languages into ``site_dir`` (strict) and wait for it."""
    return subprocess.run(_clean_build_command(site_dir, origin), cwd=ROOT, env=_build_env(cache, site_cache),
                          capture_output=True, text=True)


_EXEC_LINE = re.compile(r"exec cache \((\w+)\): (\d+) blocks executed, (\d+) reused, (\d+) run by the")


def blocks_executed(log: str) -> dict[str, tuple[int, int]]:
    """Per language (executed, reused) from the execute hook's log line.

    "Executed" counts the blocks run in this build, by the language's own process or, for it, by
    the other language's (tools/hooks/exec_cache.py); "reused" those from an earlier build's cache.
    """
    return {lang: (int(run) + int(shared), int(reused)) for lang, run, reused, shared in _EXEC_LINE.findall(log)}


def blocks_shared(log: str) -> dict[str, int]:
    """Per language, how many of its blocks the other language's process ran for it in this build."""
    return {lang: int(shared) for lang, _, _, shared in _EXEC_LINE.findall(log)}


def _run_id(config) -> str:
    """The same string in every pytest-xdist worker of one run (and a fresh one for a plain run)."""
    workerinput = getattr(config, "workerinput", None)
    return workerinput["testrunuid"] if workerinput else f"solo-{os.getpid()}"


def once_per_run(config, name: str, make) -> dict:
    """``make()`` (a JSON-able dict) computed by one process of this test run; the others wait for it.

    With ``pytest -n 2`` every worker has its own session fixtures; the site is nevertheless built
    once: the first worker to get here builds under a file lock and leaves the result for the others.
    """
    import fcntl
    import json

    OUTPUT.mkdir(parents=True, exist_ok=True)
    result = OUTPUT / f".{name}.result.json"
    with open(OUTPUT / f".{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        run = _run_id(config)
        if result.exists():
            stored = json.loads(result.read_text(encoding="utf-8"))
            if stored.get("run") == run:
                return stored["value"]
        value = make()
        result.write_text(json.dumps({"run": run, "value": value}), encoding="utf-8")
        return value


@pytest.fixture(scope="session")
def origin(request) -> str:
    """The origin the site is built for (and served at by the browser tests): one for the whole run."""
    return once_per_run(request.config, "origin", lambda: {"origin": f"http://127.0.0.1:{free_port()}"})["origin"]


@pytest.fixture(scope="session")
def site_port(origin) -> int:
    return int(origin.rsplit(":", 1)[1])


@pytest.fixture(scope="session")
def cold_build(request, origin) -> tuple[Path, str]:
    """Both languages built once with --strict into test-output/site, from an empty execution cache."""
    site = OUTPUT / "site"

    def build() -> dict:
        for cache in (EXEC_CACHE, EXEC_CACHE_2, SITE_CACHE):
            if cache.exists():
                shutil.rmtree(cache)
        proc = build_site(site, origin)
        return {"code": proc.returncode, "log": proc.stdout + proc.stderr}

    done = once_per_run(request.config, "cold-build", build)
    assert done["code"] == 0, f"strict build failed:\n{done['log']}"
    return site, done["log"]


@pytest.fixture(scope="session")
def built_site(cold_build) -> Path:
    return cold_build[0]


@pytest.fixture(scope="session")
def second_build(request, built_site, origin):
    """A second clean build into test-output/site-rebuild, from its own empty execution cache (no
    whole-build cache): the determinism test compares it with the first. Each language runs its
    own blocks (``MLNOTES_EXEC_SHARE=off``), so the comparison also shows that a block run for
    one language by the other's process prints what the language's own run prints.

    A callable, so that only the tests that need it pay for it (they run in one test process,
    while the other runs the browser tests).
    """
    site = OUTPUT / "site-rebuild"

    def build() -> dict:
        proc = subprocess.run(_clean_build_command(site, origin), cwd=ROOT,
                              env=_build_env("on", site_cache="off", exec_dir=EXEC_CACHE_2, share="off"),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        return {"code": proc.returncode, "log": proc.stdout}

    def wait() -> tuple[Path, str]:
        done = once_per_run(request.config, "second-build", build)
        assert done["code"] == 0, f"second strict build failed:\n{done['log']}"
        return site, done["log"]

    return wait


def _worker_id(config) -> str:
    workerinput = getattr(config, "workerinput", None)
    return workerinput["workerid"] if workerinput else "main"


@pytest.fixture(scope="session")
def server(request, built_site, site_port, origin):
    """The built site over HTTP. The first test process to ask serves it at its build origin; another
    one (``pytest -n``) serves the same files on a port of its own (the site's links are relative:
    it works on any port, see the ``mirror`` fixture)."""
    first = once_per_run(request.config, "origin-server", lambda: {"worker": _worker_id(request.config)})
    port = site_port if first["worker"] == _worker_id(request.config) else free_port()
    with serve(built_site, port) as url:
        yield url


class _SubPathHandler(SiteHandler):
    """Serves the site under ``/mirror/`` (a project page on a static host); anything else is 404."""
    prefix = "/mirror"

    def translate_path(self, path):
        if not (path == self.prefix or path.startswith(self.prefix + "/")):
            return str(Path(self.directory) / "does-not-exist")
        return super().translate_path(path[len(self.prefix):] or "/")


@pytest.fixture(scope="session")
def mirror(built_site, server):
    """The same build served on another port than its build origin, under the sub-path ``/mirror/``."""
    with serve(built_site, free_port(), _SubPathHandler) as url:
        yield url + _SubPathHandler.prefix


def html_pages(site: Path, lang: str) -> dict[str, str]:
    """Relative path -> HTML of every page of one language (404 page excluded)."""
    base = site / lang
    return {str(p.relative_to(base)): p.read_text(encoding="utf-8")
            for p in sorted(base.rglob("*.html")) if p.name != "404.html"}


def pytest_terminal_summary(terminalreporter):
    """Print the tally of tests/test_robustness.py per module (cases tried / passed)."""
    tally: dict[str, list[int]] = {}
    for reports in terminalreporter.stats.values():
        for report in reports:
            for key, value in getattr(report, "user_properties", ()):
                if key == "robustness_tally" and getattr(report, "when", "call") == "call":
                    module, tried, passed = value
                    entry = tally.setdefault(module, [0, 0])
                    entry[0] += tried
                    entry[1] += passed
    if tally:
        terminalreporter.section("robustness: bad-input cases per module (passed / tried)")
        for module in sorted(tally):
            tried, passed = tally[module]
            terminalreporter.write_line(f"{module:32s} {passed:5d} / {tried:5d}")
        total_tried = sum(t for t, _ in tally.values())
        total_passed = sum(p for _, p in tally.values())
        terminalreporter.write_line(f"{'total':32s} {total_passed:5d} / {total_tried:5d}")


# --- the browser tests (tests/test_browser*.py): headless Chromium (Debian's) driven by Playwright ----


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} not found: run 'make test' (installs Debian's chromium) or set MLNOTES_CHROMIUM")
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that records every request it makes while the test runs (a test that must see
    every request of its page, its scripts' later ones included, waits for network idle)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.requests = []
    pg.on("request", lambda r: pg.requests.append(r.url))
    yield pg
    hosts = {urlparse(u).hostname for u in pg.requests if urlparse(u).scheme in ("http", "https")}
    context.close()
    assert hosts <= {"127.0.0.1"}, f"requests left 127.0.0.1: {sorted(hosts)}"
