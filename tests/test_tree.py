"""CART trees vs scikit-learn and a loop-based reference, hand-checked impurities, export_text, bad input."""
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from sklearn import datasets as skd
from sklearn import tree as sk

from mlnotes._validation import NotFittedError
from mlnotes.tree import (
    DecisionTreeClassifier,
    DecisionTreeRegressor,
    build_tree_naive,
    export_text,
)


def f32(X):
    """scikit-learn grows trees on float32 features; give both libraries the same values."""
    return np.asarray(X, dtype=np.float32).astype(np.float64)


CLF_SETS = {
    "classification": skd.make_classification(400, 6, n_informative=4, n_classes=3, random_state=0),
    "moons": skd.make_moons(300, noise=0.3, random_state=0),
    "blobs": skd.make_blobs(300, n_features=5, centers=4, cluster_std=2.5, random_state=0),
    "iris": skd.load_iris(return_X_y=True),  # many repeated values and a tied root split
}
REG_SETS = {
    "friedman": skd.make_friedman1(300, random_state=0),
    "regression": skd.make_regression(300, 5, noise=10.0, random_state=0),
}


# ------------------------------------------------------------------ comparing two grown trees
def _decrease(t, i):
    left, right, w = t.children_left[i], t.children_right[i], t.weighted_n_node_samples
    return w[i] * t.impurity[i] - w[left] * t.impurity[left] - w[right] * t.impurity[right]


def compare_trees(a, b):
    """Walk two trees together; every node must agree, except that where the two chose
    different splits those splits must have exactly the same impurity decrease (a tie,
    broken by feature order). Returns the number of such ties.

    scikit-learn computes a variance as E[y^2] - E[y]^2 (we use E[(y - mean)^2]), so
    impurities are compared with an absolute tolerance on the scale of E[y^2]."""
    ties, stack = 0, [(0, 0)]
    atol = 1e-13 * (1 + b.impurity[0] + np.max(np.abs(b.value[0])) ** 2)
    while stack:
        i, j = stack.pop()
        assert a.n_node_samples[i] == b.n_node_samples[j]
        np.testing.assert_allclose(a.impurity[i], b.impurity[j], rtol=1e-9, atol=atol)
        np.testing.assert_allclose(np.ravel(a.value[i]), np.ravel(b.value[j]), rtol=1e-9, atol=1e-12)
        leaf = a.children_left[i] == -1
        assert leaf == (b.children_left[j] == -1)
        if leaf:
            continue
        if a.feature[i] == b.feature[j] and a.threshold[i] == b.threshold[j]:
            stack += [(a.children_left[i], b.children_left[j]), (a.children_right[i], b.children_right[j])]
        else:
            np.testing.assert_allclose(_decrease(a, i), _decrease(b, j), rtol=1e-9, atol=atol)
            ties += 1
    return ties


SETTINGS = [{}, {"max_depth": 3}, {"min_samples_leaf": 5}, {"max_depth": 4, "min_samples_leaf": 8},
            {"min_samples_split": 20}, {"min_samples_leaf": 0.02, "min_samples_split": 0.1}]


@pytest.mark.parametrize("name", CLF_SETS)
@pytest.mark.parametrize("criterion", ["gini", "entropy"])
@pytest.mark.parametrize("kw", SETTINGS)
def test_classifier_grows_scikit_learns_tree_up_to_ties(name, criterion, kw):
    X, y = CLF_SETS[name]
    X = f32(X)
    ours = DecisionTreeClassifier(criterion=criterion, **kw).fit(X, y)
    ref = sk.DecisionTreeClassifier(criterion=criterion, random_state=0, **kw).fit(X, y)
    compare_trees(ours.tree_, ref.tree_)
    assert ours.get_n_leaves() >= 1 and ours.get_depth() <= (kw.get("max_depth") or 99)


@pytest.mark.parametrize("name", REG_SETS)
@pytest.mark.parametrize("kw", SETTINGS)
def test_regressor_grows_scikit_learns_tree_up_to_ties(name, kw):
    X, y = REG_SETS[name]
    X = f32(X)
    ours = DecisionTreeRegressor(**kw).fit(X, y)
    ref = sk.DecisionTreeRegressor(random_state=0, **kw).fit(X, y)
    compare_trees(ours.tree_, ref.tree_)


