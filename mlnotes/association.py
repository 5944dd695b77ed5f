r"""Association rules: frequent itemsets with Apriori, then rules with support, confidence and lift.

Vocabulary (the notes' market-basket example): an *itemset* is a set of items; its
support count $\sigma(X)$ is the number of transactions that contain it and
its support is $\sigma(X) / N$. A rule $X \to Y$ has support
$\sigma(X \cup Y)/N$ and confidence $\sigma(X \cup Y) / \sigma(X)$.

References
----------
R. Agrawal & R. Srikant, "Fast algorithms for mining association rules", VLDB 1994.
P.-N. Tan, M. Steinbach & V. Kumar, *Introduction to Data Mining*, 2nd ed., ch. 5 (2019).
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from itertools import chain, combinations
from typing import Any

import numpy as np

from ._validation import check_scalar

__all__ = ["Rule", "apriori", "association_rules", "support", "support_count"]

_WORDS_PER_BLOCK = 1 << 20  # candidate bitsets are counted in blocks of at most 8 MB


def _as_transactions(transactions: Any) -> list[frozenset]:
    """Validate ``transactions`` and return one frozenset of items per transaction."""
    if isinstance(transactions, (str, bytes)) or not isinstance(transactions, Iterable):
        raise TypeError("transactions must be a list of transactions (each an iterable of items), "
                        f"got {type(transactions).__name__}.")
    transactions = list(transactions)
    if not transactions:
        raise ValueError("transactions is empty; expected at least one transaction.")
    try:
        if not any(isinstance(t, (str, bytes)) for t in transactions):
            return [frozenset(t) for t in transactions]
    except TypeError:
        pass
    for i, t in enumerate(transactions):  # find the culprit for a precise message
        if isinstance(t, (str, bytes)) or not isinstance(t, Iterable):
            raise TypeError(f"transaction {i} must be an iterable of items such as a list or set, "
                            f"got {t!r}; wrap a single item as [{t!r}].")
        try:
            frozenset(t)
        except TypeError:
            raise TypeError(f"transaction {i} contains an unhashable item: {t!r}.") from None
    raise TypeError("transactions could not be read as collections of hashable items.")


def _as_itemset(itemset: Any) -> frozenset:
    if isinstance(itemset, (str, bytes)) or not isinstance(itemset, Iterable):
        raise TypeError(f"itemset must be an iterable of items such as {{'Milk', 'Bread'}}, "
                        f"got {itemset!r}.")
    return frozenset(itemset)


def support_count(transactions: Iterable[Iterable[Hashable]], itemset: Iterable[Hashable]) -> int:
    r"""Support count $\sigma(X)$: the number of transactions containing every item of ``itemset``.

    Examples
    --------
    >>> baskets = [{"Bread", "Milk"}, {"Bread", "Beer"}, {"Milk", "Bread", "Eggs"}]
    >>> support_count(baskets, {"Milk", "Bread"})
    2
    """
    wanted = _as_itemset(itemset)
    return sum(wanted <= t for t in _as_transactions(transactions))


def support(transactions: Iterable[Iterable[Hashable]], itemset: Iterable[Hashable]) -> float:
    r"""Support $\sigma(X) / N$: the fraction of transactions containing ``itemset``.

    Examples
    --------
    >>> support([{"Bread", "Milk"}, {"Bread", "Beer"}], {"Bread"})
    1.0
    """
    baskets = _as_transactions(transactions)
    return support_count(baskets, itemset) / len(baskets)


def _popcount(words: np.ndarray) -> np.ndarray:
    """Number of set bits in each row of a uint64 array (n_rows, n_words)."""
    if hasattr(np, "bitwise_count"):  # numpy >= 2.0
        return np.bitwise_count(words).sum(axis=1, dtype=np.int64)
    table = np.array([i.bit_count() for i in range(256)], dtype=np.int64)
    return table[words.view(np.uint8)].sum(axis=1)


def _item_bitsets(baskets: list[frozenset]) -> tuple[list, np.ndarray]:
    """Items (sorted when comparable) and their transaction bitsets, shape (n_items, n_words)."""
    items = set().union(*baskets)
    try:
        items = sorted(items)
    except TypeError:  # mixed types: keep a deterministic first-seen order
        seen: dict = {}
        for t in baskets:
            for item in t:
                seen.setdefault(item, None)
        items = list(seen)
    index = {item: j for j, item in enumerate(items)}
    rows = np.repeat(np.arange(len(baskets)), [len(t) for t in baskets])
    cols = np.array(list(map(index.__getitem__, chain.from_iterable(baskets))), dtype=np.intp)
    B = np.zeros((len(baskets), len(items)), dtype=bool)  # (n_transactions, n_items) basket x item matrix
    B[rows, cols] = True
    packed = np.packbits(B, axis=0).T  # (n_items, ceil(N / 8)): bit t of row j <=> item j in transaction t
    n_bytes = -(-packed.shape[1] // 8) * 8
    bits = np.zeros((len(items), n_bytes), dtype=np.uint8)
    bits[:, :packed.shape[1]] = packed
    return items, bits.view(np.uint64)  # (n_items, n_words)


def _join_and_prune(L: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Apriori candidate generation from the frequent k-itemsets ``L`` (rows sorted, shape (n, k)).

    Join: two itemsets sharing their first ``k - 1`` items give a (k+1)-candidate.
    Prune: drop candidates having a k-subset that is not frequent.
    Returns the candidates (n_cand, k + 1) and, for each, the row of the parent it
    extends by one item.
    """
    n, k = L.shape
    # sorted rows sharing their first k - 1 items form contiguous groups
    starts = np.flatnonzero(np.r_[True, (L[1:, :k - 1] != L[:-1, :k - 1]).any(axis=1)])
    sizes = np.diff(np.r_[starts, n])
    partners = np.repeat(starts + sizes, sizes) - np.arange(n) - 1  # later rows of the same group
    a = np.repeat(np.arange(n), partners)
    b = a + 1 + np.arange(a.size) - np.repeat(np.cumsum(partners) - partners, partners)  # a < b
    cand = np.hstack([L[a], L[b, -1:]])  # (n_cand, k + 1), still sorted
    if k >= 2 and cand.size:
        key = np.dtype((np.void, L.dtype.itemsize * k))
        frequent = np.ascontiguousarray(L).view(key).ravel()
        keep = np.ones(len(cand), dtype=bool)
        for j in range(k - 1):  # dropping item k-1 or k gives a parent, frequent by construction
            subset = np.ascontiguousarray(np.delete(cand, j, axis=1)).view(key).ravel()
            keep &= np.isin(subset, frequent)
        cand, a = cand[keep], a[keep]
    return cand, a


