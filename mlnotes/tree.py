r"""Decision trees (CART): classification and regression trees grown greedily.

Each node is split on the feature and threshold that most decrease the
impurity, then both children are grown the same way:
[`build_tree_naive`][mlnotes.tree.build_tree_naive] is that recursion, written
out. The estimators grow the same tree with a vectorised engine
(`mlnotes._cart`, all nodes of a depth level at once), about 50x faster on
2,000 samples x 20 features. The tree is stored as flat arrays
(`mlnotes._cart.Tree`), so prediction walks all samples down the tree together,
one level at a time.

References
----------
Breiman, Friedman, Olshen & Stone, *Classification and Regression Trees*, Wadsworth, 1984.
Hastie, Tibshirani & Friedman, *The Elements of Statistical Learning*, 2nd ed., §9.2.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence
from typing import Any

import numpy as np

from ._cart import EPSILON, FEATURE_THRESHOLD, TREE_LEAF, TREE_UNDEFINED, Tree, grow_tree
from ._validation import (check_array, check_is_fitted, check_n_features, check_option,
                          check_random_state, check_scalar, check_X_y, encode_labels,
                          float_errors_as_value_error)
from .base import BaseEstimator, ClassifierMixin, RegressorMixin

__all__ = ["DecisionTreeClassifier", "DecisionTreeRegressor", "build_tree_naive", "export_text"]


def build_tree_naive(X: Any, y: Any, *, criterion: str = "gini", max_depth: int | None = None,
                     min_samples_split: int = 2, min_samples_leaf: int = 1) -> Tree:
    r"""Textbook CART: split each node at its best (feature, threshold), then recurse on both sides.

    The algorithm that [`DecisionTreeClassifier`][mlnotes.tree.DecisionTreeClassifier] and
    [`DecisionTreeRegressor`][mlnotes.tree.DecisionTreeRegressor] run, written one node, one
    feature and one threshold at a time. The estimators grow the same tree with a vectorised
    engine (`mlnotes._cart`, all nodes of a level at once), which is what makes them fast;
    the tests check that both give the same tree. Every feature is a candidate at every
    node and all samples weigh 1.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        Training data.
    y : array-like of shape (n_samples,)
        Class labels (``criterion`` "gini" or "entropy") or real targets ("squared_error").
    criterion : {"gini", "entropy", "squared_error"}, default="gini"
        Node impurity $I$: Gini index, entropy in bits, or variance of the targets.
    max_depth : int or None, default=None
        A node at this depth is a leaf; ``None``: no limit.
    min_samples_split : int, default=2
        A node with fewer samples is a leaf.
    min_samples_leaf : int, default=1
        Each side of a split keeps at least this many samples.

    Returns
    -------
    Tree
        Nodes in depth-first order (node 0 is the root, its left subtree follows), as in
        ``DecisionTreeClassifier().fit(X, y).tree_``.

    Notes
    -----
    For a node with samples $S$, each feature $j$ is sorted and each threshold $t$ half
    way between two consecutive distinct values is tried; the split kept maximises the
    impurity decrease
    $$|S|\,I(S) - |S_L|\,I(S_L) - |S_R|\,I(S_R), \qquad S_L = \{i \in S : x_{ij} \le t\}.$$
    A node is a leaf when it is at ``max_depth``, has fewer than ``min_samples_split``
    (or ``2 * min_samples_leaf``) samples, is pure, or has no allowed threshold.

    References
    ----------
    Breiman, Friedman, Olshen & Stone, *Classification and Regression Trees*, 1984, ch. 2 and 8.

    Examples
    --------
    >>> tree = build_tree_naive([[0.0], [1.0], [2.0], [3.0]], ["a", "a", "b", "b"])
    >>> tree.node_count, int(tree.feature[0]), float(tree.threshold[0])
    (3, 0, 1.5)
    >>> tree.value[tree.apply(np.array([[0.5], [2.5]]))].tolist()  # class fractions of the leaves
    [[1.0, 0.0], [0.0, 1.0]]
    """
    check_option(criterion, "criterion", ("gini", "entropy", "squared_error"))
    regression = criterion == "squared_error"
    X, y = check_X_y(X, y, y_numeric=regression)
    n_classes = 0
    if not regression:
        classes, y = encode_labels(y)
        n_classes = classes.size
    if max_depth is not None:
        check_scalar(max_depth, "max_depth", int, min_val=1)
    check_scalar(min_samples_split, "min_samples_split", int, min_val=2)
    check_scalar(min_samples_leaf, "min_samples_leaf", int, min_val=1)
    depth_limit = np.inf if max_depth is None else max_depth

    def value(t: np.ndarray) -> np.ndarray:  # class fractions, or the mean target
        return np.array([t.mean()]) if regression else np.bincount(t, minlength=n_classes) / t.size

    def impurity(t: np.ndarray) -> float:
        if regression:
            return float(np.mean((t - t.mean()) ** 2))
        p = np.bincount(t, minlength=n_classes) / t.size
        if criterion == "gini":
            return float(1.0 - np.sum(p * p))
        p = p[p > 0]
        return float(-np.sum(p * np.log2(p)))

    nodes: list[dict[str, Any]] = []  # in the order they are created: depth first

    def grow(rows: np.ndarray, depth: int) -> int:
        n, node_impurity = rows.size, impurity(y[rows])
        node = dict(left=TREE_LEAF, right=TREE_LEAF, feature=TREE_UNDEFINED, threshold=float(TREE_UNDEFINED),
                    value=value(y[rows]), impurity=node_impurity, n=n, depth=depth)
        index = len(nodes)
        nodes.append(node)
        if (depth >= depth_limit or n < max(min_samples_split, 2 * min_samples_leaf)
                or node_impurity <= EPSILON):
            return index
        best_decrease, best = -np.inf, None
        for j in range(X.shape[1]):
            sorted_rows = rows[np.argsort(X[rows, j], kind="stable")]
            x, t = X[sorted_rows, j], y[sorted_rows]
            for i in range(min_samples_leaf, n - min_samples_leaf + 1):  # left: the first i samples
                if x[i] <= x[i - 1] + FEATURE_THRESHOLD:  # no threshold between equal values
                    continue
                decrease = n * node_impurity - i * impurity(t[:i]) - (n - i) * impurity(t[i:])
                if decrease > best_decrease:
                    threshold = x[i - 1] / 2.0 + x[i] / 2.0  # midpoint (else the left value)
                    if threshold == x[i] or not np.isfinite(threshold):
                        threshold = x[i - 1]
                    best_decrease, best = decrease, (j, threshold, sorted_rows[:i], sorted_rows[i:])
        if best is not None:
            node["feature"], node["threshold"], left, right = best
            node["left"] = grow(np.sort(left), depth + 1)
            node["right"] = grow(np.sort(right), depth + 1)
        return index

    with float_errors_as_value_error("build_tree_naive"):
        grow(np.arange(X.shape[0]), 0)
    column = {key: np.array([node[key] for node in nodes]) for key in nodes[0]}
    return Tree(children_left=column["left"], children_right=column["right"],
                feature=column["feature"], threshold=column["threshold"].astype(float),
                value=np.array(column["value"], dtype=float),
                impurity=column["impurity"], n_node_samples=column["n"],
                weighted_n_node_samples=column["n"].astype(float), depth=column["depth"])


def _count_param(value: Any, name: str, n_samples: int, min_int: int, frac_closed: bool) -> int:
    """An int >= ``min_int`` or a fraction of ``n_samples`` in (0, 1) / (0, 1]."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return int(check_scalar(value, name, int, min_val=min_int))
    check_scalar(value, name, numbers.Real, min_val=0.0, max_val=1.0,
                 include_min=False, include_max=frac_closed)
    return max(min_int, math.ceil(value * n_samples))


