"""The environment base class: Gymnasium's calling convention in plain numpy.

An episode is driven by ``reset`` and ``step``::

    state, info = env.reset(seed=0)
    state, reward, terminated, truncated, info = env.step(action)

``terminated`` means the task reached a terminal state (a goal); ``truncated``
means it was cut off by the ``max_steps`` time limit. After either, ``step``
refuses to continue until ``reset`` is called.

References
----------
Towers et al., *Gymnasium: A Standard Interface for Reinforcement Learning
Environments*, arXiv:2407.17032, 2024.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .._validation import check_array, check_option, check_random_state, check_scalar
from .spaces import Box, Discrete, _as_index

__all__ = ["Env"]


class Env:
    """Base class of the environments of [`mlnotes.rl`][mlnotes.rl].

    Subclasses set ``observation_space`` and ``action_space`` and implement
    ``_reset(options) -> (state, info)``, ``_step(action) -> (state, reward,
    terminated, info)`` and ``_render_text()`` / ``_render_rgb()``; this class
    checks actions, counts steps, truncates at ``max_steps`` and refuses to step
    a finished episode.

    Parameters
    ----------
    max_steps : int or None, default=None
        Episodes are truncated after this many steps (None: no time limit).
    render_mode : {"ansi", "rgb_array"}, default="ansi"
        What [`render`][mlnotes.rl.Env.render] returns: plain text (no escape codes) or an RGB image.

    Attributes
    ----------
    observation_space : Discrete or Box
        The states.
    action_space : Discrete or Box
        The actions.
    np_random : numpy.random.Generator
        The environment's generator, re-created by ``reset(seed=...)``.
    elapsed_steps : int
        Steps taken in the current episode.
    """

    metadata: dict[str, Any] = {"render_modes": ["ansi", "rgb_array"]}
    observation_space: Discrete | Box
    action_space: Discrete | Box

    def __init__(self, *, max_steps: int | None = None, render_mode: str = "ansi") -> None:
        if max_steps is not None:
            check_scalar(max_steps, "max_steps", int, min_val=1)
        check_option(render_mode, "render_mode", ("ansi", "rgb_array"))
        self.max_steps = max_steps
        self.render_mode = render_mode
        self.np_random = check_random_state(None)
        self.elapsed_steps = 0
        self._needs_reset = True

    # ----------------------------------------------------------------- API
    def reset(self, *, seed: int | np.random.Generator | None = None,
              options: dict[str, Any] | None = None) -> tuple[Any, dict[str, Any]]:
        """Start a new episode; ``seed`` re-seeds the environment's generator.

        Returns
        -------
        state : int or ndarray
            The first observation.
        info : dict
            Auxiliary information.
        """
        if seed is not None:
            self.np_random = check_random_state(seed)
        if options is not None and not isinstance(options, dict):
            raise TypeError(f"options must be a dict or None, got {type(options).__name__}.")
        self.elapsed_steps = 0
        self._needs_reset = False
        return self._reset(options or {})

    def step(self, action: Any) -> tuple[Any, float, bool, bool, dict[str, Any]]:
        """Apply ``action`` and advance one time step.

        Returns
        -------
        state : int or ndarray
            The next observation.
        reward : float
            The reward of the transition.
        terminated : bool
            Whether a terminal state was reached.
        truncated : bool
            Whether the time limit ``max_steps`` was reached.
        info : dict
            Auxiliary information.

        Raises
        ------
        ValueError
            If the episode has ended (or was never started) and ``reset`` was not
            called, or if the action is outside the action space.
        TypeError
            If the action has the wrong type.
        """
        if self._needs_reset:
            raise ValueError(
                f"Cannot call step() on {type(self).__name__}: the episode has not been started "
                "or has already ended (terminated or truncated). Call reset() first."
            )
        action = self._check_action(action)
        state, reward, terminated, info = self._step(action)
        self.elapsed_steps += 1
        truncated = bool(not terminated and self.max_steps is not None
                         and self.elapsed_steps >= self.max_steps)
        if terminated or truncated:
            self._needs_reset = True
        return state, reward, bool(terminated), truncated, info

    def render(self) -> str | np.ndarray:
        """Text picture (``render_mode="ansi"``) or RGB array of shape (H, W, 3) of the current state."""
        if self.render_mode == "rgb_array":
            return self._render_rgb()
        return self._render_text()

    def close(self) -> None:
        """Release resources (nothing to release here; kept for Gymnasium compatibility)."""

    @property
    def unwrapped(self) -> "Env":
        """The environment itself (Gymnasium compatibility)."""
        return self

    # --------------------------------------------------------- subclass part
    def _reset(self, options: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        raise NotImplementedError

    def _step(self, action: Any) -> tuple[Any, float, bool, dict[str, Any]]:
        raise NotImplementedError

    def _render_text(self) -> str:
        raise NotImplementedError

    def _render_rgb(self) -> np.ndarray:
        raise NotImplementedError

    def _check_action(self, action: Any) -> Any:
        space = self.action_space
        if isinstance(space, Discrete):
            index = _as_index(action)
            if index is None:
                raise TypeError(f"action must be an int in [0, {space.n}), got {action!r} "
                                f"of type {type(action).__name__}.")
            if not 0 <= index < space.n:
                raise ValueError(f"Unknown action {index}: expected an int in [0, {space.n}).")
            return index
        arr = check_array(action, name="action", ensure_2d=False, allow_nd=True, ensure_min_samples=0)
        if arr.shape != space.shape:
            if arr.size == int(np.prod(space.shape)):
                arr = arr.reshape(space.shape)
            else:
                raise ValueError(f"action must have shape {space.shape}, got shape {arr.shape}.")
        if not np.isfinite(arr).all():
            raise ValueError(f"action must be finite, got {arr}.")
        return np.clip(arr, space.low, space.high)
