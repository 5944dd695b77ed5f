r"""Convolution and pooling on images, from the notes' loop to one matrix product.

Chapter 4 of the notes builds a single-channel convolution with two nested
loops. This module keeps that loop ([`conv2d_naive`][mlnotes.nn.conv2d_naive], corrected so that it
runs and returns the ``valid`` output) as the readable reference, and next to it
the vectorised [`conv2d`][mlnotes.nn.conv2d]: every receptive field is copied into one column of
a matrix (*im2col*, built from a strided view of the input without Python
loops), so that applying ``K`` kernels to ``N`` images is a single matrix
product. Pooling ([`max_pool2d`][mlnotes.nn.max_pool2d], [`avg_pool2d`][mlnotes.nn.avg_pool2d]) and the classic
hand-made kernels of the "feature extractor" figures ([`KERNELS`][mlnotes.nn.KERNELS]) complete
the toolbox.

Like every deep-learning library, "convolution" here is **cross-correlation**:
the kernel is not flipped, $y[r, c] = \sum_{i,j} x[r + i, c + j]\,w[i, j]$.
(A true convolution flips ``w``; for learned kernels the difference is only a
relabelling of the weights.)

Shapes: an image is ``(H, W)``; a batch is ``(N, C, H, W)`` (samples, channels,
height, width) and a bank of ``K`` kernels is ``(K, C, F, F)``.

References
----------
Goodfellow, Bengio & Courville, *Deep Learning*, MIT Press, 2016, chapter 9.
Dumoulin & Visin, "A guide to convolution arithmetic for deep learning",
arXiv:1603.07285, 2016 (output sizes, padding, stride).
Chellapilla, Puri & Simard, "High performance convolutional neural networks for
document processing", 2006 (the im2col + matrix-product formulation).
"""

from __future__ import annotations

import numbers
from types import MappingProxyType
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from .._validation import check_array, check_pair, check_scalar

__all__ = [
    "conv_output_size",
    "conv_padding",
    "pad2d",
    "conv2d_naive",
    "conv2d",
    "im2col",
    "col2im",
    "max_pool2d",
    "avg_pool2d",
    "gaussian_kernel",
    "KERNELS",
]

Padding = int | tuple[int, int] | str
_BLOCK_BYTES = 1 << 19  # size of the im2col block that conv2d multiplies at once (fits in L2 cache)


def conv_output_size(n: int, f: int, p: int = 0, s: int = 1) -> int:
    r"""Side length of a convolution's output: $\lfloor (n + 2p - f) / s \rfloor + 1$.

    Parameters
    ----------
    n : int
        Input side length (height or width), ``n >= 1``.
    f : int
        Kernel side length, ``1 <= f <= n + 2p``.
    p : int
        Zero padding added on each side, ``p >= 0``.
    s : int
        Stride, ``s >= 1``.

    Returns
    -------
    int
        The output side length.

    Examples
    --------
    The notes' two cases: a 5x5 image and a 3x3 kernel give 3x3; padding a 4x4
    image by one pixel keeps it 4x4.

    >>> conv_output_size(5, 3)
    3
    >>> conv_output_size(4, 3, p=1, s=1)
    4
    >>> conv_output_size(7, 3, p=0, s=2)
    3
    """
    check_scalar(n, "n (input size)", int, min_val=1)
    check_scalar(f, "f (kernel size)", int, min_val=1)
    check_scalar(p, "p (padding)", int, min_val=0)
    check_scalar(s, "s (stride)", int, min_val=1)
    if f > n + 2 * p:
        raise ValueError(
            f"Kernel size f={f} is larger than the padded input n + 2p = {n} + 2*{p} = {n + 2 * p}; "
            "use a smaller kernel or more padding."
        )
    return (n + 2 * p - f) // s + 1


def _image(x: Any, name: str = "x") -> np.ndarray:
    """A finite float64 array with at least two axes (height, width last)."""
    arr = check_array(x, name=name, ensure_2d=False, allow_nd=True)
    if arr.ndim < 2:
        raise ValueError(f"{name} must be an image with at least 2 axes (..., H, W), got shape {arr.shape}.")
    return arr


