r"""Convolution and pooling layers with backpropagation, on the protocol of `mlnotes.nn.base`.

A convolution is a dense layer applied to every receptive field with the same
weights (weight sharing). With the receptive fields as the columns of
$X_{col} = \operatorname{im2col}(x)$ and the kernels as the rows of
$W_{row}$ (shape ``(K, C F F)``), the forward pass is
$Y = W_{row} X_{col} + b$, so the backward pass is the dense layer's,

$$
\frac{\partial L}{\partial W_{row}} = G\,X_{col}^\top,\qquad
\frac{\partial L}{\partial b_k} = \sum_{n,r,c} G_{k,(n,r,c)},\qquad
\frac{\partial L}{\partial x} = \operatorname{col2im}\!\left(W_{row}^\top G\right),
$$

where $G$ is $\partial L/\partial Y$ laid out like $Y$ and
``col2im`` adds each column back onto the pixels it was copied from (a pixel
seen by several windows collects several contributions). Max pooling sends the
gradient of a window to its largest input; average pooling spreads it evenly.

References
----------
LeCun, Bottou, Bengio & Haffner, "Gradient-based learning applied to document
recognition", *Proc. IEEE* 86(11), 1998 (LeNet-5). Goodfellow, Bengio & Courville,
*Deep Learning*, MIT Press, 2016, §9.1-9.3 and §9.5. He et al., "Delving deep into
rectifiers", ICCV 2015 (the initialisation).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from numpy.lib.stride_tricks import sliding_window_view

from .._validation import check_batch, check_grad_y, check_pair, check_random_state, check_scalar
from .conv import col2im, conv_output_size, conv_padding, im2col
from .base import Layer

__all__ = ["Conv2D", "MaxPool2D", "AvgPool2D", "GlobalMaxPool2D", "GlobalAvgPool2D"]


def _check_images(layer: Layer, x: Any, channels: int | None = None) -> np.ndarray:
    """``x`` checked by ``check_batch`` (the layers' one input check), and of shape (N, C, H, W)."""
    x = check_batch(x, owner=layer)
    if x.ndim != 4:
        raise ValueError(f"{layer!r} expected a batch of images of shape (N, C, H, W), got shape {x.shape}; "
                         "add the channel axis with x[:, None] for grey images.")
    if channels is not None and x.shape[1] != channels:
        raise ValueError(f"{layer!r} expected C={channels} input channels, got x of shape {x.shape} "
                         f"with C={x.shape[1]}.")
    return x


class Conv2D(Layer):
    r"""2-D convolution layer (cross-correlation) with ``K`` learned kernels and biases.

    Parameters
    ----------
    in_channels : int
        Channels ``C`` of the input (1 for grey images, 3 for RGB).
    out_channels : int
        Number of kernels ``K``, i.e. of output feature maps.
    kernel_size : int or (int, int)
        Kernel side ``F`` (or ``(F_h, F_w)``).
    stride : int
        Step between kernel positions.
    padding : int, (int, int), "valid" or "same"
        Zero border; ``"same"`` keeps the size at stride 1 (odd kernels).
    random_state : int, numpy.random.Generator or None
        Seed of the He-normal initialisation, $w \sim \mathcal N(0, 2/(C F_h F_w))$;
        biases start at zero.

    Attributes
    ----------
    params : dict
        ``"W"`` of shape (K, C, F_h, F_w) and ``"b"`` of shape (K,).
    grads : dict
        Gradients with the same keys and shapes, written by [`backward`][mlnotes.nn.Conv2D.backward].

    Notes
    -----
    Input (N, C, H, W) maps to (N, K, Ho, Wo) with
    ``Ho = floor((H + 2p - F) / s) + 1`` and

    $$
    y[n, k, r, c] = b_k + \sum_{c', i, j} W[k, c', i, j]\,\tilde x[n, c', rs + i, cs + j].
    $$

    Forward is one matrix product on the im2col matrix (kept for backward);
    backward is two matrix products and a col2im scatter-add (module docstring).

    Examples
    --------
    >>> import numpy as np
    >>> conv = Conv2D(1, 4, 3, padding="same", random_state=0)
    >>> conv.params["W"].shape, conv.params["b"].shape
    ((4, 1, 3, 3), (4,))
    >>> y = conv.forward(np.ones((2, 1, 6, 6)))
    >>> y.shape
    (2, 4, 6, 6)
    >>> conv.backward(np.ones_like(y)).shape
    (2, 1, 6, 6)
    >>> conv.grads["b"]  # each bias sees 2 * 6 * 6 output pixels
    array([72., 72., 72., 72.])
    """

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int | tuple[int, int],
                 stride: int = 1, padding: int | tuple[int, int] | str = 0, random_state: Any = None) -> None:
        super().__init__()
        check_scalar(in_channels, "in_channels", int, min_val=1)
        check_scalar(out_channels, "out_channels", int, min_val=1)
        check_scalar(stride, "stride", int, min_val=1)
        self.in_channels, self.out_channels = int(in_channels), int(out_channels)
        self.kernel_size = check_pair(kernel_size, "kernel_size", min_val=1)
        self.stride = int(stride)
        self.padding = conv_padding(padding, self.kernel_size)
        fh, fw = self.kernel_size
        fan_in = self.in_channels * fh * fw
        rng = check_random_state(random_state)
        W = rng.normal(0.0, np.sqrt(2.0 / fan_in), size=(self.out_channels, self.in_channels, fh, fw))
        self.params = {"W": W, "b": np.zeros(self.out_channels)}
        self.grads = {"W": np.zeros_like(W), "b": np.zeros(self.out_channels)}
        self._cols: np.ndarray | None = None
        self._x_shape: tuple[int, ...] | None = None
        self._y_shape: tuple[int, ...] | None = None

    def output_shape(self, height: int, width: int) -> tuple[int, int, int]:
        """Shape ``(K, Ho, Wo)`` of one output sample for an input of ``height x width``."""
        (fh, fw), (ph, pw) = self.kernel_size, self.padding
        return (self.out_channels, conv_output_size(height, fh, ph, self.stride),
                conv_output_size(width, fw, pw, self.stride))

    def forward(self, x: Any) -> np.ndarray:
        """Convolve ``x`` of shape (N, C, H, W) with every kernel; returns (N, K, Ho, Wo)."""
        x = _check_images(self, x, self.in_channels)
        N, _, H, W = x.shape
        K, Ho, Wo = self.output_shape(H, W)  # raises if the kernel is larger than the padded input
        self._cols = im2col(x, self.kernel_size, stride=self.stride, padding=self.padding)  # (C*fh*fw, N*Ho*Wo)
        self._x_shape, self._y_shape = x.shape, (N, K, Ho, Wo)
        y = self.params["W"].reshape(K, -1) @ self._cols  # (K, N*Ho*Wo)
        y += self.params["b"][:, None]
        return y.reshape(K, N, Ho, Wo).transpose(1, 0, 2, 3)  # (N, K, Ho, Wo)

    def backward(self, grad_y: Any) -> np.ndarray:
        """Fill ``grads["W"]``, ``grads["b"]`` and return dL/dx of shape (N, C, H, W)."""
        grad_y = check_grad_y(grad_y, self._y_shape, owner=self)
        K = self.out_channels
        G = grad_y.transpose(1, 0, 2, 3).reshape(K, -1)  # (K, N*Ho*Wo)
        W = self.params["W"]
        self.grads["W"] = (G @ self._cols.T).reshape(W.shape)  # (K, C, fh, fw)
        self.grads["b"] = G.sum(axis=1)  # (K,)
        grad_cols = W.reshape(K, -1).T @ G  # (C*fh*fw, N*Ho*Wo)
        return col2im(grad_cols, self._x_shape, self.kernel_size, stride=self.stride,
                      padding=self.padding)  # (N, C, H, W)

    def __repr__(self) -> str:
        fh, fw = self.kernel_size
        ks = fh if fh == fw else self.kernel_size
        return (f"Conv2D({self.in_channels} -> {self.out_channels}, kernel_size={ks}, "
                f"stride={self.stride}, padding={self.padding[0] if len(set(self.padding)) == 1 else self.padding})")


