"""Tests of mlnotes.nn.conv: SciPy and explicit-loop references, hand cases, pooling, bad input."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import load_benchmark
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.signal import correlate2d

from mlnotes.nn import (
    KERNELS,
    avg_pool2d,
    col2im,
    conv2d,
    conv2d_naive,
    conv_output_size,
    gaussian_kernel,
    im2col,
    max_pool2d,
    pad2d,
)


def loop_conv(x, w, b, stride, pad):
    """Scalar-loop reference, written independently of mlnotes (no window slicing)."""
    N, C, H, W = x.shape
    K, _, fh, fw = w.shape
    Ho, Wo = (H + 2 * pad - fh) // stride + 1, (W + 2 * pad - fw) // stride + 1
    out = np.zeros((N, K, Ho, Wo))
    for n in range(N):
        for k in range(K):
            for r in range(Ho):
                for c in range(Wo):
                    total = b[k]
                    for ch in range(C):
                        for i in range(fh):
                            for j in range(fw):
                                row, col = r * stride + i - pad, c * stride + j - pad
                                if 0 <= row < H and 0 <= col < W:  # outside = zero padding
                                    total += x[n, ch, row, col] * w[k, ch, i, j]
                    out[n, k, r, c] = total
    return out


def loop_pool(x, size, stride, reduce):
    N, C, H, W = x.shape
    Ho, Wo = (H - size) // stride + 1, (W - size) // stride + 1
    out = np.zeros((N, C, Ho, Wo))
    for n in range(N):
        for ch in range(C):
            for r in range(Ho):
                for c in range(Wo):
                    out[n, ch, r, c] = reduce(x[n, ch, r * stride:r * stride + size, c * stride:c * stride + size])
    return out


# ---------------------------------------------------------------- output size
@pytest.mark.parametrize(("n", "f", "p", "s", "expected"), [
    (5, 3, 0, 1, 3),    # the notes: 5x5 image, 3x3 filter -> 3x3
    (4, 3, 1, 1, 4),    # the notes: 4x4 image, one pixel of zero padding -> 4x4
    (32, 5, 0, 1, 28),  # LeNet-5 C1
    (28, 2, 0, 2, 14),  # LeNet-5 S2
    (7, 3, 0, 2, 3),
    (6, 3, 0, 2, 2),    # (6 - 3) / 2 = 1.5 is floored
    (227, 11, 0, 4, 55),  # AlexNet conv1
    (3, 3, 0, 1, 1),
])
def test_conv_output_size_hand_cases(n, f, p, s, expected):
    assert conv_output_size(n, f, p, s) == expected


@pytest.mark.parametrize(("args", "match"), [
    ((4, 5, 0, 1), "larger than the padded input"),
    ((3, 7, 1, 1), "larger than the padded input"),
    ((5, 3, 0, 0), "s \\(stride\\) must be >= 1"),
    ((5, 3, -1, 1), "p \\(padding\\) must be >= 0"),
    ((0, 1, 0, 1), "n \\(input size\\) must be >= 1"),
])
def test_conv_output_size_errors(args, match):
    with pytest.raises(ValueError, match=match):
        conv_output_size(*args)


def test_conv_output_size_type_error():
    with pytest.raises(TypeError, match="must be an int"):
        conv_output_size(5.0, 3)


# ---------------------------------------------------------------- padding
def test_pad2d_pads_only_the_last_two_axes():
    x = np.ones((2, 3, 4, 5))
    y = pad2d(x, (1, 2), value=-1.0)
    assert y.shape == (2, 3, 6, 9)
    assert np.array_equal(y[:, :, 1:-1, 2:-2], x)
    assert (y[:, :, 0] == -1).all() and (y[..., :2] == -1).all()
    assert np.array_equal(pad2d(x, 0), x)


# ---------------------------------------------------------------- conv2d vs references
@pytest.mark.parametrize("shape", [(5, 5), (7, 9), (12, 4), (3, 3)])
@pytest.mark.parametrize("f", [1, 3])
def test_conv2d_matches_scipy_correlate2d(shape, f):
    rng = np.random.default_rng(0)
    x, k = rng.normal(size=shape), rng.normal(size=(f, f))
    np.testing.assert_allclose(conv2d(x, k), correlate2d(x, k, mode="valid"), rtol=0, atol=1e-10)
    np.testing.assert_allclose(conv2d(x, k, padding="same"), correlate2d(x, k, mode="same"), rtol=0, atol=1e-10)
    np.testing.assert_allclose(conv2d(x, k, padding="valid"), correlate2d(x, k, mode="valid"), rtol=0, atol=1e-10)


def test_conv2d_is_cross_correlation_not_convolution():
    from scipy.signal import convolve2d
    rng = np.random.default_rng(1)
    x, k = rng.normal(size=(6, 6)), rng.normal(size=(3, 3))
    np.testing.assert_allclose(conv2d(x, k[::-1, ::-1]), convolve2d(x, k, mode="valid"), atol=1e-10)
    assert not np.allclose(conv2d(x, k), convolve2d(x, k, mode="valid"))


@settings(max_examples=30, deadline=None)
@given(h=st.integers(3, 12), w=st.integers(3, 12), fh=st.integers(1, 3), fw=st.integers(1, 3),
       seed=st.integers(0, 2**16))
def test_conv2d_matches_scipy_property(h, w, fh, fw, seed):
    rng = np.random.default_rng(seed)
    x, k = rng.normal(size=(h, w)), rng.normal(size=(fh, fw))
    np.testing.assert_allclose(conv2d(x, k), correlate2d(x, k, mode="valid"), rtol=0, atol=1e-10)


@pytest.mark.parametrize(("stride", "pad"), [(1, 0), (1, 1), (2, 0), (2, 1), (3, 2)])
def test_conv2d_batched_multichannel_matches_loop_reference(stride, pad):
    rng = np.random.default_rng(stride * 10 + pad)
    x, w, b = rng.normal(size=(2, 3, 7, 6)), rng.normal(size=(4, 3, 3, 3)), rng.normal(size=4)
    expected = loop_conv(x, w, b, stride, pad)
    np.testing.assert_allclose(conv2d(x, w, b, stride=stride, padding=pad), expected, rtol=0, atol=1e-10)
    np.testing.assert_allclose(conv2d_naive(x, w, b, stride=stride, padding=pad), expected, rtol=0, atol=1e-10)


@pytest.mark.parametrize("block_bytes", [1, 3000, 1 << 40])
def test_conv2d_blocks_of_images_give_the_same_result(monkeypatch, block_bytes):
    import mlnotes.nn.conv

    monkeypatch.setattr(mlnotes.nn.conv, "_BLOCK_BYTES", block_bytes)  # 1 image, 2 images, all images per block
    rng = np.random.default_rng(12)
    x, w, b = rng.normal(size=(5, 2, 6, 5)), rng.normal(size=(3, 2, 3, 3)), rng.normal(size=3)
    np.testing.assert_allclose(conv2d(x, w, b, stride=2, padding=1), loop_conv(x, w, b, 2, 1), rtol=0, atol=1e-10)


def test_conv2d_rectangular_kernel_and_same_padding_with_stride():
    rng = np.random.default_rng(2)
    x, w = rng.normal(size=(1, 2, 8, 7)), rng.normal(size=(3, 2, 2, 3))
    np.testing.assert_allclose(conv2d(x, w), loop_conv(x, w, np.zeros(3), 1, 0), atol=1e-10)
    w5 = rng.normal(size=(2, 2, 5, 5))
    y = conv2d(x, w5, padding="same", stride=2)
    assert y.shape == (1, 2, 4, 4)  # ceil(8 / 2), ceil(7 / 2)
    np.testing.assert_allclose(y, loop_conv(x, w5, np.zeros(2), 2, 2), atol=1e-10)


@settings(max_examples=30, deadline=None)
@given(n=st.integers(1, 2), c=st.integers(1, 3), k=st.integers(1, 3), h=st.integers(3, 8), w=st.integers(3, 8),
       f=st.integers(1, 3), stride=st.integers(1, 3), pad=st.integers(0, 2), seed=st.integers(0, 2**16))
def test_conv2d_naive_equals_conv2d(n, c, k, h, w, f, stride, pad, seed):
    rng = np.random.default_rng(seed)
    x, wk, b = rng.normal(size=(n, c, h, w)), rng.normal(size=(k, c, f, f)), rng.normal(size=k)
    np.testing.assert_allclose(conv2d_naive(x, wk, b, stride=stride, padding=pad),
                               conv2d(x, wk, b, stride=stride, padding=pad), rtol=0, atol=1e-10)


def test_conv2d_naive_single_channel_and_notes_example():
    x = np.arange(16.0).reshape(4, 4)
    np.testing.assert_array_equal(conv2d_naive(x, np.ones((3, 3))), correlate2d(x, np.ones((3, 3)), "valid"))
    # The notes' padding example: a 4x4 image padded by 1 keeps its size under a 3x3 filter.
    assert conv2d_naive(x, np.ones((3, 3)), padding=1).shape == (4, 4)
    assert conv2d(x, np.ones((3, 3)), b=1.5)[0, 0] == 45 + 1.5


def test_conv2d_translation_equivariance():
    rng = np.random.default_rng(3)
    x, k = np.zeros((10, 10)), rng.normal(size=(3, 3))
    x[2:5, 2:5] = rng.normal(size=(3, 3))
    shifted = np.roll(x, (3, 4), axis=(0, 1))  # content stays away from the border
    y, y_shifted = conv2d(x, k), conv2d(shifted, k)  # (8, 8) each
    np.testing.assert_allclose(y_shifted[3:, 4:], y[:-3, :-4], atol=1e-12)  # same features, moved by (3, 4)
    assert np.abs(y).max() > 0.1


def test_conv2d_accepts_lists_and_ints():
    y = conv2d([[1, 2], [3, 4]], [[1]])
    assert y.dtype == np.float64 and np.array_equal(y, [[1.0, 2.0], [3.0, 4.0]])


# ---------------------------------------------------------------- im2col / col2im
def test_im2col_columns_are_receptive_fields():
    rng = np.random.default_rng(4)
    x = rng.normal(size=(2, 3, 5, 6))
    cols = im2col(x, 3, stride=2, padding=1)
    xp = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
    assert cols.shape == (3 * 9, 2 * 3 * 3)
    for n in range(2):
        for r in range(3):
            for c in range(3):
                window = xp[n, :, 2 * r:2 * r + 3, 2 * c:2 * c + 3]
                np.testing.assert_array_equal(cols[:, (n * 3 + r) * 3 + c], window.ravel())


@pytest.mark.parametrize(("f", "stride", "pad"), [(3, 1, 0), (3, 2, 1), (2, 2, 0), (3, 1, "same"), (4, 3, 2)])
def test_col2im_is_the_adjoint_of_im2col(f, stride, pad):
    # <im2col(x), C> == <x, col2im(C)> for all x, C: the defining property of the backward pass.
    rng = np.random.default_rng(5)
    x = rng.normal(size=(2, 3, 7, 8))
    cols = im2col(x, f, stride=stride, padding=pad)
    g = rng.normal(size=cols.shape)
    lhs = float(np.sum(cols * g))
    rhs = float(np.sum(x * col2im(g, x.shape, f, stride=stride, padding=pad)))
    assert lhs == pytest.approx(rhs, rel=1e-12)


def test_col2im_shape_error():
    with pytest.raises(ValueError, match="cols must have shape"):
        col2im(np.ones((4, 5)), (1, 1, 3, 3), 2)


# ---------------------------------------------------------------- pooling
@pytest.mark.parametrize(("size", "stride"), [(2, None), (3, 1), (2, 1), (3, 2), (3, None)])
def test_pooling_matches_loops(size, stride):
    rng = np.random.default_rng(6)
    x = rng.normal(size=(2, 3, 7, 8))
    s = size if stride is None else stride
    np.testing.assert_allclose(max_pool2d(x, size, stride), loop_pool(x, size, s, np.max), atol=1e-12)
    np.testing.assert_allclose(avg_pool2d(x, size, stride), loop_pool(x, size, s, np.mean), atol=1e-12)


def test_pooling_2d_3d_4d_agree():
    rng = np.random.default_rng(7)
    x = rng.normal(size=(1, 2, 6, 6))
    assert max_pool2d(x).shape == (1, 2, 3, 3)
    np.testing.assert_array_equal(max_pool2d(x[0]), max_pool2d(x)[0])
    np.testing.assert_array_equal(avg_pool2d(x[0, 1]), avg_pool2d(x)[0, 1])


def test_pooling_hand_case_and_dropped_border():
    x = np.array([[1, 2, 5, 6, 100], [3, 4, 7, 8, 100], [0, 0, 1, 1, 100], [0, 9, 1, 2, 100], [50, 50, 50, 50, 50]])
    np.testing.assert_array_equal(max_pool2d(x), [[4, 8], [9, 2]])  # last row/column do not fill a window
    np.testing.assert_array_equal(avg_pool2d(x), [[2.5, 6.5], [2.25, 1.25]])


@pytest.mark.parametrize("pool", [max_pool2d, avg_pool2d])
def test_pooling_bad_input(pool):
    with pytest.raises(ValueError, match="larger than the padded input"):
        pool(np.ones((3, 3)), 4)
    with pytest.raises(ValueError, match="stride must be >= 1"):
        pool(np.ones((4, 4)), 2, 0)
    with pytest.raises(ValueError, match="got shape \\(1, 1, 1, 4, 4\\)"):
        pool(np.ones((1, 1, 1, 4, 4)))
    with pytest.raises(ValueError, match="at least 2 axes"):
        pool(np.ones(4))


# ---------------------------------------------------------------- bad input for conv2d
def test_conv2d_kernel_larger_than_padded_input():
    with pytest.raises(ValueError, match="Kernel size f=5 is larger than the padded input"):
        conv2d(np.ones((4, 4)), np.ones((5, 5)))
    with pytest.raises(ValueError, match="larger than the padded input"):
        conv2d_naive(np.ones((1, 1, 2, 2)), np.ones((1, 1, 5, 5)), padding=1)
    assert conv2d(np.ones((4, 4)), np.ones((5, 5)), padding=1).shape == (2, 2)


@pytest.mark.parametrize("stride", [0, -1])
def test_conv2d_non_positive_stride(stride):
    with pytest.raises(ValueError, match="stride must be >= 1"):
        conv2d(np.ones((4, 4)), np.ones((3, 3)), stride=stride)
    with pytest.raises(ValueError, match="stride must be >= 1"):
        conv2d_naive(np.ones((4, 4)), np.ones((3, 3)), stride=stride)


def test_conv2d_channel_mismatch():
    with pytest.raises(ValueError, match="Channel mismatch: x of shape \\(2, 3, 5, 5\\) has C=3 channels"):
        conv2d(np.ones((2, 3, 5, 5)), np.ones((4, 2, 3, 3)))


def test_conv2d_other_bad_input():
    with pytest.raises(ValueError, match="image \\(H, W\\) with a kernel \\(F, F\\)"):
        conv2d(np.ones((2, 3, 5, 5)), np.ones((3, 3)))
    with pytest.raises(ValueError, match="one bias per kernel, shape \\(4,\\)"):
        conv2d(np.ones((1, 1, 5, 5)), np.ones((4, 1, 3, 3)), b=np.ones(3))
    with pytest.raises(ValueError, match="'same' needs an odd kernel size"):
        conv2d(np.ones((5, 5)), np.ones((2, 2)), padding="same")
    with pytest.raises(ValueError, match="padding must be an int"):
        conv2d(np.ones((5, 5)), np.ones((3, 3)), padding="full")
    with pytest.raises(ValueError, match="x contains NaN"):
        conv2d(np.full((5, 5), np.nan), np.ones((3, 3)))
    with pytest.raises(TypeError, match="stride must be an int"):
        conv2d(np.ones((5, 5)), np.ones((3, 3)), stride=1.5)
    with pytest.raises(TypeError, match="must contain numbers"):
        conv2d([["a"]], [[1]])


# ---------------------------------------------------------------- kernels
def test_classic_kernels():
    assert set(KERNELS) >= {"edge", "sobel_x", "sobel_y", "laplacian", "box_blur", "gaussian_blur", "sharpen"}
    for name in ("box_blur", "gaussian_blur", "sharpen", "identity"):
        assert KERNELS[name].sum() == pytest.approx(1.0)  # keeps the mean brightness
    for name in ("edge", "laplacian", "sobel_x", "sobel_y"):
        assert KERNELS[name].sum() == pytest.approx(0.0)  # flat regions map to 0
    with pytest.raises(ValueError):
        KERNELS["edge"][0, 0] = 3.0  # read-only
    step = np.zeros((5, 6))
    step[:, 3:] = 1.0  # dark left half, bright right half: a vertical edge
    assert (conv2d(step, KERNELS["sobel_x"])[:, 1:3] > 0).all()
    np.testing.assert_allclose(conv2d(step, KERNELS["sobel_y"]), 0.0)
    np.testing.assert_allclose(conv2d(np.full((5, 5), 7.0), KERNELS["sharpen"]), 7.0)


def test_gaussian_kernel():
    np.testing.assert_allclose(gaussian_kernel(3, sigma=np.sqrt(1 / (2 * np.log(2)))), KERNELS["gaussian_blur"])
    k = gaussian_kernel(7, 2.0)
    np.testing.assert_allclose(k, k.T)
    assert k.sum() == pytest.approx(1.0)
    with pytest.raises(ValueError, match="size must be odd"):
        gaussian_kernel(4)
    with pytest.raises(ValueError, match="sigma must be > 0"):
        gaussian_kernel(3, 0.0)


# ---------------------------------------------------------------- benchmark smoke test
@pytest.mark.slow
def test_benchmark_quick_prints_tables(capsys):
    bench = load_benchmark("bench_conv")
    text = bench.main(["--quick"])
    assert "Table 1" in text and "Table 2" in text and "Table 3" in text
    assert "conv2d_naive" in text and "scipy correlate2d" in text and "s/epoch" in text
    assert capsys.readouterr().out.strip() == text