def conv_padding(padding: Padding, kernel_size: int | tuple[int, int]) -> tuple[int, int]:
    """The border ``(ph, pw)`` that ``padding`` adds around an image for a kernel of ``kernel_size``.

    Parameters
    ----------
    padding : int, (int, int), "valid" or "same"
        ``"valid"`` adds nothing; ``"same"`` adds $(F - 1) / 2$ on each side, so that a stride-1
        convolution keeps the image size (odd kernels only).
    kernel_size : int or (int, int)
        Kernel size ``F`` or ``(F_height, F_width)``.

    Returns
    -------
    (int, int)
        Rows added above and below, columns added left and right.

    Examples
    --------
    >>> conv_padding("same", 5)
    (2, 2)
    >>> conv_padding(1, (3, 3))
    (1, 1)
    """
    fh, fw = check_pair(kernel_size, "kernel_size", min_val=1)
    if isinstance(padding, str):
        if padding == "valid":
            return 0, 0
        if padding == "same":
            if fh % 2 == 0 or fw % 2 == 0:
                raise ValueError(f"padding='same' needs an odd kernel size, got {fh}x{fw}.")
            return (fh - 1) // 2, (fw - 1) // 2
        raise ValueError(f"padding must be an int, a pair of ints, 'valid' or 'same'; got {padding!r}.")
    return check_pair(padding, "padding", min_val=0)


def pad2d(x: Any, padding: int | tuple[int, int], *, value: float = 0.0) -> np.ndarray:
    """Pad the last two axes (height, width) of ``x`` with a constant border.

    Parameters
    ----------
    x : array-like of shape (..., H, W)
        Image or batch of images (at least 2-D).
    padding : int or (int, int)
        Border width ``p`` added on each side (or ``(p_height, p_width)``).
    value : float
        Fill value (zero padding by default).

    Returns
    -------
    ndarray of shape (..., H + 2p, W + 2p)

    Examples
    --------
    >>> pad2d([[1, 2], [3, 4]], 1)
    array([[0., 0., 0., 0.],
           [0., 1., 2., 0.],
           [0., 3., 4., 0.],
           [0., 0., 0., 0.]])
    """
    x = _image(x)
    ph, pw = check_pair(padding, "padding", min_val=0)
    check_scalar(value, "value")
    widths = [(0, 0)] * (x.ndim - 2) + [(ph, ph), (pw, pw)]
    return np.pad(x, widths, mode="constant", constant_values=value)


def _check_conv_input(x: Any, w: Any, b: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray, bool]:
    """Validate and lift ``x``, ``w``, ``b`` to the batched shapes; report if input was 2-D."""
    x = _image(x)
    w = _image(w, "w")
    single = x.ndim == 2
    if single and w.ndim == 2:
        x, w = x[None, None], w[None, None]  # (1, 1, H, W), (1, 1, F, F)
    elif x.ndim != 4 or w.ndim != 4:
        raise ValueError(
            "conv2d takes an image (H, W) with a kernel (F, F), or a batch (N, C, H, W) with "
            f"kernels (K, C, F, F); got x of shape {x.shape} and w of shape {w.shape}."
        )
    if x.shape[1] != w.shape[1]:
        raise ValueError(
            f"Channel mismatch: x of shape {x.shape} has C={x.shape[1]} channels but w of shape "
            f"{w.shape} expects C={w.shape[1]} (w.shape[1])."
        )
    K = w.shape[0]
    if b is None:
        b = np.zeros(K)
    else:
        b = check_array(b, name="b", ensure_2d=False).reshape(-1)  # (K,)
        if b.shape != (K,):
            raise ValueError(f"b must hold one bias per kernel, shape ({K},), got {b.size} value(s).")
    return x, w, b, single


