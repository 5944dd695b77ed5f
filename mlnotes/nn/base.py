"""The layer protocol shared by every network part in [`mlnotes.nn`][mlnotes.nn].

A layer maps a batch forward and sends gradients backward::

    y = layer.forward(x)          # caches what backward needs
    grad_x = layer.backward(grad_y)  # fills layer.grads for every key of layer.params

Trainable layers keep their arrays in ``params`` and the matching gradients in
``grads`` (same keys, same shapes); optimizers update ``params`` in place from
``grads``. Layers without parameters have empty dicts.
"""

from __future__ import annotations

import numpy as np

from .._validation import check_bool

__all__ = ["Layer"]


class Layer:
    """Base class of all layers.

    Attributes
    ----------
    params : dict of str to ndarray
        Trainable arrays, updated in place by optimizers.
    grads : dict of str to ndarray
        Gradients of the loss with respect to ``params``, same keys and shapes,
        written by [`backward`][mlnotes.nn.Layer.backward].
    training : bool
        Whether the layer is in training mode; set by
        [`set_training`][mlnotes.nn.Layer.set_training] and [`eval`][mlnotes.nn.Layer.eval].
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

    def backward_params(self, grad_y: np.ndarray) -> None:
        """Fill ``grads`` only, for a layer whose input gradient nobody needs (a network's first layer).

        The default runs [`backward`][mlnotes.nn.Layer.backward]; layers such as
        [`Dense`][mlnotes.nn.Dense] skip the product that gives dL/dx.
        """
        self.backward(grad_y)

    def __call__(self, x: np.ndarray) -> np.ndarray:
        return self.forward(x)

    def parameters(self) -> list[tuple["Layer", str]]:
        """Every trainable array as a ``(layer, key)`` pair: ``layer.params[key]``.

        Optimizers iterate over this list; containers such as ``Sequential``
        override it to collect the pairs of their sub-layers.
        """
        return [(self, key) for key in self.params]

    def set_training(self, mode: bool = True) -> "Layer":
        """Switch to training mode (``mode=True``) or evaluation mode (``False``); returns ``self``.

        The training loop is the function [`train`][mlnotes.nn.train]; this only sets
        the ``training`` flag (read by layers that behave differently when training).
        """
        self.training = check_bool(mode, "mode")
        return self

    def eval(self) -> "Layer":
        """Switch to evaluation mode, ``set_training(False)``; returns ``self``."""
        return self.set_training(False)

    def state_dict(self) -> dict[str, np.ndarray]:
        """Copies of the trainable arrays, keyed by name (for saving or target networks)."""
        return {name: arr.copy() for name, arr in self.named_params().items()}

    def load_state_dict(self, state: dict[str, np.ndarray]) -> None:
        """Copy arrays from ``state`` (as returned by [`state_dict`][mlnotes.nn.Layer.state_dict]) into the parameters in place."""
        own = self.named_params()
        if set(state) != set(own):
            raise ValueError(f"state keys {sorted(state)} do not match the parameters {sorted(own)}.")
        for name, arr in own.items():
            value = np.asarray(state[name])
            if value.shape != arr.shape:
                raise ValueError(f"state[{name!r}] has shape {value.shape}, expected {arr.shape}.")
            arr[...] = value

    def named_params(self) -> dict[str, np.ndarray]:
        """The trainable arrays by name (the arrays themselves, not copies)."""
        return dict(self.params)

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"