def apriori(transactions: Iterable[Iterable[Hashable]], min_support: float, *,
            max_len: int | None = None) -> dict[frozenset, float]:
    r"""Frequent itemsets by the Apriori algorithm.

    Parameters
    ----------
    transactions : iterable of iterables of hashable
        One collection of items per transaction (repeated items count once; an empty
        transaction counts towards $N$).
    min_support : float
        Keep the itemsets with support ``>= min_support``, in ``(0, 1]``.
    max_len : int or None, default=None
        Largest itemset size to look for; ``None`` means no limit.

    Returns
    -------
    dict of frozenset to float
        Every frequent itemset and its support, by increasing size and, within a
        size, in the items' sorted order.

    Notes
    -----
    Apriori principle: every subset of a frequent itemset is frequent. Level
    $k+1$ candidates are joined from pairs of frequent $k$-itemsets that
    share their first $k-1$ (sorted) items, and pruned when one of their
    $k$-subsets is not frequent; only the survivors are counted. Counting is
    vectorised: each item's column of the boolean transaction-by-item matrix is
    packed into a bitset, a candidate's bitset is the AND of its parent's bitset
    and its last item's, and $\sigma$ is the number of set bits.

    References
    ----------
    Agrawal & Srikant (1994); Tan, Steinbach & Kumar (2019), §5.2.

    Examples
    --------
    >>> baskets = [["Bread", "Milk"], ["Bread", "Diaper", "Beer", "Eggs"],
    ...            ["Milk", "Diaper", "Beer", "Coke"], ["Bread", "Milk", "Diaper", "Beer"],
    ...            ["Bread", "Milk", "Diaper", "Coke"]]
    >>> frequent = apriori(baskets, min_support=0.4)
    >>> frequent[frozenset({"Milk", "Bread", "Diaper"})]
    0.4
    >>> len(frequent)  # 5 items, 8 pairs, 4 triples
    17
    """
    baskets = _as_transactions(transactions)
    check_scalar(min_support, "min_support", numbers.Real, min_val=0.0, include_min=False, max_val=1.0)
    if max_len is not None:
        check_scalar(max_len, "max_len", int, min_val=1)
    n = len(baskets)
    items, item_bits = _item_bitsets(baskets)
    if not items:
        return {}
    counts = _popcount(item_bits)
    keep = counts / n >= min_support
    L = np.flatnonzero(keep)[:, None]  # (n_frequent, 1) frequent 1-itemsets as item indices
    bits, levels = item_bits[keep], [(L, counts[keep])]
    while len(L) > 1 and (max_len is None or L.shape[1] < max_len):
        cand, a = _join_and_prune(L)
        block = max(1, _WORDS_PER_BLOCK // item_bits.shape[1])
        found_rows, found_counts, found_bits = [], [], []
        for s in range(0, len(cand), block):
            sl = slice(s, s + block)
            cand_bits = bits[a[sl]] & item_bits[cand[sl, -1]]  # (block, n_words)
            c = _popcount(cand_bits)
            ok = c / n >= min_support
            found_rows.append(np.flatnonzero(ok) + s)
            found_counts.append(c[ok])
            found_bits.append(cand_bits[ok])
        rows = np.concatenate(found_rows) if found_rows else np.empty(0, dtype=np.intp)
        if rows.size == 0:
            break
        L, bits = cand[rows], np.concatenate(found_bits)
        levels.append((L, np.concatenate(found_counts)))
    return {frozenset(items[j] for j in row): c / n
            for L_k, counts_k in levels for row, c in zip(L_k.tolist(), counts_k.tolist(), strict=True)}


def _names(itemset: frozenset) -> str:
    return "{" + ", ".join(sorted(map(str, itemset))) + "}"


@dataclass(frozen=True)
class Rule:
    r"""An association rule $X \to Y$ with its measures.

    Parameters
    ----------
    antecedent : frozenset
        $X$, the left-hand side.
    consequent : frozenset
        $Y$, the right-hand side (disjoint from $X$).
    support : float
        $s(X \cup Y)$, the fraction of transactions containing both.
    confidence : float
        $s(X \cup Y) / s(X)$, an estimate of $P(Y \mid X)$.
    lift : float
        $\mathrm{conf} / s(Y)$; above 1 when $X$ makes $Y$ more likely.
    leverage : float
        $s(X \cup Y) - s(X)\,s(Y)$.
    conviction : float
        $(1 - s(Y)) / (1 - \mathrm{conf})$, infinite when the confidence is 1.
    """

    antecedent: frozenset
    consequent: frozenset
    support: float
    confidence: float
    lift: float
    leverage: float
    conviction: float

    def __str__(self) -> str:
        return f"{_names(self.antecedent)} -> {_names(self.consequent)}"


def association_rules(frequent: Mapping[frozenset, float], min_confidence: float = 0.8) -> list[Rule]:
    r"""All rules $X \to Y$ from frequent itemsets whose confidence reaches ``min_confidence``.

    Parameters
    ----------
    frequent : dict of frozenset to float
        Itemsets and their supports, closed under subsets, as returned by [`apriori`][mlnotes.association.apriori].
    min_confidence : float, default=0.8
        Keep rules with confidence ``>= min_confidence``, in ``(0, 1]``.

    Returns
    -------
    list of Rule
        For every frequent itemset $I$ with at least two items and every
        non-empty proper subset $X \subset I$, the rule $X \to I \setminus X$
        if confident enough; sorted by decreasing confidence, then lift, then support,
        then antecedent size and item names, so the order is deterministic.

    Examples
    --------
    >>> baskets = [["Bread", "Milk"], ["Bread", "Diaper", "Beer", "Eggs"],
    ...            ["Milk", "Diaper", "Beer", "Coke"], ["Bread", "Milk", "Diaper", "Beer"],
    ...            ["Bread", "Milk", "Diaper", "Coke"]]
    >>> rules = association_rules(apriori(baskets, 0.4), min_confidence=0.6)
    >>> rule = next(r for r in rules if r.antecedent == {"Milk", "Diaper"} and r.consequent == {"Beer"})
    >>> str(rule), rule.support, round(rule.confidence, 2), round(rule.lift, 2)
    ('{Diaper, Milk} -> {Beer}', 0.4, 0.67, 1.11)
    """
    if not isinstance(frequent, Mapping):
        raise TypeError(f"frequent must be a dict of frozenset -> support (from apriori), "
                        f"got {type(frequent).__name__}.")
    check_scalar(min_confidence, "min_confidence", numbers.Real, min_val=0.0, include_min=False,
                 max_val=1.0)
    for itemset, s in frequent.items():
        if not isinstance(itemset, frozenset) or not itemset:
            raise TypeError(f"frequent must map non-empty frozensets to supports, got key {itemset!r}.")
        check_scalar(s, f"the support of {_names(itemset)}", numbers.Real, min_val=0.0, include_min=False,
                     max_val=1.0)
    rules = []
    for itemset, s_xy in frequent.items():
        if len(itemset) < 2:
            continue
        for size in range(1, len(itemset)):
            for x in combinations(sorted(itemset, key=repr), size):
                X = frozenset(x)
                Y = itemset - X
                if X not in frequent or Y not in frequent:
                    missing = X if X not in frequent else Y
                    raise ValueError(f"frequent lacks the support of {_names(missing)}, a subset of "
                                     f"{_names(itemset)}; pass the full output of apriori.")
                confidence = s_xy / frequent[X]
                if confidence < min_confidence:
                    continue
                s_y = frequent[Y]
                conviction = math.inf if confidence >= 1.0 else (1.0 - s_y) / (1.0 - confidence)
                rules.append(Rule(X, Y, s_xy, confidence, confidence / s_y, s_xy - frequent[X] * s_y,
                                  conviction))
    rules.sort(key=lambda r: (-r.confidence, -r.lift, -r.support, len(r.antecedent),
                              sorted(map(repr, r.antecedent)), sorted(map(repr, r.consequent))))
    return rules
