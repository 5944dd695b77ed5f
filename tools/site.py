"""Build or serve the bilingual site: one MkDocs build per language, side by side.

    python tools/site.py build [--origin URL] [--site-dir DIR] [--no-strict] [--no-cache]
    python tools/site.py serve [--host 127.0.0.1] [--port 8000]

``build`` runs ``mkdocs build`` for mkdocs.yml (zh) and mkdocs.en.yml (en) in
parallel, into ``site/zh`` and ``site/en``, and writes ``site/index.html``, which
sends the reader to the language of their browser (Chinese by default). A language
whose inputs are unchanged since its last successful build is copied from
``.cache/site`` (``site_cache.py``); otherwise its code blocks run through the execution
cache (``tools/hooks/exec_cache.py``). ``--no-cache`` bypasses both.

``serve`` keeps one worker process per language (`incremental.LanguageSite`), builds
both, serves ``site/`` at http://HOST:PORT/ with MkDocs' live-reload server (one root for
both languages, so the language switcher works while previewing) and, on a change,
re-renders what it touches (see `plan`): a page in its language, a snippet in the pages
that include it, anything else with a full (cached) build of both languages.
"""

from __future__ import annotations

import argparse
import os
import queue
import signal
import shutil
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import site_cache  # tools/ is this script's folder, so it is on sys.path

ROOT = Path(__file__).resolve().parent.parent
CONFIGS = {"zh": ROOT / "mkdocs.yml", "en": ROOT / "mkdocs.en.yml"}
WATCHED = ["docs", "mlnotes", "tools", "mkdocs.yml", "mkdocs.en.yml"]

ROOT_INDEX = """<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<title>机器学习与深度学习笔记 · Machine Learning &amp; Deep Learning Notes</title>
<meta http-equiv="refresh" content="0; url=zh/">
<script>
  var lang = (navigator.language || "zh").toLowerCase();
  location.replace(lang.indexOf("zh") === 0 ? "zh/" : "en/");
</script>
</head>
<body>
<p><a href="zh/">中文</a> · <a href="en/">English</a></p>
</body>
</html>
"""


# The "not found" page at the site's root, in both languages (each language has its own 404.html,
# see tools/hooks/not_found.py); a <base> found from the address bar keeps its links right under a sub-path.
ROOT_404 = """<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<script>(function(){var p=location.pathname,m=p.match(/^(.*\\/)(?:zh|en)\\//);
document.write('<base href="'+(m?m[1]:"/")+'">')})()</script>
<title>找不到页面 · Page not found</title>
<style>body{font:16px/1.6 system-ui,sans-serif;max-width:36em;margin:3em auto;padding:0 1em;color:#222}</style>
</head>
<body>
<h1>404 - 找不到页面</h1>
<p>这个地址上没有页面。请前往<a href="zh/">中文首页</a>。</p>
<h1 lang="en">404 - Page not found</h1>
<p lang="en">There is no page at this address. Go to the <a href="en/">English home page</a>.</p>
</body>
</html>
"""


def _mkdocs_env(origin: str, build_id: str) -> dict[str, str]:
    env = dict(os.environ)
    env["MLNOTES_SITE_ORIGIN"] = origin
    # the same in both languages' processes: a block one of them runs for the other is counted as
    # such (tools/hooks/exec_cache.py)
    env["MLNOTES_BUILD_ID"] = build_id
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.setdefault("PYTHONHASHSEED", "0")
    # The two languages build side by side, one per core: one BLAS thread each, so that four
    # threads do not fight over two cores (the code blocks' matrices are small).
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env.setdefault(var, "1")
    return env


