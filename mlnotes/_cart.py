"""Growing CART trees level by level with vectorised split search (the tuned engine).

The textbook algorithm, one node at a time by recursion, is
[`build_tree_naive`][mlnotes.tree.build_tree_naive]; this module grows the same tree
breadth first: all nodes of one depth are split together, so the Python loop runs
once per *level*, never once per node, threshold or sample. For every (node, feature) pair the
node's samples are kept sorted by that feature (a presort at the root, then a
stable partition into the children, as in the "presorted" CART of Breiman et
al. and SPRINT), so the class counts / target sums left of every candidate
threshold are one cumulative sum over the concatenated pairs.

The split rules follow scikit-learn's ``BestSplitter`` exactly: candidate
thresholds lie half way between consecutive sorted values that differ by more
than ``FEATURE_THRESHOLD``; a split must leave ``min_samples_leaf`` samples on
each side; the best split maximises the impurity decrease. With the same data
and ``max_features=None`` the grown tree is therefore scikit-learn's tree
(nodes numbered in the same depth-first order), up to the choice between
exactly tied splits.

References
----------
Breiman, Friedman, Olshen & Stone, *Classification and Regression Trees*, 1984, ch. 2-4, 8.
Shafer, Agrawal & Mehta, "SPRINT: a scalable parallel classifier for data mining", VLDB 1996.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import numpy as np

FEATURE_THRESHOLD = 1e-7  # values closer than this are treated as equal (as scikit-learn)
EPSILON = np.finfo(np.float64).eps  # a node with impurity <= EPSILON is pure
TREE_LEAF = -1  # children_left / children_right of a leaf
TREE_UNDEFINED = -2  # feature / threshold of a leaf


@dataclass
class Tree:
    """Array representation of a binary tree (node ``0`` is the root).

    Node ``i`` sends a sample left when ``X[:, feature[i]] <= threshold[i]``.
    Leaves have ``children_left == children_right == -1`` and
    ``feature == threshold == -2``. ``value[i]`` holds the class fractions
    (classification) or the mean target (regression, one column).
    """

    children_left: np.ndarray  # (node_count,)
    children_right: np.ndarray  # (node_count,)
    feature: np.ndarray  # (node_count,)
    threshold: np.ndarray  # (node_count,)
    value: np.ndarray  # (node_count, n_classes) or (node_count, 1)
    impurity: np.ndarray  # (node_count,)
    n_node_samples: np.ndarray  # (node_count,)
    weighted_n_node_samples: np.ndarray  # (node_count,)
    depth: np.ndarray  # (node_count,)

    @property
    def node_count(self) -> int:
        """Number of nodes."""
        return int(self.children_left.shape[0])

    @property
    def n_leaves(self) -> int:
        """Number of leaves."""
        return int(np.count_nonzero(self.children_left == TREE_LEAF))

    @property
    def max_depth(self) -> int:
        """Depth of the deepest leaf (the root has depth 0)."""
        return int(self.depth.max())

    def apply(self, X: np.ndarray) -> np.ndarray:
        """Index of the leaf each row of ``X`` (n_samples, n_features) ends in."""
        return apply_nodes(X, self.children_left, self.children_right, self.feature,
                           self.threshold, np.zeros(X.shape[0], dtype=np.intp),
                           np.arange(X.shape[0]))

    def compute_feature_importances(self, n_features: int) -> np.ndarray:
        """Normalised total impurity decrease brought by each feature."""
        internal = np.flatnonzero(self.children_left != TREE_LEAF)
        left, right = self.children_left[internal], self.children_right[internal]
        w, imp = self.weighted_n_node_samples, self.impurity
        decrease = w[internal] * imp[internal] - w[left] * imp[left] - w[right] * imp[right]
        importances = np.bincount(self.feature[internal], weights=decrease,
                                  minlength=n_features).astype(np.float64)
        importances /= w[0]
        total = importances.sum()
        return importances / total if total > 0 else importances


def apply_nodes(X: np.ndarray, children_left: np.ndarray, children_right: np.ndarray,
                feature: np.ndarray, threshold: np.ndarray, start: np.ndarray,
                rows: np.ndarray) -> np.ndarray:
    """Walk walker ``k`` from node ``start[k]`` with sample ``X[rows[k]]`` down to a leaf.

    The loop runs once per tree level, never per sample. Leaves point to
    themselves (threshold +inf), so walkers that arrive early simply stay; the
    finished ones are dropped every few levels. Several trees are walked at
    once by concatenating their node arrays.
    """
    is_leaf = children_left == TREE_LEAF
    ids = np.arange(is_leaf.shape[0])
    child = np.stack([np.where(is_leaf, ids, children_left),
                      np.where(is_leaf, ids, children_right)], axis=1).ravel()  # (2 * n_nodes,)
    feat = np.where(is_leaf, 0, feature)
    thr = np.where(is_leaf, np.inf, threshold)
    X_flat = X.ravel()
    leaf = np.empty(start.shape[0], dtype=np.intp)
    walker = np.arange(start.shape[0])
    node = start.astype(np.intp, copy=True)
    offset = rows * X.shape[1]
    while walker.size:
        for _ in range(4):  # child[2 i] is the left child of node i, child[2 i + 1] the right one
            go_right = X_flat[offset + feat[node]] > thr[node]
            node = child[2 * node + go_right]
        done = is_leaf[node]
        leaf[walker[done]] = node[done]
        keep = ~done
        walker, node, offset = walker[keep], node[keep], offset[keep]
    return leaf


def _entropy_terms(counts: np.ndarray) -> np.ndarray:
    """Row sums of ``c * log2(c)`` (0 log 0 = 0) for counts (..., n_classes)."""
    safe = np.where(counts > 0, counts, 1.0)
    return np.sum(counts * np.log2(safe), axis=-1)


def _weighted_impurity(counts: np.ndarray, weight: np.ndarray, criterion: str) -> np.ndarray:
    """``weight * impurity`` from class counts (k, C) with row sums ``weight`` (k,)."""
    safe_w = np.where(weight > 0, weight, 1.0)
    if criterion == "gini":  # w * (1 - sum p^2) = w - sum c^2 / w
        return weight - np.sum(counts * counts, axis=-1) / safe_w
    # entropy: w * H = w log2 w - sum c log2 c
    return weight * np.log2(safe_w) - _entropy_terms(counts)


def grow_tree(X: np.ndarray, y: np.ndarray, weights: np.ndarray, *, criterion: str,
              n_classes: int, max_depth: int, min_samples_split: int, min_samples_leaf: int,
              max_features: int, rng: np.random.Generator,
              order: np.ndarray | None = None) -> Tree:
    """Grow one tree, splitting all nodes of a level together.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of shape (n_samples,)
        Class indices ``0..n_classes-1`` (``criterion`` "gini"/"entropy") or
        real targets (``criterion`` "squared_error").
    weights : ndarray of shape (n_samples,)
        Non-negative sample weights (bootstrap counts in a forest); samples with
        weight 0 are out of the tree's bag.
    criterion, n_classes, max_depth, min_samples_split, min_samples_leaf, max_features
        As in the estimators (already validated and turned into ints).
    rng : numpy.random.Generator
        Draws the order in which each node visits the features (and so the
        ``max_features`` candidates, and the winner among exactly tied splits).
    order : ndarray of shape (n_samples, n_features), optional
        ``np.argsort(X, axis=0, kind="stable")`` if already computed.
    """
    n_samples, n_features = X.shape
    if order is None:
        order = np.argsort(X, axis=0, kind="stable")  # (n_samples, n_features)

    # A "slot" is one in-bag sample; slots are numbered in sample order.
    in_bag = weights > 0
    (slot_sample,) = np.nonzero(in_bag)  # (n_slots,)
    n_slots = slot_sample.shape[0]
    index_type = np.int32 if n_slots * n_features < 2**31 else np.int64  # slot * F + f must fit
    data = _Slots(X=X[slot_sample].ravel(), y=y[slot_sample],
                  w=weights[slot_sample].astype(np.float64), n_features=n_features)
    if criterion == "entropy" and np.array_equal(data.w, np.round(data.w)):
        # integer weights (always, in this package): class counts are integers, so
        # c log2 c is looked up in a table instead of computing a logarithm per candidate.
        k = np.arange(int(data.w.sum()) + 1, dtype=np.float64)
        data.xlogx = k * np.log2(np.maximum(k, 1.0))
    slot_id = np.full(n_samples, -1, dtype=index_type)
    slot_id[in_bag] = np.arange(n_slots, dtype=index_type)
    # S[f] lists the slots sorted by feature f inside each node; a node is a block of columns.
    S = slot_id[order].T  # (n_features, n_samples)
    S = S[S >= 0].reshape(n_features, n_slots)  # (n_features, n_slots)

    # Nodes of the current level, in the order of their column blocks in S.
    n_rows = np.array([n_slots])  # distinct samples per node
    parent = np.full(1, -1, dtype=np.intp)
    is_left = np.zeros(1, dtype=bool)
    levels: list[dict[str, np.ndarray]] = []
    n_done = 0  # nodes created on earlier levels
    depth = 0
    while n_rows.size:
        n_nodes = n_rows.shape[0]
        ids = n_done + np.arange(n_nodes)
        row_node = np.repeat(np.arange(n_nodes), n_rows)  # (columns of S,)
        stats = _node_stats(data, S[0], row_node, n_nodes, criterion, n_classes)
        level = dict(id=ids, parent=parent, is_left=is_left, value=stats["value"],
                     impurity=stats["impurity"], n=n_rows, w=stats["w"],
                     feature=np.full(n_nodes, TREE_UNDEFINED, dtype=np.intp),
                     threshold=np.full(n_nodes, float(TREE_UNDEFINED)))
        levels.append(level)
        n_done += n_nodes
        splittable = ((depth < max_depth) & (n_rows >= min_samples_split)
                      & (n_rows >= 2 * min_samples_leaf) & (stats["impurity"] > EPSILON))
        cand = np.flatnonzero(splittable)
        if cand.size == 0:
            break
        node, feat, thr = _best_splits(data, S, n_rows, cand, stats, criterion=criterion,
                                       min_samples_leaf=min_samples_leaf,
                                       max_features=max_features, rng=rng)
        if node.size == 0:
            break
        level["feature"][node] = feat
        level["threshold"][node] = thr

        # ---- stable partition of every row of S: left children first, then right children ----
        node_feat = np.zeros(n_nodes, dtype=np.intp)
        node_thr = np.zeros(n_nodes)
        node_feat[node], node_thr[node] = feat, thr
        in_split = np.zeros(n_nodes, dtype=bool)
        in_split[node] = True
        moving = in_split[row_node]
        slots, owner = S[0][moving], row_node[moving]
        side = np.full(n_slots, 2, dtype=np.int8)  # 0 left, 1 right, 2 leaves the tree-growing
        goes_right = data.X[slots * n_features + node_feat[owner]] > node_thr[owner]
        side[slots] = goes_right
        n_r = np.bincount(owner, weights=goes_right, minlength=n_nodes)[node].astype(np.intp)
        n_l = n_rows[node] - n_r
        side_S = side[S]  # (n_features, columns)
        S = np.concatenate([S[side_S == 0].reshape(n_features, -1),
                            S[side_S == 1].reshape(n_features, -1)], axis=1)
        n_rows = np.concatenate([n_l, n_r])
        parent = np.tile(ids[node], 2)
        is_left = np.repeat([True, False], node.size)
        depth += 1
    return _assemble(levels)


@dataclass
class _Slots:
    """Per-slot data: features (flattened row-major), targets and weights."""

    X: np.ndarray  # (n_slots * n_features,)
    y: np.ndarray  # (n_slots,)
    w: np.ndarray  # (n_slots,)
    n_features: int
    xlogx: np.ndarray | None = None  # k log2 k for k = 0, 1, ..., total weight


def _node_stats(data: _Slots, slots: np.ndarray, row_node: np.ndarray, n_nodes: int,
                criterion: str, n_classes: int) -> dict[str, np.ndarray]:
    """Weight, value and impurity of every node of a level (``slots[i]`` is in ``row_node[i]``)."""
    w_row = data.w[slots]
    w_node = np.bincount(row_node, weights=w_row, minlength=n_nodes)
    y_row = data.y[slots]
    if criterion == "squared_error":
        mean = np.bincount(row_node, weights=w_row * y_row, minlength=n_nodes) / w_node
        resid = y_row - mean[row_node]
        impurity = np.bincount(row_node, weights=w_row * resid * resid, minlength=n_nodes) / w_node
        return dict(w=w_node, mean=mean, value=mean[:, None], impurity=impurity)
    counts = np.bincount(row_node * n_classes + y_row, weights=w_row,
                         minlength=n_nodes * n_classes).reshape(n_nodes, n_classes)
    return dict(w=w_node, counts=counts, value=counts / w_node[:, None],
                impurity=_weighted_impurity(counts, w_node, criterion) / w_node)


def _best_splits(data: _Slots, S: np.ndarray, n_rows: np.ndarray, cand: np.ndarray,
                 stats: dict[str, np.ndarray], *, criterion: str, min_samples_leaf: int,
                 max_features: int, rng: np.random.Generator
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Best split of each candidate node: (nodes that split, their feature, their threshold)."""
    n_features, n_cols = S.shape
    start = (np.cumsum(n_rows) - n_rows)[cand]  # first column of each candidate's block
    c_n = n_rows[cand]
    feat_rows = np.arange(n_features)[:, None] * n_cols
    lo = data.X[S.ravel()[feat_rows + start] * n_features + np.arange(n_features)[:, None]]
    hi = data.X[S.ravel()[feat_rows + start + c_n - 1] * n_features
                + np.arange(n_features)[:, None]]
    varies = (hi > lo + FEATURE_THRESHOLD).T  # (k, F): a constant feature cannot split
    # Features are visited in a random order per node, as in scikit-learn: with all features
    # this only decides between exactly tied splits (no preference for low column indices).
    perm = np.argsort(rng.random((cand.size, n_features)), axis=1)  # (k, F)
    use = np.take_along_axis(varies, perm, axis=1)
    if max_features < n_features:  # stop after max_features visits and >= 1 non-constant one
        first_ok = np.where(use.any(axis=1), use.argmax(axis=1), n_features)
        n_visit = np.maximum(max_features, first_ok + 1)
        use &= np.arange(n_features) < n_visit[:, None]
    pair_node, rank = np.nonzero(use)  # node-major, then in visiting order
    pair_feat = perm[pair_node, rank]
    empty = np.zeros(0, dtype=np.intp)
    if pair_node.size == 0:
        return empty, empty, np.zeros(0)

    # ---- flatten all (node, feature) pairs, each sorted by its feature ----
    pair_len = c_n[pair_node]
    pair_end = np.cumsum(pair_len)
    pair_begin = pair_end - pair_len
    total = int(pair_end[-1])
    pair_of = np.repeat(np.arange(pair_node.size), pair_len)  # (total,)
    pos = np.arange(total) - pair_begin[pair_of]  # position inside the pair
    node_of = pair_node[pair_of]
    feat_of = pair_feat[pair_of]
    slot = S.ravel()[feat_of * n_cols + start[node_of] + pos]
    x = data.X[slot * n_features + feat_of]  # sorted inside each pair
    w = data.w[slot]
    n_left = pos + 1
    ok = (n_left >= min_samples_leaf) & (c_n[node_of] - n_left >= min_samples_leaf)
    ok[:-1] &= x[1:] > x[:-1] + FEATURE_THRESHOLD
    ok[pair_end - 1] = False
    last = pair_end[pair_of] - 1  # the pair's last position: the cumulative sums hold node totals

    def within_pair_cumsum(v: np.ndarray) -> np.ndarray:
        out = np.cumsum(v, axis=0)
        out -= np.repeat(out[pair_begin] - v[pair_begin], pair_len, axis=0)
        return out

    w_left = within_pair_cumsum(w)
    w_right = w_left[last] - w_left
    safe_wr = np.where(w_right > 0, w_right, 1.0)
    if criterion == "squared_error":  # centred targets: maximise S_l^2 / w_l + S_r^2 / w_r
        wy = w * (data.y[slot] - stats["mean"][cand][node_of])
        s_left = within_pair_cumsum(wy)
        s_right = s_left[last] - s_left
        gain = s_left * s_left / w_left + s_right * s_right / safe_wr
    else:
        n_classes = stats["counts"].shape[1]
        onehot = np.zeros((total, n_classes))
        onehot[np.arange(total), data.y[slot]] = w
        c_left = within_pair_cumsum(onehot)  # (total, C)
        c_right = c_left[last] - c_left
        if criterion == "gini":  # maximise sum c_l^2 / w_l + sum c_r^2 / w_r
            gain = (np.einsum("ij,ij->i", c_left, c_left) / w_left
                    + np.einsum("ij,ij->i", c_right, c_right) / safe_wr)
        else:  # minimise the children's weighted entropy
            if data.xlogx is None:
                gain = -(_weighted_impurity(c_left, w_left, criterion)
                         + _weighted_impurity(c_right, w_right, criterion))
            else:  # w H = w log2 w - sum_k c_k log2 c_k, from the table
                t = data.xlogx
                gain = (t[c_left.astype(np.intp)].sum(axis=1) + t[c_right.astype(np.intp)].sum(axis=1)
                        - t[w_left.astype(np.intp)] - t[w_right.astype(np.intp)])
    gain[~ok] = -np.inf

    # ---- best split of each node: the first maximum over its pairs ----
    node_first = np.searchsorted(node_of, np.arange(cand.size))
    has_pairs = node_first < total
    best = np.full(cand.size, -np.inf)
    best[has_pairs] = np.maximum.reduceat(gain, node_first[has_pairs])
    hits = np.flatnonzero((gain == best[node_of]) & ok)
    if hits.size == 0:
        return empty, empty, np.zeros(0)
    hits = hits[np.r_[True, node_of[hits[1:]] != node_of[hits[:-1]]]]
    thr = x[hits] / 2.0 + x[hits + 1] / 2.0  # as scikit-learn: midpoint, else the left value
    bad = (thr == x[hits + 1]) | ~np.isfinite(thr)
    thr[bad] = x[hits][bad]
    return cand[node_of[hits]], feat_of[hits], thr


