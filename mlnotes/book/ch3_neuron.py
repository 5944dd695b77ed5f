r"""The worked neuron of the page "3.1 神经元数学模型 / The mathematical model of a neuron".

Used on the page `ch3/neuron` by the blocks that compute its output (`activation_example`),
draw it (`activation_example_figure`) and answer the exercises (`ex_1`, `ex_2`): one set of
numbers, kept here so that all four compute with the same neuron.

The neuron has three inputs $\mathbf{x} = (1, -2, -1)$, weights $\mathbf{w} = (2, -1, 1)$ and
bias $b = 1$, so $z = \mathbf{w} \cdot \mathbf{x} + b = 4$ and, with the sigmoid,
$a = \sigma(4) \approx 0.982$.
"""

from __future__ import annotations

import numpy as np

__all__ = ["neuron_example"]


def neuron_example() -> tuple[np.ndarray, np.ndarray, float]:
    r"""The inputs, weights and bias of the page's worked neuron.

    Returns
    -------
    x : ndarray of shape (3,)
        The inputs $(1, -2, -1)$.
    w : ndarray of shape (3,)
        The weights $(2, -1, 1)$.
    b : float
        The bias, 1.
        New arrays on every call.

    Examples
    --------
    >>> x, w, b = neuron_example()
    >>> float(w @ x + b)  # the weighted sum z
    4.0
    """
    return np.array([1.0, -2.0, -1.0]), np.array([2.0, -1.0, 1.0]), 1.0
