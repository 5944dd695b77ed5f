r"""A continuous control task: push a point mass to the origin.

A unit mass on a line (or in the plane, ``dim=2``) starts at rest at a random
position in $[-1, 1]^d$; the action is a force in $[-1, 1]^d$. The
reward penalises the squared distance to the origin and the squared force, so
the best policy accelerates towards the origin, brakes, and holds still: a
double integrator, the simplest task on which deterministic policy gradients
(DDPG) can be seen to learn within seconds.

References
----------
Lillicrap et al., "Continuous control with deep reinforcement learning",
ICLR 2016 (the continuous tasks DDPG was introduced on).
Åström & Murray, *Feedback Systems*, 2nd ed., Princeton, 2021, §2.2 (the double
integrator).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .._validation import check_scalar
from .core import Env
from .spaces import Box

__all__ = ["PointMass"]


class PointMass(Env):
    r"""Drive a point mass to the origin with a bounded force (a double integrator).

    Parameters
    ----------
    dim : int, default=1
        Dimension ``d`` of the space the mass moves in (1 or 2 for pictures).
    dt : float, default=0.1
        Time step of the Euler integration.
    max_speed : float, default=2.0
        Speeds are clipped to ``[-max_speed, max_speed]``.
    action_cost : float, default=0.1
        Weight $c$ of the force penalty in the reward.
    max_steps : int, default=50
        Episode length (episodes are truncated, never terminated).
    render_mode : {"ansi", "rgb_array"}, default="ansi"
        What [`render`][mlnotes.rl.Env.render] returns.

    Attributes
    ----------
    observation_space : Box
        The state $(x, v)$ of shape (2 d,): positions in [-1, 1], speeds in
        [-max_speed, max_speed].
    action_space : Box
        The force, shape (d,), in [-1, 1]; actions outside are clipped.
    position : ndarray of shape (d,)
        Current position $x$.
    velocity : ndarray of shape (d,)
        Current velocity $v$.

    Notes
    -----
    With force $a_t$, one step is

    $$
    v_{t+1} = \operatorname{clip}(v_t + a_t\,\Delta t),\qquad
    x_{t+1} = \operatorname{clip}(x_t + v_{t+1}\,\Delta t, -1, 1),\qquad
    r_{t+1} = -\lVert x_{t+1}\rVert^2 - c\,\lVert a_t\rVert^2 ,
    $$

    and the velocity is set to zero in a direction where the mass hits the wall
    at $\pm 1$. Start: $x_0 \sim U[-1, 1]^d$, $v_0 = 0$.

    References
    ----------
    Lillicrap et al., "Continuous control with deep reinforcement learning", ICLR 2016.

    Examples
    --------
    >>> env = PointMass()
    >>> state, info = env.reset(seed=0)
    >>> state.shape, env.action_space.shape
    ((2,), (1,))
    >>> state, reward, terminated, truncated, info = env.step([1.0])
    >>> bool(reward <= 0.0), terminated, truncated
    (True, False, False)
    >>> env.reset(options={"position": [0.5]})[0].tolist()
    [0.5, 0.0]
    """

    def __init__(self, *, dim: int = 1, dt: float = 0.1, max_speed: float = 2.0,
                 action_cost: float = 0.1, max_steps: int = 50, render_mode: str = "ansi") -> None:
        check_scalar(max_steps, "max_steps", int, min_val=1)
        super().__init__(max_steps=max_steps, render_mode=render_mode)
        self.dim = int(check_scalar(dim, "dim", int, min_val=1))
        self.dt = float(check_scalar(dt, "dt", min_val=0.0, include_min=False))
        self.max_speed = float(check_scalar(max_speed, "max_speed", min_val=0.0, include_min=False))
        self.action_cost = float(check_scalar(action_cost, "action_cost", min_val=0.0))
        d = self.dim
        high = np.concatenate([np.ones(d), np.full(d, self.max_speed)])
        self.observation_space = Box(-high, high)
        self.action_space = Box(-1.0, 1.0, shape=(d,))
        self.position = np.zeros(d)
        self.velocity = np.zeros(d)

    def _observation(self) -> np.ndarray:
        return np.concatenate([self.position, self.velocity])  # (2d,)

    def _reset(self, options: dict[str, Any]) -> tuple[np.ndarray, dict[str, Any]]:
        if "position" in options:
            x = np.asarray(options["position"], dtype=np.float64).reshape(-1)
            if x.shape != (self.dim,) or not np.all(np.abs(x) <= 1.0):
                raise ValueError(f"options['position'] must have shape ({self.dim},) with entries in "
                                 f"[-1, 1], got {options['position']!r}.")
            self.position = x.copy()
        else:
            self.position = self.np_random.uniform(-1.0, 1.0, size=self.dim)
        self.velocity = np.zeros(self.dim)
        return self._observation(), {}

    def _step(self, action: np.ndarray) -> tuple[np.ndarray, float, bool, dict[str, Any]]:
        v = np.clip(self.velocity + action * self.dt, -self.max_speed, self.max_speed)
        x = self.position + v * self.dt
        hit = np.abs(x) > 1.0
        self.position = np.clip(x, -1.0, 1.0)
        self.velocity = np.where(hit, 0.0, v)
        reward = -float(self.position @ self.position) - self.action_cost * float(action @ action)
        return self._observation(), reward, False, {}

    # ----------------------------------------------------------- rendering
    def _render_text(self, width: int = 41) -> str:
        """One line per dimension: the track [-1, 1], '|' at the origin, 'o' at the mass."""
        lines = []
        for x in self.position:
            track = ["-"] * width
            track[width // 2] = "|"
            track[int(round((x + 1.0) / 2.0 * (width - 1)))] = "o"
            lines.append("[" + "".join(track) + "]")
        return "\n".join(lines)

    def _render_rgb(self, size: int = 64) -> np.ndarray:
        """Top view of the first two coordinates: grey cross at the origin, blue disc for the mass."""
        image = np.full((size, size, 3), 245, dtype=np.uint8)  # (H, W, 3)
        image[size // 2, :] = image[:, size // 2] = 200
        x = self.position[0]
        y = self.position[1] if self.dim > 1 else 0.0
        col, row = (x + 1.0) / 2.0 * (size - 1), (1.0 - y) / 2.0 * (size - 1)
        rr, cc = np.mgrid[:size, :size]
        image[(rr - row) ** 2 + (cc - col) ** 2 <= (size / 16) ** 2] = (40, 70, 170)
        return image
