"""The execution cache of the pages' code blocks (tools/hooks/exec_cache.py), without MkDocs.

What a block depends on is checked against an independent oracle: the ``mlnotes`` modules that
are really in ``sys.modules`` after running the block's imports in a fresh interpreter.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools" / "hooks"))
import exec_cache  # noqa: E402

SNIPPETS = sorted((ROOT / "docs" / "snippets").rglob("*.py"))

# Runs in a fresh interpreter: for each snippet, the mlnotes modules its import statements load
# (mlnotes is taken from the folder given as argv[1]; numpy and matplotlib stay imported).
ORACLE = textwrap.dedent("""
    import ast, json, sys
    sys.path.insert(0, sys.argv[1])
    import numpy, matplotlib
    result = {}
    for path in sys.argv[2:]:
        for name in [m for m in sys.modules if m == "mlnotes" or m.startswith("mlnotes.")]:
            del sys.modules[name]
        tree = ast.parse(open(path, encoding="utf-8").read())
        imports = [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]
        exec(compile(ast.Module(body=imports, type_ignores=[]), path, "exec"), {})
        result[path] = sorted(m for m in sys.modules if m == "mlnotes" or m.startswith("mlnotes."))
    print(json.dumps(result))
""")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("MLNOTES_EXEC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("MLNOTES_EXEC_CACHE", raising=False)
    monkeypatch.setenv("MLNOTES_EXEC_SHARE", "off")  # one language at a time; `shared` turns sharing on
    exec_cache.STATS.__init__()
    return tmp_path / "cache"


@pytest.fixture
def shared(cache, monkeypatch):
    """The cache, with a block's run making the other language's entry too (as in a build of both)."""
    monkeypatch.setenv("MLNOTES_EXEC_SHARE", "on")
    monkeypatch.setenv("MLNOTES_BUILD_ID", "test-build")
    return cache


def _keys(package_root: Path, lang: str = "en") -> dict[str, str]:
    return {str(p): exec_cache.block_key(p.read_text(encoding="utf-8"), lang=lang, filename=str(p),
                                         package_root=package_root) for p in SNIPPETS}


@pytest.fixture(scope="module")
def tree_copy(tmp_path_factory) -> Path:
    """A temporary copy of the package, free to edit."""
    copy = tmp_path_factory.mktemp("tree")
    shutil.copytree(ROOT / "mlnotes", copy / "mlnotes", ignore=shutil.ignore_patterns("__pycache__"))
    return copy


@pytest.fixture(scope="module")
def runtime_imports(tree_copy) -> dict[str, set[str]]:
    proc = subprocess.run([sys.executable, "-c", ORACLE, str(tree_copy), *map(str, SNIPPETS)],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    return {path: set(mods) for path, mods in json.loads(proc.stdout).items()}


@pytest.mark.parametrize("module", ["mlnotes.association", "mlnotes.nn.conv_layers", "mlnotes.cluster",
                                    "mlnotes.rl.dqn"])
def test_editing_a_library_module_invalidates_exactly_the_blocks_that_import_it(tree_copy, runtime_imports,
                                                                                  module):
    path = tree_copy / Path(*module.split(".")).with_suffix(".py")
    before = _keys(tree_copy / "mlnotes")
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(original + "\n\ndef _edited_by_the_test():\n    return 1\n", encoding="utf-8")
        after = _keys(tree_copy / "mlnotes")
    finally:
        path.write_text(original, encoding="utf-8")
    changed = {p for p in before if before[p] != after[p]}
    importers = {p for p, mods in runtime_imports.items() if module in mods}
    assert importers, f"no page block imports {module}: pick another module for this test"
    assert changed == importers, (f"{module}: re-run but not importing it: {sorted(changed - importers)}; "
                                  f"importing it but not re-run: {sorted(importers - changed)}")
    assert len(changed) < len(SNIPPETS)


def test_editing_a_snippet_invalidates_that_block_only():
    before = _keys(None)
    edited = SNIPPETS[0]
    code = edited.read_text(encoding="utf-8") + "\n# a comment\n"
    after = dict(before, **{str(edited): exec_cache.block_key(code, lang="en", filename=str(edited))})
    assert [p for p in before if before[p] != after[p]] == [str(edited)]


def test_languages_never_share_an_entry(cache, monkeypatch):
    code = "from mlnotes.book.i18n import tr\nprint(tr('中文', 'English'))\n"
    assert exec_cache.block_key(code, lang="zh", filename="x.py") != exec_cache.block_key(code, lang="en",
                                                                                          filename="x.py")
    outputs = {}
    for lang in ("zh", "en"):
        monkeypatch.setenv("MLNOTES_LANG", lang)
        outputs[lang] = exec_cache.run_block(code, lang=lang, filename="x.py", where="p.md")
    assert outputs == {"zh": "中文\n", "en": "English\n"}
    assert exec_cache.STATS.executed == 2 and exec_cache.STATS.reused == 0
    assert sorted(p.parent.parent.name for p in cache.rglob("*.json")) == ["en", "zh"]


# --- one run for both languages -----------------------------------------------------------------
BILINGUAL = "print('before')\nfrom mlnotes.book.i18n import tr\nprint(tr('中文', 'English'))\n"
FAILS_IN_EN = ("from mlnotes.book.i18n import tr\nif tr('zh', 'en') == 'en':\n"
               "    raise ValueError('only in English')\nprint('ok')\n")


def _run(code: str, lang: str, monkeypatch) -> str:
    monkeypatch.setenv("MLNOTES_LANG", lang)
    return exec_cache.run_block(code, lang=lang, filename="x.py", where="p.md")


@pytest.mark.parametrize("how", ["fork", "run again"])
def test_a_block_run_in_one_language_stores_the_other_language_too(shared, monkeypatch, how):
    # "fork": the block asked for the language late (the child finishes it in English);
    # "run again": it asked at once, so the process runs it a second time, in English
    monkeypatch.setattr(exec_cache, "MIN_SHARED_SECONDS", 0.0 if how == "fork" else 1e9)
    monkeypatch.setenv("MLNOTES_BUILD_ID", "build-1")
    assert _run(BILINGUAL, "zh", monkeypatch) == "before\n中文\n"
    exec_cache.reap(wait=True)
    assert _run(BILINGUAL, "en", monkeypatch) == "before\nEnglish\n"
    assert (exec_cache.STATS.executed, exec_cache.STATS.shared, exec_cache.STATS.reused) == (1, 1, 0)
    # what the English run stored is what running the block in English prints
    monkeypatch.setenv("MLNOTES_EXEC_SHARE", "off")
    assert exec_cache.execute(BILINGUAL, filename="x.py", where="p.md") == "before\nEnglish\n"
    # a later build finds both entries and counts them as reused, not as made by this build
    monkeypatch.setenv("MLNOTES_BUILD_ID", "build-2")
    exec_cache.STATS.__init__()
    assert _run(BILINGUAL, "zh", monkeypatch) == "before\n中文\n"
    assert _run(BILINGUAL, "en", monkeypatch) == "before\nEnglish\n"
    assert (exec_cache.STATS.executed, exec_cache.STATS.shared, exec_cache.STATS.reused) == (0, 0, 2)


def test_a_block_that_never_asks_for_the_language_runs_once_for_both(shared, monkeypatch):
    code = "print(sum(range(10)))\n"
    assert _run(code, "en", monkeypatch) == "45\n"
    assert _run(code, "zh", monkeypatch) == "45\n"
    assert (exec_cache.STATS.executed, exec_cache.STATS.shared, exec_cache.STATS.reused) == (1, 1, 0)
    assert sorted(p.parent.parent.name for p in shared.rglob("*.json")) == ["en", "zh"]


def test_a_lone_build_of_one_language_shares_nothing(shared, monkeypatch):
    monkeypatch.delenv("MLNOTES_BUILD_ID")  # mkdocs build of one language, not tools/site.py
    assert _run(BILINGUAL, "zh", monkeypatch) == "before\n中文\n"
    assert [p.parent.parent.name for p in shared.rglob("*.json")] == ["zh"]
    monkeypatch.setenv("MLNOTES_EXEC_SHARE", "sometimes")
    with pytest.raises(ValueError, match="MLNOTES_EXEC_SHARE must be on or off; got 'sometimes'"):
        exec_cache.sharing()


@pytest.mark.parametrize("how", ["fork", "run again"])
def test_a_block_failing_in_the_other_language_stores_nothing_for_it(shared, monkeypatch, how):
    monkeypatch.setattr(exec_cache, "MIN_SHARED_SECONDS", 0.0 if how == "fork" else 1e9)
    assert _run(FAILS_IN_EN, "zh", monkeypatch) == "ok\n"
    exec_cache.reap(wait=True)
    assert [p.parent.parent.name for p in shared.rglob("*.json")] == ["zh"]
    with pytest.raises(exec_cache.BlockError, match=r"p.md: code block x.py, line 3 raised ValueError: only in English"):
        _run(FAILS_IN_EN, "en", monkeypatch)


def test_the_language_is_read_in_one_place():
    """Sharing a run rests on this: the package and the pages' code learn the language from
    ``mlnotes.book.i18n.current_language`` only, never from the environment themselves, and the
    package calls it through the module (a name bound at import would escape the runner's stand-in
    and a block asking that way would look language-free)."""
    import ast

    package = [p for p in (ROOT / "mlnotes").rglob("*.py") if p.name != "i18n.py"]
    readers = []
    for path in package + SNIPPETS:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""
            if name in ("environ", "getenv", "putenv"):
                readers.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            if (path in package and isinstance(node, ast.ImportFrom)
                    and any(alias.name == "current_language" for alias in node.names)):
                readers.append(f"{path.relative_to(ROOT)}:{node.lineno} (from ... import current_language)")
    assert readers == []


# Two build processes, one per language, reach the same block at the same time.
RACE = textwrap.dedent("""
    import os, sys
    sys.path.append(sys.argv[1])  # after the standard library (tools/hooks has a math.py)
    import exec_cache
    lang, counter = sys.argv[2], sys.argv[3]
    os.environ["MLNOTES_LANG"] = lang
    code = ("import time\\nopen(%r, 'a').write('ran\\\\n')\\ntime.sleep(0.6)\\n"
            "from mlnotes.book.i18n import tr\\nprint(tr('中文', 'English'))\\n" % counter)
    print(exec_cache.run_block(code, lang=lang, filename="x.py", where="p.md"), end="")
    exec_cache.reap(wait=True)
    print(exec_cache.STATS.executed + exec_cache.STATS.shared, exec_cache.STATS.reused)
