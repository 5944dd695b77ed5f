"""Tests for mlnotes.sequence: AR(p) least squares and the n-gram next-item model."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.linear_model import LinearRegression as SkLinearRegression

from mlnotes._validation import NotFittedError
from mlnotes.book.data import make_viewing_histories
from mlnotes.datasets import make_ar_series, make_seasonal_series
from mlnotes.sequence import BOS, EOS, AutoRegressive, NGramModel


# ------------------------------------------------------------------------------------- AR(p)
@pytest.mark.parametrize("coef", [(0.6, -0.3), (0.5,), (0.3, 0.2, -0.25)])
def test_ar_recovers_simulated_coefficients(coef):
    y = make_ar_series(coef, 4000, intercept=1.5, noise=1.0, random_state=0)
    model = AutoRegressive(order=len(coef)).fit(y)
    np.testing.assert_allclose(model.coef_, coef, atol=0.05)
    assert model.intercept_ == pytest.approx(1.5, abs=0.15)
    assert model.sigma2_ == pytest.approx(1.0, abs=0.1)


def test_ar_equals_least_squares_on_the_lag_matrix():
    y = make_ar_series((0.4, 0.3), 300, noise=2.0, random_state=1)
    p = 3
    lags = np.column_stack([y[p - i - 1:len(y) - i - 1] for i in range(p)])  # y_{t-1}, y_{t-2}, y_{t-3}
    ref = SkLinearRegression().fit(lags, y[p:])
    model = AutoRegressive(order=p).fit(y)
    np.testing.assert_allclose(model.coef_, ref.coef_, atol=1e-10)
    assert model.intercept_ == pytest.approx(ref.intercept_, abs=1e-10)
    no_b = AutoRegressive(order=p, fit_intercept=False).fit(y)
    np.testing.assert_allclose(no_b.coef_, np.linalg.lstsq(lags, y[p:], rcond=None)[0], atol=1e-10)
    assert no_b.intercept_ == 0.0


def test_ar_recursive_forecast_by_hand():
    y = make_ar_series((0.6, -0.3), 200, intercept=2.0, random_state=2)
    model = AutoRegressive(order=2).fit(y)
    c, (a1, a2) = model.intercept_, model.coef_
    f1 = c + a1 * y[-1] + a2 * y[-2]
    f2 = c + a1 * f1 + a2 * y[-1]
    f3 = c + a1 * f2 + a2 * f1
    np.testing.assert_allclose(model.predict(3), [f1, f2, f3], rtol=1e-12)
    # far ahead the forecast settles at the process mean c / (1 - a1 - a2)
    assert model.predict(200)[-1] == pytest.approx(c / (1 - a1 - a2), rel=1e-6)
    h = np.array([0.0, 1.0])
    assert model.predict(1, history=h)[0] == pytest.approx(c + a1 * 1.0 + a2 * 0.0)


def test_ar2_is_exact_for_a_sine_wave():
    # sin(w t) = 2 cos(w) sin(w (t-1)) - sin(w (t-2)): an AR(2) without intercept
    _, y = make_seasonal_series(60, period=12.0, trend=0.0, noise=0.0, amplitude=2.0)
    model = AutoRegressive(order=2, fit_intercept=False).fit(y)
    np.testing.assert_allclose(model.coef_, [2 * np.cos(2 * np.pi / 12), -1.0], atol=1e-10)
    future = 2.0 * np.sin(2 * np.pi * np.arange(60, 84) / 12)
    np.testing.assert_allclose(model.predict(24), future, atol=1e-8)


def test_make_seasonal_series_formula():
    t, y = make_seasonal_series(48, period=12, trend=0.1, amplitude=3.0, noise=0.0, level=5.0)
    np.testing.assert_allclose(y, 5.0 + 0.1 * t + 3.0 * np.sin(2 * np.pi * t / 12))
    _, noisy = make_seasonal_series(48, random_state=0)
    _, again = make_seasonal_series(48, random_state=0)
    np.testing.assert_array_equal(noisy, again)


def test_make_ar_series_rejects_non_stationary_coefficients():
    with pytest.raises(ValueError, match="non-stationary"):
        make_ar_series((1.0,), 10)
    with pytest.raises(ValueError, match="non-stationary"):
        make_ar_series((0.5, 0.6), 10)


@settings(max_examples=30, deadline=None)
@given(p=st.integers(1, 4), n=st.integers(12, 80), seed=st.integers(0, 10**6))
def test_ar_properties(p, n, seed):
    y = np.random.default_rng(seed).normal(size=n).cumsum()
    model = AutoRegressive(order=p).fit(y)
    # shifting the series by a constant changes only the intercept
    shifted = AutoRegressive(order=p).fit(y + 10.0)
    np.testing.assert_allclose(shifted.coef_, model.coef_, atol=1e-6)
    np.testing.assert_allclose(shifted.predict(3), model.predict(3) + 10.0, atol=1e-5)
    assert model.predict(5).shape == (5,) and model.sigma2_ >= 0


def test_ar_rejects_bad_input():
    with pytest.raises(NotFittedError):
        AutoRegressive().predict(2)
    with pytest.raises(ValueError, match="order must be >= 1"):
        AutoRegressive(order=0).fit(np.arange(10.0))
    with pytest.raises(ValueError, match="too short for AR\\(3\\); need at least 7"):
        AutoRegressive(order=3).fit(np.arange(6.0))
    with pytest.raises(ValueError, match="must be a 1D series"):
        AutoRegressive().fit(np.zeros((10, 2)))
    with pytest.raises(ValueError, match="NaN"):
        AutoRegressive().fit([1.0, np.nan, 2.0, 3.0])
    model = AutoRegressive(order=2).fit(np.sin(np.arange(20.0)))
    with pytest.raises(ValueError, match="steps must be >= 1"):
        model.predict(0)
    with pytest.raises(ValueError, match="history has 1 values; AR\\(2\\) needs at least 2"):
        model.predict(1, history=[1.0])


# ------------------------------------------------------------------------------ n-gram model
HISTORIES = [["Fast & Furious 1", "Fast & Furious 2", "Fast & Furious 3"],
             ["Fast & Furious 1", "Fast & Furious 2"],
             ["Fast & Furious 1", "Titanic"],
             ["Titanic", "Fast & Furious 1"]]


def test_bigram_probabilities_by_hand():
    model = NGramModel(n=2).fit(HISTORIES)
    assert model.classes_ == ["Fast & Furious 1", "Fast & Furious 2", "Fast & Furious 3", "Titanic", EOS]
    proba = dict(zip(model.classes_, model.predict_proba(["Fast & Furious 1"]), strict=True))
    # after part 1: part 2 twice, Titanic once, end once (4 occurrences)
    assert proba == {"Fast & Furious 1": 0.0, "Fast & Furious 2": 0.5, "Fast & Furious 3": 0.0,
                     "Titanic": 0.25, EOS: 0.25}
    assert model.predict(["Fast & Furious 1"]) == "Fast & Furious 2"
    assert model.predict(["Titanic", "Fast & Furious 2"]) == "Fast & Furious 3"  # only the last item counts
    # first item of a history: 3 of 4 start with part 1
    assert model.predict_proba([])[0] == pytest.approx(0.75)
    np.testing.assert_array_equal(model.counts_[(BOS,)], [3, 0, 0, 1, 0])


def test_laplace_smoothing_formula():
    model = NGramModel(n=2, smoothing=1.0).fit(HISTORIES)
    V = len(model.classes_)
    p = model.predict_proba(["Fast & Furious 1"])
    np.testing.assert_allclose(p, (np.array([0, 2, 0, 1, 1]) + 1) / (4 + V))
    assert p.sum() == pytest.approx(1.0)


def test_backoff_to_the_longest_seen_suffix():
    model = NGramModel(n=3).fit(HISTORIES)
    # ("Titanic", "Fast & Furious 2") never occurs: back off to ("Fast & Furious 2",)
    np.testing.assert_allclose(model.predict_proba(["Titanic", "Fast & Furious 2"]),
                               model.counts_[("Fast & Furious 2",)] / 2)
    # an unknown item backs off to the unigram distribution
    unigram = model.counts_[()]
    np.testing.assert_allclose(model.predict_proba(["Casablanca", "Casablanca"]), unigram / unigram.sum())


def test_character_language_model():
    model = NGramModel(n=3, smoothing=0.0).fit(["banana", "bandana", "ban"])
    assert model.classes_ == ["a", "b", "d", "n", EOS]
    assert model.predict("ba") == "n"
    # "an" is followed by a (banana x2, bandana x1), d (bandana), end (ban)
    np.testing.assert_allclose(model.predict_proba("ban"), [3 / 5, 0, 1 / 5, 0, 1 / 5])
    text = model.generate(50, context="b", random_state=0)
    assert set(text) <= set("abdn") and len(text) <= 50
    assert text == model.generate(50, context="b", random_state=0)
    # every generated trigram was seen in training
    seen = {g for w in ["banana", "bandana", "ban"] for g in zip(w, w[1:], w[2:], strict=False)}
    s = "b" + "".join(text)
    assert all(g in seen for g in zip(s, s[1:], s[2:], strict=False))


def test_perplexity_by_hand():
    model = NGramModel(n=2).fit(["ab"])
    assert model.perplexity(["ab"]) == pytest.approx(1.0)  # every transition is certain
    model = NGramModel(n=2).fit(["ab", "ac"])
    # P(a|<s>) = 1, P(b|a) = 1/2, P(</s>|b) = 1: perplexity = (1/2)^(-1/3)
    assert model.perplexity(["ab"]) == pytest.approx(2 ** (1 / 3))
    assert model.perplexity(["ba"]) == math.inf
    assert model.perplexity(["az"]) == math.inf  # unknown token
    smooth = NGramModel(n=2, smoothing=0.5).fit(["ab", "ac"])
    assert 1.0 < smooth.perplexity(["ba"]) < math.inf


def _counts_by_hand(seqs, n):
    c = Counter()
    for s in seqs:
        padded = [BOS] * (n - 1) + list(s) + [EOS]
        for i in range(n - 1, len(padded)):
            c[(tuple(padded[i - n + 1:i]), padded[i])] += 1
    return c


@settings(max_examples=30, deadline=None)
@given(seqs=st.lists(st.lists(st.integers(0, 4), max_size=8), min_size=1, max_size=6),
       n=st.integers(1, 4))
def test_ngram_counts_equal_direct_counting(seqs, n):
    model = NGramModel(n=n).fit(seqs)
    expected = _counts_by_hand(seqs, n)
    got = {(ctx, model.classes_[j]): c for ctx, row in model.counts_.items() if len(ctx) == n - 1
           for j, c in enumerate(row) if c}
    assert got == expected
    for ctx in list(model.counts_)[:10]:
        p = model.predict_proba(list(ctx))
        assert p.sum() == pytest.approx(1.0) and (p >= 0).all()


def test_viewing_histories_follow_sequels():
    histories = make_viewing_histories(300, random_state=0)
    assert histories == make_viewing_histories(300, random_state=0)
    model = NGramModel(n=2).fit(histories)
    for part in (1, 2, 3):
        assert model.predict([f"Fast & Furious {part}"]) == f"Fast & Furious {part + 1}"


def test_ngram_rejects_bad_input():
    with pytest.raises(NotFittedError):
        NGramModel().predict_proba(["a"])
    with pytest.raises(TypeError, match="sequences must be a list of sequences"):
        NGramModel().fit("some text")
    with pytest.raises(ValueError, match="sequences is empty"):
        NGramModel().fit([])
    with pytest.raises(TypeError, match="sequence 1 must be a sequence of tokens"):
        NGramModel().fit([["a"], 3])
    with pytest.raises(ValueError, match="reserved for padding"):
        NGramModel().fit([["a", EOS]])
    with pytest.raises(TypeError, match="unhashable token"):
        NGramModel().fit([[["a"]]])
    with pytest.raises(ValueError, match="n must be >= 1"):
        NGramModel(n=0).fit(["ab"])
    with pytest.raises(ValueError, match="smoothing must be >= 0"):
        NGramModel(smoothing=-1.0).fit(["ab"])
    model = NGramModel().fit(["ab"])
    with pytest.raises(TypeError, match="context must be a sequence of tokens"):
        model.predict_proba(5)
    with pytest.raises(TypeError, match="context contains an unhashable token"):
        model.predict_proba([["a"]])
    with pytest.raises(ValueError, match="n_tokens must be >= 0"):
        model.generate(-1)
