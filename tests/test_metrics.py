"""Metrics vs scikit-learn on random labels, hand-checked values and bad input."""
import warnings

import hypothesis.extra.numpy as hnp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn import metrics as sk

from mlnotes import metrics
from mlnotes.metrics import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    mean_squared_error,
    precision_score,
    r2_score,
    recall_score,
    roc_auc_score,
)


def _label_pairs(n_cases=40):
    rng = np.random.default_rng(0)
    for _ in range(n_cases):
        n, k = int(rng.integers(1, 40)), int(rng.integers(2, 5))
        yield rng.integers(0, k, n), rng.integers(0, k, n)


@pytest.mark.parametrize("average", ["macro", "micro", "weighted", None])
def test_precision_recall_f1_match_scikit_learn(average):
    for y_true, y_pred in _label_pairs():
        for name in ("precision_score", "recall_score", "f1_score"):
            ours = getattr(metrics, name)(y_true, y_pred, average=average)
            ref = getattr(sk, name)(y_true, y_pred, average=average, zero_division=0.0)
            np.testing.assert_allclose(ours, ref, atol=1e-12)


def test_binary_scores_accuracy_and_confusion_match_scikit_learn():
    for y_true, y_pred in _label_pairs():
        assert accuracy_score(y_true, y_pred) == pytest.approx(sk.accuracy_score(y_true, y_pred))
        assert accuracy_score(y_true, y_pred, normalize=False) == sk.accuracy_score(y_true, y_pred, normalize=False)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # scikit-learn warns about a single label
            np.testing.assert_array_equal(confusion_matrix(y_true, y_pred), sk.confusion_matrix(y_true, y_pred))
        for normalize in ("true", "pred", "all"):
            np.testing.assert_allclose(confusion_matrix(y_true, y_pred, labels=[0, 1, 2, 3], normalize=normalize),
                                       sk.confusion_matrix(y_true, y_pred, labels=[0, 1, 2, 3], normalize=normalize))
        b_true, b_pred = y_true % 2, y_pred % 2
        for name in ("precision_score", "recall_score", "f1_score"):
            for pos_label in (0, 1):
                ours = getattr(metrics, name)(b_true, b_pred, pos_label=pos_label)
                ref = getattr(sk, name)(b_true, b_pred, pos_label=pos_label, zero_division=0.0)
                assert ours == pytest.approx(ref, abs=1e-12)


def test_string_labels_and_label_subsets_match_scikit_learn():
    y_true = np.array(["cat", "dog", "cat", "bird", "dog", "cat"])
    y_pred = np.array(["cat", "cat", "cat", "bird", "dog", "dog"])
    np.testing.assert_array_equal(confusion_matrix(y_true, y_pred, labels=["dog", "cat"]),
                                  sk.confusion_matrix(y_true, y_pred, labels=["dog", "cat"]))
    for average in ("macro", "micro", "weighted"):
        assert f1_score(y_true, y_pred, labels=["cat", "dog"], average=average) == pytest.approx(
            sk.f1_score(y_true, y_pred, labels=["cat", "dog"], average=average))
    # "cat" predicted 3 times, right twice
    assert precision_score(y_true == "cat", y_pred == "cat", pos_label=True) == pytest.approx(2 / 3)


def test_hand_checked_binary_counts():
    # TP = 2, FP = 1, FN = 2, TN = 1
    y_true = [1, 1, 1, 1, 0, 0]
    y_pred = [1, 1, 0, 0, 1, 0]
    np.testing.assert_array_equal(confusion_matrix(y_true, y_pred), [[1, 1], [2, 2]])
    assert precision_score(y_true, y_pred) == pytest.approx(2 / 3)
    assert recall_score(y_true, y_pred) == pytest.approx(2 / 4)
    assert f1_score(y_true, y_pred) == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert accuracy_score(y_true, y_pred) == pytest.approx(3 / 6)
    assert precision_score([0, 0], [0, 0]) == 0.0  # no predicted positives: zero_division
    assert precision_score([0, 0], [0, 0], zero_division=1.0) == 1.0


def test_regression_metrics_match_scikit_learn():
    rng = np.random.default_rng(1)
    for shape in [(30,), (25, 3)]:
        y, p = rng.normal(size=shape), rng.normal(size=shape)
        assert mean_squared_error(y, p) == pytest.approx(sk.mean_squared_error(y, p), rel=1e-12)
        assert r2_score(y, p) == pytest.approx(sk.r2_score(y, p), rel=1e-12)
    assert r2_score([1.0, 1.0], [1.0, 1.0]) == 1.0 == sk.r2_score([1.0, 1.0], [1.0, 1.0])
    assert r2_score([1.0, 1.0], [1.0, 2.0]) == 0.0 == sk.r2_score([1.0, 1.0], [1.0, 2.0])
    assert mean_squared_error([0.0, 0.0], [1.0, 3.0]) == 5.0