""")


def test_two_builds_reaching_a_block_together_run_it_once(shared, tmp_path):
    counter = tmp_path / "runs.txt"
    env = dict(os.environ, MLNOTES_EXEC_CACHE_DIR=str(shared), MLNOTES_BUILD_ID="race")
    procs = {lang: subprocess.Popen([sys.executable, "-c", RACE, str(ROOT / "tools" / "hooks"), lang, str(counter)],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
             for lang in ("zh", "en")}
    out = {lang: proc.communicate(timeout=60) for lang, proc in procs.items()}
    assert all(proc.returncode == 0 for proc in procs.values()), out
    assert out["zh"][0] == "中文\n1 0\n" and out["en"][0] == "English\n1 0\n", out
    # the 0.6 s before the block asks for the language ran once: the child finished it in the other language
    assert counter.read_text() == "ran\n"


def test_a_second_run_comes_from_the_cache(cache):
    code = "import numpy as np\nprint(np.arange(3).sum())\n"
    first = exec_cache.run_block(code, lang="en", filename="x.py", where="p.md")
    second = exec_cache.run_block(code, lang="en", filename="x.py", where="p.md")
    assert first == second == "3\n"
    assert (exec_cache.STATS.executed, exec_cache.STATS.reused) == (1, 1)


@pytest.mark.parametrize("damage", ["truncate", "tamper", "garbage", "empty"])
def test_a_corrupt_or_truncated_entry_is_executed_again_not_served(cache, damage):
    code = "print('the real output')\n"
    exec_cache.run_block(code, lang="en", filename="x.py", where="p.md")
    (entry,) = cache.rglob("*.json")
    raw = entry.read_text(encoding="utf-8")
    entry.write_text({"truncate": raw[: len(raw) // 2],
                      "tamper": raw.replace("the real output", "a forged output"),
                      "garbage": "\x00\x01 not json",
                      "empty": ""}[damage], encoding="utf-8")
    exec_cache.STATS.__init__()
    assert exec_cache.run_block(code, lang="en", filename="x.py", where="p.md") == "the real output\n"
    assert (exec_cache.STATS.executed, exec_cache.STATS.reused) == (1, 0)
    assert json.loads(entry.read_text(encoding="utf-8"))["output"] == "the real output\n"


def test_a_failing_block_names_page_file_and_line_and_is_not_cached(cache):
    code = "x = 1\ny = 2\nraise ZeroDivisionError('boom')\n"
    with pytest.raises(exec_cache.BlockError) as info:
        exec_cache.run_block(code, lang="en", filename="docs/snippets/ch9/broken.py", where="ch9/page.md")
    message = str(info.value)
    assert "ch9/page.md" in message and "docs/snippets/ch9/broken.py, line 3" in message and "boom" in message
    assert not list(cache.rglob("*.json"))


def test_prune_keeps_what_the_build_used(cache):
    for n in range(3):
        exec_cache.run_block(f"print({n})\n", lang="en", filename="x.py", where="p.md")
    exec_cache.run_block("print('zh')\n", lang="zh", filename="x.py", where="p.md")
    keep = exec_cache.block_key("print(1)\n", lang="en", filename="x.py")
    assert exec_cache.prune("en", {keep}) == 2
    assert sorted(p.stem for p in (cache / "en").rglob("*.json")) == [keep]
    assert len(list((cache / "zh").rglob("*.json"))) == 1  # the other language is left alone


def test_bypass_modes(cache, monkeypatch):
    monkeypatch.setenv("MLNOTES_EXEC_CACHE", "off")
    exec_cache.run_block("print(1)\n", lang="en", filename="x.py", where="p.md")
    assert not cache.exists() or not list(cache.rglob("*.json"))
    monkeypatch.setenv("MLNOTES_EXEC_CACHE", "refresh")
    exec_cache.run_block("print(1)\n", lang="en", filename="x.py", where="p.md")
    exec_cache.run_block("print(1)\n", lang="en", filename="x.py", where="p.md")
    assert exec_cache.STATS.executed == 3 and len(list(cache.rglob("*.json"))) == 1
    monkeypatch.setenv("MLNOTES_EXEC_CACHE", "sometimes")
    with pytest.raises(ValueError, match="MLNOTES_EXEC_CACHE must be one of on, off, refresh; got 'sometimes'"):
        exec_cache.run_block("print(1)\n", lang="en", filename="x.py", where="p.md")


def test_the_key_covers_versions_fonts_and_imported_distributions():
    fingerprint = exec_cache.environment_fingerprint()
    assert {"python", "numpy", "matplotlib", "markdown-exec", "cjk-font", "runner"} <= set(fingerprint)
    deps = exec_cache.dependencies("import jieba\nfrom sklearn.datasets import load_digits\nimport json\n")
    assert set(deps.distributions) == {"jieba", "scikit-learn"}
    deps = exec_cache.dependencies("from mlnotes.linear_model import LinearRegression\n")
    assert {"mlnotes", "mlnotes.linear_model", "mlnotes._validation"} <= set(deps.modules)
    assert "numpy" in deps.distributions


def test_relative_imports_resolve(tmp_path):
    pkg = tmp_path / "mlnotes"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from .sub import b\n")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "sub" / "b.py").write_text("from ..c import f\n")
    (pkg / "c.py").write_text("def f():\n    return 1\n")
    (pkg / "unused.py").write_text("")
    deps = exec_cache.dependencies("from mlnotes.a import x\n", package_root=pkg)
    assert set(deps.modules) == {"mlnotes", "mlnotes.a", "mlnotes.sub", "mlnotes.sub.b", "mlnotes.c"}
