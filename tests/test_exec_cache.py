"""The execution cache of the pages' code blocks (tools/hooks/exec_cache.py), without MkDocs.

What a block depends on is checked against an independent oracle: the ``mlnotes`` modules that
are really in ``sys.modules`` after running the block's imports in a fresh interpreter.
"""
from __future__ import annotations

import json
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
    exec_cache.STATS.__init__()
    return tmp_path / "cache"


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