def conv2d_naive(x: Any, w: Any, b: Any = None, *, stride: int = 1, padding: Padding = 0) -> np.ndarray:
    """The notes' loop convolution, corrected: slide the kernel, multiply, sum.

    Same inputs and output as [`conv2d`][mlnotes.nn.conv2d], computed one output pixel at a
    time. It is the readable reference (and the benchmark's baseline); use
    [`conv2d`][mlnotes.nn.conv2d] for real work.

    Parameters
    ----------
    x : array-like of shape (H, W) or (N, C, H, W)
        Image or batch of images.
    w : array-like of shape (F, F) or (K, C, F, F)
        Kernel or bank of kernels.
    b : float or array-like of shape (K,), optional
        Bias added to every output pixel of each kernel's feature map.
    stride : int
        Step between two kernel positions.
    padding : int, (int, int), "valid" or "same"
        Zero border added before sliding.

    Returns
    -------
    ndarray of shape (Ho, Wo) or (N, K, Ho, Wo)
        ``Ho = conv_output_size(H, F, padding, stride)``, likewise ``Wo``.

    Notes
    -----
    The notes' code allocated an input-sized result, so the last ``F - 1`` rows
    and columns stayed zero; here the result has the valid size ``Ho x Wo``
    (the output-size formula of [`conv_output_size`][mlnotes.nn.conv_output_size]), and the missing
    colon, the undefined ``w`` and the unused ``_result`` argument are gone.

    Examples
    --------
    >>> x = np.arange(16.0).reshape(4, 4)
    >>> conv2d_naive(x, np.ones((3, 3)))
    array([[45., 54.],
           [81., 90.]])
    """
    x, w, b, single = _check_conv_input(x, w, b)
    check_scalar(stride, "stride", int, min_val=1)
    N, _, H, W = x.shape  # (N, C, H, W)
    K, _, fh, fw = w.shape
    ph, pw = conv_padding(padding, (fh, fw))
    Ho, Wo = conv_output_size(H, fh, ph, stride), conv_output_size(W, fw, pw, stride)
    inputs = pad2d(x, (ph, pw))  # (N, C, H + 2ph, W + 2pw)
    result = np.zeros((N, K, Ho, Wo))
    for n in range(N):
        for k in range(K):
            for r in range(Ho):
                for c in range(Wo):
                    top, left = r * stride, c * stride
                    cur_input = inputs[n, :, top:top + fh, left:left + fw]  # the receptive field
                    result[n, k, r, c] = np.sum(cur_input * w[k]) + b[k]
    return result[0, 0] if single else result


def _windows(x: np.ndarray, fh: int, fw: int, stride: int) -> np.ndarray:
    """Strided view of every ``fh x fw`` window of ``x`` (N, C, H, W) -> (N, C, Ho, Wo, fh, fw)."""
    return sliding_window_view(x, (fh, fw), axis=(-2, -1))[..., ::stride, ::stride, :, :]


def im2col(x: Any, kernel_size: int | tuple[int, int], *, stride: int = 1,
           padding: Padding = 0) -> np.ndarray:
    """Copy every receptive field of a batch into one column of a matrix.

    Parameters
    ----------
    x : array-like of shape (N, C, H, W)
        Batch of images.
    kernel_size : int or (int, int)
        Window size ``F`` (or ``(F_height, F_width)``).
    stride : int
        Step between two windows.
    padding : int, (int, int), "valid" or "same"
        Zero border added first.

    Returns
    -------
    ndarray of shape (C * F * F, N * Ho * Wo)
        Row ``(c, i, j)`` and column ``(n, r, s)`` hold
        ``x_padded[n, c, r * stride + i, s * stride + j]``, so that
        ``w.reshape(K, -1) @ im2col(x, F)`` is the convolution.

    Examples
    --------
    >>> x = np.arange(9.0).reshape(1, 1, 3, 3)
    >>> im2col(x, 2)
    array([[0., 1., 3., 4.],
           [1., 2., 4., 5.],
           [3., 4., 6., 7.],
           [4., 5., 7., 8.]])
    """
    x = _image(x)
    if x.ndim != 4:
        raise ValueError(f"im2col expects x of shape (N, C, H, W), got shape {x.shape}.")
    check_scalar(stride, "stride", int, min_val=1)
    fh, fw = check_pair(kernel_size, "kernel_size", min_val=1)
    ph, pw = conv_padding(padding, (fh, fw))
    conv_output_size(x.shape[2], fh, ph, stride)  # raises if the kernel does not fit
    conv_output_size(x.shape[3], fw, pw, stride)
    return _im2col(x, fh, fw, stride, ph, pw)


def _im2col(x: np.ndarray, fh: int, fw: int, stride: int, ph: int, pw: int) -> np.ndarray:
    """[`im2col`][mlnotes.nn.im2col] on checked arguments (used by the layers' forward pass)."""
    N, C = x.shape[:2]
    if ph or pw:
        x = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))  # (N, C, H + 2ph, W + 2pw)
    windows = _windows(x, fh, fw, stride)  # (N, C, Ho, Wo, fh, fw), a view: no copy yet
    Ho, Wo = windows.shape[2:4]
    return windows.transpose(1, 4, 5, 0, 2, 3).reshape(C * fh * fw, N * Ho * Wo)  # the one copy


