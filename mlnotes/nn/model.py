r"""Networks as stacks of layers, the MLP builder, and linear collapse.

``Sequential`` composes layers: the forward pass applies them in order and the
backward pass applies the chain rule in reverse order (backpropagation),

$$
\frac{\partial L}{\partial x} = J_1^\top J_2^\top \cdots J_K^\top \frac{\partial L}{\partial y}.
$$

[`make_mlp`][mlnotes.nn.make_mlp] builds the multilayer perceptron every part of
``mlnotes`` uses; [`train`][mlnotes.nn.train] (in `mlnotes.nn.training`) trains a network.
[`collapse_linear`][mlnotes.nn.collapse_linear] shows why activations are
needed: a stack of dense layers without them is one affine map.

References
----------
Goodfellow, Bengio & Courville, *Deep Learning*, MIT Press, 2016, §6.3-6.5 (hidden units,
architecture, back-propagation). Glorot & Bengio, AISTATS 2010; He et al., ICCV 2015 (initialisation).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import pairwise
from typing import Any

import numpy as np

from .._validation import check_bool, check_option, check_random_state, check_scalar
from .base import Layer
from .layers import Dense, Flatten, Identity, ReLU, Sigmoid, Tanh

__all__ = ["Sequential", "make_mlp", "collapse_linear"]

_ACTIVATIONS: dict[str, type[Layer]] = {"identity": Identity, "logistic": Sigmoid, "tanh": Tanh, "relu": ReLU}


class Sequential(Layer):
    r"""A chain of layers, itself a layer: $y = f_K(\cdots f_2(f_1(x)))$.

    Parameters
    ----------
    layers : list of Layer
        The layers, applied in order.

    Attributes
    ----------
    layers : list of Layer
        The layers.
    params, grads : dict of str to ndarray
        All trainable arrays (and their gradients) of the sub-layers, named
        ``"<index>.<key>"`` (e.g. ``"0.W"``); the arrays are the layers' own.
    training : bool
        Training or evaluation mode, propagated to every layer by
        [`set_training`][mlnotes.nn.Sequential.set_training]/[`eval`][mlnotes.nn.Layer.eval].

    Examples
    --------
    >>> import numpy as np
    >>> from mlnotes.nn import Dense, ReLU
    >>> net = Sequential([Dense(2, 3, random_state=0), ReLU(), Dense(3, 1, random_state=1)])
    >>> net.forward(np.ones((5, 2))).shape
    (5, 1)
    >>> net.backward(np.ones((5, 1))).shape
    (5, 2)
    >>> net.layer_sizes
    [2, 3, 1]
    >>> sorted(net.params)
    ['0.W', '0.b', '2.W', '2.b']
    >>> net.forward(np.ones((5, 4)))
    Traceback (most recent call last):
    ...
    ValueError: Sequential layer 0, Dense(2 -> 3): expected input of shape (N, 2), got (5, 4).
    """

    def __init__(self, layers: Sequence[Layer]) -> None:
        if isinstance(layers, (str, bytes, Layer)) or not isinstance(layers, Iterable):
            raise TypeError(f"layers must be a list of Layer instances, got {type(layers).__name__}.")
        layers = list(layers)
        for i, layer in enumerate(layers):
            if not isinstance(layer, Layer):
                raise TypeError(f"Sequential layers must be Layer instances; item {i} is "
                                f"{type(layer).__name__}.")
        self.layers = layers
        self.training = True

    # --- parameters as views into the sub-layers -------------------------------------------
    @property  # type: ignore[override]
    def params(self) -> dict[str, np.ndarray]:  # type: ignore[override]
        """All trainable arrays, named ``"<index>.<key>"``."""
        return self.named_params()

    @property  # type: ignore[override]
    def grads(self) -> dict[str, np.ndarray]:  # type: ignore[override]
        """All gradients, named like [`params`][mlnotes.nn.Sequential.params]."""
        out: dict[str, np.ndarray] = {}
        for i, layer in enumerate(self.layers):
            for key, g in layer.grads.items():
                out[f"{i}.{key}"] = g
        return out

    def named_params(self) -> dict[str, np.ndarray]:
        """The trainable arrays of every sub-layer, named ``"<index>.<key>"``."""
        out: dict[str, np.ndarray] = {}
        for i, layer in enumerate(self.layers):
            for key, arr in layer.named_params().items():
                out[f"{i}.{key}"] = arr
        return out

    def parameters(self) -> list[tuple[Layer, str]]:
        """``(layer, key)`` for every trainable array of every sub-layer (recursively)."""
        return [pair for layer in self.layers for pair in layer.parameters()]

    def set_training(self, mode: bool = True) -> "Sequential":
        """Put the network and every layer in training (or evaluation) mode; returns ``self``."""
        self.training = check_bool(mode, "mode")
        for layer in self.layers:
            layer.set_training(mode)
        return self

    # --- forward / backward ------------------------------------------------------------------
    def forward(self, x: Any) -> np.ndarray:
        """Apply every layer in order."""
        for i, layer in enumerate(self.layers):
            try:
                x = layer.forward(x)
            except ValueError as exc:
                msg = str(exc)
                prefix = f"{layer!r} "
                if msg.startswith(prefix):
                    msg = f"{layer!r}: {msg[len(prefix):]}"
                elif not msg.startswith(repr(layer)):
                    msg = f"{layer!r}: {msg}"
                raise ValueError(f"Sequential layer {i}, {msg}") from None
        return x

    def backward(self, grad_y: Any) -> np.ndarray:
        """Backpropagate ``grad_y`` through the layers in reverse order; returns dL/dx."""
        for layer in reversed(self.layers):
            grad_y = layer.backward(grad_y)
        return grad_y

    def backward_params(self, grad_y: Any) -> None:
        """Like [`backward`][mlnotes.nn.Sequential.backward], without dL/dx of the first layer (training does not need it)."""
        for layer in reversed(self.layers[1:]):
            grad_y = layer.backward(grad_y)
        if self.layers:
            self.layers[0].backward_params(grad_y)

    def predict(self, x: Any) -> np.ndarray:
        """Forward pass in evaluation mode (restores the previous mode afterwards)."""
        mode = self.training
        self.eval()
        try:
            return self.forward(x)
        finally:
            self.set_training(mode)

    # --- introspection -----------------------------------------------------------------------
    @property
    def layer_sizes(self) -> list[int]:
        """Neurons per layer of the dense layers: ``[inputs, hidden..., outputs]`` (for diagrams)."""
        sizes: list[int] = []
        for layer in self.layers:
            if isinstance(layer, Sequential):
                inner = layer.layer_sizes
                sizes = sizes + (inner[1:] if sizes and inner and inner[0] == sizes[-1] else inner)
            elif isinstance(layer, Dense):
                if not sizes:
                    sizes.append(layer.in_features)
                sizes.append(layer.out_features)
        return sizes

    @property
    def n_params(self) -> int:
        """Total number of trainable scalars."""
        return int(sum(arr.size for arr in self.named_params().values()))

    def summary(self) -> str:
        """A text table of the layers and their parameter counts.

        Examples
        --------
        >>> from mlnotes.nn import Dense, Tanh
        >>> print(Sequential([Dense(2, 4), Tanh(), Dense(4, 1)]).summary())
        #  layer          params
        0  Dense(2 -> 4)      12
        1  Tanh()              0
        2  Dense(4 -> 1)       5
        total                 17
        """
        rows = [(str(i), repr(layer), sum(a.size for a in layer.named_params().values()))
                for i, layer in enumerate(self.layers)]
        w = max([len(r[1]) for r in rows] + [5])
        lines = [f"#  {'layer':<{w}}  params"]
        lines += [f"{i:<2} {name:<{w}}  {n:>6}" for i, name, n in rows]
        lines.append(f"{'total':<{w + 3}}  {self.n_params:>6}")
        return "\n".join(lines)

    def __len__(self) -> int:
        return len(self.layers)

    def __iter__(self) -> Iterator[Layer]:
        return iter(self.layers)

    def __getitem__(self, index: int) -> Layer:
        return self.layers[index]

    def __repr__(self) -> str:
        return "Sequential([" + ", ".join(repr(layer) for layer in self.layers) + "])"


def make_mlp(sizes: Sequence[int], *, activation: str = "relu", out_activation: str | None = None,
             init: str = "he", random_state: Any = None) -> Sequential:
    r"""The multilayer perceptron ``sizes[0] -> sizes[1] -> ... -> sizes[-1]``: the one MLP builder of ``mlnotes``.

    Dense layers with an activation between them, $h_\ell = \varphi(h_{\ell-1}W_\ell + b_\ell)$,
    and a linear output layer (or ``out_activation`` after it). The MLP
    estimators, the deep RL agents and the chapter 4 baseline are built with it.

    Parameters
    ----------
    sizes : sequence of int
        Input size, hidden sizes, output size (at least two entries).
    activation : {"relu", "tanh", "logistic", "identity"}
        Activation of the hidden layers.
    out_activation : {"relu", "tanh", "logistic", "identity"} or None
        Activation after the output layer; ``None`` leaves the output linear
        (logits or values, for a loss that fuses the activation).
    init : {"he", "glorot"}
        ``"he"``: He-normal weights (standard deviation $\sqrt{2/d_{in}}$) in the
        hidden layers, Glorot-uniform weights on the output layer, zero biases
        (suits ReLU). ``"glorot"``: scikit-learn's MLP initialisation,
        Glorot-uniform weights *and* biases with bound $\sqrt{6/(d_{in}+d_{out})}$,
        $\sqrt{2/(d_{in}+d_{out})}$ for ``activation="logistic"``.
    random_state : int, numpy.random.Generator or None
        Seed of the initialisation; a Generator is used as it is (and advanced),
        layer by layer, weights before biases.

    Returns
    -------
    Sequential
        ``[Dense, act, Dense, act, ..., Dense(, out_act)]``, input (N, sizes[0]),
        output (N, sizes[-1]).

    References
    ----------
    Glorot & Bengio, AISTATS 2010; He et al., ICCV 2015; scikit-learn,
    ``sklearn/neural_network/_multilayer_perceptron.py`` (``_init_coef``).

    Examples
    --------
    >>> net = make_mlp([4, 8, 2], random_state=0)
    >>> net
    Sequential([Dense(4 -> 8), ReLU(), Dense(8 -> 2)])
    >>> make_mlp([3, 5, 5, 1], activation="tanh", out_activation="logistic", init="glorot",
    ...          random_state=0).layer_sizes
    [3, 5, 5, 1]
    """
    if isinstance(sizes, (str, bytes)) or not isinstance(sizes, (Sequence, np.ndarray)) or len(sizes) < 2:
        raise TypeError(f"sizes must be a sequence of at least two ints (input, ..., output), got {sizes!r}.")
    for i, size in enumerate(sizes):
        check_scalar(size, f"sizes[{i}]", int, min_val=1)
    sizes = [int(size) for size in sizes]
    check_option(activation, "activation", tuple(_ACTIVATIONS))
    check_option(out_activation, "out_activation", (*_ACTIVATIONS, None))
    check_option(init, "init", ("he", "glorot"))
    rng = check_random_state(random_state)
    layers: list[Layer] = []
    for i, (n_in, n_out) in enumerate(pairwise(sizes)):
        last = i == len(sizes) - 2
        if init == "he":
            dense = Dense(n_in, n_out, init="xavier" if last else "he", random_state=rng)
        else:  # Glorot-uniform weights (Dense's "xavier", bound sqrt(6 / (n_in + n_out))) and biases
            dense = Dense(n_in, n_out, init="xavier", random_state=rng)
            bound = np.sqrt((2.0 if activation == "logistic" else 6.0) / (n_in + n_out))
            if activation == "logistic":
                dense.params["W"] *= np.sqrt(1.0 / 3.0)  # bound sqrt(2 / (n_in + n_out))
            dense.params["b"][...] = rng.uniform(-bound, bound, size=n_out)
        layers.append(dense)
        if not last:
            layers.append(_ACTIVATIONS[activation]())
    if out_activation is not None:
        layers.append(_ACTIVATIONS[out_activation]())
    return Sequential(layers)


def collapse_linear(model: Sequential | Sequence[Layer]) -> tuple[np.ndarray, np.ndarray]:
    r"""The single affine map $x \mapsto xW + b$ equal to a stack of dense layers without activations.

    For $y = (xW_1 + b_1)W_2 + b_2 = x\,(W_1W_2) + (b_1W_2 + b_2)$, and so on
    for more layers: depth without non-linearity adds no expressive power.

    Parameters
    ----------
    model : Sequential or list of Layer
        Only [`Dense`][mlnotes.nn.Dense], [`Identity`][mlnotes.nn.Identity] and
        [`Flatten`][mlnotes.nn.Flatten] layers (and nested ``Sequential``) are allowed.

    Returns
    -------
    W : ndarray of shape (in_features, out_features)
    b : ndarray of shape (out_features,)

    Examples
    --------
    >>> import numpy as np
    >>> from mlnotes.nn import Dense
    >>> net = Sequential([Dense(3, 5, random_state=0), Dense(5, 4, random_state=1), Dense(4, 2, random_state=2)])
    >>> W, b = collapse_linear(net)
    >>> W.shape, b.shape
    ((3, 2), (2,))
    >>> x = np.random.default_rng(0).normal(size=(6, 3))
    >>> bool(np.allclose(net.forward(x), x @ W + b))
    True
    """
    if not isinstance(model, Sequential) and (isinstance(model, (str, bytes)) or not isinstance(model, Iterable)):
        raise TypeError(f"model must be a Sequential or a list of layers, got {type(model).__name__}.")
    layers = model.layers if isinstance(model, Sequential) else list(model)
    W: np.ndarray | None = None
    b: np.ndarray | None = None
    for layer in layers:
        if isinstance(layer, Sequential):
            W2, b2 = collapse_linear(layer)
        elif isinstance(layer, Dense):
            W2, b2 = layer.params["W"], layer.params["b"]
        elif isinstance(layer, (Identity, Flatten)):
            continue
        else:
            raise ValueError(f"collapse_linear only applies to stacks of Dense layers without "
                             f"activations; found {layer!r}, which is not linear.")
        if W is None or b is None:
            W, b = W2.copy(), b2.copy()
        else:
            if W.shape[1] != W2.shape[0]:
                raise ValueError(f"layer sizes do not chain: {W.shape[1]} outputs feed {layer!r}.")
            W, b = W @ W2, b @ W2 + b2
    if W is None or b is None:
        raise ValueError("collapse_linear needs at least one Dense layer.")
    return W, b
