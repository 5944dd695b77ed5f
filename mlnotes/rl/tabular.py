r"""Tabular temporal-difference control: Q-learning and SARSA.

Both learn an action-value table ``Q`` of shape (n_states, n_actions) from
ε-greedy experience, one step at a time. They differ only in the target of the
update: Q-learning (off-policy) bootstraps from the best next action,
SARSA (on-policy) from the action the ε-greedy policy actually takes next.

They need only ``env.reset``, ``env.step`` and discrete ``observation_space.n``
/ ``action_space.n``, so they run unchanged on Gymnasium environments.

References
----------
Sutton & Barto, *Reinforcement Learning: An Introduction*, 2nd ed., MIT Press,
2018, §6.4 (SARSA), §6.5 (Q-learning), Example 6.6 and Figure 6.4.
Watkins & Dayan, "Q-learning", *Machine Learning* 8, 279-292, 1992.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from .._validation import check_array, check_interface, check_random_state, check_scalar

__all__ = ["q_learning", "sarsa", "greedy_path", "epsilon_greedy"]


def _discrete_sizes(env: Any) -> tuple[int, int]:
    """``(n_states, n_actions)`` of an environment with discrete spaces."""
    check_interface(env, "env", ("reset", "step"), "an environment with reset() and step()")
    for name in ("observation_space", "action_space"):
        space = getattr(env, name, None)
        if space is None:
            raise TypeError(f"env must have an {name} attribute (Gymnasium convention), "
                            f"got {type(env).__name__}.")
        if not hasattr(space, "n"):
            raise TypeError(f"Tabular methods need a discrete {name} with an attribute n, "
                            f"got {space!r}.")
    return int(env.observation_space.n), int(env.action_space.n)


def _check_hyper(episodes: int, alpha: float, gamma: float, epsilon: float,
                 max_steps: int) -> None:
    check_scalar(episodes, "episodes", int, min_val=1)
    check_scalar(alpha, "alpha", min_val=0.0, max_val=1.0, include_min=False)
    check_scalar(gamma, "gamma", min_val=0.0, max_val=1.0)
    check_scalar(epsilon, "epsilon", min_val=0.0, max_val=1.0)
    check_scalar(max_steps, "max_steps", int, min_val=1)


def _state(s: Any, n_states: int) -> int:
    index = int(s)
    if not 0 <= index < n_states:
        raise ValueError(f"env returned state {s!r}, outside [0, {n_states}).")
    return index


def epsilon_greedy(q: np.ndarray, epsilon: float, rng: np.random.Generator) -> int:
    """Pick an action from the action values ``q`` of one state, ε-greedily.

    With probability ``epsilon`` a uniformly random action, otherwise a greedy
    one; ties between greedy actions are broken uniformly at random with ``rng``.

    Parameters
    ----------
    q : ndarray of shape (n_actions,)
        Action values of the current state.
    epsilon : float
        Exploration probability in [0, 1].
    rng : numpy.random.Generator
        Source of randomness.

    Returns
    -------
    int
        The chosen action.

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> epsilon_greedy(np.array([0.0, 2.0, 1.0]), 0.0, rng)
    1
    >>> sorted({epsilon_greedy(np.zeros(3), 0.0, rng) for _ in range(50)})  # ties: random
    [0, 1, 2]
    """
    q = check_array(q, name="q", ensure_2d=False)
    if q.ndim != 1:
        raise ValueError(f"q must hold the action values of one state, shape (n_actions,), got shape {q.shape}.")
    check_scalar(epsilon, "epsilon", min_val=0.0, max_val=1.0)
    return _epsilon_greedy(q, float(epsilon), check_random_state(rng))


def _epsilon_greedy(q: np.ndarray, epsilon: float, rng: np.random.Generator) -> int:
    """[`epsilon_greedy`][mlnotes.rl.tabular.epsilon_greedy] on checked arguments (the inner loop)."""
    if epsilon > 0.0 and rng.random() < epsilon:
        return int(rng.integers(q.shape[0]))
    best = np.flatnonzero(q == q.max())
    return int(best[0]) if best.size == 1 else int(best[rng.integers(best.size)])


def _td_control(env: Any, *, on_policy: bool, episodes: int, alpha: float, gamma: float,
                epsilon: float, random_state: Any, max_steps: int) -> tuple[np.ndarray, np.ndarray]:
    _check_hyper(episodes, alpha, gamma, epsilon, max_steps)
    n_states, n_actions = _discrete_sizes(env)
    rng = check_random_state(random_state)
    Q = np.zeros((n_states, n_actions))
    returns = np.zeros(episodes)
    env_seed = int(rng.integers(2**31 - 1))  # seeds the environment once, on the first reset
    for episode in range(episodes):
        s, _ = env.reset(seed=env_seed if episode == 0 else None)
        s = _state(s, n_states)
        a = _epsilon_greedy(Q[s], epsilon, rng)
        G = 0.0
        for _ in range(max_steps):
            s_next, r, terminated, truncated, _ = env.step(a)
            s_next = _state(s_next, n_states)
            G += r
            a_next = _epsilon_greedy(Q[s_next], epsilon, rng)
            if terminated:
                target = r
            elif on_policy:   # SARSA: r + γ Q(s', a'), a' the action actually taken next
                target = r + gamma * Q[s_next, a_next]
            else:             # Q-learning: r + γ max_a' Q(s', a')
                target = r + gamma * Q[s_next].max()
            Q[s, a] += alpha * (target - Q[s, a])
            if terminated or truncated:
                break
            s, a = s_next, a_next
        returns[episode] = G
    return Q, returns


def q_learning(env: Any, *, episodes: int = 500, alpha: float = 0.5, gamma: float = 1.0,
               epsilon: float = 0.1, random_state: int | np.random.Generator | None = None,
               max_steps: int = 10_000) -> tuple[np.ndarray, np.ndarray]:
    r"""Off-policy TD control (Watkins' Q-learning) with an ε-greedy behaviour policy.

    Parameters
    ----------
    env : Env or gymnasium.Env
        An environment with discrete ``observation_space`` and ``action_space``.
    episodes : int, default=500
        Number of episodes to run.
    alpha : float, default=0.5
        Step size, in (0, 1].
    gamma : float, default=1.0
        Discount factor, in [0, 1].
    epsilon : float, default=0.1
        Exploration probability of the ε-greedy policy, in [0, 1].
    random_state : int, numpy.random.Generator or None, default=None
        Seeds action selection and (on the first reset) the environment.
    max_steps : int, default=10000
        Safety cap on the steps of one episode.

    Returns
    -------
    Q : ndarray of shape (n_states, n_actions)
        The learned action values.
    returns : ndarray of shape (episodes,)
        Undiscounted sum of rewards of each episode (the online return).

    Notes
    -----
    After each step $(s, a, r, s')$,

    $$
    Q(s, a) \leftarrow Q(s, a) + \alpha \bigl[r + \gamma \max_{a'} Q(s', a') - Q(s, a)\bigr],
    $$

    with $Q(s', \cdot) = 0$ when $s'$ is terminal.

    References
    ----------
    Sutton & Barto, *Reinforcement Learning: An Introduction*, 2nd ed., 2018, §6.5.

    Examples
    --------
    >>> from mlnotes.rl import CliffWalking, greedy_path
    >>> env = CliffWalking()
    >>> Q, returns = q_learning(env, episodes=300, random_state=0)
    >>> Q.shape, returns.shape
    ((48, 4), (300,))
    >>> len(greedy_path(env, Q)) - 1     # steps of the greedy path: the optimal 13
    13
    """
    return _td_control(env, on_policy=False, episodes=episodes, alpha=alpha, gamma=gamma,
                       epsilon=epsilon, random_state=random_state, max_steps=max_steps)


def sarsa(env: Any, *, episodes: int = 500, alpha: float = 0.5, gamma: float = 1.0,
          epsilon: float = 0.1, random_state: int | np.random.Generator | None = None,
          max_steps: int = 10_000) -> tuple[np.ndarray, np.ndarray]:
    r"""On-policy TD control (SARSA) with an ε-greedy policy.

    Parameters
    ----------
    env : Env or gymnasium.Env
        An environment with discrete ``observation_space`` and ``action_space``.
    episodes : int, default=500
        Number of episodes to run.
    alpha : float, default=0.5
        Step size, in (0, 1].
    gamma : float, default=1.0
        Discount factor, in [0, 1].
    epsilon : float, default=0.1
        Exploration probability of the ε-greedy policy, in [0, 1].
    random_state : int, numpy.random.Generator or None, default=None
        Seeds action selection and (on the first reset) the environment.
    max_steps : int, default=10000
        Safety cap on the steps of one episode.

    Returns
    -------
    Q : ndarray of shape (n_states, n_actions)
        The learned action values.
    returns : ndarray of shape (episodes,)
        Undiscounted sum of rewards of each episode (the online return).

    Notes
    -----
    After each quintuple $(s, a, r, s', a')$, with $a'$ drawn from the
    same ε-greedy policy that is being learned,

    $$
    Q(s, a) \leftarrow Q(s, a) + \alpha \bigl[r + \gamma Q(s', a') - Q(s, a)\bigr].
    $$

    Because the target includes the exploratory moves, SARSA learns the value of
    the ε-greedy policy and, on the cliff, prefers a path away from the edge.

    References
    ----------
    Sutton & Barto, *Reinforcement Learning: An Introduction*, 2nd ed., 2018, §6.4.

    Examples
    --------
    >>> from mlnotes.rl import CliffWalking, greedy_path
    >>> env = CliffWalking()
    >>> Q, returns = sarsa(env, episodes=500, random_state=0)
    >>> len(greedy_path(env, Q)) - 1 > 13     # a longer, safer path
    True
    """
    return _td_control(env, on_policy=True, episodes=episodes, alpha=alpha, gamma=gamma,
                       epsilon=epsilon, random_state=random_state, max_steps=max_steps)


def greedy_path(env: Any, Q: np.ndarray | Callable[[Any], int], *, max_steps: int | None = None,
                seed: int | None = None) -> list[Any]:
    """States visited by the greedy policy from the start of an episode.

    Parameters
    ----------
    env : Env or gymnasium.Env
        The environment (it is reset).
    Q : ndarray of shape (n_states, n_actions) or callable
        An action-value table (the policy is ``argmax_a Q[s, a]``, first index on
        ties) or a function ``state -> action`` such as ``DQN.act``.
    max_steps : int or None, default=None
        Stop after this many steps; default: the number of states for a
        discrete environment (a longer deterministic path must loop), else 1000.
    seed : int or None, default=None
        Passed to ``env.reset``.

    Returns
    -------
    list
        The states ``[s_0, s_1, ..., s_T]``; ``len(path) - 1`` is the number of steps.

    Examples
    --------
    >>> import numpy as np
    >>> from mlnotes.rl import GridWorld
    >>> env = GridWorld((2, 3))
    >>> Q = np.zeros((6, 4)); Q[:, 1] = 1.0; Q[2, 2] = 2.0   # right, then down at the edge
    >>> greedy_path(env, Q)
    [0, 1, 2, 5]
    """
    check_interface(env, "env", ("reset", "step", "observation_space", "action_space"),
                    "an environment with reset(), step() and spaces")
    discrete = hasattr(env.observation_space, "n")
    if callable(Q):
        policy = Q
    else:
        Q = check_array(Q, name="Q")
        if not discrete:
            raise TypeError("A Q table needs a discrete observation space; pass a policy callable.")
        expected = (int(env.observation_space.n), int(env.action_space.n))
        if Q.shape != expected:
            raise ValueError(f"Q must have shape (n_states, n_actions) = {expected}, got {Q.shape}.")
        policy = lambda s: int(np.argmax(Q[int(s)]))  # noqa: E731
    if max_steps is None:
        max_steps = int(env.observation_space.n) if discrete else 1000
    check_scalar(max_steps, "max_steps", int, min_val=1)
    state, _ = env.reset(seed=seed)
    path = [state]
    for _ in range(max_steps):
        state, _, terminated, truncated, _ = env.step(policy(state))
        path.append(state)
        if terminated or truncated:
            break
    return path
