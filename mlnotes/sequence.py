r"""Sequence prediction: an autoregressive forecaster and an n-gram (Markov chain) next-item model.

The notes name three kinds of sequence problems: time-series forecasting, sequential
rules ("who watched part 1 watches part 2") and language models. An AR(p) model
handles the first; an n-gram model over arbitrary tokens (film titles, characters,
words) handles the other two.

References
----------
G. E. P. Box, G. M. Jenkins, G. C. Reinsel & G. M. Ljung, *Time Series Analysis:
Forecasting and Control*, 5th ed., Wiley, 2015, ch. 3.
D. Jurafsky & J. H. Martin, *Speech and Language Processing*, 3rd ed. draft, ch. 3
("N-gram Language Models").
"""

from __future__ import annotations

import numbers
from collections.abc import Hashable, Iterable, Sequence
from typing import Any

import numpy as np

from ._validation import (check_array, check_bool, check_is_fitted, check_random_state, check_scalar,
                          float_errors_as_value_error)
from .base import BaseEstimator

__all__ = ["BOS", "EOS", "AutoRegressive", "NGramModel"]

BOS = "<s>"
"""Padding token before the first item of a sequence (context only, never predicted)."""

EOS = "</s>"
"""Token predicted after the last item of a sequence."""


def _as_series(y: Any, name: str = "y") -> np.ndarray:
    y = check_array(y, name=name, ensure_2d=False)
    if y.ndim == 2 and y.shape[1] == 1:
        y = y.ravel()
    if y.ndim != 1:
        raise ValueError(f"{name} must be a 1D series, got an array of shape {y.shape}.")
    return y


class AutoRegressive(BaseEstimator):
    r"""Autoregressive model AR(p) fitted by least squares, with recursive multi-step forecasts.

    Parameters
    ----------
    order : int, default=1
        Number of lags $p$.
    fit_intercept : bool, default=True
        Learn the constant $c$.

    Attributes
    ----------
    coef_ : ndarray of shape (order,)
        $\phi_1, \dots, \phi_p$; ``coef_[i]`` multiplies $y_{t-1-i}$.
    intercept_ : float
        $c$ (0 when ``fit_intercept=False``).
    sigma2_ : float
        Mean squared one-step residual on the training series.
    last_values_ : ndarray of shape (order,)
        The last ``order`` training values, from which ``predict`` continues.

    Notes
    -----
    $$
    y_t = c + \sum_{i=1}^{p} \phi_i \, y_{t-i} + \varepsilon_t .
    $$

    The coefficients minimise $\sum_{t=p}^{n-1} \varepsilon_t^2$ (conditional
    least squares), a linear regression of $y_t$ on its ``p`` lags. A
    forecast ``h`` steps ahead feeds earlier forecasts back in as lags.

    References
    ----------
    Box, Jenkins, Reinsel & Ljung (2015), §3.2 and §7.1.

    Examples
    --------
    >>> import numpy as np
    >>> y = [1.0]
    >>> for _ in range(30):
    ...     y.append(0.5 * y[-1] + 1.0)   # y_t = 1 + 0.5 y_{t-1}, no noise
    >>> model = AutoRegressive(order=1).fit(y)
    >>> round(float(model.coef_[0]), 6), round(float(model.intercept_), 6)
    (0.5, 1.0)
    >>> model.predict(steps=2).round(6)
    array([2., 2.])
    """

    def __init__(self, *, order: int = 1, fit_intercept: bool = True) -> None:
        self.order = order
        self.fit_intercept = fit_intercept

    def fit(self, y: Any) -> AutoRegressive:
        """Fit the coefficients to the series ``y`` of shape (n_samples,)."""
        check_scalar(self.order, "order", int, min_val=1)
        check_bool(self.fit_intercept, "fit_intercept")
        y = _as_series(y)
        p = self.order
        n_params = p + bool(self.fit_intercept)
        if y.size - p < n_params:
            raise ValueError(f"A series of length {y.size} is too short for AR({p}); "
                             f"need at least {p + n_params} values.")
        lags = np.lib.stride_tricks.sliding_window_view(y[:-1], p)[:, ::-1]  # (n - p, p): y_{t-1} .. y_{t-p}
        target = y[p:]
        design = np.hstack([lags, np.ones((lags.shape[0], 1))]) if self.fit_intercept else lags
        with float_errors_as_value_error("AutoRegressive.fit (the residual variance sigma2_)"):
            w, *_ = np.linalg.lstsq(design, target, rcond=None)
            sigma2 = float(np.mean((target - design @ w) ** 2))
        self.coef_ = w[:p]
        self.intercept_ = float(w[p]) if self.fit_intercept else 0.0
        self.sigma2_ = sigma2
        self.last_values_ = y[-p:].copy()
        return self

    def predict(self, steps: int = 1, history: Any = None) -> np.ndarray:
        """Forecast the next ``steps`` values, shape (steps,).

        Continues the training series, or ``history`` (1D, at least ``order``
        values) when given.
        """
        check_is_fitted(self, "coef_")
        check_scalar(steps, "steps", int, min_val=1)
        p = self.order
        if history is None:
            window = self.last_values_
        else:
            history = _as_series(history, "history")
            if history.size < p:
                raise ValueError(f"history has {history.size} values; AR({p}) needs at least {p}.")
            window = history[-p:]
        buf = np.r_[window, np.zeros(steps)]
        with float_errors_as_value_error("AutoRegressive.predict"):
            for h in range(steps):
                buf[p + h] = self.intercept_ + self.coef_ @ buf[h:p + h][::-1]
        return buf[p:]


