"""Experience replay: a fixed-size ring buffer of transitions, sampled uniformly.

Sampling past transitions at random breaks the correlation between successive
steps and lets each transition be used many times (Mnih et al., 2015).

References
----------
Lin, "Self-improving reactive agents based on reinforcement learning, planning
and teaching", *Machine Learning* 8, 293-321, 1992.
Mnih et al., "Human-level control through deep reinforcement learning",
*Nature* 518, 529-533, 2015.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .._validation import check_array, check_bool, check_random_state, check_scalar
from .spaces import _as_index

__all__ = ["ReplayBuffer"]


class ReplayBuffer:
    """Ring buffer of transitions ``(s, a, r, s', terminated)`` stored in numpy arrays.

    Parameters
    ----------
    capacity : int
        Maximum number of transitions; the oldest are overwritten first.
    state_dim : int
        Length of an (encoded) state vector.
    action_dim : int or None, default=None
        Length of a continuous action vector; ``None`` stores integer actions
        (discrete action spaces).

    Attributes
    ----------
    states, next_states : ndarray of shape (capacity, state_dim)
        Encoded states before and after each transition.
    actions : ndarray of shape (capacity,) or (capacity, action_dim)
        Actions taken.
    rewards : ndarray of shape (capacity,)
        Rewards received.
    terminated : ndarray of shape (capacity,)
        1.0 where ``s'`` is terminal (no bootstrapping), else 0.0.

    Examples
    --------
    >>> import numpy as np
    >>> buffer = ReplayBuffer(3, state_dim=2)
    >>> for t in range(5):
    ...     buffer.add([t, t], t % 2, -1.0, [t + 1, t + 1], False)
    >>> len(buffer), buffer.actions.tolist()      # only the last three remain
    (3, [1, 0, 0])
    >>> s, a, r, s2, done = buffer.sample(4, np.random.default_rng(0))
    >>> s.shape, a.shape, r.shape
    ((4, 2), (4,), (4,))
    """

    def __init__(self, capacity: int, state_dim: int, action_dim: int | None = None) -> None:
        self.capacity = int(check_scalar(capacity, "capacity", int, min_val=1))
        check_scalar(state_dim, "state_dim", int, min_val=1)
        self.state_dim, self.action_dim = int(state_dim), action_dim
        self.states = np.zeros((self.capacity, state_dim))
        self.next_states = np.zeros((self.capacity, state_dim))
        if action_dim is None:
            self.actions = np.zeros(self.capacity, dtype=np.int64)
        else:
            check_scalar(action_dim, "action_dim", int, min_val=1)
            self.actions = np.zeros((self.capacity, action_dim))
        self.rewards = np.zeros(self.capacity)
        self.terminated = np.zeros(self.capacity)
        self._next = 0
        self._size = 0

    def add(self, state: Any, action: Any, reward: float, next_state: Any, terminated: bool) -> None:
        """Store one transition, overwriting the oldest when full."""
        states = []
        for name, s in (("state", state), ("next_state", next_state)):
            s = check_array(s, name=name, ensure_2d=False)
            if s.shape != (self.state_dim,):
                raise ValueError(f"{name} must have shape ({self.state_dim},), got shape {s.shape}.")
            states.append(s)
        if self.action_dim is None:
            a = _as_index(action)
            if a is None or a < 0:
                raise TypeError(f"action must be a non-negative int (a discrete action), got {action!r}.")
        else:
            a = check_array(action, name="action", ensure_2d=False)
            if a.shape != (self.action_dim,):
                raise ValueError(f"action must have shape ({self.action_dim},), got shape {a.shape}.")
        check_scalar(reward, "reward")
        check_bool(terminated, "terminated")
        i = self._next
        self.states[i], self.next_states[i] = states
        self.actions[i] = a
        self.rewards[i] = reward
        self.terminated[i] = float(terminated)
        self._next = (i + 1) % self.capacity
        self._size = min(self._size + 1, self.capacity)

    def sample(self, batch_size: int, rng: np.random.Generator) -> tuple[np.ndarray, ...]:
        """Draw ``batch_size`` transitions uniformly with replacement.

        Returns
        -------
        states, actions, rewards, next_states, terminated : ndarray
            Each with ``batch_size`` rows.
        """
        if self._size == 0:
            raise ValueError("Cannot sample from an empty ReplayBuffer; add transitions first.")
        check_scalar(batch_size, "batch_size", int, min_val=1)
        rng = check_random_state(rng)
        idx = rng.integers(self._size, size=batch_size)  # (batch_size,)
        return (self.states[idx], self.actions[idx], self.rewards[idx],
                self.next_states[idx], self.terminated[idx])

    def __len__(self) -> int:
        return self._size
