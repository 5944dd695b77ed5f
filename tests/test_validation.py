import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from mlnotes._validation import (DataConversionWarning, NotFittedError, check_array, check_is_fitted, check_option,
                                 check_random_state, check_scalar, check_X_y)
from mlnotes.base import BaseEstimator


def test_check_array_converts_lists_to_float64():
    X = check_array([[1, 2], [3, 4]])
    assert X.dtype == np.float64 and X.shape == (2, 2)


@pytest.mark.parametrize("bad, err, msg", [
    ([1.0, 2.0], ValueError, r"Expected 2D array for X, got 1D array of shape \(2,\).*reshape\(-1, 1\)"),
    (3.0, ValueError, "got scalar"),
    (np.zeros((2, 2, 2)), ValueError, r"got 3D array of shape \(2, 2, 2\)"),
    ([[1.0, np.nan]], ValueError, "contains NaN"),
    ([[1.0, np.inf]], ValueError, "contains infinity"),
    (np.zeros((0, 3)), ValueError, r"0 sample\(s\)"),
    (np.zeros((3, 0)), ValueError, r"0 feature\(s\)"),
    ([["a", "b"]], TypeError, "must contain numbers"),
    (None, TypeError, "got None"),
    ("abc", TypeError, "got a str"),
    ([[1, 2], [3]], ValueError, "could not be converted"),
    ([[1 + 2j]], ValueError, "Complex data not supported"),
    (np.array([[1.0, "a"]], dtype=object), TypeError, "non-numeric entry"),
])
def test_check_array_rejects_bad_input_with_clear_message(bad, err, msg):
    with pytest.raises(err, match=msg):
        check_array(bad)


def test_check_X_y_mismatched_lengths():
    with pytest.raises(ValueError, match="X has 3 rows, y has 2 entries"):
        check_X_y(np.zeros((3, 1)), [0, 1])


def test_check_X_y_keeps_label_dtype_and_ravels_column_vector():
    with pytest.warns(DataConversionWarning, match="A column-vector y was passed"):
        X, y = check_X_y([[0.0], [1.0]], np.array([["a"], ["b"]]))
    assert y.shape == (2,) and y.dtype.kind == "U"
    with pytest.raises(ValueError, match=r"y must be 1D, got array of shape \(2, 2\)"):
        check_X_y([[0.0], [1.0]], np.zeros((2, 2)))
    with pytest.raises(ValueError, match="y contains NaN"):
        check_X_y([[0.0], [1.0]], [0.0, np.nan])
    with pytest.raises(ValueError, match="requires y to be passed, but the target y is None"):
        check_X_y([[0.0]], None)


def test_check_is_fitted():
    class Model:
        pass

    m = Model()
    with pytest.raises(NotFittedError, match="This Model instance is not fitted yet"):
        check_is_fitted(m)
    m.coef_ = 1.0
    check_is_fitted(m)
    with pytest.raises(NotFittedError):
        check_is_fitted(m, ["coef_", "intercept_"])


def test_check_random_state_gives_reproducible_generators():
    a, b = check_random_state(42), check_random_state(42)
    assert isinstance(a, np.random.Generator)
    np.testing.assert_array_equal(a.random(5), b.random(5))
    g = np.random.default_rng(0)
    assert check_random_state(g) is g
    with pytest.raises(TypeError, match="random_state must be None, an int or a numpy.random.Generator"):
        check_random_state(1.5)
    with pytest.raises(ValueError, match="non-negative"):
        check_random_state(-1)


def test_check_scalar_and_option():
    assert check_scalar(0.5, "alpha", min_val=0.0, max_val=1.0) == 0.5
    with pytest.raises(ValueError, match=r"alpha must be > 0"):
        check_scalar(0.0, "alpha", min_val=0.0, include_min=False)
    with pytest.raises(TypeError, match="n_neighbors must be an int, got 2.5"):
        check_scalar(2.5, "n_neighbors", int)
    with pytest.raises(TypeError, match="must be an int"):
        check_scalar(True, "n_neighbors", int)
    with pytest.raises(ValueError, match="must be finite"):
        check_scalar(float("nan"), "alpha")
    with pytest.raises(ValueError, match="kernel must be one of 'linear', 'rbf'; got 'cubic'"):
        check_option("cubic", "kernel", ("linear", "rbf"))


