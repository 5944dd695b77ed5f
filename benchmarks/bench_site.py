"""Site build speed: cold build, warm build, and edit-to-page latency in ``make serve``, in one run.

    python benchmarks/bench_site.py [--repeats N] [--keep]

Works on a temporary copy of what the build reads (``docs/``, ``tools/``, ``mlnotes/`` for the
wheel, the configurations) with its own caches, so the checkout and its ``.cache`` are left alone;
the code blocks import the installed ``mlnotes``. It measures, in this order:

* **cold, each language on its own**: the same with ``MLNOTES_EXEC_SHARE=off``, for comparison:
  every block runs once per language (see the README, "The execution cache");
* **cold**: ``tools/site.py build`` of both languages from an empty execution cache (a block's
  run serves both languages);
* **warm**: the same build again with nothing changed (the whole-build cache copies it);
* **warm, site cache off**: MkDocs renders every page again, every block's output from the
  execution cache;
* **snippet edited**: ``tools/site.py serve`` running, a line appended to one snippet
  (``docs/snippets/ch1/overview/line_fit.py``, shown on 1.1 in both languages): seconds from saving the
  file until the served English page shows the new output;
* **page edited**: a sentence appended to ``docs/zh/ch1/overview.md``: seconds from saving until
  the served Chinese page shows it.

Each row gives the seconds (the median over ``--repeats`` edits for the last two), the ratio to
the cold build, and how many code blocks ran (from the build's "exec cache" log lines, summed
over both languages; a run that also made the other language's output counts once). The targets of the build-pipeline issue: cold ≤ 40 s, warm ≤ 15 % of cold
with 0 blocks, snippet ≤ 5 s, page ≤ 3 s (2 cores).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import format_table  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
COPY = ["docs", "tools", "mlnotes", "mkdocs.yml", "mkdocs.en.yml", "pyproject.toml", "README.md"]  # all the build reads
EXEC_LINE = re.compile(r"exec cache \((\w+)\): (\d+) blocks executed")


def _executed(log: str) -> int:
    return sum(int(n) for _, n in EXEC_LINE.findall(log))


def _env(tree: Path, **extra: str) -> dict[str, str]:
    return dict(os.environ, PYTHONHASHSEED="0", NO_MKDOCS_2_WARNING="1", MLNOTES_EXEC_CACHE="on",
                MLNOTES_EXEC_CACHE_DIR=str(tree / ".cache" / "exec"),
                MLNOTES_SITE_CACHE_DIR=str(tree / ".cache" / "site"), **extra)


def build(tree: Path, **extra: str) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "tools/site.py", "build"], cwd=tree, env=_env(tree, **extra),
                          capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"build failed:\n{proc.stdout}\n{proc.stderr}")
    return seconds, _executed(proc.stdout)


class Server:
    """``tools/site.py serve`` in the copy, its output collected line by line."""

    def __init__(self, tree: Path) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.proc = subprocess.Popen([sys.executable, "tools/site.py", "serve", "--port", str(self.port)],
                                     cwd=tree, env=_env(tree), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     text=True, bufsize=1)
        self.lines: list[str] = []
        self.ready = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()
        if not self.ready.wait(300):
            self.stop()
            raise SystemExit("make serve did not come up:\n" + "".join(self.lines[-40:]))

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.append(line)
            if "Serving on http" in line:  # mkdocs' live-reload server watches from then on
                self.ready.set()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def edit_latency(server: Server, path: Path, addition: str, url: str, marker: str) -> tuple[float, int]:
    """Seconds from appending ``addition`` to ``path`` until ``url`` shows ``marker``; blocks run."""
    original = path.read_text(encoding="utf-8")
    seen = len(server.lines)
    start = time.perf_counter()
    path.write_text(original + addition, encoding="utf-8")
    try:
        while True:
            with urllib.request.urlopen(url, timeout=30) as response:
                if marker in response.read().decode("utf-8"):
                    break
            if time.perf_counter() - start > 120:
                raise SystemExit(f"{url} never showed {marker!r}:\n" + "".join(server.lines[seen:]))
            time.sleep(0.05)
        seconds = time.perf_counter() - start
        time.sleep(1.0)  # let the other language's worker report too
    finally:
        path.write_text(original, encoding="utf-8")
    executed = _executed("".join(server.lines[seen:]))
    time.sleep(2.0)  # the restore is rebuilt before the next edit
    return seconds, executed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="edits per latency (the median is reported)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary copy (its path is printed)")
    args = parser.parse_args(argv)
    tree = Path(tempfile.mkdtemp(prefix="mlnotes-bench-site-"))
    try:
        for name in COPY:
            src = ROOT / name
            if src.is_dir():
                shutil.copytree(src, tree / name, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(src, tree / name)
        rows = []
        alone, alone_blocks = build(tree, MLNOTES_EXEC_SHARE="off")
        shutil.rmtree(tree / ".cache")
        rows.append(("cold build, each language runs its own blocks", alone, alone_blocks))
        cold, cold_blocks = build(tree)
        rows.append(("cold build (both languages)", cold, cold_blocks))
        warm, warm_blocks = build(tree)
        rows.append(("warm build, nothing changed", warm, warm_blocks))
        pages, pages_blocks = build(tree, MLNOTES_SITE_CACHE="off")
        rows.append(("warm build, site cache off", pages, pages_blocks))
        server = Server(tree)
        try:
            snippet = [edit_latency(server, tree / "docs/snippets/ch1/overview/line_fit.py",
                                    f'\nprint("bench-site-snippet-{i}")\n', server.url("en/ch1/overview/"),
                                    f"bench-site-snippet-{i}") for i in range(args.repeats)]
            page = [edit_latency(server, tree / "docs/zh/ch1/overview.md", f"\n\n基准测试句子{i}号。\n",
                                 server.url("zh/ch1/overview/"), f"基准测试句子{i}号") for i in range(args.repeats)]
        finally:
            server.stop()
        rows.append(("serve: one snippet edited", statistics.median(s for s, _ in snippet),
                     max(n for _, n in snippet)))
        rows.append(("serve: one page edited", statistics.median(s for s, _ in page), max(n for _, n in page)))
        table = [(name, f"{seconds:.2f}", f"{seconds / cold:.3f}", str(blocks)) for name, seconds, blocks in rows]
        print(format_table(["case", "seconds", "ratio to cold", "blocks executed"], table,
                           title=f"Site build ({os.cpu_count()} cores; edits: median of {args.repeats})",
                           align="lrrr"))
    finally:
        if args.keep:
            print(f"kept {tree}")
        else:
            shutil.rmtree(tree, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
