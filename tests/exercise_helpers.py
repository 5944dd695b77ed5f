"""Shared helpers for the exercise tests (tests/test_exercises.py: chapters 1-2, tests/test_exercises_ch34.py: 3-4).

Conventions (docs/zh and docs/en chapter pages):

* Each exercise is ``!!! question "练习 N"`` / ``!!! question "Exercise N"`` followed by a folded
  solution ``??? success "答案"`` / ``??? success "Answer"`` whose body is an executed block
  including one snippet ``docs/snippets/<chN>/<page>/ex_<N>.py`` (the same file in both languages).
* The snippet computes and prints the answer; the test function for it is named after the snippet,
  ``test_<chN>_ex_<page>_<N>`` (see :func:`exercise_test_name`), and checks the values the snippet computed
  (its module globals, see :func:`run_exercise`) against an independent reference.
"""
from __future__ import annotations

import ast
import contextlib
import io
import re
import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = DOCS / "snippets"
LANGS = ("zh", "en")
CHAPTERS = ("ch1", "ch2", "ch3", "ch4")
EXERCISE_TEST_MODULES = (ROOT / "tests" / "test_exercises.py", ROOT / "tests" / "test_exercises_ch34.py")

QUESTION = {"zh": re.compile(r'^!!! question "练习 (\d+)"', re.M),
            "en": re.compile(r'^!!! question "Exercise (\d+)"', re.M)}
SOLUTION = {"zh": re.compile(r'^\?\?\? success "答案"', re.M),
            "en": re.compile(r'^\?\?\? success "Answer"', re.M)}
SUMMARY = {"zh": "## 小结", "en": "## Summary"}
EXERCISES = {"zh": "## 练习", "en": "## Exercises"}
INCLUDE = re.compile(r'--8<-- "((ch\d)/([a-z0-9]+)/(ex_\d+)\.py)"')


def exercise_snippets() -> list[Path]:
    """Every exercise snippet, ``docs/snippets/<chN>/<page>/ex_<N>.py``, sorted."""
    return sorted(SNIPPETS.glob("*/*/ex_*.py"))


def snippet_name(snippet: Path) -> str:
    """``docs/snippets/ch1/overview/ex_1.py`` -> ``ch1/overview/ex_1`` (what [`run_exercise`][] takes)."""
    return snippet.relative_to(SNIPPETS).with_suffix("").as_posix()


def exercise_test_name(snippet: Path) -> str:
    """The name of the test function that checks ``snippet``: ``ch1/overview/ex_1.py`` -> ``test_ch1_ex_overview_1``."""
    return f"test_{snippet.parent.parent.name}_ex_{snippet.parent.name}_{snippet.stem.removeprefix('ex_')}"


def chapter_pages(lang: str) -> list[Path]:
    """The chapter pages of one language (``docs/<lang>/chN/*.md``)."""
    return sorted(p for ch in CHAPTERS for p in (DOCS / lang / ch).glob("*.md"))


def run_exercise(name: str, lang: str = "en") -> tuple[dict, str]:
    """Execute ``docs/snippets/<name>.py`` in this process in ``lang``; return (its globals, its stdout).

    ``name`` is ``"ch1/overview/ex_1"``. The globals hold the values the snippet computed, which the
    tests compare with an independent reference.
    """
    from mlnotes.book.i18n import language

    path = SNIPPETS / f"{name}.py"
    out = io.StringIO()
    with language(lang), contextlib.redirect_stdout(out):
        namespace = runpy.run_path(str(path), run_name="__main__")
    return namespace, out.getvalue()


def defined_test_functions() -> set[str]:
    """Names of the top-level test functions in the exercise test modules (read with ``ast``, not imported)."""
    names: set[str] = set()
    for module in EXERCISE_TEST_MODULES:
        if module.exists():
            tree = ast.parse(module.read_text(encoding="utf-8"))
            names |= {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
    return names


def page_exercise_structure(text: str, lang: str) -> dict:
    """Exercise numbers, solution count, included exercise snippets and section order of one page."""
    h2 = [re.sub(r"\s*\{[^}]*\}\s*$", "", line)  # without an attribute list ({#summary})
          for line in text.splitlines() if line.startswith("## ")]
    return {
        "questions": [int(n) for n in QUESTION[lang].findall(text)],
        "solutions": len(SOLUTION[lang].findall(text)),
        "snippets": [m.group(1) for m in INCLUDE.finditer(text)],
        "last_two_h2": h2[-2:],
    }