def build_language(lang: str, *, origin: str, site_dir: Path, strict: bool = True,
                   build_id: str = "") -> tuple[str, int, str, float]:
    """Run one language's ``mkdocs build``; return (lang, exit code, log, seconds)."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(CONFIGS[lang]), "-d", str(site_dir / lang)]
    if strict:
        cmd.append("--strict")
    start = time.perf_counter()
    key = site_cache.fingerprint(lang, origin=origin, strict=strict) if site_cache.enabled() else None
    if key and site_cache.restore(lang, key, site_dir / lang):
        return lang, 0, "site cache: nothing changed since the last build, copied it", time.perf_counter() - start
    proc = subprocess.run(cmd, cwd=ROOT, env=_mkdocs_env(origin, build_id or uuid.uuid4().hex),
                          capture_output=True, text=True)
    if key and proc.returncode == 0:
        site_cache.store(lang, key, site_dir / lang)
    return lang, proc.returncode, proc.stdout + proc.stderr, time.perf_counter() - start


def build(*, origin: str = "http://127.0.0.1:8000", site_dir: Path = ROOT / "site", strict: bool = True) -> int:
    """Build both languages in parallel; return 0 when both succeeded."""
    site_dir.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=2) as pool:
        build_id = uuid.uuid4().hex
        results = list(pool.map(lambda lang: build_language(lang, origin=origin, site_dir=site_dir, strict=strict,
                                                            build_id=build_id), CONFIGS))
    status = 0
    for lang, code, log, seconds in results:
        print(f"--- {lang}: exit {code} in {seconds:.1f} s ---")
        print("\n".join(line for line in log.splitlines() if "WARNING" in line or "ERROR" in line
                            or "Error" in line or "Aborted" in line or "cache" in line or code != 0)[-20000:])
        status = status or code
    (site_dir / "index.html").write_text(ROOT_INDEX, encoding="utf-8")
    (site_dir / "404.html").write_text(ROOT_404, encoding="utf-8")
    return status


def _changed_since(timestamp: float) -> list[Path]:
    """Watched files modified after ``timestamp``."""
    changed = []
    for name in WATCHED:
        path = ROOT / name
        for f in ([path] if path.is_file() else path.rglob("*")):
            if f.is_file() and "__pycache__" not in f.parts and f.stat().st_mtime > timestamp:
                changed.append(f)
    return changed


def plan(changed: list[Path]) -> dict[str, object]:
    """What to rebuild for a set of changed files: per language ``"full"`` or a list of pages.

    A page of one language re-renders that page in that language; a snippet re-renders the
    pages that include it, in both languages (the pages find them, see ``pages_including``);
    anything else (the package, the tools, the configuration, the theme) rebuilds both
    languages fully, with the execution cache deciding which blocks run again.
    """
    todo: dict[str, object] = {lang: [] for lang in CONFIGS}
    for path in changed:
        rel = path.relative_to(ROOT)
        parts = rel.parts
        if len(parts) > 2 and parts[0] == "docs" and parts[1] in CONFIGS and path.suffix == ".md":
            lang = parts[1]
            if todo[lang] != "full":
                todo[lang].append(("page", "/".join(parts[2:])))
        elif len(parts) > 2 and parts[:2] == ("docs", "snippets"):
            for lang in CONFIGS:
                if todo[lang] != "full":
                    todo[lang].append(("snippet", "/".join(parts[2:])))
        else:
            todo = {lang: "full" for lang in CONFIGS}
    return todo


def _worker(lang: str, origin: str, site_dir: str, inbox, outbox) -> None:
    """One language's site in its own process (both languages work in parallel on two cores)."""
    os.environ.update(_mkdocs_env(origin, ""))  # the build id comes with each job
    sys.path.insert(0, str(ROOT / "tools"))
    import logging  # noqa: PLC0415

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(f"{lang}: %(levelname)-7s -  %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    mkdocs_log.setLevel(logging.WARNING)
    for name in ("mkdocs.hooks.execute", "mkdocs.incremental"):
        logging.getLogger(name).setLevel(logging.INFO)
    from incremental import LanguageSite  # noqa: PLC0415 - the worker's own process

    site = LanguageSite(CONFIGS[lang], Path(site_dir) / lang, serve_url=origin + "/")
    parent = os.getppid()
    while True:
        try:
            job = inbox.get(timeout=2.0)
        except queue.Empty:
            if os.getppid() != parent:  # the server is gone (killed): do not linger
                return
            continue
        if job is None:
            return
        build_id, job = job  # one id per rebuild, the same in both workers (see exec_cache: "run by the ... build")
        os.environ["MLNOTES_BUILD_ID"] = build_id
        try:
            if job == "full":
                seconds, what = site.full_build(), "full build"
            else:
                pages = sorted({src for kind, src in job if kind == "page"}
                               | {p for kind, snip in job if kind == "snippet" for p in site.pages_including(snip)})
                seconds, what = (site.rebuild_pages(pages), f"{len(pages)} page(s)") if pages else (0.0, "nothing")
            outbox.put((lang, 0, f"{what} in {seconds:.1f} s"))
        except Exception as exc:  # noqa: BLE001 - a broken edit must not stop the server
            outbox.put((lang, 1, f"failed: {exc}"))


class Workers:
    """The two language workers, fed the same plan."""

    def __init__(self, origin: str, site_dir: Path) -> None:
        import multiprocessing

        ctx = multiprocessing.get_context("spawn")
        self.outbox = ctx.Queue()
        self.inboxes = {lang: ctx.Queue() for lang in CONFIGS}
        self.procs = [ctx.Process(target=_worker, args=(lang, origin, str(site_dir), self.inboxes[lang], self.outbox),
                                  daemon=True) for lang in CONFIGS]
        for proc in self.procs:
            proc.start()

    def run(self, todo: dict[str, object]) -> None:
        jobs = {lang: job for lang, job in todo.items() if job}
        build_id = uuid.uuid4().hex
        for lang, job in jobs.items():
            self.inboxes[lang].put((build_id, job))
        for _ in jobs:
            lang, code, message = self.outbox.get()
            print(f"--- {lang}: {message}", flush=True)

    def close(self) -> None:
        for inbox in self.inboxes.values():
            inbox.put(None)
        for proc in self.procs:
            proc.join(timeout=5)


def _interrupt(*_: object) -> None:
    raise KeyboardInterrupt


def serve(host: str, port: int) -> None:
    """Build, serve both languages and re-render what an edit touches (live reload)."""
    from mkdocs.livereload import LiveReloadServer

    origin = f"http://{host}:{port}"
    site_dir = ROOT / "site"
    site_dir.mkdir(exist_ok=True)
    (site_dir / "index.html").write_text(ROOT_INDEX, encoding="utf-8")
    (site_dir / "404.html").write_text(ROOT_404, encoding="utf-8")
    workers = Workers(origin, site_dir)
    last_build = [time.time()]
    workers.run({lang: "full" for lang in CONFIGS})

    def builder() -> None:
        changed = _changed_since(last_build[0])
        last_build[0] = time.time()
        if changed:
            workers.run(plan(changed))

    import logging  # noqa: PLC0415

    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logging.getLogger("mkdocs.livereload").addHandler(handler)  # "Serving on ..." once it watches
    logging.getLogger("mkdocs.livereload").setLevel(logging.INFO)
    server = LiveReloadServer(builder=builder, host=host, port=port, root=str(site_dir), mount_path="/")
    signal.signal(signal.SIGTERM, _interrupt)  # a terminated server stops its workers too
    for path in WATCHED:
        if (ROOT / path).exists():
            server.watch(str(ROOT / path))
    print(f"Both languages at {origin}/ (zh: {origin}/zh/, en: {origin}/en/); Ctrl+C to stop.", flush=True)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        workers.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build both languages into site/")
    b.add_argument("--origin", default="http://127.0.0.1:8000", help="scheme://host:port the site is served from")
    b.add_argument("--site-dir", type=Path, default=ROOT / "site")
    b.add_argument("--no-strict", action="store_true")
    b.add_argument("--no-cache", action="store_true",
                   help="run every code block and rebuild every page (MLNOTES_EXEC_CACHE=off)")
    s = sub.add_parser("serve", help="preview both languages with live reload")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    if args.command == "build":
        if args.no_cache:
            os.environ["MLNOTES_EXEC_CACHE"] = "off"
        if args.site_dir.exists():
            shutil.rmtree(args.site_dir)
        return build(origin=args.origin, site_dir=args.site_dir, strict=not args.no_strict)
    serve(args.host, args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