class _Pool2D(Layer):
    """Shared window bookkeeping of the pooling layers."""

    def __init__(self, kernel_size: int = 2, stride: int | None = None) -> None:
        super().__init__()
        check_scalar(kernel_size, "kernel_size", int, min_val=1)
        self.kernel_size = int(kernel_size)
        self.stride = self.kernel_size if stride is None else int(check_scalar(stride, "stride", int, min_val=1))
        self._x_shape: tuple[int, ...] | None = None
        self._y_shape: tuple[int, ...] | None = None

    def _windows(self, x: Any) -> np.ndarray:
        x = _check_images(self, x)
        k, s = self.kernel_size, self.stride
        Ho, Wo = conv_output_size(x.shape[2], k, 0, s), conv_output_size(x.shape[3], k, 0, s)
        self._x_shape, self._y_shape = x.shape, (*x.shape[:2], Ho, Wo)
        return sliding_window_view(x, (k, k), axis=(-2, -1))[..., ::s, ::s, :, :]  # (N, C, Ho, Wo, k, k), a view

    def _scatter(self, grad_per_offset: Any) -> np.ndarray:
        """dL/dx: add ``grad_per_offset(i, j)`` (shape (N, C, Ho, Wo)) at window offset (i, j)."""
        k, s = self.kernel_size, self.stride
        _, _, Ho, Wo = self._y_shape  # type: ignore[misc]
        grad_x = np.zeros(self._x_shape)  # (N, C, H, W)
        for i in range(k):
            for j in range(k):  # k*k vectorised slice additions (windows may overlap)
                grad_x[:, :, i:i + s * Ho:s, j:j + s * Wo:s] += grad_per_offset(i, j)
        return grad_x

    def __repr__(self) -> str:
        return f"{type(self).__name__}(kernel_size={self.kernel_size}, stride={self.stride})"


