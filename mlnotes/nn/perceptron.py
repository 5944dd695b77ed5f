r"""Rosenblatt's perceptron: a single neuron with a step activation and its learning rule.

For a sample $x$ with label $t \in \{0, 1\}$ the neuron predicts
$\hat t = \mathrm{step}(w^\top x + b)$ and, only when it is wrong, moves
the boundary towards the sample:

$$
w \leftarrow w + \eta\,(t - \hat t)\,x, \qquad b \leftarrow b + \eta\,(t - \hat t).
$$

If the two classes are linearly separable, the perceptron convergence theorem
guarantees an epoch without mistakes after finitely many updates; on XOR no
line separates the classes and the rule cycles forever.

References
----------
Rosenblatt, "The perceptron: a probabilistic model for information storage and
organization in the brain", *Psychological Review* 65(6), 1958. Novikoff, "On
convergence proofs for perceptrons", 1962. Minsky & Papert, *Perceptrons*, 1969.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np

from .._validation import (
    ConvergenceWarning,
    check_array,
    check_bool,
    check_is_fitted,
    check_n_features,
    check_n_classes,
    check_random_state,
    check_scalar,
    check_X_y,
    encode_labels,
    float_errors_as_value_error,
)
from ..base import BaseEstimator, ClassifierMixin

__all__ = ["Perceptron"]


class Perceptron(ClassifierMixin, BaseEstimator):
    r"""Binary perceptron trained with Rosenblatt's rule, one sample at a time.

    Parameters
    ----------
    fit_intercept : bool
        Learn the bias $b$; if False the boundary passes through the origin.
    max_iter : int
        Maximum number of epochs (passes over the training data).
    eta0 : float
        Learning rate $\eta > 0$. Starting from zero weights, it only scales
        $w$ and $b$ and does not change the predictions.
    shuffle : bool
        Visit the samples in a new random order every epoch.
    random_state : int, numpy.random.Generator or None
        Seed of the shuffling.

    Attributes
    ----------
    classes_ : ndarray of shape (2,)
        The two labels (any two values, e.g. {0, 1} or {-1, 1}); ``classes_[1]``
        is the positive class.
    coef_ : ndarray of shape (1, n_features)
        The weights $w$ (shaped like scikit-learn's).
    intercept_ : ndarray of shape (1,)
        The bias $b$.
    n_iter_ : int
        Epochs run.
    converged_ : bool
        Whether an epoch passed without a single mistake.
    errors_ : ndarray of shape (n_iter_,)
        Number of mistakes (= updates) in each epoch.
    n_features_in_ : int
        Number of features seen in ``fit``.

    Notes
    -----
    Training stops after the first epoch with no mistakes (``converged_ = True``);
    if ``max_iter`` epochs pass without one, a ``ConvergenceWarning`` is issued —
    this always happens when the classes are not linearly separable, as for XOR.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    >>> clf = Perceptron(random_state=0).fit(X, [0, 0, 0, 1])  # AND
    >>> clf.predict(X), clf.converged_
    (array([0, 0, 0, 1]), True)
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     xor = Perceptron(max_iter=50, random_state=0).fit(X, [0, 1, 1, 0])
    >>> xor.converged_, xor.score(X, [0, 1, 1, 0]) < 1, caught[0].category.__name__
    (False, True, 'ConvergenceWarning')
    """

    _sklearn_tags = {"classifier_tags": {"multi_class": False}}  # a binary classifier

    def __init__(self, *, fit_intercept: bool = True, max_iter: int = 1000, eta0: float = 1.0,
                 shuffle: bool = True, random_state: Any = None) -> None:
        self.fit_intercept = fit_intercept
        self.max_iter = max_iter
        self.eta0 = eta0
        self.shuffle = shuffle
        self.random_state = random_state

    def fit(self, X: Any, y: Any) -> "Perceptron":
        """Learn ``w`` and ``b`` from ``X`` of shape (n_samples, n_features) and two-class ``y``."""
        check_scalar(self.max_iter, "max_iter", int, min_val=1)
        check_scalar(self.eta0, "eta0", min_val=0.0, include_min=False)
        check_bool(self.fit_intercept, "fit_intercept")
        check_bool(self.shuffle, "shuffle")
        X, y = check_X_y(X, y)
        classes, t = encode_labels(y)
        check_n_classes(classes, self, maximum=2)
        rng = check_random_state(self.random_state)
        n, d = X.shape
        t = t.astype(np.float64)  # targets in {0, 1}
        w, b = np.zeros(d), 0.0
        eta = float(self.eta0)
        errors: list[int] = []
        converged = False
        with float_errors_as_value_error("Perceptron.fit"):
            for _ in range(self.max_iter):
                # An epoch makes no update exactly when every sample is already right.
                if np.array_equal((X @ w + b >= 0).astype(np.float64), t):
                    errors.append(0)
                    converged = True
                    break
                order = rng.permutation(n) if self.shuffle else range(n)
                mistakes = 0
                for i in order:
                    x_i = X[i]
                    pred = 1.0 if x_i @ w + b >= 0 else 0.0  # step activation
                    delta = t[i] - pred  # -1, 0 or +1
                    if delta != 0.0:
                        w += eta * delta * x_i
                        if self.fit_intercept:
                            b += eta * delta
                        mistakes += 1
                errors.append(mistakes)
        if not converged:
            warnings.warn(f"Perceptron did not converge in max_iter={self.max_iter} epochs: every "
                          "epoch made mistakes (the classes may not be linearly separable).",
                          ConvergenceWarning, stacklevel=2)
        self.classes_ = classes
        self.coef_ = w.reshape(1, d)
        self.intercept_ = np.array([b])
        self.n_iter_ = len(errors)
        self.converged_ = converged
        self.errors_ = np.asarray(errors)
        self.n_features_in_ = d
        return self

    def decision_function(self, X: Any) -> np.ndarray:
        r"""Signed score $w^\top x + b$ of shape (n_samples,); positive means ``classes_[1]``."""
        check_is_fitted(self, "coef_")
        X = check_array(X)
        check_n_features(X, self)
        with float_errors_as_value_error("Perceptron.decision_function"):
            return X @ self.coef_[0] + self.intercept_[0]

    def predict(self, X: Any) -> np.ndarray:
        """Class labels of shape (n_samples,): ``classes_[step(w^T x + b)]``."""
        scores = self.decision_function(X)
        return self.classes_[(scores >= 0).astype(np.intp)]