# Settings without exactly tied splits (checked: five random_states of each library all grow
# this same tree). Then the trees must be identical, array for array.
NO_TIES = [
    ("classification", "gini", {"max_depth": 3}),
    ("classification", "entropy", {"min_samples_split": 40}),
    ("moons", "gini", {"min_samples_split": 20}),
    ("moons", "entropy", {"max_depth": 5}),
    ("friedman", "squared_error", {"min_samples_leaf": 5}),
    ("regression", "squared_error", {"min_samples_split": 20}),
    ("regression", "squared_error", {"min_samples_leaf": 0.02, "min_samples_split": 0.1}),
]


@pytest.mark.parametrize(("name", "criterion", "kw"), NO_TIES)
def test_identical_trees_when_no_ties(name, criterion, kw):
    X, y = {**CLF_SETS, **REG_SETS}[name]
    X = f32(X)
    if criterion == "squared_error":
        ours, ref = DecisionTreeRegressor(random_state=0, **kw), sk.DecisionTreeRegressor(random_state=0, **kw)
    else:
        ours = DecisionTreeClassifier(criterion=criterion, random_state=0, **kw)
        ref = sk.DecisionTreeClassifier(criterion=criterion, random_state=0, **kw)
    ours.fit(X, y)
    ref.fit(X, y)
    assert compare_trees(ours.tree_, ref.tree_) == 0
    for attr in ("children_left", "children_right", "feature", "threshold", "n_node_samples"):
        np.testing.assert_array_equal(getattr(ours.tree_, attr), getattr(ref.tree_, attr))
    np.testing.assert_allclose(ours.feature_importances_, ref.feature_importances_, rtol=0, atol=1e-10)
    X_test = f32(np.random.default_rng(1).normal(size=(500, X.shape[1])) * X.std(0) + X.mean(0))
    np.testing.assert_array_equal(ours.apply(X_test), ref.apply(X_test))
    np.testing.assert_allclose(ours.predict(X_test), ref.predict(X_test), rtol=1e-12)  # leaf means
    if criterion != "squared_error":
        np.testing.assert_allclose(ours.predict_proba(X_test), ref.predict_proba(X_test), atol=1e-12)
    assert (ours.get_depth(), ours.get_n_leaves()) == (ref.get_depth(), ref.get_n_leaves())


# ------------------------------------------------------------------ textbook CART vs the vectorised engine
NAIVE_SETTINGS = [{}, {"max_depth": 3}, {"min_samples_leaf": 4}, {"min_samples_split": 15}]


def _small(X, y, n=120):
    return f32(X[:n]), y[:n]


@pytest.mark.parametrize("name", ["classification", "moons", "iris"])
@pytest.mark.parametrize("criterion", ["gini", "entropy"])
@pytest.mark.parametrize("kw", NAIVE_SETTINGS)
def test_textbook_cart_grows_the_classifiers_tree(name, criterion, kw):
    X, y = _small(*CLF_SETS[name])
    naive = build_tree_naive(X, y, criterion=criterion, **kw)
    for seed in range(3):  # the engine breaks exact ties by a seeded feature order
        ours = DecisionTreeClassifier(criterion=criterion, random_state=seed, **kw).fit(X, y).tree_
        compare_trees(naive, ours)  # node for node, where they differ the splits tie exactly


@pytest.mark.parametrize("name", REG_SETS)
@pytest.mark.parametrize("kw", NAIVE_SETTINGS)
def test_textbook_cart_grows_the_regressors_tree(name, kw):
    X, y = _small(*REG_SETS[name])
    naive = build_tree_naive(X, y, criterion="squared_error", **kw)
    for seed in range(3):  # small nodes split alike on several features: exact ties
        ours = DecisionTreeRegressor(random_state=seed, **kw).fit(X, y).tree_
        compare_trees(naive, ours)