class MaxPool2D(_Pool2D):
    r"""Max pooling layer: each output is the largest input of its ``k x k`` window.

    Parameters
    ----------
    kernel_size : int
        Window side ``k``.
    stride : int, optional
        Step between windows; defaults to ``kernel_size``.

    Notes
    -----
    Input (N, C, H, W) maps to (N, C, Ho, Wo), ``Ho = floor((H - k) / s) + 1``.
    The gradient of a window goes entirely to its maximum (the first one in
    row-major order on ties): $\partial y/\partial x_{ij} = [x_{ij} = \max]$.

    Examples
    --------
    >>> import numpy as np
    >>> pool = MaxPool2D(2)
    >>> x = np.array([[[[1., 2., 5., 6.], [3., 4., 7., 8.], [0., 0., 1., 1.], [0., 9., 1., 2.]]]])
    >>> pool.forward(x)[0, 0]
    array([[4., 8.],
           [9., 2.]])
    >>> pool.backward(np.ones((1, 1, 2, 2)))[0, 0]
    array([[0., 0., 0., 0.],
           [0., 1., 0., 1.],
           [0., 0., 0., 0.],
           [0., 1., 0., 1.]])
    """

    def __init__(self, kernel_size: int = 2, stride: int | None = None) -> None:
        super().__init__(kernel_size, stride)

    def forward(self, x: Any) -> np.ndarray:
        """Max over each window; returns (N, C, Ho, Wo)."""
        windows = self._windows(x)
        flat = windows.reshape(*windows.shape[:4], -1)  # (N, C, Ho, Wo, k*k)
        self._argmax = flat.argmax(axis=-1)  # (N, C, Ho, Wo): offset i*k + j of the maximum
        return np.take_along_axis(flat, self._argmax[..., None], axis=-1)[..., 0]

    def backward(self, grad_y: Any) -> np.ndarray:
        """Route each window's gradient to its maximum; returns dL/dx."""
        grad_y = check_grad_y(grad_y, self._y_shape, owner=self)
        k = self.kernel_size
        return self._scatter(lambda i, j: np.where(self._argmax == i * k + j, grad_y, 0.0))


