"""Tests for mlnotes.association: the notes' numbers, brute force, mlxtend and bad input."""

from __future__ import annotations

import dataclasses
from fractions import Fraction
from itertools import combinations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mlxtend.frequent_patterns import apriori as mlx_apriori
from mlxtend.frequent_patterns import association_rules as mlx_rules
from mlxtend.preprocessing import TransactionEncoder

from mlnotes import association
from mlnotes.association import Rule, apriori, association_rules, support, support_count
from mlnotes.book.data import load_market_baskets
from mlnotes.datasets import make_baskets


def _brute_force(transactions, min_support):
    """Every itemset of every size, counted directly."""
    baskets = [set(t) for t in transactions]
    items = sorted(set().union(*baskets))
    found = {}
    for k in range(1, len(items) + 1):
        for combo in combinations(items, k):
            s = sum(set(combo) <= b for b in baskets) / len(baskets)
            if s >= min_support:
                found[frozenset(combo)] = s
    return found


def _mlxtend(transactions, min_support):
    encoder = TransactionEncoder()
    df = pd.DataFrame(encoder.fit(transactions).transform(transactions), columns=encoder.columns_)
    return df, mlx_apriori(df, min_support, use_colnames=True)


# ----------------------------------------------------------------------- the notes' example
def test_five_basket_table():
    assert load_market_baskets() == [
        ["Bread", "Milk"], ["Bread", "Diaper", "Beer", "Eggs"], ["Milk", "Diaper", "Beer", "Coke"],
        ["Bread", "Milk", "Diaper", "Beer"], ["Bread", "Milk", "Diaper", "Coke"]]


def test_notes_numbers():
    T = load_market_baskets()
    assert support_count(T, {"Milk", "Bread", "Diaper"}) == 2  # T4 and T5
    assert support(T, {"Milk", "Bread", "Diaper"}) == 2 / 5
    frequent = apriori(T, min_support=0.4)
    assert frequent[frozenset({"Milk", "Bread", "Diaper"})] == pytest.approx(2 / 5)
    rules = association_rules(frequent, min_confidence=0.6)
    rule = next(r for r in rules if r.antecedent == {"Milk", "Diaper"} and r.consequent == {"Beer"})
    assert rule.support == pytest.approx(2 / 5)             # sigma({Milk, Diaper, Beer}) / N = 2/5
    assert rule.confidence == pytest.approx(2 / 3)          # sigma(X u Y) / sigma(X) = 2/3
    assert rule.lift == pytest.approx(Fraction(2, 3) / Fraction(3, 5))  # 10/9
    assert rule.leverage == pytest.approx(2 / 5 - 3 / 5 * 3 / 5)
    assert rule.conviction == pytest.approx((1 - 3 / 5) / (1 - 2 / 3))
    assert str(rule) == "{Diaper, Milk} -> {Beer}"


def test_notes_frequent_itemsets_by_hand():
    # counts >= 2 of 5: Bread 4, Milk 4, Diaper 4, Beer 3, Coke 2; pairs and triples counted by hand
    frequent = apriori(load_market_baskets(), min_support=0.4)
    sizes = [len(s) for s in frequent]
    assert sizes.count(1) == 5 and sizes.count(2) == 8 and sizes.count(3) == 4 and max(sizes) == 3
    assert frequent[frozenset({"Beer"})] == pytest.approx(3 / 5)
    assert frozenset({"Eggs"}) not in frequent and frozenset({"Beer", "Coke"}) not in frequent


# -------------------------------------------------------------------------------- references
@pytest.mark.parametrize("seed, min_support", [(0, 0.05), (1, 0.1), (2, 0.02), (3, 0.3)])
def test_apriori_equals_brute_force(seed, min_support):
    T = make_baskets(150, 12, avg_size=3.0, random_state=seed)
    assert apriori(T, min_support) == _brute_force(T, min_support)


@pytest.mark.parametrize("seed, min_support", [(0, 0.02), (1, 0.05), (2, 0.01)])
def test_apriori_equals_mlxtend(seed, min_support):
    T = make_baskets(800, 30, avg_size=5.0, random_state=seed)
    _, ref = _mlxtend(T, min_support)
    assert apriori(T, min_support) == dict(zip(ref.itemsets, ref.support, strict=True))


def test_rules_equal_mlxtend():
    T = make_baskets(500, 15, avg_size=4.0, random_state=4)
    ours = association_rules(apriori(T, 0.05), min_confidence=0.5)
    _, frequent = _mlxtend(T, 0.05)
    ref = mlx_rules(frequent, metric="confidence", min_threshold=0.5)
    ref_rules = {(a, c): (s, conf, lift) for a, c, s, conf, lift in
                 zip(ref.antecedents, ref.consequents, ref.support, ref.confidence, ref.lift, strict=True)}
    assert len(ours) == len(ref_rules) > 0
    for r in ours:
        s, conf, lift = ref_rules[(r.antecedent, r.consequent)]
        assert (r.support, r.confidence, r.lift) == pytest.approx((s, conf, lift), rel=1e-12)


@settings(max_examples=30, deadline=None)
@given(baskets=st.lists(st.sets(st.integers(0, 7), max_size=6), min_size=1, max_size=25),
       min_support=st.sampled_from([0.04, 0.1, 0.2, 0.5, 1.0]))