def resolve_tree_params(est: Any, n_samples: int, n_features: int) -> dict[str, Any]:
    """Validate the shared tree hyper-parameters of ``est`` and turn them into ints."""
    max_depth = est.max_depth
    if max_depth is not None:
        check_scalar(max_depth, "max_depth", int, min_val=1)
    min_leaf = _count_param(est.min_samples_leaf, "min_samples_leaf", n_samples, 1, False)
    min_split = _count_param(est.min_samples_split, "min_samples_split", n_samples, 2, True)
    mf = est.max_features
    if mf is None:
        max_features = n_features
    elif isinstance(mf, str):
        check_option(mf, "max_features", ("sqrt", "log2"))
        root = np.sqrt(n_features) if mf == "sqrt" else np.log2(n_features)
        max_features = max(1, int(root))
    elif isinstance(mf, numbers.Integral) and not isinstance(mf, bool):
        max_features = int(check_scalar(mf, "max_features", int, min_val=1, max_val=n_features))
    elif isinstance(mf, numbers.Real) and not isinstance(mf, bool):
        check_scalar(mf, "max_features", numbers.Real, min_val=0.0, max_val=1.0, include_min=False)
        max_features = max(1, int(mf * n_features))
    else:
        raise TypeError(f"max_features must be None, 'sqrt', 'log2', an int or a float in (0, 1], "
                        f"got {mf!r} of type {type(mf).__name__}.")
    return dict(max_depth=np.iinfo(np.int64).max if max_depth is None else int(max_depth),
                min_samples_leaf=min_leaf,
                min_samples_split=max(min_split, 2 * min_leaf), max_features=max_features)