class AvgPool2D(_Pool2D):
    r"""Average pooling layer: each output is the mean of its ``k x k`` window.

    Parameters
    ----------
    kernel_size : int
        Window side ``k``.
    stride : int, optional
        Step between windows; defaults to ``kernel_size``.

    Notes
    -----
    $\partial y/\partial x_{ij} = 1/k^2$ for every input of the window.

    Examples
    --------
    >>> import numpy as np
    >>> pool = AvgPool2D(2)
    >>> pool.forward(np.arange(16.0).reshape(1, 1, 4, 4))[0, 0]
    array([[ 2.5,  4.5],
           [10.5, 12.5]])
    >>> pool.backward(np.ones((1, 1, 2, 2)))[0, 0, 0]
    array([0.25, 0.25, 0.25, 0.25])
    """

    def __init__(self, kernel_size: int = 2, stride: int | None = None) -> None:
        super().__init__(kernel_size, stride)

    def forward(self, x: Any) -> np.ndarray:
        """Mean over each window; returns (N, C, Ho, Wo)."""
        return self._windows(x).mean(axis=(-2, -1))

    def backward(self, grad_y: Any) -> np.ndarray:
        """Spread each window's gradient evenly; returns dL/dx."""
        grad_y = check_grad_y(grad_y, self._y_shape, owner=self) / self.kernel_size**2
        return self._scatter(lambda i, j: grad_y)


class _GlobalPool2D(Layer):
    """Shared part of the global pooling layers: the input shape kept for ``backward``."""

    def __init__(self) -> None:
        super().__init__()
        self._x_shape: tuple[int, ...] | None = None

    def _check_grad_y(self, grad_y: Any) -> np.ndarray:
        """``grad_y`` checked against the output shape (N, C) of the last forward pass."""
        return check_grad_y(grad_y, None if self._x_shape is None else self._x_shape[:2], owner=self)


class GlobalMaxPool2D(_GlobalPool2D):
    r"""Global max pooling: the largest value of each whole feature map, (N, C, H, W) -> (N, C).

    Answers "does the feature appear *anywhere*?", which makes a convolutional
    detector invariant to where the pattern is. The gradient goes to the arg-max
    pixel of each map.

    Examples
    --------
    >>> import numpy as np
    >>> pool = GlobalMaxPool2D()
    >>> pool.forward(np.arange(8.0).reshape(1, 2, 2, 2))
    array([[3., 7.]])
    >>> pool.backward(np.array([[1.0, 2.0]]))[0, 1]
    array([[0., 0.],
           [0., 2.]])
    """

    def forward(self, x: Any) -> np.ndarray:
        """Max over the height and width of every map; returns (N, C)."""
        x = _check_images(self, x)
        flat = x.reshape(*x.shape[:2], -1)  # (N, C, H*W)
        self._x_shape, self._argmax = x.shape, flat.argmax(axis=-1)  # (N, C)
        return np.take_along_axis(flat, self._argmax[..., None], axis=-1)[..., 0]

    def backward(self, grad_y: Any) -> np.ndarray:
        """Put each map's gradient on its arg-max pixel; returns dL/dx of shape (N, C, H, W)."""
        grad_y = self._check_grad_y(grad_y)
        N, C, H, W = self._x_shape  # type: ignore[misc]
        grad_x = np.zeros((N, C, H * W))
        np.put_along_axis(grad_x, self._argmax[..., None], grad_y[..., None], axis=-1)
        return grad_x.reshape(N, C, H, W)


class GlobalAvgPool2D(_GlobalPool2D):
    r"""Global average pooling: the mean of each whole feature map, (N, C, H, W) -> (N, C).

    Examples
    --------
    >>> import numpy as np
    >>> pool = GlobalAvgPool2D()
    >>> pool.forward(np.arange(8.0).reshape(1, 2, 2, 2))
    array([[1.5, 5.5]])
    >>> pool.backward(np.array([[4.0, 8.0]]))[0, 1]
    array([[2., 2.],
           [2., 2.]])
    """

    def forward(self, x: Any) -> np.ndarray:
        """Mean over the height and width of every map; returns (N, C)."""
        x = _check_images(self, x)
        self._x_shape = x.shape
        return x.mean(axis=(2, 3))

    def backward(self, grad_y: Any) -> np.ndarray:
        """Spread each map's gradient evenly over its pixels; returns (N, C, H, W)."""
        grad_y = self._check_grad_y(grad_y)
        N, C, H, W = self._x_shape  # type: ignore[misc]
        return np.broadcast_to(grad_y[:, :, None, None] / (H * W), (N, C, H, W)).copy()