def col2im(cols: Any, x_shape: tuple[int, int, int, int], kernel_size: int | tuple[int, int], *,
           stride: int = 1, padding: Padding = 0) -> np.ndarray:
    """Adjoint of [`im2col`][mlnotes.nn.im2col]: add every column back onto the pixels it came from.

    Overlapping windows add up, which is exactly the gradient of the loss with
    respect to the input of a convolution when ``cols`` holds the gradient with
    respect to the im2col matrix.

    Parameters
    ----------
    cols : array-like of shape (C * F * F, N * Ho * Wo)
        Column matrix, laid out as [`im2col`][mlnotes.nn.im2col] returns it.
    x_shape : (int, int, int, int)
        Shape ``(N, C, H, W)`` of the unpadded input.
    kernel_size : int or (int, int)
        Window size.
    stride : int
        Step between two windows.
    padding : int, (int, int), "valid" or "same"
        Border that [`im2col`][mlnotes.nn.im2col] added; it is cropped off again.

    Returns
    -------
    ndarray of shape (N, C, H, W)

    Examples
    --------
    Each pixel of a 3x3 image is covered by 1, 2 or 4 of the 2x2 windows:

    >>> col2im(np.ones((4, 4)), (1, 1, 3, 3), 2)[0, 0]
    array([[1., 2., 1.],
           [2., 4., 2.],
           [1., 2., 1.]])
    """
    if isinstance(x_shape, (str, bytes)) or not isinstance(x_shape, (tuple, list)) or len(x_shape) != 4:
        raise TypeError(f"x_shape must be a tuple (N, C, H, W) of four ints, got {x_shape!r}.")
    for name, v in zip("NCHW", x_shape):
        check_scalar(v, f"x_shape {name}", int, min_val=1)
    N, C, H, W = (int(v) for v in x_shape)
    check_scalar(stride, "stride", int, min_val=1)
    fh, fw = check_pair(kernel_size, "kernel_size", min_val=1)
    ph, pw = conv_padding(padding, (fh, fw))
    Ho, Wo = conv_output_size(H, fh, ph, stride), conv_output_size(W, fw, pw, stride)
    cols = check_array(cols, name="cols")
    if cols.shape != (C * fh * fw, N * Ho * Wo):
        raise ValueError(f"cols must have shape {(C * fh * fw, N * Ho * Wo)} for x_shape {tuple(x_shape)}, "
                         f"got {cols.shape}.")
    return _col2im(cols, (N, C, H, W), fh, fw, stride, ph, pw)


def _col2im(cols: np.ndarray, x_shape: tuple[int, ...], fh: int, fw: int, stride: int,
            ph: int, pw: int) -> np.ndarray:
    """[`col2im`][mlnotes.nn.col2im] on checked arguments (used by the layers' backward pass)."""
    N, C, H, W = x_shape
    Ho, Wo = (H + 2 * ph - fh) // stride + 1, (W + 2 * pw - fw) // stride + 1
    blocks = cols.reshape(C, fh, fw, N, Ho, Wo).transpose(3, 0, 1, 2, 4, 5)  # (N, C, fh, fw, Ho, Wo)
    x_padded = np.zeros((N, C, H + 2 * ph, W + 2 * pw))
    # Scatter-add one kernel offset (i, j) at a time: F*F vectorised slice additions.
    for i in range(fh):
        for j in range(fw):
            x_padded[:, :, i:i + stride * Ho:stride, j:j + stride * Wo:stride] += blocks[:, :, i, j]
    return x_padded[:, :, ph:ph + H, pw:pw + W]


