"""Splitters, cross_val_score and GridSearchCV vs scikit-learn; split invariants; bad input."""
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn import model_selection as sk
from sklearn.neighbors import KNeighborsClassifier as SkKNN

from mlnotes.base import clone
from mlnotes.datasets import make_blobs, make_moons
from mlnotes.linear_model import LinearRegression
from mlnotes.model_selection import GridSearchCV, KFold, StratifiedKFold, cross_val_score, train_test_split
from mlnotes.neighbors import KNeighborsClassifier


def _folds(splitter, X, y=None):
    return [(train.tolist(), test.tolist()) for train, test in splitter.split(X, y)]


@pytest.mark.parametrize("n", [5, 11, 23])
@pytest.mark.parametrize("k", [2, 3, 5])
def test_unshuffled_kfold_and_stratified_kfold_equal_scikit_learn(n, k):
    rng = np.random.default_rng(n * k)
    X = np.zeros((n, 1))
    assert _folds(KFold(k), X) == _folds(sk.KFold(k), X)
    y = rng.choice(["b", "a", "c"], size=n, p=[0.5, 0.3, 0.2])
    counts = np.unique(y, return_counts=True)[1]
    if counts.max() >= k:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # few members in a class
            assert _folds(StratifiedKFold(k), X, y) == _folds(sk.StratifiedKFold(k), X, y)


def test_shuffled_folds_partition_the_samples_reproducibly():
    X, y = make_blobs(37, centers=3, random_state=0)
    for splitter in (KFold(4, shuffle=True, random_state=1), StratifiedKFold(4, shuffle=True, random_state=1)):
        folds = _folds(splitter, X, y)
        tests = np.concatenate([test for _, test in folds])
        np.testing.assert_array_equal(np.sort(tests), np.arange(37))  # each sample tested once
        for train, test in folds:
            assert not set(train) & set(test) and len(train) + len(test) == 37
        assert sorted(len(test) for _, test in folds) == [9, 9, 9, 10]
        assert folds == _folds(splitter, X, y)  # same seed, same folds
        assert splitter.get_n_splits() == 4
    assert _folds(KFold(4, shuffle=True, random_state=1), X) != _folds(KFold(4), X)
    # stratified folds keep each class within one sample of its share
    for _, test in StratifiedKFold(4, shuffle=True, random_state=2).split(X, y):
        share = np.bincount(y[test], minlength=3)
        assert np.all(np.abs(share - np.bincount(y) / 4) <= 1)


def test_train_test_split_sizes_match_scikit_learn():
    for n in (4, 10, 33):
        X = np.arange(n)
        for test_size, train_size in [(None, None), (0.3, None), (None, 0.6), (3, None), (0.2, 0.5), (1, 2)]:
            ours = [len(a) for a in train_test_split(X, test_size=test_size, train_size=train_size, random_state=0)]
            ref = [len(a) for a in sk.train_test_split(X, test_size=test_size, train_size=train_size, random_state=0)]
            assert ours == ref