def test_roc_auc_matches_scikit_learn_including_ties():
    rng = np.random.default_rng(2)
    for _ in range(30):
        n = int(rng.integers(2, 50))
        y = rng.integers(0, 2, n)
        y[:2] = [0, 1]
        scores = rng.integers(0, 6, n).astype(float) if rng.random() < 0.5 else rng.normal(size=n)
        assert roc_auc_score(y, scores) == pytest.approx(sk.roc_auc_score(y, scores), abs=1e-12)
    labels = np.array(["normal", "anomaly", "normal", "anomaly"])
    assert roc_auc_score(labels, [0.1, 0.2, 0.3, 0.4]) == sk.roc_auc_score(labels, [0.1, 0.2, 0.3, 0.4])
    # hand check: positives {0.35, 0.8}, negatives {0.1, 0.4}; 3 of 4 pairs ordered correctly
    assert roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75
    assert roc_auc_score([0, 1], [0.5, 0.5]) == 0.5


def test_bad_input_is_explained():
    with pytest.raises(ValueError, match="different lengths: 2 and 3"):
        accuracy_score([0, 1], [0, 1, 1])
    with pytest.raises(ValueError, match="y_true is empty"):
        f1_score([], [])
    with pytest.raises(ValueError, match="y_pred must be 1D, got array of shape \\(2, 2\\)"):
        confusion_matrix([0, 1], [[0, 1], [1, 0]])
    with pytest.raises(ValueError, match="Target is multiclass .* but average='binary'"):
        precision_score([0, 1, 2], [0, 1, 2])
    with pytest.raises(ValueError, match="pos_label=1 is not a valid label. It should be one of \\['a', 'b'\\]"):
        recall_score(["a", "b"], ["b", "a"])
    with pytest.raises(ValueError, match="average must be one of"):
        f1_score([0, 1], [0, 1], average="samples")
    with pytest.raises(ValueError, match="zero_division must be 0.0 or 1.0"):
        f1_score([0, 1], [0, 1], zero_division="warn")
    with pytest.raises(ValueError, match="At least one label specified must be in y_true"):
        confusion_matrix([0, 1], [0, 1], labels=[5])
    with pytest.raises(ValueError, match="normalize must be one of"):
        confusion_matrix([0, 1], [0, 1], normalize="rows")
    with pytest.raises(ValueError, match="y_true contains NaN"):
        accuracy_score([0.0, np.nan], [0.0, 1.0])
    with pytest.raises(ValueError, match="different shapes: \\(3, 1\\) and \\(2, 1\\)"):
        mean_squared_error([1.0, 2.0, 3.0], [1.0, 2.0])
    with pytest.raises(ValueError, match="y_pred contains infinity"):
        r2_score([1.0, 2.0], [1.0, np.inf])
    with pytest.raises(ValueError, match="R\\^2 needs at least two samples, got 1"):
        r2_score([1.0], [1.0])
    with pytest.raises(TypeError, match="must contain numbers"):
        mean_squared_error(["a"], ["b"])
    with pytest.raises(ValueError, match="exactly two classes; got 1 class"):
        roc_auc_score([1, 1, 1], [0.1, 0.2, 0.3])
    with pytest.raises(ValueError, match="exactly two classes; got 3 class"):
        roc_auc_score([0, 1, 2], [0.1, 0.2, 0.3])
    with pytest.raises(ValueError, match="y_score must be 1D"):
        roc_auc_score([0, 1], [[0.1, 0.9], [0.8, 0.2]])
    with pytest.raises(TypeError, match="Mix of label types"):
        f1_score([0, 1], ["a", "b"])
    with pytest.raises(TypeError, match="y_true must be array-like, got None"):
        accuracy_score(None, [1])


finite = st.floats(allow_nan=False, allow_infinity=False)


@settings(max_examples=30, deadline=None)
@given(hnp.arrays(np.int64, st.integers(1, 20), elements=st.integers(0, 3)), st.data())
def test_property_classification_metrics_are_fractions_or_clean_errors(y_true, data):
    y_pred = data.draw(hnp.arrays(np.int64, y_true.shape, elements=st.integers(0, 3)))
    for average in ("macro", "micro", "weighted"):
        for f in (precision_score, recall_score, f1_score):
            assert 0.0 <= f(y_true, y_pred, average=average) <= 1.0
    assert f1_score(y_true, y_pred, average="micro") == pytest.approx(accuracy_score(y_true, y_pred))
    cm = confusion_matrix(y_true, y_pred)
    assert cm.sum() == len(y_true) and np.trace(cm) == np.sum(y_true == y_pred)


@settings(max_examples=30, deadline=None)
@given(hnp.arrays(np.float64, st.integers(1, 10), elements=finite), st.data())
def test_property_regression_metrics_result_or_clean_error(y_true, data):
    y_pred = data.draw(hnp.arrays(np.float64, y_true.shape, elements=finite))
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        for f in (mean_squared_error, r2_score):
            try:
                value = f(y_true, y_pred)
            except ValueError as exc:
                assert str(exc)
                continue
            assert np.isfinite(value)
        try:
            auc = roc_auc_score(y_true > y_true.min(), y_pred)
        except ValueError as exc:
            assert "two classes" in str(exc)
        else:
            assert 0.0 <= auc <= 1.0
