"""The layer protocol shared by every network part in :mod:`mlnotes.nn`.

A layer maps a batch forward and sends gradients backward::

    y = layer.forward(x)          # caches what backward needs
    grad_x = layer.backward(grad_y)  # fills layer.grads for every key of layer.params

Trainable layers keep their arrays in ``params`` and the matching gradients in
``grads`` (same keys, same shapes); optimizers update ``params`` in place from
``grads``. Layers without parameters have empty dicts.
"""

from __future__ import annotations

import numpy as np

__all__ = ["Layer"]


class Layer:
    """Base class of all layers.

    Attributes
    ----------
    params : dict of str to ndarray
        Trainable arrays, updated in place by optimizers.
    grads : dict of str to ndarray
        Gradients of the loss with respect to ``params``, same keys and shapes,
        written by :meth:`backward`.
    training : bool
        Whether the layer is in training mode.
    """

    def __init__(self) -> None:
        self.params: dict[str, np.ndarray] = {}
        self.grads: dict[str, np.ndarray] = {}
        self.training = True

    def forward(self, x: np.ndarray) -> np.ndarray:
        """Compute the layer's output for the batch ``x``."""
        raise NotImplementedError

    def backward(self, grad_y: np.ndarray) -> np.ndarray:
        """Given dL/dy, fill ``grads`` and return dL/dx."""
        raise NotImplementedError

    def __call__(self, x: np.ndarray) -> np.ndarray:
        return self.forward(x)

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"