class _BaseTree(BaseEstimator):
    """Shared fit / apply logic of the two trees."""

    _criteria: tuple[str, ...] = ()

    def __init__(self, *, criterion: str, max_depth: int | None = None,
                 min_samples_split: int | float = 2, min_samples_leaf: int | float = 1,
                 max_features: int | float | str | None = None, random_state: Any = None) -> None:
        self.criterion = criterion
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf
        self.max_features = max_features
        self.random_state = random_state

    def _grow(self, X: np.ndarray, y: np.ndarray, n_classes: int) -> None:
        check_option(self.criterion, "criterion", self._criteria)
        params = resolve_tree_params(self, *X.shape)
        rng = check_random_state(self.random_state)
        with float_errors_as_value_error(f"{type(self).__name__}.fit"):
            self.tree_ = grow_tree(X, y, np.ones(X.shape[0]), criterion=self.criterion,
                                   n_classes=n_classes, rng=rng, **params)
        self.n_features_in_ = X.shape[1]
        self.max_features_ = params["max_features"]
        self.feature_importances_ = self.tree_.compute_feature_importances(X.shape[1])

    def _leaves(self, X: Any) -> np.ndarray:
        check_is_fitted(self, "tree_")
        X = check_array(X)
        check_n_features(X, self)
        return self.tree_.apply(X)

    def apply(self, X: Any) -> np.ndarray:
        """Index (in ``tree_``) of the leaf each sample of ``X`` (n_samples, n_features) reaches."""
        return self._leaves(X)

    def get_depth(self) -> int:
        """Depth of the tree (a single leaf has depth 0)."""
        check_is_fitted(self, "tree_")
        return self.tree_.max_depth

    def get_n_leaves(self) -> int:
        """Number of leaves."""
        check_is_fitted(self, "tree_")
        return self.tree_.n_leaves


class DecisionTreeClassifier(ClassifierMixin, _BaseTree):
    r"""CART classification tree.

    Parameters
    ----------
    criterion : {"gini", "entropy"}, default="gini"
        Node impurity: Gini index or Shannon entropy (in bits).
    max_depth : int or None, default=None
        Maximum depth; ``None`` grows until leaves are pure or too small.
    min_samples_split : int or float, default=2
        Minimum samples needed to split a node (a float is a fraction of n_samples).
    min_samples_leaf : int or float, default=1
        Minimum samples in each child of a split (a float is a fraction of n_samples).
    max_features : int, float, {"sqrt", "log2"} or None, default=None
        Number of features drawn at random as split candidates at each node
        (``None``: all features).
    random_state : int, numpy.random.Generator or None, default=None
        Seeds the random order in which each node visits the features: it picks
        the ``max_features`` candidates and the winner between exactly tied splits.

    Attributes
    ----------
    tree_ : Tree
        The fitted tree as arrays (``children_left``, ``children_right``,
        ``feature``, ``threshold``, ``value`` of shape (node_count, n_classes), ...).
    classes_ : ndarray of shape (n_classes,)
        Sorted class labels.
    n_classes_ : int
        Number of classes.
    n_features_in_ : int
        Number of features seen in ``fit``.
    max_features_ : int
        The number of candidate features per split actually used.
    feature_importances_ : ndarray of shape (n_features,)
        Total weighted impurity decrease per feature, normalised to sum to 1.

    Notes
    -----
    With class fractions $p_k$ in a node, the impurities are
    $G = 1 - \sum_k p_k^2$ and $H = -\sum_k p_k \log_2 p_k$. A node
    of $n$ samples is split into $n_L + n_R$ at the threshold that
    maximises the impurity decrease
    $\Delta = n I - n_L I_L - n_R I_R$; thresholds are midpoints
    between consecutive distinct values of a feature. Prediction is the
    majority class of the leaf, ``predict_proba`` its class fractions.

    References
    ----------
    Breiman, Friedman, Olshen & Stone, *Classification and Regression Trees*, 1984.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0]])
    >>> clf = DecisionTreeClassifier().fit(X, ["a", "a", "b", "b"])
    >>> clf.predict([[0.2], [2.8]]).tolist()
    ['a', 'b']
    >>> float(clf.tree_.threshold[0]), clf.get_depth(), clf.get_n_leaves()
    (1.5, 1, 2)
    """

    _criteria = ("gini", "entropy")

    def __init__(self, *, criterion: str = "gini", max_depth: int | None = None,
                 min_samples_split: int | float = 2, min_samples_leaf: int | float = 1,
                 max_features: int | float | str | None = None, random_state: Any = None) -> None:
        super().__init__(criterion=criterion, max_depth=max_depth,
                         min_samples_split=min_samples_split, min_samples_leaf=min_samples_leaf,
                         max_features=max_features, random_state=random_state)

    def fit(self, X: Any, y: Any) -> "DecisionTreeClassifier":
        """Grow the tree on ``X`` (n_samples, n_features) and class labels ``y`` (n_samples,)."""
        X, y = check_X_y(X, y)
        self.classes_, y_index = encode_labels(y)
        self.n_classes_ = int(self.classes_.shape[0])
        self._grow(X, y_index, self.n_classes_)
        return self

    def predict_proba(self, X: Any) -> np.ndarray:
        """Class fractions of the leaf reached by each sample: shape (n_samples, n_classes)."""
        leaves = self._leaves(X)
        return self.tree_.value[leaves]

    def predict(self, X: Any) -> np.ndarray:
        """Majority class of the leaf reached by each sample: shape (n_samples,)."""
        proba = self.predict_proba(X)
        return self.classes_[np.argmax(proba, axis=1)]