def _assemble(levels: list[dict[str, np.ndarray]]) -> Tree:
    """Turn the breadth-first levels into a `Tree` with its nodes in depth-first order."""
    cat = {key: np.concatenate([lv[key] for lv in levels]) for key in levels[0]}
    n_nodes = cat["id"].shape[0]
    depth = np.concatenate([np.full(lv["id"].shape[0], d) for d, lv in enumerate(levels)])
    left = np.full(n_nodes, TREE_LEAF, dtype=np.intp)
    right = np.full(n_nodes, TREE_LEAF, dtype=np.intp)
    child = np.flatnonzero(cat["parent"] >= 0)
    is_l = cat["is_left"][child]
    left[cat["parent"][child[is_l]]] = child[is_l]
    right[cat["parent"][child[~is_l]]] = child[~is_l]
    # Subtree sizes bottom-up, then depth-first (pre-order) positions top-down.
    size = np.ones(n_nodes, dtype=np.intp)
    bounds = np.cumsum([0] + [lv["id"].shape[0] for lv in levels])
    for lo, hi in reversed(list(pairwise(bounds))):
        inner = lo + np.flatnonzero(left[lo:hi] != TREE_LEAF)
        size[inner] += size[left[inner]] + size[right[inner]]
    pre = np.zeros(n_nodes, dtype=np.intp)
    for lo, hi in pairwise(bounds):
        inner = lo + np.flatnonzero(left[lo:hi] != TREE_LEAF)
        pre[left[inner]] = pre[inner] + 1
        pre[right[inner]] = pre[inner] + 1 + size[left[inner]]
    inner = left != TREE_LEAF

    def placed(arr: np.ndarray) -> np.ndarray:
        out = np.empty_like(arr)
        out[pre] = arr
        return out

    return Tree(children_left=placed(np.where(inner, pre[left], TREE_LEAF)),
                children_right=placed(np.where(inner, pre[right], TREE_LEAF)),
                feature=placed(cat["feature"]), threshold=placed(cat["threshold"]),
                value=placed(cat["value"]), impurity=placed(cat["impurity"]),
                n_node_samples=placed(cat["n"]), weighted_n_node_samples=placed(cat["w"]),
                depth=placed(depth))
