"""The exercises at the end of each chapter page: every answer snippet runs in both languages, every
answer is checked against an independent reference, and zh/en pages carry the same exercises.

Chapters 1-2 are checked here (top half: one test function per exercise snippet, named
``test_<chN>_ex_<page>_<N>``); chapters 3-4 in tests/test_exercises_ch34.py. The shared infrastructure
(discovery, the run in both languages, the parity of the pages) is at the bottom of this file.
"""
from __future__ import annotations

import numpy as np
import pytest

from exercise_helpers import (
    LANGS, ROOT, SNIPPETS, EXERCISES, SUMMARY, chapter_pages, defined_test_functions, exercise_snippets,
    exercise_test_name, page_exercise_structure, run_exercise, run_snippet_subprocess,
)


# --- chapter 1 ---------------------------------------------------------------------------------


# --- chapter 2 ---------------------------------------------------------------------------------


# --- shared: every exercise snippet, every chapter page ------------------------------------------

@pytest.mark.parametrize("snippet", exercise_snippets(), ids=lambda p: f"{p.parent.name}/{p.stem}")
@pytest.mark.parametrize("lang", LANGS)
def test_exercise_snippet_runs_and_prints_in_both_languages(snippet, lang):
    out = run_snippet_subprocess(snippet, lang)
    assert out.strip(), f"{snippet.relative_to(ROOT)} prints nothing in {lang}"
    if lang == "zh":
        assert any("\u4e00" <= ch <= "\u9fff" for ch in out), f"{snippet.relative_to(ROOT)}: zh output has no Chinese"


def test_every_exercise_snippet_has_a_test_function():
    defined = defined_test_functions()
    missing = [exercise_test_name(s) for s in exercise_snippets() if exercise_test_name(s) not in defined]
    assert not missing, f"exercise snippets without a test function: {missing}"


def test_every_exercise_snippet_is_included_by_exactly_one_page_per_language():
    for lang in LANGS:
        included: dict[str, list[str]] = {}
        for page in chapter_pages(lang):
            for snippet in page_exercise_structure(page.read_text(encoding="utf-8"), lang)["snippets"]:
                included.setdefault(snippet, []).append(page.relative_to(ROOT).as_posix())
        for snippet in exercise_snippets():
            key = f"{snippet.parent.name}/{snippet.name}"
            pages = included.get(key, [])
            assert len(pages) == 1, f"{key} is included by {len(pages)} {lang} pages: {pages}"
        for key in included:
            assert (SNIPPETS / key).is_file(), f"{lang} page includes a missing exercise snippet {key}"


PAGES = [p.relative_to(ROOT / "docs" / "zh").as_posix() for p in chapter_pages("zh")]


@pytest.mark.parametrize("page", PAGES)
def test_zh_and_en_page_end_with_summary_and_the_same_exercises(page):
    zh_text = (ROOT / "docs" / "zh" / page).read_text(encoding="utf-8")
    en_text = (ROOT / "docs" / "en" / page).read_text(encoding="utf-8")
    zh, en = page_exercise_structure(zh_text, "zh"), page_exercise_structure(en_text, "en")
    if EXERCISES["zh"] not in zh_text and EXERCISES["en"] not in en_text:
        pytest.xfail(f"{page} has no summary and exercises yet")
    for lang, s in (("zh", zh), ("en", en)):
        assert s["last_two_h2"] == [SUMMARY[lang], EXERCISES[lang]], \
            f"{lang}/{page} must end with {SUMMARY[lang]!r} then {EXERCISES[lang]!r}, has {s['last_two_h2']}"
        assert 2 <= len(s["questions"]) <= 4, f"{lang}/{page}: {len(s['questions'])} exercises (2-4 wanted)"
        assert s["questions"] == list(range(1, len(s["questions"]) + 1)), f"{lang}/{page}: numbering {s['questions']}"
        assert s["solutions"] == len(s["questions"]), f"{lang}/{page}: {s['solutions']} answers for {len(s['questions'])} exercises"
        chapter, stem = page.split("/")[0], page.split("/")[1].removesuffix(".md")
        assert s["snippets"] == [f"{chapter}/ex_{stem}_{n}.py" for n in s["questions"]], \
            f"{lang}/{page}: answer snippets {s['snippets']}"
    assert zh["questions"] == en["questions"] and zh["snippets"] == en["snippets"], f"{page}: zh and en exercises differ"
    summary = zh_text.split(SUMMARY["zh"])[1].split(EXERCISES["zh"])[0]
    bullets = [line for line in summary.splitlines() if line.startswith("- ")]
    assert 3 <= len(bullets) <= 6, f"zh/{page}: summary has {len(bullets)} bullet points (3-6 wanted)"
    summary = en_text.split(SUMMARY["en"])[1].split(EXERCISES["en"])[0]
    assert len([line for line in summary.splitlines() if line.startswith("- ")]) == len(bullets), \
        f"{page}: zh and en summaries have different numbers of bullet points"
