r"""Deep Q-network (DQN): Q-learning with a neural network, experience replay and a target network.

The table of `mlnotes.rl.tabular` becomes a network $Q(s, \cdot\,; \theta)$
built from [`mlnotes.nn`][mlnotes.nn] layers; transitions go into a replay buffer and the
network is trained on random mini-batches against targets computed by a
periodically copied target network $\theta^-$.

References
----------
Mnih et al., "Human-level control through deep reinforcement learning",
*Nature* 518, 529-533, 2015 (Algorithm 1).
Sutton & Barto, *Reinforcement Learning: An Introduction*, 2nd ed., 2018, §16.5.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

import numpy as np

from .._validation import (check_bool, check_interface, check_is_fitted, check_option, check_random_state,
                          check_scalar, float_errors_as_value_error)
from ..base import BaseEstimator
from ..nn import Adam, MSELoss, make_mlp
from .networks import StateEncoder, hard_update
from .replay import ReplayBuffer

__all__ = ["DQN"]

_DIVERGED = ("The training diverged (network weights or Q-values beyond float64); lower the "
             "learning rate.")


def _check_common(agent: Any, episodes: int, max_steps: int) -> np.random.Generator:
    """Validate the hyper-parameters shared by DQN and DDPG; return the generator."""
    check_scalar(episodes, "episodes", int, min_val=1)
    check_scalar(max_steps, "max_steps", int, min_val=1)
    sizes = agent.hidden_sizes
    if not isinstance(sizes, (tuple, list)) or not sizes:
        raise TypeError(f"hidden_sizes must be a non-empty tuple of ints, got {sizes!r}.")
    for i, h in enumerate(sizes):
        check_scalar(h, f"hidden_sizes[{i}]", int, min_val=1)
    check_scalar(agent.gamma, "gamma", min_val=0.0, max_val=1.0)
    check_scalar(agent.buffer_size, "buffer_size", int, min_val=1)
    check_scalar(agent.batch_size, "batch_size", int, min_val=1)
    check_scalar(agent.learning_starts, "learning_starts", int, min_val=0)
    check_scalar(agent.train_freq, "train_freq", int, min_val=1)
    return check_random_state(agent.random_state)


class DQN(BaseEstimator):
    r"""Deep Q-network agent for discrete actions.

    Parameters
    ----------
    hidden_sizes : tuple of int, default=(64,)
        Hidden layer widths of the Q-network (ReLU).
    learning_rate : float, default=1e-3
        Adam step size.
    gamma : float, default=0.99
        Discount factor, in [0, 1].
    buffer_size : int, default=10000
        Capacity of the replay buffer.
    batch_size : int, default=32
        Transitions per gradient step.
    learning_starts : int, default=100
        Environment steps collected before the first gradient step.
    train_freq : int, default=1
        Environment steps between gradient steps.
    target_update_interval : int, default=100
        Environment steps between hard copies of the network into the target network.
    exploration_initial_eps : float, default=1.0
        ε at the first episode.
    exploration_final_eps : float, default=0.05
        ε after the decay.
    exploration_fraction : float, default=0.5
        Fraction of the episodes over which ε decays linearly.
    loss : {"huber", "mse"}, default="huber"
        Loss on the TD error (Huber with threshold 1, as in Mnih et al.).
    random_state : int, numpy.random.Generator or None, default=None
        Seeds the weights, exploration, replay sampling and the environment.

    Attributes
    ----------
    q_network_ : Sequential
        The trained network, input an encoded state (one-hot for discrete
        states), output shape (n_actions,).
    target_network_ : Sequential
        The target network $\theta^-$.
    returns_ : ndarray of shape (episodes,)
        Return of each training episode.
    n_updates_ : int
        Gradient steps taken.
    n_actions_ : int
        Number of actions.

    Notes
    -----
    Each gradient step minimises, over a mini-batch from the replay buffer,

    $$
    L(\theta) = \frac{1}{B}\sum_i \ell\bigl(Q(s_i, a_i; \theta) - y_i\bigr),\qquad
    y_i = r_i + \gamma (1 - d_i) \max_{a'} Q(s'_i, a'; \theta^-),
    $$

    with $\ell$ the Huber or squared loss and $d_i = 1$ for terminal
    $s'_i$. Every ``target_update_interval`` steps, $\theta^- \leftarrow \theta$.

    References
    ----------
    Mnih et al., "Human-level control through deep reinforcement learning", *Nature* 518, 2015.

    Examples
    --------
    >>> from mlnotes.rl import DQN, GridWorld, greedy_path
    >>> env = GridWorld((3, 3), max_steps=30)
    >>> agent = DQN(learning_starts=50, target_update_interval=50, random_state=0)
    >>> returns = agent.learn(env, episodes=60)
    >>> returns.shape
    (60,)
    >>> len(greedy_path(env, agent.act)) - 1          # the shortest path: 4 moves
    4
    """

    def __init__(self, *, hidden_sizes: Sequence[int] = (64,), learning_rate: float = 1e-3,
                 gamma: float = 0.99, buffer_size: int = 10_000, batch_size: int = 32,
                 learning_starts: int = 100, train_freq: int = 1, target_update_interval: int = 100,
                 exploration_initial_eps: float = 1.0, exploration_final_eps: float = 0.05,
                 exploration_fraction: float = 0.5, loss: str = "huber",
                 random_state: int | np.random.Generator | None = None) -> None:
        self.hidden_sizes = hidden_sizes
        self.learning_rate = learning_rate
        self.gamma = gamma
        self.buffer_size = buffer_size
        self.batch_size = batch_size
        self.learning_starts = learning_starts
        self.train_freq = train_freq
        self.target_update_interval = target_update_interval
        self.exploration_initial_eps = exploration_initial_eps
        self.exploration_final_eps = exploration_final_eps
        self.exploration_fraction = exploration_fraction
        self.loss = loss
        self.random_state = random_state

    # ------------------------------------------------------------------ training
    def learn(self, env: Any, episodes: int, *, max_steps: int = 1000) -> np.ndarray:
        """Train from scratch for ``episodes`` episodes on ``env``.

        Parameters
        ----------
        env : Env or gymnasium.Env
            An environment with a discrete action space.
        episodes : int
            Number of episodes.
        max_steps : int, default=1000
            Safety cap on the steps of one episode.

        Returns
        -------
        ndarray of shape (episodes,)
            The (undiscounted) return of each episode, also stored in ``returns_``.
        """
        rng = _check_common(self, episodes, max_steps)
        check_scalar(self.learning_rate, "learning_rate", min_val=0.0, include_min=False)
        check_scalar(self.target_update_interval, "target_update_interval", int, min_val=1)
        for name in ("exploration_initial_eps", "exploration_final_eps", "exploration_fraction"):
            check_scalar(getattr(self, name), name, min_val=0.0, max_val=1.0)
        check_option(self.loss, "loss", ("huber", "mse"))
        check_interface(env, "env", ("reset", "step", "observation_space", "action_space"),
                        "an environment with reset(), step() and spaces")
        if not hasattr(env.action_space, "n"):
            raise TypeError(f"DQN needs a discrete action space with .n, got {env.action_space!r}; "
                            "use DDPG for continuous actions.")
        self.encoder_ = StateEncoder(env.observation_space)
        self.n_actions_ = int(env.action_space.n)
        self.q_network_ = make_mlp([self.encoder_.dim, *self.hidden_sizes, self.n_actions_], random_state=rng)
        self.target_network_ = copy.deepcopy(self.q_network_)
        self._optimizer = Adam(lr=self.learning_rate)
        self._mse = MSELoss()
        self._rng = rng
        buffer = ReplayBuffer(self.buffer_size, self.encoder_.dim)
        self.n_updates_ = 0
        self.returns_ = np.zeros(episodes)
        decay_episodes = max(1.0, self.exploration_fraction * episodes)
        env_seed = int(rng.integers(2**31 - 1))
        total_steps = 0
        with float_errors_as_value_error("DQN.learn", _DIVERGED):
            for episode in range(episodes):
                frac = min(1.0, episode / decay_episodes)
                self.epsilon_ = self.exploration_initial_eps + frac * (
                    self.exploration_final_eps - self.exploration_initial_eps)
                state, _ = env.reset(seed=env_seed if episode == 0 else None)
                x = self.encoder_.one(state)
                G = 0.0
                for _ in range(max_steps):
                    if rng.random() < self.epsilon_:
                        action = int(rng.integers(self.n_actions_))
                    else:
                        action = int(np.argmax(self.q_network_.forward(x[None, :])[0]))
                    state, reward, terminated, truncated, _ = env.step(action)
                    x_next = self.encoder_.one(state)
                    buffer.add(x, action, reward, x_next, terminated)
                    G += reward
                    total_steps += 1
                    if len(buffer) >= max(self.learning_starts, 1) and total_steps % self.train_freq == 0:
                        self._gradient_step(buffer, rng)
                    if total_steps % self.target_update_interval == 0:
                        hard_update(self.target_network_, self.q_network_)
                    if terminated or truncated:
                        break
                    x = x_next
                self.returns_[episode] = G
        return self.returns_.copy()

    def _gradient_step(self, buffer: ReplayBuffer, rng: np.random.Generator) -> float:
        X, A, R, X_next, D = buffer.sample(self.batch_size, rng)
        y = R + self.gamma * (1.0 - D) * self.target_network_.forward(X_next).max(axis=1)  # (B,)
        Q = self.q_network_.forward(X)  # (B, n_actions)
        rows = np.arange(A.shape[0])
        delta = Q[rows, A] - y  # TD errors (B,)
        if self.loss == "huber":
            loss = float(np.mean(np.where(np.abs(delta) <= 1.0, 0.5 * delta**2, np.abs(delta) - 0.5)))
            grad_q = np.clip(delta, -1.0, 1.0) / delta.shape[0]  # dL/dQ(s_i, a_i)
        else:
            loss = self._mse.forward(Q[rows, A], y)
            grad_q = self._mse.backward()
        grad = np.zeros_like(Q)  # only the taken actions receive a gradient (B, n_actions)
        grad[rows, A] = grad_q
        self.q_network_.backward(grad)
        self._optimizer.step(self.q_network_)
        self.n_updates_ += 1
        return loss

    # ------------------------------------------------------------------ using the agent
    def q_values(self, states: Any) -> np.ndarray:
        """Action values of a batch of states, shape (N, n_actions)."""
        check_is_fitted(self, "q_network_")
        return self.q_network_.forward(self.encoder_.many(states))

    def policy(self, states: Any) -> np.ndarray:
        """Greedy actions ``argmax_a Q(s, a)`` for a batch of states, shape (N,)."""
        return np.argmax(self.q_values(states), axis=1)

    def act(self, state: Any, greedy: bool = True) -> int:
        """Action for one state: greedy, or ε-greedy with the last training ε if ``greedy=False``."""
        check_is_fitted(self, "q_network_")
        check_bool(greedy, "greedy")
        if not greedy and self._rng.random() < self.epsilon_:
            return int(self._rng.integers(self.n_actions_))
        return int(np.argmax(self.q_network_.forward(self.encoder_.one(state)[None, :])[0]))
