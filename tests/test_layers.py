"""The three layers of the design (library, book, site) hold, read off the import graph.

Every ``import`` and ``from ... import`` statement of every module under ``mlnotes/`` (at any
depth: function-level imports count too) is resolved to an absolute module name with ``ast``,
so the rules below cannot be dodged by a lazy import:

* the library (``mlnotes`` outside ``mlnotes.book``) imports only the standard library, numpy
  and itself; never the book, the site (``tools``, MkDocs, markdown) or matplotlib;
* ``mlnotes.nn`` never imports ``mlnotes.rl`` (reinforcement learning builds on networks, not
  the reverse);
* the book imports the library, numpy and matplotlib, never the site;
* no module imports a private name (``_name``) from a module of another package;
* ``tools/`` (the site) may import everything; the library and the book never import it.
"""
from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "mlnotes"

# scikit-learn is imported only inside ``BaseEstimator.__sklearn_tags__``, which only scikit-learn calls
# (tests/test_sklearn_checks.py proves that importing and using mlnotes does not import it).
LIBRARY_EXCEPTIONS = {"mlnotes.base": {"sklearn"}}
STDLIB = set(sys.stdlib_module_names)


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def package_of(module: str, path: Path) -> str:
    """The package a module belongs to (itself for an ``__init__``)."""
    return module if path.name == "__init__.py" else module.rsplit(".", 1)[0]


def imports(path: Path) -> list[tuple[str, list[str], int]]:
    """(imported module, names imported from it, line) for every import statement of ``path``."""
    module = module_name(path)
    package = package_of(module, path)
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, [], node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names = [alias.name for alias in node.names]
            found.append((target, names, node.lineno))
            # ``from . import conv`` imports the module mlnotes.nn.conv
            found += [(f"{target}.{n}", [], node.lineno) for n in names
                      if (ROOT / Path(*f"{target}.{n}".split("."))).with_suffix(".py").exists()]
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


def is_book(module: str) -> bool:
    return module == "mlnotes.book" or module.startswith("mlnotes.book.")


def test_the_graph_is_read():
    """The parser sees the edges it must see (so the rules below are not vacuous)."""
    edges = {(module_name(p), target) for p in MODULES for target, _, _ in imports(p)}
    assert ("mlnotes.nn.conv_layers", "mlnotes.nn.conv") in edges
    assert ("mlnotes.book.cnn", "mlnotes.nn") in edges
    assert ("mlnotes.book.render", "matplotlib.pyplot") in edges
    assert len(MODULES) > 40


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_layer_rules(path):
    module = module_name(path)
    problems = []
    for target, names, line in imports(path):
        top = target.split(".")[0]
        where = f"{path.relative_to(ROOT)}:{line} imports {target}"
        if top in ("tools", "mkdocs", "markdown", "markdown_exec", "pymdownx", "mkdocstrings", "griffe"):
            problems.append(f"{where}: the site layer")
        if not is_book(module):
            if is_book(target):
                problems.append(f"{where}: the library never imports the book")
            elif top not in STDLIB and top not in ("numpy", "mlnotes", "__future__") \
                    and top not in LIBRARY_EXCEPTIONS.get(module, set()):
                problems.append(f"{where}: the library imports only numpy and itself")
        else:
            if top not in STDLIB and top not in ("numpy", "matplotlib", "mlnotes", "__future__", "PIL"):
                problems.append(f"{where}: the book imports the library, numpy and matplotlib")
        if module.startswith("mlnotes.nn") and target.startswith("mlnotes.rl"):
            problems.append(f"{where}: nn never imports rl")
        if target.startswith("mlnotes"):
            target_package = target if (ROOT / Path(*target.split(".")) / "__init__.py").exists() \
                else target.rsplit(".", 1)[0]
            importer_package = package_of(module, path)
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            if private and target_package != importer_package:
                problems.append(f"{where}: private names {private} of another package")
    assert not problems, "\n".join(problems)


def test_the_rules_catch_a_violation(tmp_path, monkeypatch):
    """A library module importing the book, or nn importing rl or a private name, is reported."""
    fake = tmp_path / "mlnotes" / "nn" / "bad.py"
    fake.parent.mkdir(parents=True)
    fake.write_text("from ..book.render import figure\nfrom ..rl import DQN\nfrom ..cluster import _lloyd\n"
                    "import matplotlib\n", encoding="utf-8")
    (tmp_path / "mlnotes" / "__init__.py").write_text("")
    (tmp_path / "mlnotes" / "nn" / "__init__.py").write_text("")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    with pytest.raises(AssertionError) as info:
        test_layer_rules(fake)
    message = str(info.value)
    for expected in ("never imports the book", "nn never imports rl", "private names ['_lloyd']",
                     "imports only numpy and itself"):
        assert expected in message