def test_apriori_brute_force_property(baskets, min_support):
    frequent = apriori(baskets, min_support)
    assert frequent == _brute_force(baskets, min_support)
    for itemset in frequent:  # downward closure
        assert all(frozenset(sub) in frequent for sub in combinations(itemset, len(itemset) - 1) if sub)


def test_candidate_generation_is_join_plus_prune():
    rng = np.random.default_rng(0)
    for k in (1, 2, 3):
        all_sets = list(combinations(range(7), k))
        chosen = sorted(all_sets[i] for i in np.flatnonzero(rng.random(len(all_sets)) < 0.6))
        L = np.array(chosen, dtype=np.intp).reshape(-1, k)
        cand, parent = association._join_and_prune(L)
        frequent = set(chosen)
        expected = {c for c in combinations(range(7), k + 1)
                    if all(s in frequent for s in combinations(c, k))}
        assert [tuple(c) for c in cand.tolist()] == sorted(expected)  # sorted, no duplicates
        np.testing.assert_array_equal(L[parent], cand[:, :k])  # parent = prefix


def test_apriori_details():
    T = [["a", "b", "b"], [], ["b", "c"], ["a", "b", "c"]]  # duplicate item, empty basket
    f = apriori(T, 0.5)
    assert f == {frozenset("a"): 0.5, frozenset("b"): 0.75, frozenset("c"): 0.5,
                 frozenset("ab"): 0.5, frozenset("bc"): 0.5}
    assert list(apriori(T, 0.25, max_len=1)) == [frozenset("a"), frozenset("b"), frozenset("c")]
    assert apriori([[1, "x"], [1, "x"]], 1.0) == {frozenset([1]): 1.0, frozenset(["x"]): 1.0,
                                                 frozenset([1, "x"]): 1.0}  # mixed item types
    assert apriori([[], []], 0.5) == {}
    assert apriori(iter([("a",), ("a",)]), 1.0) == {frozenset("a"): 1.0}


def test_many_transactions_use_several_bitset_words():
    T = [["x", "y"] if i % 3 else ["x"] for i in range(1000)]
    f = apriori(T, 0.1)
    assert f[frozenset("xy")] == pytest.approx(666 / 1000)
    assert f[frozenset("x")] == 1.0


def test_rules_properties_and_order():
    T = make_baskets(300, 10, random_state=5)
    frequent = apriori(T, 0.05)
    rules = association_rules(frequent, min_confidence=0.3)
    assert rules
    for r in rules:
        assert r.confidence >= 0.3 and not (r.antecedent & r.consequent)
        assert r.support == frequent[r.antecedent | r.consequent]
        assert r.confidence == pytest.approx(r.support / frequent[r.antecedent])
    keys = [(-r.confidence, -r.lift, -r.support) for r in rules]
    assert keys == sorted(keys)
    assert rules == association_rules(dict(reversed(list(frequent.items()))), min_confidence=0.3)
    sure = association_rules({frozenset("a"): 0.5, frozenset("b"): 0.5, frozenset("ab"): 0.5}, 1.0)
    assert [r.conviction for r in sure] == [np.inf, np.inf]


def test_rule_is_frozen():
    rule = Rule(frozenset("a"), frozenset("b"), 0.5, 1.0, 2.0, 0.25, np.inf)
    with pytest.raises(dataclasses.FrozenInstanceError):
        rule.confidence = 0.1


# -------------------------------------------------------------------------------- bad input
@pytest.mark.parametrize("min_support", [0, 0.0, -0.1, 1.5])
def test_apriori_rejects_min_support_outside_unit_interval(min_support):
    with pytest.raises(ValueError, match="min_support must be"):
        apriori(load_market_baskets(), min_support)


def test_apriori_rejects_bad_input():
    with pytest.raises(ValueError, match="transactions is empty"):
        apriori([], 0.5)
    with pytest.raises(TypeError, match="min_support must be a real number"):
        apriori(load_market_baskets(), "0.5")
    with pytest.raises(TypeError, match="transaction 1 must be an iterable of items"):
        apriori([["a"], "bc"], 0.5)
    with pytest.raises(TypeError, match="transaction 0 must be an iterable of items"):
        apriori([3], 0.5)
    with pytest.raises(TypeError, match="transactions must be a list of transactions"):
        apriori(None, 0.5)
    with pytest.raises(TypeError, match="transaction 0 contains an unhashable item"):
        apriori([[["a"]]], 0.5)
    with pytest.raises(ValueError, match="max_len must be >= 1"):
        apriori([["a"]], 0.5, max_len=0)
    with pytest.raises(TypeError, match="itemset must be an iterable of items"):
        support_count(load_market_baskets(), "Milk")


@pytest.mark.parametrize("min_confidence", [0, -0.5, 1.01])
def test_rules_reject_min_confidence_outside_unit_interval(min_confidence):
    with pytest.raises(ValueError, match="min_confidence must be"):
        association_rules(apriori(load_market_baskets(), 0.4), min_confidence)


def test_rules_reject_incomplete_or_wrong_frequent():
    with pytest.raises(ValueError, match=r"lacks the support of \{a\}"):
        association_rules({frozenset("ab"): 0.5, frozenset("b"): 0.5}, 0.5)
    with pytest.raises(TypeError, match="frequent must be a dict"):
        association_rules([frozenset("ab")], 0.5)
