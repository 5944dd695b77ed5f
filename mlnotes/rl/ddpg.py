r"""Deep deterministic policy gradient (DDPG): actor-critic for continuous actions.

An actor $\mu(s; \phi)$ outputs an action, a critic $Q(s, a; \theta)$
scores it. The critic learns from replayed transitions like DQN; the actor
follows the critic's action gradient $\nabla_a Q(s, a)|_{a=\mu(s)}$
(deterministic policy gradient). Both have target copies that trail them by
soft updates. Networks are [`mlnotes.nn`][mlnotes.nn] layers; the action gradient is the
action part of the critic's input gradient, obtained by running its backward
pass from $\partial Q / \partial Q = 1$.

References
----------
Lillicrap et al., "Continuous control with deep reinforcement learning",
ICLR 2016 (Algorithm 1). Silver et al., "Deterministic policy gradient
algorithms", ICML 2014. Uhlenbeck & Ornstein, "On the theory of the Brownian
motion", *Physical Review* 36, 1930.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

import numpy as np

from .._validation import (check_array, check_interface, check_is_fitted, check_option, check_scalar,
                          float_errors_as_value_error)
from ..base import BaseEstimator
from ..nn import Adam, MSELoss, make_mlp
from .dqn import _DIVERGED, _check_common
from .networks import StateEncoder, soft_update
from .replay import ReplayBuffer

__all__ = ["DDPG"]

_OU_KAPPA = 0.15  # mean-reversion rate of the OU noise per step (Lillicrap et al.)


class DDPG(BaseEstimator):
    r"""Deep deterministic policy gradient agent for continuous (``Box``) actions.

    Parameters
    ----------
    hidden_sizes : tuple of int, default=(64, 64)
        Hidden layer widths of the actor and of the critic (ReLU).
    actor_learning_rate : float, default=1e-3
        Adam step size of the actor.
    critic_learning_rate : float, default=1e-3
        Adam step size of the critic.
    gamma : float, default=0.99
        Discount factor, in [0, 1].
    tau : float, default=0.01
        Soft-update rate of the target networks, in (0, 1].
    buffer_size : int, default=100000
        Capacity of the replay buffer.
    batch_size : int, default=64
        Transitions per gradient step.
    learning_starts : int, default=500
        Environment steps (with uniformly random actions) before learning starts.
    train_freq : int, default=1
        Environment steps between gradient steps.
    action_noise : {"gaussian", "ou"}, default="gaussian"
        Exploration noise added to the actor's action: independent Gaussian or
        Ornstein-Uhlenbeck (temporally correlated, as in Lillicrap et al.).
    noise_sigma : float, default=0.2
        Noise scale, as a fraction of the half-width of the action box.
    random_state : int, numpy.random.Generator or None, default=None
        Seeds the weights, exploration noise, replay sampling and the environment.

    Attributes
    ----------
    actor_ : Sequential
        $\mu(s)$, encoded state -> action scaled to [-1, 1] (tanh output).
    critic_ : Sequential
        $Q(s, a)$, input ``[state, scaled action]`` -> shape (1,).
    actor_target_, critic_target_ : Sequential
        The target networks.
    returns_ : ndarray of shape (episodes,)
        Return of each training episode.
    n_updates_ : int
        Gradient steps taken.

    Notes
    -----
    For a mini-batch of transitions, the critic minimises

    $$
    \frac{1}{B}\sum_i \bigl(Q(s_i, a_i) - r_i - \gamma (1 - d_i)\, Q'(s'_i, \mu'(s'_i))\bigr)^2,
    $$

    the actor ascends $\frac{1}{B}\sum_i Q(s_i, \mu(s_i))$ with the chain rule
    $\nabla_\phi J = \frac{1}{B}\sum_i \nabla_a Q(s_i, a)|_{a = \mu(s_i)}\, \nabla_\phi \mu(s_i)$,
    and both targets follow by $\theta' \leftarrow \tau\theta + (1 - \tau)\theta'$.
    Gaussian noise is $n_t = \sigma\varepsilon_t$; Ornstein-Uhlenbeck noise is
    its exact discretisation $n_{t+1} = (1 - \kappa) n_t + \sigma\sqrt{\kappa(2 - \kappa)}\,\varepsilon_t$
    with $\kappa = 0.15$ per step, which is correlated over about
    $1/\kappa \approx 7$ steps and has stationary standard deviation $\sigma$;
    it restarts from 0 each episode.

    References
    ----------
    Lillicrap et al., "Continuous control with deep reinforcement learning", ICLR 2016.

    Examples
    --------
    >>> from mlnotes.rl import DDPG, PointMass
    >>> env = PointMass()
    >>> agent = DDPG(hidden_sizes=(32, 32), learning_starts=200, random_state=0)
    >>> returns = agent.learn(env, episodes=10)
    >>> returns.shape, agent.act([0.5, 0.0]).shape
    ((10,), (1,))
    """

    def __init__(self, *, hidden_sizes: Sequence[int] = (64, 64), actor_learning_rate: float = 1e-3,
                 critic_learning_rate: float = 1e-3, gamma: float = 0.99, tau: float = 0.01,
                 buffer_size: int = 100_000, batch_size: int = 64, learning_starts: int = 500,
                 train_freq: int = 1, action_noise: str = "gaussian", noise_sigma: float = 0.2,
                 random_state: int | np.random.Generator | None = None) -> None:
        self.hidden_sizes = hidden_sizes
        self.actor_learning_rate = actor_learning_rate
        self.critic_learning_rate = critic_learning_rate
        self.gamma = gamma
        self.tau = tau
        self.buffer_size = buffer_size
        self.batch_size = batch_size
        self.learning_starts = learning_starts
        self.train_freq = train_freq
        self.action_noise = action_noise
        self.noise_sigma = noise_sigma
        self.random_state = random_state

    # ------------------------------------------------------------------ training
    def learn(self, env: Any, episodes: int, *, max_steps: int = 1000) -> np.ndarray:
        """Train from scratch for ``episodes`` episodes on ``env``.

        Parameters
        ----------
        env : Env or gymnasium.Env
            An environment with a ``Box`` action space with finite bounds.
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
        check_scalar(self.actor_learning_rate, "actor_learning_rate", min_val=0.0, include_min=False)
        check_scalar(self.critic_learning_rate, "critic_learning_rate", min_val=0.0, include_min=False)
        check_scalar(self.tau, "tau", min_val=0.0, max_val=1.0, include_min=False)
        check_scalar(self.noise_sigma, "noise_sigma", min_val=0.0)
        check_option(self.action_noise, "action_noise", ("gaussian", "ou"))
        check_interface(env, "env", ("reset", "step", "observation_space", "action_space"),
                        "an environment with reset(), step() and spaces")
        space = env.action_space
        if hasattr(space, "n") or not hasattr(space, "low"):
            raise TypeError(f"DDPG needs a continuous (Box) action space, got {space!r}; "
                            "use DQN for discrete actions.")
        low, high = np.asarray(space.low, dtype=np.float64), np.asarray(space.high, dtype=np.float64)
        if not (np.isfinite(low).all() and np.isfinite(high).all()):
            raise ValueError("DDPG needs an action box with finite bounds low and high.")
        self.action_shape_ = tuple(space.shape)
        self._center, self._half = (high + low).ravel() / 2.0, (high - low).ravel() / 2.0
        self.encoder_ = StateEncoder(env.observation_space)
        ds, da = self.encoder_.dim, self._center.shape[0]
        self.actor_ = make_mlp([ds, *self.hidden_sizes, da], out_activation="tanh", random_state=rng)
        self.critic_ = make_mlp([ds + da, *self.hidden_sizes, 1], random_state=rng)
        self.actor_target_ = copy.deepcopy(self.actor_)
        self.critic_target_ = copy.deepcopy(self.critic_)
        self._actor_opt = Adam(lr=self.actor_learning_rate)
        self._critic_opt = Adam(lr=self.critic_learning_rate)
        self._mse = MSELoss()
        buffer = ReplayBuffer(self.buffer_size, ds, action_dim=da)
        self.n_updates_ = 0
        self.returns_ = np.zeros(episodes)
        env_seed = int(rng.integers(2**31 - 1))
        total_steps = 0
        with float_errors_as_value_error("DDPG.learn", _DIVERGED):
            for episode in range(episodes):
                state, _ = env.reset(seed=env_seed if episode == 0 else None)
                x = self.encoder_.one(state)
                noise = np.zeros(da)
                G = 0.0
                for _ in range(max_steps):
                    if total_steps < self.learning_starts:
                        u = rng.uniform(-1.0, 1.0, size=da)  # scaled action in [-1, 1]
                    else:
                        noise = self._noise(noise, rng)
                        u = np.clip(self.actor_.forward(x[None, :])[0] + noise, -1.0, 1.0)
                    state, reward, terminated, truncated, _ = env.step(self._unscale(u))
                    x_next = self.encoder_.one(state)
                    buffer.add(x, u, reward, x_next, terminated)
                    G += reward
                    total_steps += 1
                    if total_steps >= self.learning_starts and total_steps % self.train_freq == 0:
                        self._gradient_step(buffer, rng)
                    if terminated or truncated:
                        break
                    x = x_next
                self.returns_[episode] = G
        return self.returns_.copy()

    def _noise(self, previous: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        eps = rng.standard_normal(previous.shape[0])
        if self.action_noise == "gaussian":
            return self.noise_sigma * eps
        kappa = _OU_KAPPA  # Ornstein-Uhlenbeck as an AR(1) process with stationary std sigma
        return (1.0 - kappa) * previous + self.noise_sigma * np.sqrt(kappa * (2.0 - kappa)) * eps

    def _gradient_step(self, buffer: ReplayBuffer, rng: np.random.Generator) -> None:
        X, U, R, X_next, D = buffer.sample(self.batch_size, rng)
        ds = X.shape[1]
        # critic: regress Q(s, a) on r + γ (1 - d) Q'(s', μ'(s'))
        U_next = self.actor_target_.forward(X_next)  # (B, da)
        q_next = self.critic_target_.forward(np.hstack([X_next, U_next]))[:, 0]  # (B,)
        y = R + self.gamma * (1.0 - D) * q_next
        q = self.critic_.forward(np.hstack([X, U]))  # (B, 1)
        self._mse.forward(q[:, 0], y)
        self.critic_.backward(self._mse.backward()[:, None])
        self._critic_opt.step(self.critic_)
        # actor: ascend Q(s, μ(s)); dQ/da is the action part of the critic's input gradient
        U_pi = self.actor_.forward(X)  # (B, da)
        self.critic_.forward(np.hstack([X, U_pi]))
        # backward from dL/dQ = -1/B: the optimizer descends L = -mean Q, i.e. ascends Q
        grad_input = self.critic_.backward(np.full((X.shape[0], 1), -1.0 / X.shape[0]))  # (B, ds+da)
        self.actor_.backward(grad_input[:, ds:])  # action part: -dQ/da / B
        self._actor_opt.step(self.actor_)
        soft_update(self.critic_target_, self.critic_, self.tau)
        soft_update(self.actor_target_, self.actor_, self.tau)
        self.n_updates_ += 1

    def _unscale(self, u: np.ndarray) -> np.ndarray:
        """Map an action from [-1, 1] to the environment's box."""
        return (self._center + self._half * u).reshape(self.action_shape_)

    # ------------------------------------------------------------------ using the agent
    def act(self, state: Any) -> np.ndarray:
        r"""Deterministic action $\mu(s)$ for one state, in the environment's action box."""
        check_is_fitted(self, "actor_")
        return self._unscale(self.actor_.forward(self.encoder_.one(state)[None, :])[0])

    def policy(self, states: Any) -> np.ndarray:
        """Deterministic actions for a batch of states, shape (N, action_dim)."""
        check_is_fitted(self, "actor_")
        return self._center + self._half * self.actor_.forward(self.encoder_.many(states))

    def q_values(self, states: Any, actions: Any) -> np.ndarray:
        """Critic values $Q(s, a)$ for batches of states and (environment-scale) actions, shape (N,)."""
        check_is_fitted(self, "critic_")
        X = self.encoder_.many(states)
        U = check_array(actions, name="actions", ensure_2d=False)
        if U.ndim == 1 and self._center.shape[0] == 1:
            U = U[:, None]
        if U.shape != (X.shape[0], self._center.shape[0]):
            raise ValueError(f"actions must have shape ({X.shape[0]}, {self._center.shape[0]}) "
                             f"(one action per state), got shape {U.shape}.")
        U = (U - self._center) / self._half
        return self.critic_.forward(np.hstack([X, U]))[:, 0]
