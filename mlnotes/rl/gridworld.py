"""Grid worlds: a configurable ``GridWorld`` and Sutton & Barto's ``CliffWalking``.

States are numbered row by row, ``state = row * n_cols + col`` (row 0 at the
top), and the four actions are 0 = up, 1 = right, 2 = down, 3 = left, as in
Gymnasium's ``CliffWalking-v1``, so tables learned on one run on the other.

References
----------
Sutton & Barto, *Reinforcement Learning: An Introduction*, 2nd ed., MIT Press,
2018, Example 6.6 (cliff walking) and §3.5 (grid worlds).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from .._validation import check_scalar
from .core import Env
from .spaces import Discrete

__all__ = ["GridWorld", "CliffWalking"]

ACTION_NAMES = ("up", "right", "down", "left")
MOVES = ((-1, 0), (0, 1), (1, 0), (0, -1))  # (d_row, d_col) of each action

_COLORS = {  # RGB of each kind of cell in render_mode="rgb_array"
    ".": (245, 245, 240), "#": (70, 70, 70), "C": (205, 80, 70), "S": (160, 200, 235),
    "G": (110, 190, 110), "+": (240, 215, 120), "-": (235, 165, 120),
}
_AGENT_COLOR = (40, 70, 170)


class GridWorld(Env):
    r"""A deterministic grid: reach the goal, avoid walls and the cliff.

    Parameters
    ----------
    shape : tuple of int, default=(4, 4)
        ``(n_rows, n_cols)`` of the grid.
    start : tuple of int or None, default=None
        Start cell ``(row, col)``; default: top-left ``(0, 0)``.
    goal : tuple of int, sequence of tuples, or None, default=None
        Terminal cell(s); default: bottom-right ``(n_rows - 1, n_cols - 1)``.
    walls : sequence of tuple of int, default=()
        Blocked cells; moving into a wall (or off the grid) leaves the agent in
        place and costs ``step_reward``.
    cliff : sequence of tuple of int, default=()
        Cells that give ``cliff_reward`` and send the agent back to ``start``.
    rewards : mapping of tuple of int to float or None, default=None
        Reward for entering a cell (goal cells included) instead of ``step_reward``.
    step_reward : float, default=-1.0
        Reward of every other move.
    cliff_reward : float, default=-100.0
        Reward for stepping into the cliff.
    max_steps : int or None, default=100
        Time limit: episodes are truncated after this many steps.
    render_mode : {"ansi", "rgb_array"}, default="ansi"
        What [`render`][mlnotes.rl.Env.render] returns.

    Attributes
    ----------
    observation_space : Discrete
        ``n_rows * n_cols`` states (wall cells included, never visited).
    action_space : Discrete
        Four moves: 0 = up, 1 = right, 2 = down, 3 = left.
    state : int
        The agent's current state.
    start_state : int
        The state of ``start``.
    goal_states : tuple of int
        The terminal states.

    Notes
    -----
    The dynamics are a deterministic table ``next_state[s, a]``,
    ``reward[s, a]``; the return of an episode is
    $G = \sum_t r_{t+1}$ and with the default rewards equals minus the
    number of steps taken.

    References
    ----------
    Sutton & Barto, *Reinforcement Learning: An Introduction*, 2nd ed., 2018, §3.5.

    Examples
    --------
    >>> env = GridWorld((3, 4), walls=[(1, 1)], max_steps=20)
    >>> state, info = env.reset(seed=0)
    >>> state, env.goal_states
    (0, (11,))
    >>> env.step(1)[:4]          # move right
    (1, -1.0, False, False)
    >>> print(env.render())
    S A . .
    . # . .
    . . . G
    """

    def __init__(self, shape: tuple[int, int] = (4, 4), *, start: tuple[int, int] | None = None,
                 goal: Any = None, walls: Sequence[tuple[int, int]] = (),
                 cliff: Sequence[tuple[int, int]] = (),
                 rewards: Mapping[tuple[int, int], float] | None = None,
                 step_reward: float = -1.0, cliff_reward: float = -100.0,
                 max_steps: int | None = 100, render_mode: str = "ansi") -> None:
        super().__init__(max_steps=max_steps, render_mode=render_mode)
        if not (isinstance(shape, (tuple, list)) and len(shape) == 2):
            raise TypeError(f"shape must be a pair (n_rows, n_cols), got {shape!r}.")
        n_rows = check_scalar(shape[0], "shape[0]", int, min_val=1)
        n_cols = check_scalar(shape[1], "shape[1]", int, min_val=1)
        self.shape = (int(n_rows), int(n_cols))
        check_scalar(step_reward, "step_reward")
        check_scalar(cliff_reward, "cliff_reward")
        self.walls = frozenset(self._cells(walls, "walls"))
        self.cliff = frozenset(self._cells(cliff, "cliff"))
        self.start = self._cell((0, 0) if start is None else start, "start")
        if goal is None:
            goal = (n_rows - 1, n_cols - 1)
        goal_arr = np.asarray(goal)
        goals = [goal] if goal_arr.ndim == 1 else self._cells(goal, "goal") if goal_arr.ndim == 2 else [goal]
        self.goal = tuple(self._cell(g, "goal") for g in goals)
        if not self.goal:
            raise ValueError("goal must contain at least one cell.")
        if rewards is not None and not isinstance(rewards, Mapping):
            raise TypeError(f"rewards must be a mapping of cell (row, col) -> reward, got {rewards!r}.")
        self.rewards = {self._cell(c, "rewards key"): float(check_scalar(r, f"rewards[{c}]"))
                        for c, r in (rewards or {}).items()}
        special = [("start", [self.start]), ("goal", self.goal)]
        for name, cells in special:
            bad = [c for c in cells if c in self.walls or c in self.cliff]
            if bad:
                raise ValueError(f"{name} cell {bad[0]} is a wall or cliff cell.")
        self.step_reward = float(step_reward)
        self.cliff_reward = float(cliff_reward)
        self.observation_space = Discrete(n_rows * n_cols)
        self.action_space = Discrete(4)
        self.action_names = ACTION_NAMES
        self.start_state = self.to_state(self.start)
        self.goal_states = tuple(self.to_state(g) for g in self.goal)
        self.next_state, self.reward = self._tables()
        self._next = self.next_state.tolist()   # Python lists: fast scalar look-ups in step()
        self._reward = self.reward.tolist()
        self._terminal = set(self.goal_states)
        self.state = self.start_state

    # ------------------------------------------------------------- helpers
    def _cell(self, cell: Any, name: str) -> tuple[int, int]:
        arr = np.asarray(cell)
        if arr.shape != (2,) or arr.dtype.kind not in "iu":
            raise TypeError(f"{name} must be a cell (row, col) of two ints, got {cell!r}.")
        r, c = int(arr[0]), int(arr[1])
        if not (0 <= r < self.shape[0] and 0 <= c < self.shape[1]):
            raise ValueError(f"{name} cell {(r, c)} is outside the grid of shape {self.shape}.")
        return r, c

    def _cells(self, cells: Any, name: str) -> list[tuple[int, int]]:
        if isinstance(cells, (str, bytes)) or not isinstance(cells, Iterable):
            raise TypeError(f"{name} must be a list of cells (row, col), got {cells!r}.")
        return [self._cell(c, name) for c in cells]

    def to_state(self, cell: tuple[int, int]) -> int:
        """State number ``row * n_cols + col`` of ``cell``."""
        r, c = self._cell(cell, "cell")
        return r * self.shape[1] + c

    def to_cell(self, state: int) -> tuple[int, int]:
        """Cell ``(row, col)`` of ``state``."""
        if not self.observation_space.contains(state):
            raise ValueError(f"state must be an int in [0, {self.observation_space.n}), got {state!r}.")
        return divmod(int(state), self.shape[1])

    def _tables(self) -> tuple[np.ndarray, np.ndarray]:
        """Deterministic model: ``next_state`` and ``reward``, each of shape (n_states, 4)."""
        n_rows, n_cols = self.shape
        next_state = np.zeros((n_rows * n_cols, 4), dtype=np.int64)
        reward = np.zeros((n_rows * n_cols, 4))
        for s in range(n_rows * n_cols):
            r, c = divmod(s, n_cols)
            for a, (dr, dc) in enumerate(MOVES):
                cell = (r + dr, c + dc)
                bumped = not (0 <= cell[0] < n_rows and 0 <= cell[1] < n_cols) or cell in self.walls
                if bumped:  # off the grid or into a wall: stay where you are
                    cell = (r, c)
                if cell in self.cliff:
                    next_state[s, a], reward[s, a] = self.start_state, self.rewards.get(cell, self.cliff_reward)
                elif bumped:
                    next_state[s, a], reward[s, a] = s, self.step_reward
                else:
                    next_state[s, a] = cell[0] * n_cols + cell[1]
                    reward[s, a] = self.rewards.get(cell, self.step_reward)
        return next_state, reward

    # ------------------------------------------------------------ dynamics
    def _reset(self, options: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        self.state = self.start_state
        return self.state, {}

    def _step(self, action: int) -> tuple[int, float, bool, dict[str, Any]]:
        s = self.state
        self.state = self._next[s][action]
        return self.state, self._reward[s][action], self.state in self._terminal, {}

    # ----------------------------------------------------------- rendering
    def _symbols(self) -> list[list[str]]:
        grid = [["."] * self.shape[1] for _ in range(self.shape[0])]
        for (r, c), value in self.rewards.items():
            grid[r][c] = "+" if value > self.step_reward else "-"
        for r, c in self.walls:
            grid[r][c] = "#"
        for r, c in self.cliff:
            grid[r][c] = "C"
        grid[self.start[0]][self.start[1]] = "S"
        for r, c in self.goal:
            grid[r][c] = "G"
        return grid

    def _render_text(self) -> str:
        grid = self._symbols()
        r, c = divmod(self.state, self.shape[1])
        grid[r][c] = "A"
        return "\n".join(" ".join(row) for row in grid)

    def _render_rgb(self, cell: int = 16) -> np.ndarray:
        grid = self._symbols()
        colors = np.array([[_COLORS[ch] for ch in row] for row in grid], dtype=np.uint8)  # (R, C, 3)
        image = np.repeat(np.repeat(colors, cell, axis=0), cell, axis=1)  # (R*cell, C*cell, 3)
        image[::cell, :, :] = 200   # grid lines
        image[:, ::cell, :] = 200
        r, c = divmod(self.state, self.shape[1])
        q = cell // 4
        image[r * cell + q:(r + 1) * cell - q, c * cell + q:(c + 1) * cell - q] = _AGENT_COLOR
        return image


class CliffWalking(GridWorld):
    """The 4 x 12 cliff of Sutton & Barto, Example 6.6.

    Start bottom-left, goal bottom-right, the ten cells between them are the
    cliff: every move costs -1, stepping into the cliff costs -100 and sends the
    agent back to the start. The optimal path runs along the edge of the cliff
    in 13 steps (return -13).

    Parameters
    ----------
    max_steps : int or None, default=None
        Optional time limit (the book has none).
    render_mode : {"ansi", "rgb_array"}, default="ansi"
        What [`render`][mlnotes.rl.Env.render] returns.

    Attributes
    ----------
    observation_space : Discrete
        48 states, ``row * 12 + col``; the start is 36, the goal 47.
    action_space : Discrete
        0 = up, 1 = right, 2 = down, 3 = left.

    References
    ----------
    Sutton & Barto, *Reinforcement Learning: An Introduction*, 2nd ed., 2018,
    Example 6.6 and Figure 6.4.

    Examples
    --------
    >>> env = CliffWalking()
    >>> env.reset(seed=0)
    (36, {})
    >>> env.step(1)[:3]          # right, into the cliff: back to the start
    (36, -100.0, False)
    >>> print(env.render())
    . . . . . . . . . . . .
    . . . . . . . . . . . .
    . . . . . . . . . . . .
    A C C C C C C C C C C G
    """

    def __init__(self, *, max_steps: int | None = None, render_mode: str = "ansi") -> None:
        super().__init__((4, 12), start=(3, 0), goal=(3, 11), cliff=[(3, c) for c in range(1, 11)],
                         step_reward=-1.0, cliff_reward=-100.0, max_steps=max_steps,
                         render_mode=render_mode)