@pytest.mark.parametrize(("name", "criterion", "kw"), NO_TIES)
def test_textbook_cart_equals_the_engine_array_for_array_without_ties(name, criterion, kw):
    X, y = {**CLF_SETS, **REG_SETS}[name]
    X = f32(X)
    Est = DecisionTreeRegressor if criterion == "squared_error" else DecisionTreeClassifier
    kw = {k: v if isinstance(v, int) else max(2 if "split" in k else 1, int(np.ceil(v * len(y))))
          for k, v in kw.items()}  # the textbook version takes counts, not fractions
    ours = Est(criterion=criterion, random_state=0, **kw).fit(X, y).tree_
    naive = build_tree_naive(X, y, criterion=criterion, **kw)
    for attr in ("children_left", "children_right", "feature", "threshold", "n_node_samples", "depth"):
        np.testing.assert_array_equal(getattr(naive, attr), getattr(ours, attr))
    np.testing.assert_allclose(naive.impurity, ours.impurity, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(naive.value, ours.value, rtol=1e-12, atol=1e-12)


def test_textbook_cart_hand_checked_and_bad_input():
    tree = build_tree_naive([[0.0, 5.0], [1.0, 5.0], [2.0, 5.0], [3.0, 5.0]], [0, 0, 1, 1])
    assert tree.node_count == 3 and tree.feature[0] == 0 and tree.threshold[0] == 1.5
    assert tree.impurity[0] == 0.5 and tree.impurity[1] == tree.impurity[2] == 0.0
    reg = build_tree_naive([[0.0], [1.0], [2.0]], [1.0, 1.0, 4.0], criterion="squared_error")
    np.testing.assert_allclose(reg.value[:, 0], [2.0, 1.0, 4.0])
    assert build_tree_naive([[0.0], [0.0]], [0, 1]).node_count == 1  # no threshold between equal values
    with pytest.raises(ValueError, match="criterion"):
        build_tree_naive([[0.0], [1.0]], [0, 1], criterion="mse")
    with pytest.raises(ValueError, match="min_samples_leaf"):
        build_tree_naive([[0.0], [1.0]], [0, 1], min_samples_leaf=0)


# ------------------------------------------------------------------ loop-based reference CART
def _reference_tree(X, y, *, min_samples_leaf=1, max_depth=99):
    """Exhaustive CART with exact (Fraction) Gini arithmetic: a loop over features and
    thresholds, nothing vectorised. Returns the root as nested dicts."""
    def gini_sum(labels):  # n * gini = n - sum_k n_k^2 / n
        n = len(labels)
        return Fraction(n) - Fraction(sum(labels.count(k) ** 2 for k in set(labels)), n) if n else 0

    def grow(rows, depth):
        labels = [int(y[r]) for r in rows]
        node = {"n": len(rows), "gini": gini_sum(labels) / len(rows)}
        if depth >= max_depth or len(rows) < 2 * min_samples_leaf or node["gini"] == 0:
            return node
        best = None
        for f in range(X.shape[1]):
            order = sorted(rows, key=lambda r: X[r, f])
            for p in range(min_samples_leaf, len(order) - min_samples_leaf + 1):
                lo, hi = X[order[p - 1], f], X[order[p], f]
                if hi <= lo + 1e-7:
                    continue
                cost = gini_sum([int(y[r]) for r in order[:p]]) + gini_sum([int(y[r]) for r in order[p:]])
                if best is None or cost < best[0]:
                    best = (cost, f, lo / 2 + hi / 2, order[:p], order[p:])
        if best is not None:
            _, node["feature"], node["threshold"], left, right = best
            node["left"], node["right"] = grow(left, depth + 1), grow(right, depth + 1)
        return node

    return grow(list(range(X.shape[0])), 0)


def _compare_with_reference(tree, node, i=0):
    """Returns the number of nodes where the two chose different but exactly tied splits."""
    assert tree.n_node_samples[i] == node["n"]
    assert tree.impurity[i] == pytest.approx(float(node["gini"]), abs=1e-12)
    if "feature" not in node:
        assert tree.children_left[i] == -1
        return 0
    if (tree.feature[i], tree.threshold[i]) != (node["feature"], node["threshold"]):
        cost = node["left"]["gini"] * node["left"]["n"] + node["right"]["gini"] * node["right"]["n"]
        assert _decrease(tree, i) == pytest.approx(node["n"] * float(node["gini"]) - float(cost), abs=1e-9)
        return 1
    return (_compare_with_reference(tree, node["left"], tree.children_left[i])
            + _compare_with_reference(tree, node["right"], tree.children_right[i]))


@pytest.mark.parametrize("seed", range(4))
def test_vectorised_split_search_matches_a_loop_over_thresholds(seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(40, 3)).round(1)  # rounding makes repeated values (no split between them)
    y = (X[:, 0] + 0.5 * X[:, 1] + rng.normal(0, 0.5, 40) > 0).astype(int) + (X[:, 2] > 1)
    msl = 1 + seed % 3
    ours = DecisionTreeClassifier(min_samples_leaf=msl, max_depth=4, random_state=seed).fit(X, y)
    _compare_with_reference(ours.tree_, _reference_tree(X, y, min_samples_leaf=msl, max_depth=4))


# ------------------------------------------------------------------ hand-checked small cases
def test_hand_checked_gini_and_entropy():
    X = np.array([[0.0], [1.0], [2.0], [3.0], [4.0]])
    y = np.array([0, 0, 1, 1, 1])
    gini = DecisionTreeClassifier(criterion="gini").fit(X, y).tree_
    entropy = DecisionTreeClassifier(criterion="entropy").fit(X, y).tree_
    assert gini.impurity[0] == pytest.approx(1 - 0.4**2 - 0.6**2)  # 0.48
    assert entropy.impurity[0] == pytest.approx(-(0.4 * np.log2(0.4) + 0.6 * np.log2(0.6)))  # 0.971 bits
    assert gini.threshold[0] == entropy.threshold[0] == 1.5
    np.testing.assert_array_equal(gini.value[[1, 2]], [[1.0, 0.0], [0.0, 1.0]])


def test_hand_checked_best_split_and_importances():
    # y = [0, 0, 1, 0, 1, 1, 1] on x = 1..7: n*gini of the children for each threshold
    # 2.5: 0 + 5*(1-(1/5)^2-(4/5)^2) = 1.6;  4.5: 4*(1-(3/4)^2-(1/4)^2) + 0 = 1.5  <- best
    X = np.column_stack([np.arange(1.0, 8.0), np.zeros(7)])  # the constant 2nd feature never splits
    y = np.array([0, 0, 1, 0, 1, 1, 1])
    tree = DecisionTreeClassifier(max_depth=1).fit(X, y)
    assert (tree.tree_.feature[0], tree.tree_.threshold[0]) == (0, 4.5)
    np.testing.assert_array_equal(tree.feature_importances_, [1.0, 0.0])
    reg = DecisionTreeRegressor(max_depth=1).fit(X, [1.0, 1.0, 1.0, 1.0, 5.0, 5.0, 9.0])
    assert reg.tree_.threshold[0] == 4.5  # variance: 0 + 3 * var(5, 5, 9) is the smallest
    assert reg.predict([[0.0, 0.0], [10.0, 0.0]]).tolist() == [1.0, pytest.approx(19 / 3)]


def test_invariances():
    X, y = CLF_SETS["moons"]
    X = f32(X)
    base = DecisionTreeClassifier(random_state=0).fit(X, y)
    perm = np.random.default_rng(0).permutation(len(y))
    shuffled = DecisionTreeClassifier(random_state=0).fit(X[perm], y[perm])
    for attr in ("children_left", "feature", "threshold", "value"):
        np.testing.assert_array_equal(getattr(base.tree_, attr), getattr(shuffled.tree_, attr))
    np.testing.assert_array_equal(base.predict(X), y)  # distinct points: a full tree fits them
    proba = base.predict_proba(X[:50] + 0.05)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    labels = np.where(y == 1, "yes", "no")
    assert set(DecisionTreeClassifier(max_depth=2).fit(X, labels).predict(X)) <= {"yes", "no"}


def test_max_features_is_seeded_and_changes_the_tree():
    X, y = CLF_SETS["classification"]
    a = DecisionTreeClassifier(max_features=2, random_state=3).fit(X, y)
    b = DecisionTreeClassifier(max_features=2, random_state=3).fit(X, y)
    c = DecisionTreeClassifier(max_features=2, random_state=4).fit(X, y)
    np.testing.assert_array_equal(a.tree_.feature, b.tree_.feature)
    assert a.max_features_ == 2
    assert a.tree_.node_count != c.tree_.node_count or not np.array_equal(a.tree_.feature, c.tree_.feature)
    assert DecisionTreeClassifier(max_features="sqrt").fit(X, y).max_features_ == 2
    assert DecisionTreeClassifier(max_features="log2").fit(X, y).max_features_ == 2
    assert DecisionTreeClassifier(max_features=0.5).fit(X, y).max_features_ == 3


def test_single_class_gives_a_single_leaf():
    tree = DecisionTreeClassifier().fit([[0.0], [1.0]], ["a", "a"])
    assert tree.get_n_leaves() == 1 and tree.predict([[5.0]]).tolist() == ["a"]
    np.testing.assert_array_equal(tree.feature_importances_, [0.0])


# ------------------------------------------------------------------ export_text
@pytest.mark.parametrize("max_depth", [10, 1])
def test_export_text_matches_scikit_learn(max_depth):
    X, y = CLF_SETS["classification"]
    X = f32(X)
    ours = DecisionTreeClassifier(max_depth=3, random_state=0).fit(X, y)
    ref = sk.DecisionTreeClassifier(max_depth=3, random_state=0).fit(X, y)
    assert compare_trees(ours.tree_, ref.tree_) == 0
    kw = {"feature_names": [f"x{i}" for i in range(6)], "class_names": ["cat", "dog", "eel"],
          "max_depth": max_depth}
    assert export_text(ours, **kw) == sk.export_text(ref, **kw)
    Xr, yr = REG_SETS["regression"]
    ours_r = DecisionTreeRegressor(max_depth=3, random_state=0).fit(f32(Xr), yr)
    ref_r = sk.DecisionTreeRegressor(max_depth=3, random_state=0).fit(f32(Xr), yr)
    assert export_text(ours_r, decimals=3, max_depth=max_depth) == \
        sk.export_text(ref_r, decimals=3, max_depth=max_depth)


def test_export_text_bad_input():
    tree = DecisionTreeClassifier().fit([[0.0], [1.0]], [0, 1])
    with pytest.raises(ValueError, match="feature_names must contain 1"):
        export_text(tree, feature_names=["a", "b"])
    with pytest.raises(ValueError, match="class_names must contain 2"):
        export_text(tree, class_names=["a"])
    with pytest.raises(TypeError, match="DecisionTreeClassifier or DecisionTreeRegressor"):
        export_text("tree")
    with pytest.raises(NotFittedError):
        export_text(DecisionTreeRegressor())


# ------------------------------------------------------------------ bad input
@pytest.mark.parametrize("Est", [DecisionTreeClassifier, DecisionTreeRegressor])
def test_bad_input(Est):
    X, y = np.random.default_rng(0).normal(size=(10, 2)), np.arange(10) % 2
    with pytest.raises(ValueError, match="Expected 2D array"):
        Est().fit(X[:, 0], y)
    with pytest.raises(ValueError, match="inconsistent numbers of samples"):
        Est().fit(X, y[:-1])
    with pytest.raises(ValueError, match="NaN"):
        Est().fit(np.where(X > 1, np.nan, X), y)
    with pytest.raises(ValueError, match="infinity"):
        Est().fit(np.where(X > 1, np.inf, X), y)
    with pytest.raises(ValueError, match="0 sample"):
        Est().fit(np.zeros((0, 2)), [])
    with pytest.raises(TypeError, match="numbers"):
        Est().fit([["a", "b"]], [0])
    with pytest.raises(NotFittedError):
        Est().predict(X)
    with pytest.raises(ValueError, match="criterion must be one of"):
        Est(criterion="mae").fit(X, y)
    with pytest.raises(ValueError, match="max_depth must be >= 1"):
        Est(max_depth=0).fit(X, y)
    with pytest.raises(TypeError, match="max_depth must be an int"):
        Est(max_depth=2.5).fit(X, y)
    with pytest.raises(ValueError, match="min_samples_split must be >= 2"):
        Est(min_samples_split=1).fit(X, y)
    with pytest.raises(ValueError, match="min_samples_leaf must be < 1.0"):
        Est(min_samples_leaf=1.0).fit(X, y)
    with pytest.raises(ValueError, match="min_samples_leaf must be >= 1"):
        Est(min_samples_leaf=0).fit(X, y)
    with pytest.raises(ValueError, match="max_features must be <= 2"):
        Est(max_features=3).fit(X, y)
    with pytest.raises(ValueError, match="max_features must be one of"):
        Est(max_features="half").fit(X, y)
    with pytest.raises(ValueError, match="max_features must be > 0.0"):
        Est(max_features=0.0).fit(X, y)
    with pytest.raises(TypeError, match="max_features must be None"):
        Est(max_features=[1]).fit(X, y)
    with pytest.raises(TypeError, match="random_state"):
        Est(random_state="seed").fit(X, y)
    fitted = Est().fit(X, y)
    with pytest.raises(ValueError, match="X has 3 features, but .* 2 features"):
        fitted.predict(np.zeros((1, 3)))
    with pytest.raises(ValueError, match="NaN"):
        fitted.predict([[np.nan, 0.0]])


def test_bad_targets():
    X = np.zeros((3, 1))
    with pytest.raises(ValueError, match="continuous values"):
        DecisionTreeClassifier().fit(X, [0.5, 1.0, 2.0])
    with pytest.raises(ValueError, match="y contains NaN"):
        DecisionTreeRegressor().fit(X, [0.5, np.nan, 2.0])
    with pytest.raises(ValueError, match="y must be 1D"):
        DecisionTreeClassifier().fit(X, np.zeros((3, 2)))
    with pytest.raises(ValueError, match="too large"):
        DecisionTreeRegressor().fit([[0.0], [1.0], [2.0]], [1e300, -1e300, 1e300])


# ------------------------------------------------------------------ properties
floats = st.floats(-1e6, 1e6, allow_subnormal=False) | st.sampled_from([np.nan, np.inf, 0.0])


@settings(max_examples=30, deadline=None)
@given(data=st.data(), n=st.integers(1, 25), d=st.integers(1, 4),
       criterion=st.sampled_from(["gini", "entropy"]), max_depth=st.sampled_from([None, 1, 3]),
       min_samples_leaf=st.integers(1, 3), max_features=st.sampled_from([None, 1, "sqrt", 0.5]))
def test_classifier_properties(data, n, d, criterion, max_depth, min_samples_leaf, max_features):
    X = data.draw(hnp.arrays(np.float64, (n, d), elements=floats))
    y = data.draw(hnp.arrays(np.int64, n, elements=st.integers(0, 2)))
    tree = DecisionTreeClassifier(criterion=criterion, max_depth=max_depth, random_state=0,
                                  min_samples_leaf=min_samples_leaf, max_features=max_features)
    try:
        tree.fit(X, y)
    except (ValueError, TypeError):
        assert not np.isfinite(X).all()
        return
    assert set(tree.predict(X)) <= set(y)
    proba = tree.predict_proba(X)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert tree.tree_.n_node_samples[tree.apply(X)].min() >= min(min_samples_leaf, n)
    assert np.isclose(tree.feature_importances_.sum(), 1.0) or tree.get_n_leaves() == 1


@settings(max_examples=30, deadline=None)
@given(data=st.data(), n=st.integers(1, 25), d=st.integers(1, 4), max_depth=st.sampled_from([None, 2]))
def test_regressor_properties(data, n, d, max_depth):
    X = data.draw(hnp.arrays(np.float64, (n, d), elements=floats))
    y = data.draw(hnp.arrays(np.float64, n, elements=floats))
    tree = DecisionTreeRegressor(max_depth=max_depth)
    try:
        tree.fit(X, y)
    except (ValueError, TypeError):
        assert not (np.isfinite(X).all() and np.isfinite(y).all())
        return
    pred = tree.predict(X)
    assert pred.min() >= y.min() - 1e-6 * (1 + abs(y.min())) and pred.max() <= y.max() + 1e-6 * (1 + abs(y.max()))