def test_train_test_split_contents():
    X = np.arange(20).reshape(10, 2)
    y = list("aabbaabbab")
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, random_state=3)
    assert isinstance(y_tr, list) and isinstance(X_tr, np.ndarray)
    np.testing.assert_array_equal(np.sort(np.concatenate([X_tr[:, 0], X_te[:, 0]])), X[:, 0])
    assert [y[i // 2] for i in X_te[:, 0]] == y_te  # rows stay paired
    again = train_test_split(X, y, test_size=0.3, random_state=3)
    np.testing.assert_array_equal(again[1], X_te)
    X_tr, X_te = train_test_split(X, shuffle=False, test_size=2)
    np.testing.assert_array_equal(X_te, X[8:])


def test_stratified_split_keeps_class_proportions():
    y = np.array([0] * 60 + [1] * 30 + [2] * 10)
    X = np.arange(100)
    for seed in range(5):
        X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=seed)
        np.testing.assert_array_equal(np.bincount(y_te), [12, 6, 2])
        np.testing.assert_array_equal(np.bincount(y_tr), [48, 24, 8])
        np.testing.assert_array_equal(y[X_te], y_te)


def test_cross_val_score_equals_scikit_learn():
    X, y = make_moons(90, noise=0.3, random_state=0)
    ours = cross_val_score(KNeighborsClassifier(n_neighbors=7), X, y, cv=5)
    ref = sk.cross_val_score(SkKNN(n_neighbors=7, algorithm="brute"), X, y, cv=5)
    np.testing.assert_allclose(ours, ref)
    ours = cross_val_score(KNeighborsClassifier(), X, y, cv=KFold(3, shuffle=False), scoring="f1_macro")
    ref = sk.cross_val_score(SkKNN(algorithm="brute"), X, y, cv=sk.KFold(3), scoring="f1_macro")
    np.testing.assert_allclose(ours, ref)


def test_cross_val_score_regression_and_custom_scoring():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 3))
    y = X @ [1.0, -2.0, 0.5] + rng.normal(scale=0.1, size=40)
    r2 = cross_val_score(LinearRegression(), X, y, cv=4)
    assert r2.shape == (4,) and np.all(r2 > 0.95)
    mse = cross_val_score(LinearRegression(), X, y, cv=4, scoring="neg_mean_squared_error")
    assert np.all(mse < 0) and np.all(-mse < 0.05)
    folds = [(np.arange(20, 40), np.arange(20)), (np.arange(20), np.arange(20, 40))]
    custom = cross_val_score(LinearRegression(), X, y, cv=folds, scoring=lambda est, X_, y_: float(len(y_)))
    np.testing.assert_array_equal(custom, [20.0, 20.0])


def test_cross_val_score_clones_the_estimator():
    X, y = make_blobs(30, centers=2, random_state=0)
    model = KNeighborsClassifier(n_neighbors=3)
    cross_val_score(model, X, y, cv=3)
    assert not hasattr(model, "classes_")
    copy = clone(model)
    assert copy is not model and copy.get_params() == model.get_params()


def test_grid_search_matches_scikit_learn():
    X, y = make_blobs(80, centers=3, cluster_std=3.0, random_state=4)
    grid = {"n_neighbors": [1, 5, 9, 15], "weights": ["uniform", "distance"]}
    ours = GridSearchCV(KNeighborsClassifier(), grid, cv=4).fit(X, y)
    ref = sk.GridSearchCV(SkKNN(algorithm="brute"), grid, cv=4).fit(X, y)
    assert ours.best_params_ == ref.best_params_
    assert ours.best_score_ == pytest.approx(ref.best_score_)
    order = [ref.cv_results_["params"].index(p) for p in ours.cv_results_["params"]]
    np.testing.assert_allclose(ours.cv_results_["mean_test_score"], ref.cv_results_["mean_test_score"][order])
    np.testing.assert_array_equal(ours.cv_results_["rank_test_score"], ref.cv_results_["rank_test_score"][order])
    np.testing.assert_array_equal(ours.predict(X), ref.predict(X))
    assert ours.best_estimator_.get_params()["n_neighbors"] == ref.best_params_["n_neighbors"]
    assert ours.score(X, y) == pytest.approx(ref.score(X, y))


