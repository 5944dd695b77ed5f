"""Rosenblatt's perceptron: hand-traced updates, AND/OR, XOR failure, labels, bad input."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from sklearn.linear_model import Perceptron as SkPerceptron

from mlnotes._validation import ConvergenceWarning, NotFittedError
from mlnotes.nn import Perceptron

X_BOOL = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])


def test_and_hand_traced():
    # Zero start, eta = 1, fixed order, step(0) = 1. Traced by hand:
    # epoch 1: (0,0) b=-1; (1,1) w=(1,1), b=0                       -> 2 mistakes
    # epoch 2: (0,0) b=-1; (0,1) w=(1,0), b=-2; (1,1) w=(2,1), b=-1 -> 3
    # epoch 3: (0,1) w=(2,0), b=-2; (1,0) w=(1,0), b=-3; (1,1) w=(2,1), b=-2 -> 3
    # epoch 4: (1,0) w=(1,1), b=-3; (1,1) w=(2,2), b=-2             -> 2
    # epoch 5: (0,1) w=(2,1), b=-3                                  -> 1
    # epoch 6: no mistakes
    clf = Perceptron(shuffle=False).fit(X_BOOL, [0, 0, 0, 1])
    np.testing.assert_array_equal(clf.errors_, [2, 3, 3, 2, 1, 0])
    np.testing.assert_array_equal(clf.coef_, [[2.0, 1.0]])
    np.testing.assert_array_equal(clf.intercept_, [-3.0])
    assert clf.n_iter_ == 6 and clf.converged_


@pytest.mark.parametrize("name, y", [("AND", [0, 0, 0, 1]), ("OR", [0, 1, 1, 1]), ("NAND", [1, 1, 1, 0])])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_learns_linearly_separable_gates(name, y, seed):
    with warnings.catch_warnings():
        warnings.simplefilter("error", ConvergenceWarning)
        clf = Perceptron(random_state=seed).fit(X_BOOL, y)
    assert clf.converged_ and clf.errors_[-1] == 0
    np.testing.assert_array_equal(clf.predict(X_BOOL), y)
    assert clf.score(X_BOOL, y) == 1.0


def test_fails_on_xor_and_warns():
    y = [0, 1, 1, 0]
    with pytest.warns(ConvergenceWarning, match="did not converge in max_iter=200"):
        clf = Perceptron(max_iter=200, random_state=0).fit(X_BOOL, y)
    assert not clf.converged_ and clf.n_iter_ == 200
    assert (clf.errors_ > 0).all()
    # no line separates XOR: at most 3 of the 4 points can be right
    assert clf.score(X_BOOL, y) <= 0.75


@pytest.mark.parametrize("labels", [(-1, 1), (0, 1), ("no", "yes"), (3, 7)])
def test_any_two_labels(labels):
    y = np.array([labels[0], labels[1], labels[1], labels[1]])  # OR
    clf = Perceptron(random_state=0).fit(X_BOOL, y)
    np.testing.assert_array_equal(clf.classes_, np.sort(np.array(labels)))
    np.testing.assert_array_equal(clf.predict(X_BOOL), y)


def test_separable_blobs_like_scikit_learn():
    rng = np.random.default_rng(0)
    X = np.vstack([rng.normal(-3, 1, size=(50, 2)), rng.normal(3, 1, size=(50, 2))])
    y = np.repeat([0, 1], 50)
    ours = Perceptron(random_state=0).fit(X, y)
    ref = SkPerceptron(random_state=0).fit(X, y)
    assert ours.converged_
    assert ours.score(X, y) == ref.score(X, y) == 1.0
    # the learned boundary separates the data: all margins positive in the +-1 coding
    margins = (2 * y - 1) * ours.decision_function(X)
    assert (margins >= 0).all()


def test_scale_of_eta_does_not_change_predictions():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(30, 3))
    y = (X @ [1.0, -2.0, 0.5] > 0.2).astype(int)
    a = Perceptron(eta0=1.0, random_state=3).fit(X, y)
    b = Perceptron(eta0=0.01, random_state=3).fit(X, y)
    np.testing.assert_allclose(b.coef_, 0.01 * a.coef_)
    np.testing.assert_array_equal(a.predict(X), b.predict(X))


def test_bad_input():
    with pytest.raises(ValueError, match="at most 2 classes, but y contains 3"):
        Perceptron().fit(X_BOOL, [0, 1, 2, 1])
    with pytest.raises(ValueError, match=r"y must be 1D, got array of shape \(4, 2\)"):
        Perceptron().fit(X_BOOL, np.zeros((4, 2)))
    with pytest.raises(ValueError, match="X contains NaN"):
        Perceptron().fit([[0.0, np.nan], [1.0, 1.0]], [0, 1])
    with pytest.raises(ValueError, match="max_iter must be >= 1"):
        Perceptron(max_iter=0).fit(X_BOOL, [0, 0, 0, 1])
    with pytest.raises(ValueError, match="eta0 must be > 0.0"):
        Perceptron(eta0=0.0).fit(X_BOOL, [0, 0, 0, 1])
    with pytest.raises(NotFittedError):
        Perceptron().predict(X_BOOL)
    clf = Perceptron(random_state=0).fit(X_BOOL, [0, 0, 0, 1])
    with pytest.raises(ValueError, match="X has 3 features, but Perceptron is expecting 2 features"):
        clf.predict(np.zeros((2, 3)))
    assert repr(Perceptron(max_iter=5)) == "Perceptron(max_iter=5)"