def conv2d(x: Any, w: Any, b: Any = None, *, stride: int = 1, padding: Padding = 0) -> np.ndarray:
    r"""2-D convolution (cross-correlation, as in deep-learning libraries), vectorised.

    Parameters
    ----------
    x : array-like of shape (H, W) or (N, C, H, W)
        One grey image, or a batch of ``N`` images with ``C`` channels.
    w : array-like of shape (F, F) or (K, C, F, F)
        One kernel, or ``K`` kernels spanning all ``C`` input channels
        (rectangular ``F_h x F_w`` kernels work too).
    b : float or array-like of shape (K,), optional
        One bias per kernel.
    stride : int
        Step ``s`` between two kernel positions (``s >= 1``).
    padding : int, (int, int), "valid" or "same"
        Zero border ``p``: ``"valid"`` is 0, ``"same"`` is ``(F - 1) / 2`` (odd
        ``F``), which keeps the size at stride 1.

    Returns
    -------
    ndarray of shape (Ho, Wo) or (N, K, Ho, Wo)
        ``Ho = floor((H + 2p - F) / s) + 1`` ([`conv_output_size`][mlnotes.nn.conv_output_size]), likewise ``Wo``.

    Notes
    -----
    With $\tilde x$ the zero-padded input,

    $$
    y[n, k, r, c] = b_k + \sum_{c'=1}^{C} \sum_{i,j=0}^{F-1}
    w[k, c', i, j]\; \tilde x[n, c', rs + i, cs + j].
    $$

    The kernel is *not* flipped (cross-correlation); it equals
    ``scipy.signal.correlate2d`` for one channel. Computed as
    ``w.reshape(K, -1) @ im2col(x)``: one copy of the windows, one matrix
    product (done per block of images whose im2col matrix fits in the cache).

    Examples
    --------
    The notes' 4x4 image with one pixel of zero padding keeps its size:

    >>> x = np.arange(16.0).reshape(4, 4)
    >>> conv2d(x, np.ones((3, 3)), padding=1).shape
    (4, 4)
    >>> conv2d(x, np.ones((3, 3)))
    array([[45., 54.],
           [81., 90.]])
    >>> batch, kernels = np.ones((2, 3, 5, 5)), np.ones((4, 3, 3, 3))
    >>> conv2d(batch, kernels, stride=2).shape
    (2, 4, 2, 2)
    """
    x, w, b, single = _check_conv_input(x, w, b)
    check_scalar(stride, "stride", int, min_val=1)
    N, C, H, W = x.shape
    K, _, fh, fw = w.shape
    ph, pw = conv_padding(padding, (fh, fw))
    Ho, Wo = conv_output_size(H, fh, ph, stride), conv_output_size(W, fw, pw, stride)
    w_rows = w.reshape(K, -1)  # (K, C*fh*fw): one kernel per row
    y = np.empty((K, N * Ho * Wo))
    # im2col + one matrix product per block of images; blocks are sized so that their
    # column matrix stays in the CPU cache while it is multiplied (same result, less memory traffic).
    step = max(1, _BLOCK_BYTES // (8 * C * fh * fw * Ho * Wo))
    for n0 in range(0, N, step):
        cols = _im2col(x[n0:n0 + step], fh, fw, stride, ph, pw)  # (C*fh*fw, images*Ho*Wo)
        y[:, n0 * Ho * Wo:(n0 + step) * Ho * Wo] = w_rows @ cols
    y += b[:, None]
    y = y.reshape(K, N, Ho, Wo).transpose(1, 0, 2, 3)  # (N, K, Ho, Wo)
    return y[0, 0] if single else y


def _pool(x: Any, size: int, stride: int | None, reduce: Any, name: str) -> np.ndarray:
    x = _image(x)
    if x.ndim > 4:
        raise ValueError(f"{name} expects x of shape (H, W), (C, H, W) or (N, C, H, W), got shape {x.shape}.")
    check_scalar(size, "size", int, min_val=1)
    stride = size if stride is None else check_scalar(stride, "stride", int, min_val=1)
    conv_output_size(x.shape[-2], size, 0, stride)  # raises if the window is larger than the image
    conv_output_size(x.shape[-1], size, 0, stride)
    windows = _windows(x, size, size, stride)  # (..., Ho, Wo, size, size)
    return reduce(windows, axis=(-2, -1))


def max_pool2d(x: Any, size: int = 2, stride: int | None = None) -> np.ndarray:
    """Max pooling: the largest value of each ``size x size`` window.

    Parameters
    ----------
    x : array-like of shape (H, W), (C, H, W) or (N, C, H, W)
        Pooling acts on the last two axes, channel by channel.
    size : int
        Window side length.
    stride : int, optional
        Step between windows; defaults to ``size`` (non-overlapping windows).
        Rows and columns that do not fill a whole window are dropped.

    Returns
    -------
    ndarray of shape (..., Ho, Wo)
        ``Ho = floor((H - size) / stride) + 1``, likewise ``Wo``.

    Examples
    --------
    >>> x = np.array([[1, 2, 5, 6], [3, 4, 7, 8], [0, 0, 1, 1], [0, 9, 1, 2]])
    >>> max_pool2d(x)
    array([[4., 8.],
           [9., 2.]])
    """
    return _pool(x, size, stride, np.max, "max_pool2d")


def avg_pool2d(x: Any, size: int = 2, stride: int | None = None) -> np.ndarray:
    """Average pooling: the mean of each ``size x size`` window.

    Parameters
    ----------
    x : array-like of shape (H, W), (C, H, W) or (N, C, H, W)
        Pooling acts on the last two axes, channel by channel.
    size : int
        Window side length.
    stride : int, optional
        Step between windows; defaults to ``size``.

    Returns
    -------
    ndarray of shape (..., Ho, Wo)

    Examples
    --------
    >>> x = np.array([[1, 2, 5, 6], [3, 4, 7, 8], [0, 0, 1, 1], [0, 8, 1, 1]])
    >>> avg_pool2d(x)
    array([[2.5, 6.5],
           [2. , 1. ]])
    """
    return _pool(x, size, stride, np.mean, "avg_pool2d")


def gaussian_kernel(size: int = 3, sigma: float = 1.0) -> np.ndarray:
    r"""Normalised Gaussian blur kernel $w_{ij} \propto e^{-(i^2 + j^2) / 2\sigma^2}$.

    Parameters
    ----------
    size : int
        Odd side length.
    sigma : float
        Standard deviation in pixels.

    Returns
    -------
    ndarray of shape (size, size)
        Non-negative weights summing to 1.

    Examples
    --------
    >>> k = gaussian_kernel(5, sigma=1.0)
    >>> k.shape, round(float(k.sum()), 12), bool(k[2, 2] == k.max())
    ((5, 5), 1.0, True)
    """
    check_scalar(size, "size", int, min_val=1)
    if size % 2 == 0:
        raise ValueError(f"size must be odd so that the kernel has a centre, got {size}.")
    check_scalar(sigma, "sigma", numbers.Real, min_val=0.0, include_min=False)
    t = np.arange(size) - size // 2
    with np.errstate(over="ignore"):  # sigma near 0: t / sigma = inf for t != 0, so the weight is 0
        u = np.abs(t) / float(sigma)
    g = np.exp(-0.5 * np.minimum(u, 64.0) ** 2)  # exp(-0.5 * 64**2) is 0 in float64
    k = np.outer(g, g)
    return k / k.sum()


def _frozen(rows: list[list[float]], scale: float = 1.0) -> np.ndarray:
    k = np.array(rows, dtype=float) * scale
    k.setflags(write=False)
    return k


KERNELS: MappingProxyType[str, np.ndarray] = MappingProxyType({
    "identity": _frozen([[0, 0, 0], [0, 1, 0], [0, 0, 0]]),
    "edge": _frozen([[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]]),  # outline: responds to any edge
    "laplacian": _frozen([[0, 1, 0], [1, -4, 1], [0, 1, 0]]),
    "sobel_x": _frozen([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]),  # left-to-right brightening (vertical edges)
    "sobel_y": _frozen([[-1, -2, -1], [0, 0, 0], [1, 2, 1]]),  # top-to-bottom brightening (horizontal edges)
    "box_blur": _frozen([[1, 1, 1], [1, 1, 1], [1, 1, 1]], 1 / 9),
    "gaussian_blur": _frozen([[1, 2, 1], [2, 4, 2], [1, 2, 1]], 1 / 16),
    "sharpen": _frozen([[0, -1, 0], [-1, 5, -1], [0, -1, 0]]),
})
"""Classic hand-made 3x3 kernels (read-only arrays) for the feature-extractor figures.

``identity``, ``edge`` (outline), ``laplacian``, ``sobel_x``, ``sobel_y``,
``box_blur``, ``gaussian_blur`` and ``sharpen``. Blur kernels sum to 1 (they keep
the mean brightness); edge kernels sum to 0 (flat regions map to 0).
"""
