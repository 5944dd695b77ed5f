r"""The worked 2-2-1 network of the page "3.4 神经网络参数求解 / Finding the parameters of a neural network".

Used on the page `ch3/training` by the blocks that draw the example (`bp_network`), run it
forward and backward by hand (`bp_forward`, `bp_backward`), take one gradient step
(`bp_step`) and answer the exercises (`ex_1`, `ex_2`): one set of numbers, kept here so
that every block computes with the same network.

The network has 2 inputs, 2 hidden sigmoid neurons and 1 sigmoid output, and the loss is
the squared error $L = (o - t)^2$ of one sample $x = (0.5, 1)$ with target $t = 1$:

$$h = \sigma(x W_1 + b_1), \qquad o = \sigma(h W_2 + b_2).$$

``W1[i, j]`` is the weight $w_{ij}$ from input $i$ to hidden neuron $j$, ``W2[j, 0]`` the
weight $v_j$ from hidden neuron $j$ to the output.

References
----------
Rumelhart, Hinton & Williams, "Learning representations by back-propagating errors",
*Nature* 323, 1986. Goodfellow, Bengio & Courville, *Deep Learning*, MIT Press, 2016, §6.5.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ..nn import Dense, Sequential, Sigmoid

__all__ = ["worked_example", "worked_network"]


class WorkedExample(NamedTuple):
    """The numbers of the worked example (fresh arrays on every call of [`worked_example`][mlnotes.book.ch3_training.worked_example])."""

    x: np.ndarray
    """The input, shape (2,)."""
    t: float
    """The target of the output neuron."""
    W1: np.ndarray
    """Input -> hidden weights $w_{ij}$, shape (2, 2)."""
    b1: np.ndarray
    """Hidden biases $b_{h1}, b_{h2}$, shape (2,)."""
    W2: np.ndarray
    """Hidden -> output weights $v_1, v_2$, shape (2, 1)."""
    b2: np.ndarray
    """Output bias $b_o$, shape (1,)."""


def worked_example() -> WorkedExample:
    r"""The input, target and parameters of the worked 2-2-1 network.

    Returns
    -------
    WorkedExample
        A named tuple ``(x, t, W1, b1, W2, b2)``: ``x`` of shape (2,), ``t`` a float,
        ``W1`` (2, 2), ``b1`` (2,), ``W2`` (2, 1), ``b2`` (1,). The arrays are new on every
        call, so a block may change them without affecting another.

    Examples
    --------
    >>> x, t, W1, b1, W2, b2 = worked_example()
    >>> x.tolist(), t, W1.shape, W2.shape
    ([0.5, 1.0], 1.0, (2, 2), (2, 1))
    >>> x @ W1 + b1  # hidden pre-activations z_h1, z_h2
    array([-0.05,  0.4 ])
    """
    return WorkedExample(
        x=np.array([0.5, 1.0]),
        t=1.0,
        W1=np.array([[0.1, 0.4], [-0.2, 0.3]]),
        b1=np.array([0.1, -0.1]),
        W2=np.array([[0.5], [-0.6]]),
        b2=np.array([0.2]),
    )


def worked_network() -> Sequential:
    r"""The worked example as a network of the library, holding its parameters.

    ``Sequential([Dense(2, 2), Sigmoid(), Dense(2, 1), Sigmoid()])`` with the weights and
    biases of [`worked_example`][mlnotes.book.ch3_training.worked_example]: layer 0 holds
    ``W1``, ``b1`` and layer 2 holds ``W2``, ``b2`` (parameter names ``"0.W"``, ``"0.b"``,
    ``"2.W"``, ``"2.b"``), so ``backward`` fills the gradients worked out by hand on the page.

    Returns
    -------
    Sequential
        A new network on every call (training one does not change another).

    Examples
    --------
    >>> net = worked_network()
    >>> net.layer_sizes, sorted(net.params)
    ([2, 2, 1], ['0.W', '0.b', '2.W', '2.b'])
    >>> x, t, *_ = worked_example()
    >>> round(float(net.forward(x[None, :])[0, 0]), 4)  # the output o
    0.5211
    """
    example = worked_example()
    net = Sequential([Dense(2, 2), Sigmoid(), Dense(2, 1), Sigmoid()])
    net.layers[0].params["W"][:] = example.W1
    net.layers[0].params["b"][:] = example.b1
    net.layers[2].params["W"][:] = example.W2
    net.layers[2].params["b"][:] = example.b2
    return net