class DecisionTreeRegressor(RegressorMixin, _BaseTree):
    r"""CART regression tree (least squares).

    Parameters
    ----------
    criterion : {"squared_error"}, default="squared_error"
        Node impurity: the variance of the targets in the node.
    max_depth : int or None, default=None
        Maximum depth; ``None`` grows until leaves are pure or too small.
    min_samples_split : int or float, default=2
        Minimum samples needed to split a node (a float is a fraction of n_samples).
    min_samples_leaf : int or float, default=1
        Minimum samples in each child of a split (a float is a fraction of n_samples).
    max_features : int, float, {"sqrt", "log2"} or None, default=None
        Number of features drawn at random as split candidates at each node.
    random_state : int, numpy.random.Generator or None, default=None
        Seeds the random order in which each node visits the features: it picks
        the ``max_features`` candidates and the winner between exactly tied splits.

    Attributes
    ----------
    tree_ : Tree
        The fitted tree as arrays; ``value`` has shape (node_count, 1) (leaf means).
    n_features_in_ : int
        Number of features seen in ``fit``.
    max_features_ : int
        The number of candidate features per split actually used.
    feature_importances_ : ndarray of shape (n_features,)
        Total weighted variance decrease per feature, normalised to sum to 1.

    Notes
    -----
    A node's impurity is $\frac1n\sum_i (y_i - \bar y)^2$; the split
    maximises $n I - n_L I_L - n_R I_R$, which equals
    $S_L^2/n_L + S_R^2/n_R$ for targets centred on the node mean
    ($S$ = sum of centred targets). A leaf predicts its mean target.

    References
    ----------
    Breiman, Friedman, Olshen & Stone, *Classification and Regression Trees*, 1984, ch. 8.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0]])
    >>> reg = DecisionTreeRegressor(max_depth=1).fit(X, [1.0, 1.0, 5.0, 7.0])
    >>> reg.predict([[0.5], [2.5]]).tolist()
    [1.0, 6.0]
    """

    _criteria = ("squared_error",)

    def __init__(self, *, criterion: str = "squared_error", max_depth: int | None = None,
                 min_samples_split: int | float = 2, min_samples_leaf: int | float = 1,
                 max_features: int | float | str | None = None, random_state: Any = None) -> None:
        super().__init__(criterion=criterion, max_depth=max_depth,
                         min_samples_split=min_samples_split, min_samples_leaf=min_samples_leaf,
                         max_features=max_features, random_state=random_state)

    def fit(self, X: Any, y: Any) -> "DecisionTreeRegressor":
        """Grow the tree on ``X`` (n_samples, n_features) and real targets ``y`` (n_samples,)."""
        X, y = check_X_y(X, y, y_numeric=True)
        self._grow(X, y, 0)
        return self

    def predict(self, X: Any) -> np.ndarray:
        """Mean target of the leaf reached by each sample: shape (n_samples,)."""
        leaves = self._leaves(X)
        return self.tree_.value[leaves, 0]