def test_base_estimator_params_and_repr():
    class Toy(BaseEstimator):
        def __init__(self, *, alpha: float = 1.0, kernel: str = "rbf"):
            self.alpha = alpha
            self.kernel = kernel

    t = Toy(alpha=0.5)
    assert repr(t) == "Toy(alpha=0.5)"
    assert t.get_params() == {"alpha": 0.5, "kernel": "rbf"}
    with pytest.raises(ValueError, match="Invalid parameter 'beta' for Toy"):
        t.set_params(beta=1)


@settings(max_examples=50, deadline=None)
@given(hnp.arrays(np.float64, hnp.array_shapes(min_dims=1, max_dims=3, min_side=0, max_side=4),
                  elements=st.floats(allow_nan=True, allow_infinity=True)))
def test_check_array_property_returns_clean_2d_or_raises_valueerror(arr):
    try:
        out = check_array(arr)
    except ValueError:
        return
    assert out.ndim == 2 and out.shape[0] >= 1 and out.shape[1] >= 1 and np.isfinite(out).all()


def test_check_array_accepts_numbers_stored_as_objects_and_rejects_sparse():
    assert check_array(np.array([[1, 2.5]], dtype=object)).dtype == np.float64

    class FakeSparse:  # what matters is the module scipy.sparse
        __module__ = "scipy.sparse._csr"

    with pytest.raises(TypeError, match="sparse input is not supported"):
        check_array(FakeSparse())


def test_bool_interval_length_and_score_checks():
    from mlnotes._validation import (check_bool, check_consistent_length, check_interval,
                                     check_n_classes, check_y_for_score)

    assert check_bool(np.bool_(False), "flag") is False
    for bad in ("yes", None, 1):
        with pytest.raises(TypeError, match="flag must be a bool"):
            check_bool(bad, "flag")
    assert check_interval([0, 1], "r") == (0.0, 1.0)
    for bad, err in (((1, 0), ValueError), ((0, np.inf), ValueError), ("ab", TypeError), ((0,), TypeError)):
        with pytest.raises(err, match="r must be"):
            check_interval(bad, "r")
    with pytest.raises(ValueError, match="inconsistent numbers of samples"):
        check_consistent_length([1, 2], [1, 2, 3])
    with pytest.raises(ValueError, match="inconsistent numbers of samples"):
        check_y_for_score([1], 2, numeric=False)
    with pytest.raises(ValueError, match="NaN"):
        check_y_for_score([np.nan, 1.0], 2, numeric=True)
    with pytest.raises(ValueError, match="one class"):
        check_n_classes(np.array(["a"]), BaseEstimator())


def test_nn_batch_checks_name_owner_received_and_expected():
    from mlnotes._validation import check_batch, check_grad_y, check_targets

    assert check_batch([[1, 2]], owner="L").dtype == np.float64
    x32 = np.ones((2, 2), dtype=np.float32)
    assert check_batch(x32, owner="L") is x32  # float input keeps its dtype, no copy
    with pytest.raises(ValueError, match=r"'L' received input of shape \(1, 2\) containing NaN"):
        check_batch([[np.nan, 1.0]], owner="L")
    with pytest.raises(TypeError, match="'L' expected a numeric array: input must contain numbers"):
        check_batch([["a"]], owner="L")
    with pytest.raises(ValueError, match="backward called before forward"):
        check_grad_y(np.ones((2, 2)), None, owner="L")
    with pytest.raises(ValueError, match=r"expected grad_y of shape \(2, 3\) \(its output\), got \(2, 2\)"):
        check_grad_y(np.ones((2, 2)), (2, 3), owner="L")
    assert check_targets([1.0, 2.0], 2, shape=(2, 1)).shape == (2, 1)
    assert check_targets([0, 2], 2).dtype.kind == "i"
    with pytest.raises(ValueError, match=r"y of shape \(3,\) does not match X of shape \(2, 4\); expected 2 rows"):
        check_targets([0, 1, 2], 2, match="X of shape (2, 4)")
    with pytest.raises(ValueError, match="received target containing NaN"):
        check_targets([np.nan], 1, name="target")