def _as_sequences(sequences: Any) -> list[list]:
    if isinstance(sequences, (str, bytes)) or not isinstance(sequences, Iterable):
        raise TypeError("sequences must be a list of sequences (e.g. ['some text'] or "
                        f"[['Film 1', 'Film 2']]), got {type(sequences).__name__}.")
    seqs = []
    for i, s in enumerate(sequences):
        if not isinstance(s, Iterable):
            raise TypeError(f"sequence {i} must be a sequence of tokens, got {s!r}.")
        seqs.append(list(s))
    if not seqs:
        raise ValueError("sequences is empty; expected at least one sequence.")
    return seqs


class NGramModel(BaseEstimator):
    r"""n-gram (order ``n - 1`` Markov chain) model of the next item of a sequence.

    Parameters
    ----------
    n : int, default=2
        Length of the n-grams: the next item depends on the previous ``n - 1``
        (``n=2``: a first-order Markov chain, bigrams).
    smoothing : float, default=0.0
        Additive (Lidstone) smoothing $\alpha \ge 0$; 1 is Laplace smoothing.

    Attributes
    ----------
    classes_ : list
        The items that can be predicted: every training token (sorted when
        comparable) followed by [`EOS`][mlnotes.sequence.EOS].
    counts_ : dict of tuple to ndarray of shape (n_classes,)
        For every context of length ``0 .. n - 1`` seen in training (``BOS``-padded
        at sequence starts), how often each class followed it.

    Notes
    -----
    Each sequence is padded as ``BOS * (n - 1) + tokens + EOS``. With the count
    $c(h, w)$ of item $w$ after context $h$ and $V$ classes,

    $$
    P(w \mid h) = \frac{c(h, w) + \alpha}{\sum_{w'} c(h, w') + \alpha V}.
    $$

    A context never seen in training backs off to its longest seen suffix (down to
    the empty context, the unigram distribution). Perplexity is
    $\exp(-\frac1T \sum_t \log P(w_t \mid h_t))$ over all predicted tokens,
    [`EOS`][mlnotes.sequence.EOS] included.

    References
    ----------
    Jurafsky & Martin, *Speech and Language Processing*, ch. 3.

    Examples
    --------
    >>> histories = [["Fast & Furious 1", "Fast & Furious 2", "Fast & Furious 3"],
    ...              ["Fast & Furious 1", "Fast & Furious 2"], ["Titanic", "Fast & Furious 1"]]
    >>> model = NGramModel(n=2).fit(histories)
    >>> model.predict(["Fast & Furious 1"])
    'Fast & Furious 2'
    >>> chars = NGramModel(n=3, smoothing=0.1).fit(["banana", "bandana"])
    >>> chars.predict("ba")
    'n'
    """

    def __init__(self, *, n: int = 2, smoothing: float = 0.0) -> None:
        self.n = n
        self.smoothing = smoothing

    def fit(self, sequences: Iterable[Sequence[Hashable]]) -> NGramModel:
        """Count the n-grams of ``sequences``, a list of sequences of hashable tokens (or strings)."""
        check_scalar(self.n, "n", int, min_val=1)
        check_scalar(self.smoothing, "smoothing", numbers.Real, min_val=0.0)
        seqs = _as_sequences(sequences)
        try:
            tokens = {tok for s in seqs for tok in s}
        except TypeError:
            bad = next(tok for s in seqs for tok in s if not isinstance(tok, Hashable))
            raise TypeError(f"sequences contain an unhashable token {bad!r}; tokens must be "
                            "hashable (str, int, tuple, ...).") from None
        if tokens & {BOS, EOS}:
            raise ValueError(f"tokens {BOS!r} and {EOS!r} are reserved for padding; rename them.")
        try:
            vocab = sorted(tokens)
        except TypeError:  # tokens of mixed types: first-seen order
            vocab = list(dict.fromkeys(tok for s in seqs for tok in s))
        self.classes_ = vocab + [EOS]
        index = {tok: i for i, tok in enumerate(self.classes_)}
        names = self.classes_ + [BOS]  # id len(classes_) is BOS, never predicted
        bos, k = len(self.classes_), self.n - 1
        grams = np.concatenate([  # (n_grams, n): context ids then the target id
            np.lib.stride_tricks.sliding_window_view(
                np.r_[[bos] * k, [index[t] for t in s], index[EOS]].astype(np.intp), self.n)
            for s in seqs])
        V = len(self.classes_)
        self.counts_ = {}
        for length in range(k + 1):  # contexts of every length, for back-off
            ctx = grams[:, k - length:k]  # (n_grams, length)
            uniq, inv = np.unique(ctx, axis=0, return_inverse=True)
            counts = np.zeros((len(uniq), V))
            np.add.at(counts, (inv.ravel(), grams[:, -1]), 1.0)
            for row, c in zip(uniq.tolist(), counts, strict=True):
                self.counts_[tuple(names[i] for i in row)] = c
        return self

    def _context(self, context: Any) -> tuple:
        if not isinstance(context, Iterable) or isinstance(context, bytes):
            raise TypeError(f"context must be a sequence of tokens (or a string), got {context!r}.")
        ctx = [BOS] * (self.n - 1) + list(context)
        ctx = tuple(ctx[len(ctx) - (self.n - 1):]) if self.n > 1 else ()
        try:
            hash(ctx)
        except TypeError:
            raise TypeError(f"context contains an unhashable token: {ctx!r}.") from None
        return ctx

    def predict_proba(self, context: Sequence[Hashable] = ()) -> np.ndarray:
        """Probabilities of each of ``classes_`` coming next, shape (n_classes,).

        ``context`` is the sequence so far (shorter than ``n - 1`` tokens means it
        starts a sequence); only its last ``n - 1`` tokens matter.
        """
        check_is_fitted(self, "counts_")
        ctx = self._context(context)
        for start in range(len(ctx) + 1):  # longest seen suffix first
            counts = self.counts_.get(ctx[start:])
            if counts is not None:
                break
        alpha = float(self.smoothing)
        return (counts + alpha) / (counts.sum() + alpha * counts.size)

    def predict(self, context: Sequence[Hashable] = ()) -> Hashable:
        """The most probable next item after ``context`` (the first of ``classes_`` on ties)."""
        proba = self.predict_proba(context)
        return self.classes_[int(np.argmax(proba))]

    def generate(self, n_tokens: int, *, context: Sequence[Hashable] = (),
                 random_state: Any = None) -> list:
        """Sample up to ``n_tokens`` items after ``context``, stopping early at [`EOS`][mlnotes.sequence.EOS]."""
        check_scalar(n_tokens, "n_tokens", int, min_val=0)
        check_is_fitted(self, "counts_")
        rng = check_random_state(random_state)
        self._context(context)  # a sequence of hashable tokens
        seq, out = list(context), []
        for _ in range(n_tokens):
            p = self.predict_proba(seq)
            tok = self.classes_[int(rng.choice(len(p), p=p))]
            if tok == EOS:
                break
            seq.append(tok)
            out.append(tok)
        return out

    def perplexity(self, sequences: Iterable[Sequence[Hashable]]) -> float:
        """Perplexity of the model on ``sequences`` (``inf`` if a token gets probability 0)."""
        check_is_fitted(self, "counts_")
        index = {tok: i for i, tok in enumerate(self.classes_)}
        probs = []
        for s in _as_sequences(sequences):
            for t, tok in enumerate(s + [EOS]):
                p = self.predict_proba(s[:t])
                probs.append(p[index[tok]] if tok in index else 0.0)
        probs = np.asarray(probs)
        if (probs <= 0).any():
            return float("inf")
        return float(np.exp(-np.mean(np.log(probs))))