def export_text(decision_tree: DecisionTreeClassifier | DecisionTreeRegressor, *,
                feature_names: Sequence[str] | None = None,
                class_names: Sequence[str] | None = None, max_depth: int = 10,
                decimals: int = 2) -> str:
    """The rules of a fitted tree as indented text (scikit-learn's ``export_text`` format).

    Parameters
    ----------
    decision_tree : DecisionTreeClassifier or DecisionTreeRegressor
        A fitted tree.
    feature_names : sequence of str of length n_features, optional
        Names shown in the rules (default ``feature_0``, ``feature_1``, ...).
    class_names : sequence of str of length n_classes, optional
        Names of the classes shown at the leaves (default ``classes_``).
    max_depth : int, default=10
        Deeper branches are summarised as "truncated branch of depth d".
    decimals : int, default=2
        Digits shown for thresholds and regression values.

    Returns
    -------
    str
        One line per rule and per leaf.

    Examples
    --------
    >>> X = [[0.0], [1.0], [2.0], [3.0]]
    >>> clf = DecisionTreeClassifier().fit(X, ["a", "a", "b", "b"])
    >>> print(export_text(clf, feature_names=["x"]))
    |--- x <= 1.50
    |   |--- class: a
    |--- x >  1.50
    |   |--- class: b
    <BLANKLINE>
    """
    if not isinstance(decision_tree, _BaseTree):
        raise TypeError("decision_tree must be a DecisionTreeClassifier or DecisionTreeRegressor, "
                        f"got {type(decision_tree).__name__}.")
    check_is_fitted(decision_tree, "tree_")
    check_scalar(max_depth, "max_depth", int, min_val=0)
    check_scalar(decimals, "decimals", int, min_val=0)
    tree: Tree = decision_tree.tree_
    n_features = decision_tree.n_features_in_
    for name, given in (("feature_names", feature_names), ("class_names", class_names)):
        if given is not None and (isinstance(given, (str, bytes)) or not isinstance(given, Sequence)
                                  and not isinstance(given, np.ndarray)):
            raise TypeError(f"{name} must be a sequence of names (list of str), got {given!r}.")
    names = [f"feature_{i}" for i in range(n_features)] if feature_names is None else list(feature_names)
    if len(names) != n_features:
        raise ValueError(f"feature_names must contain {n_features} elements, got {len(names)}.")
    is_classifier = isinstance(decision_tree, DecisionTreeClassifier)
    if is_classifier:
        labels = list(decision_tree.classes_ if class_names is None else class_names)
        if len(labels) != decision_tree.n_classes_:
            raise ValueError(f"class_names must contain {decision_tree.n_classes_} elements "
                             f"(one per class), got {len(labels)}.")
    lines: list[str] = []

    def leaf_text(node: int) -> str:
        if is_classifier:
            return f" class: {labels[int(np.argmax(tree.value[node]))]}"
        return " value: [" + ", ".join(f"{v:.{decimals}f}" for v in tree.value[node]) + "]"

    def subtree_depth(node: int) -> int:
        if tree.children_left[node] == TREE_LEAF:
            return 1
        return 1 + max(subtree_depth(int(tree.children_left[node])),
                       subtree_depth(int(tree.children_right[node])))

    def visit(node: int, depth: int) -> None:
        indent = ("|" + " " * 3) * depth
        indent = indent[:-3] + "---"
        if depth > max_depth + 1:  # below the shown depth: a leaf, or a summary of the branch
            sub = subtree_depth(node)
            lines.append(indent + (leaf_text(node) if sub == 1 else f" truncated branch of depth {sub}"))
        elif tree.children_left[node] == TREE_LEAF:
            lines.append(indent + leaf_text(node))
        else:
            name, thr = names[tree.feature[node]], f"{tree.threshold[node]:.{decimals}f}"
            lines.append(f"{indent} {name} <= {thr}")
            visit(int(tree.children_left[node]), depth + 1)
            lines.append(f"{indent} {name} >  {thr}")
            visit(int(tree.children_right[node]), depth + 1)

    visit(0, 1)
    return "\n".join(lines) + "\n"