def test_bad_input_is_explained():
    X = np.zeros((6, 1))
    with pytest.raises(ValueError, match="inconsistent numbers of samples: \\[6, 5\\]"):
        train_test_split(X, np.zeros(5))
    with pytest.raises(ValueError, match="test_size=1.5 as a float must be in \\(0, 1\\)"):
        train_test_split(X, test_size=1.5)
    with pytest.raises(ValueError, match="test_size=6 must be in \\[1, 5\\]"):
        train_test_split(X, test_size=6)
    with pytest.raises(ValueError, match="exceeds the 6 samples"):
        train_test_split(X, test_size=4, train_size=4)
    with pytest.raises(ValueError, match="empty"):
        train_test_split(np.zeros((0, 2)))
    with pytest.raises(ValueError, match="At least one array"):
        train_test_split()
    with pytest.raises(TypeError, match="must be array-like"):
        train_test_split(3)
    with pytest.raises(ValueError, match="shuffle=False"):
        train_test_split(X, stratify=[0, 0, 0, 1, 1, 1], shuffle=False)
    with pytest.raises(ValueError, match="least populated class .* only 1 member"):
        train_test_split(X, stratify=[0, 0, 0, 0, 0, 1])
    with pytest.raises(ValueError, match="n_splits must be >= 2"):
        list(KFold(1).split(X))
    with pytest.raises(ValueError, match="n_splits=7 greater than the number of samples: n_samples=6"):
        list(KFold(7).split(X))
    with pytest.raises(ValueError, match="random_state has no effect since shuffle is False"):
        list(KFold(3, random_state=0).split(X))
    with pytest.raises(ValueError, match="n_splits=4 cannot be greater than the number of members"):
        list(StratifiedKFold(4).split(X, [0, 0, 0, 1, 1, 1]))
    with pytest.warns(UserWarning, match="least populated class in y has only 2 members"):
        list(StratifiedKFold(3).split(X, [0, 0, 0, 0, 1, 1]))
    with pytest.raises(TypeError, match="needs the class labels y"):
        list(StratifiedKFold(2).split(X))
    with pytest.raises(ValueError, match="scoring must be None, a callable or one of"):
        cross_val_score(LinearRegression(), X, np.zeros(6), scoring="auc")
    with pytest.raises(TypeError, match="cv must be an int"):
        cross_val_score(LinearRegression(), X, np.zeros(6), cv=2.5)
    with pytest.raises(ValueError, match="Invalid parameter 'k' for KNeighborsClassifier"):
        GridSearchCV(KNeighborsClassifier(), {"k": [1]}).fit(X, [0, 1] * 3)
    with pytest.raises(ValueError, match="param_grid\\['n_neighbors'\\] is empty"):
        GridSearchCV(KNeighborsClassifier(), {"n_neighbors": []}).fit(X, [0, 1] * 3)
    with pytest.raises(ValueError, match="not fitted yet"):
        GridSearchCV(KNeighborsClassifier(), {"n_neighbors": [1]}).predict(X)
    with pytest.raises(TypeError, match="Cannot clone"):
        clone(object())


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 40), st.integers(2, 6), st.booleans(), st.integers(0, 2**32 - 1))
def test_property_kfold_partitions_the_samples(n, k, shuffle, seed):
    splitter = KFold(k, shuffle=shuffle, random_state=seed if shuffle else None)
    if k > n:
        with pytest.raises(ValueError, match="n_splits"):
            list(splitter.split(np.zeros((n, 1))))
        return
    folds = list(splitter.split(np.zeros((n, 1))))
    tests = np.concatenate([test for _, test in folds])
    np.testing.assert_array_equal(np.sort(tests), np.arange(n))
    sizes = [len(test) for _, test in folds]
    assert max(sizes) - min(sizes) <= 1
    for train, test in folds:
        np.testing.assert_array_equal(np.sort(np.concatenate([train, test])), np.arange(n))


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 30), st.one_of(st.none(), st.floats(0.01, 0.99), st.integers(1, 30)),
       st.integers(0, 2**32 - 1))
def test_property_train_test_split_result_or_clean_error(n, test_size, seed):
    X = np.arange(n)
    try:
        X_tr, X_te = train_test_split(X, test_size=test_size, random_state=seed)
    except ValueError as exc:
        assert str(exc)
        return
    assert len(X_tr) >= 1 and len(X_te) >= 1 and len(X_tr) + len(X_te) == n
    assert not set(X_tr.tolist()) & set(X_te.tolist())


def test_grid_search_on_a_regressor_without_refit():
    X, y = make_blobs(40, n_features=2, centers=1, random_state=0)
    search = GridSearchCV(LinearRegression(), {"fit_intercept": [True, False]}, cv=3, refit=False)
    search.fit(X, X[:, 0] * 2 + 5)
    assert search.best_params_ == {"fit_intercept": True} and not hasattr(search, "best_estimator_")
    assert search.best_score_ == pytest.approx(1.0)
