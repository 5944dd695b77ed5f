r"""Pieces shared by the deep agents: state encoding and target-network updates.

The networks themselves are MLPs from [`make_mlp`][mlnotes.nn.make_mlp].

A target network is a copy of a network whose parameters follow the online
network slowly, either by periodic copies (hard update, DQN) or by Polyak
averaging $\theta' \leftarrow \tau\theta + (1-\tau)\theta'$ (soft update, DDPG).

References
----------
Mnih et al., "Human-level control through deep reinforcement learning",
*Nature* 518, 2015 (target network, hard updates). Lillicrap et al.,
"Continuous control with deep reinforcement learning", ICLR 2016 (soft updates).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .._validation import check_array, check_scalar
from ..nn import Layer
from .spaces import _as_index

__all__ = ["one_hot", "StateEncoder", "hard_update", "soft_update"]


def one_hot(states: Any, n: int) -> np.ndarray:
    """One-hot rows for integer states.

    Parameters
    ----------
    states : int or array-like of int, shape (N,)
        States in ``[0, n)``.
    n : int
        Number of states.

    Returns
    -------
    ndarray of shape (N, n)
        Row ``i`` is 1 at column ``states[i]``, 0 elsewhere.

    Examples
    --------
    >>> one_hot([2, 0], 3)
    array([[0., 0., 1.],
           [1., 0., 0.]])
    """
    check_scalar(n, "n", int, min_val=1)
    idx = np.atleast_1d(np.asarray(states))
    if idx.dtype.kind not in "iu" or idx.ndim != 1:
        raise TypeError(f"states must be ints (or a 1-D array of ints), got {states!r}.")
    if idx.size and (idx.min() < 0 or idx.max() >= n):
        raise ValueError(f"states must be in [0, {n}), got values in [{idx.min()}, {idx.max()}].")
    out = np.zeros((idx.size, n))
    out[np.arange(idx.size), idx] = 1.0
    return out


class StateEncoder:
    """Turn observations of an environment into network input rows.

    Discrete observation spaces (with ``.n``) are one-hot encoded; boxes are
    flattened to float vectors.

    Parameters
    ----------
    space : Discrete or Box (or the Gymnasium equivalent)
        The observation space.

    Attributes
    ----------
    dim : int
        Length of an encoded state.
    """

    def __init__(self, space: Any) -> None:
        self.discrete = hasattr(space, "n")
        if self.discrete:
            self.dim = int(space.n)
        elif hasattr(space, "shape") and space.shape is not None:
            self.dim = int(np.prod(space.shape))
            self.shape = tuple(int(s) for s in space.shape)
        else:
            raise TypeError(f"Unsupported observation space {space!r}: need .n (discrete) or .shape.")

    def one(self, state: Any) -> np.ndarray:
        """Encode a single state as a vector of shape (dim,)."""
        if self.discrete:
            s = _as_index(state)
            if s is None or not 0 <= s < self.dim:
                raise ValueError(f"state must be an int in [0, {self.dim}), got {state!r}.")
            row = np.zeros(self.dim)
            row[s] = 1.0
            return row
        x = check_array(state, name="state", ensure_2d=False, allow_nd=True).reshape(-1)
        if x.shape != (self.dim,):
            raise ValueError(f"state must have {self.dim} entries, got shape {np.shape(state)}.")
        return x

    def many(self, states: Any) -> np.ndarray:
        """Encode a batch of states as rows of shape (N, dim)."""
        if self.discrete:
            return one_hot(states, self.dim)
        x = check_array(states, name="states", ensure_2d=False, allow_nd=True)
        if x.ndim == 1 and x.shape[0] == self.dim:
            x = x[None, :]
        if x.ndim < 2 or x.shape[1:] not in (self.shape, (self.dim,)):
            raise ValueError(f"states must have shape (N, {self.dim}) (one encoded state per row), "
                             f"got shape {x.shape}.")
        return x.reshape(x.shape[0], -1)


def hard_update(target: Layer, online: Layer) -> None:
    """Copy every parameter of ``online`` into ``target`` (same architecture), in place."""
    for lt, key, lo in _matching_parameters(target, online):
        lt.params[key][...] = lo.params[key]


def soft_update(target: Layer, online: Layer, tau: float) -> None:
    r"""Polyak averaging $\theta' \leftarrow \tau\theta + (1 - \tau)\theta'$, in place."""
    check_scalar(tau, "tau", min_val=0.0, max_val=1.0)
    for lt, key, lo in _matching_parameters(target, online):
        p = lt.params[key]
        p *= 1.0 - tau
        p += tau * lo.params[key]


def _matching_parameters(target: Any, online: Any) -> list[tuple[Layer, str, Layer]]:
    """``(target layer, key, online layer)`` for every parameter, checking both networks match."""
    for name, net in (("target", target), ("online", online)):
        if not isinstance(net, Layer):
            raise TypeError(f"{name} must be a Layer (e.g. a Sequential), got {type(net).__name__}.")
    pt, po = target.parameters(), online.parameters()
    if len(pt) != len(po) or any(lt.params[k].shape != lo.params[j].shape
                                 for (lt, k), (lo, j) in zip(pt, po)):
        raise ValueError("target and online networks must have the same architecture (the same "
                         "parameter shapes in the same order).")
    return [(lt, key, lo) for (lt, key), (lo, _) in zip(pt, po)]
