"""Tests of Q-learning and SARSA: Sutton & Barto's cliff (Figure 6.4), Gymnasium, exact values, bad input."""

from __future__ import annotations

from collections import deque

import gymnasium as gym
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlnotes.rl import CliffWalking, GridWorld, PointMass, epsilon_greedy, greedy_path, q_learning, sarsa

EDGE_PATH = [36, *range(24, 36), 47]  # up, 11 x right along the cliff, down: 13 steps


def bfs_distances(shape, walls, goal):
    """Shortest number of moves from every cell to ``goal`` (reference, independent of mlnotes)."""
    rows, cols = shape
    dist = {goal: 0}
    queue = deque([goal])
    while queue:
        r, c = queue.popleft()
        for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
            cell = (r + dr, c + dc)
            if 0 <= cell[0] < rows and 0 <= cell[1] < cols and cell not in walls and cell not in dist:
                dist[cell] = dist[(r, c)] + 1
                queue.append(cell)
    return dist

# ----------------------------------------------------------------------------- Sutton & Barto, Figure 6.4


@pytest.mark.parametrize("seed", range(6))
def test_cliff_walking_textbook_result(seed):
    """Q-learning learns the edge path, SARSA the safe detour, and SARSA earns more online."""
    env = CliffWalking()
    Q_q, returns_q = q_learning(env, episodes=500, alpha=0.5, gamma=1.0, epsilon=0.1, random_state=seed)
    Q_s, returns_s = sarsa(env, episodes=500, alpha=0.5, gamma=1.0, epsilon=0.1, random_state=seed)
    assert greedy_path(env, Q_q) == EDGE_PATH
    path = greedy_path(env, Q_s)
    rows = [s // 12 for s in path]
    assert path[-1] == 47 and len(path) - 1 > 13          # reaches the goal, the long way
    assert min(rows) <= 1                                  # moves away from the edge
    # online performance (Figure 6.4): SARSA's returns are higher once both have learned
    assert returns_s[100:].mean() > returns_q[100:].mean()
    # Q-learning's online returns are worse than its greedy policy's -13: ε-moves fall off the cliff
    assert returns_q[100:].min() <= -100


def test_q_learning_on_gymnasium_cliffwalking():
    env = gym.make("CliffWalking-v1")
    Q, returns = q_learning(env, episodes=500, alpha=0.5, gamma=1.0, epsilon=0.1, random_state=0)
    assert Q.shape == (48, 4) and returns.shape == (500,)
    assert greedy_path(env, Q) == EDGE_PATH


@pytest.mark.parametrize("method", [q_learning, sarsa])
def test_same_numbers_on_gymnasium_and_ours(method):
    """Same dynamics and same seed: identical tables and returns, bit for bit."""
    kw = dict(episodes=100, alpha=0.5, gamma=1.0, epsilon=0.1, random_state=3)
    Q1, r1 = method(CliffWalking(), **kw)
    Q2, r2 = method(gym.make("CliffWalking-v1"), **kw)
    np.testing.assert_array_equal(Q1, Q2)
    np.testing.assert_array_equal(r1, r2)

# ----------------------------------------------------------------------------- exact values


def test_q_learning_converges_to_optimal_values():
    """Deterministic grid, α = 1, uniform exploration: Q equals Q* from shortest paths (BFS)."""
    walls = {(1, 1)}
    env = GridWorld((3, 3), walls=sorted(walls), max_steps=None)
    Q, _ = q_learning(env, episodes=400, alpha=1.0, gamma=1.0, epsilon=1.0, random_state=0)
    dist = bfs_distances((3, 3), walls, (2, 2))
    for (r, c), d in dist.items():
        if d == 0:
            continue
        s = env.to_state((r, c))
        for a, (dr, dc) in enumerate(((-1, 0), (0, 1), (1, 0), (0, -1))):
            nxt = (r + dr, c + dc)
            if nxt not in dist:
                nxt = (r, c)                           # bump: stay
            assert Q[s, a] == -1 - dist[nxt], ((r, c), a)


def test_sarsa_evaluates_the_random_policy():
    """With ε = 1, SARSA estimates Q of the uniform policy: compare with the linear-system solution."""
    env = GridWorld((2, 2), max_steps=None)
    gamma, n_s, n_a = 0.9, 4, 4
    terminal = np.isin(np.arange(n_s), env.goal_states)
    M = np.zeros((n_s * n_a, n_s * n_a))
    for s in range(n_s):
        for a in range(n_a):
            s2 = env.next_state[s, a]
            if not terminal[s2]:
                M[s * n_a + a, s2 * n_a:(s2 + 1) * n_a] = gamma / n_a
    Q_pi = np.linalg.solve(np.eye(n_s * n_a) - M, env.reward.ravel()).reshape(n_s, n_a)
    Q, _ = sarsa(env, episodes=4000, alpha=0.01, gamma=gamma, epsilon=1.0, random_state=0)
    np.testing.assert_allclose(Q[~terminal], Q_pi[~terminal], atol=0.4)
    # Q-learning on the same experience would find Q*, far from Q_pi (e.g. Q*(0, right) = -2)
    assert abs(Q_pi[0, 1] - (-2.0)) > 2.0


def test_one_update_by_hand():
    """A 1 x 2 corridor, ε = 0 with all-zero ties: the first transition updates one entry by α r."""
    env = GridWorld((1, 2), max_steps=1)
    Q, returns = q_learning(env, episodes=1, alpha=0.5, gamma=1.0, epsilon=0.0, random_state=0)
    assert np.count_nonzero(Q) == 1 and Q.min() == -0.5 and returns.tolist() == [-1.0]


def test_returns_are_sums_of_rewards():
    env = GridWorld((1, 3), max_steps=None)
    _, returns = q_learning(env, episodes=200, alpha=0.5, gamma=1.0, epsilon=0.0, random_state=0)
    assert returns[-1] == -2.0 and np.all(returns <= -2.0)

# ----------------------------------------------------------------------------- ε-greedy and determinism


def test_epsilon_greedy_breaks_ties_uniformly():
    rng = np.random.default_rng(0)
    picks = np.array([epsilon_greedy(np.array([1.0, 3.0, 3.0, 3.0]), 0.0, rng) for _ in range(3000)])
    assert 0 not in picks
    freq = np.bincount(picks, minlength=4)[1:] / picks.size
    np.testing.assert_allclose(freq, 1 / 3, atol=0.04)
    picks = np.array([epsilon_greedy(np.array([5.0, 0.0, 0.0, 0.0]), 1.0, rng) for _ in range(4000)])
    np.testing.assert_allclose(np.bincount(picks, minlength=4) / picks.size, 0.25, atol=0.04)


@settings(max_examples=30, deadline=None)
@given(q=st.lists(st.floats(-100, 100), min_size=1, max_size=6), seed=st.integers(0, 1000))
def test_epsilon_zero_is_greedy(q, seed):
    q = np.array(q)
    a = epsilon_greedy(q, 0.0, np.random.default_rng(seed))
    assert q[a] == q.max()


@pytest.mark.parametrize("method", [q_learning, sarsa])
def test_seeded_runs_are_reproducible(method):
    env = CliffWalking()
    Q1, r1 = method(env, episodes=50, random_state=7)
    Q2, r2 = method(env, episodes=50, random_state=np.random.default_rng(7))
    Q3, r3 = method(env, episodes=50, random_state=8)
    np.testing.assert_array_equal(Q1, Q2)
    np.testing.assert_array_equal(r1, r2)
    assert not np.array_equal(r1, r3)


def test_greedy_path_with_a_policy_and_a_cap():
    env = GridWorld((2, 2))
    assert greedy_path(env, lambda s: 2 if s < 2 else 1) == [0, 2, 3]
    assert greedy_path(env, lambda s: 0, max_steps=3) == [0, 0, 0, 0]   # bumps into the edge
    with pytest.raises(ValueError, match=r"Q must have shape \(n_states, n_actions\) = \(4, 4\)"):
        greedy_path(env, np.zeros((3, 4)))

# ----------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("method", [q_learning, sarsa])
@pytest.mark.parametrize("kwargs, error, match", [
    (dict(alpha=0.0), ValueError, "alpha must be > 0.0, got 0.0"),
    (dict(alpha=1.5), ValueError, "alpha must be <= 1.0, got 1.5"),
    (dict(alpha=-0.1), ValueError, "alpha must be > 0.0"),
    (dict(alpha="0.5"), TypeError, "alpha must be a real number"),
    (dict(gamma=1.01), ValueError, "gamma must be <= 1.0"),
    (dict(gamma=-0.5), ValueError, "gamma must be >= 0.0"),
    (dict(epsilon=1.2), ValueError, "epsilon must be <= 1.0"),
    (dict(epsilon=-0.1), ValueError, "epsilon must be >= 0.0"),
    (dict(epsilon=float("nan")), ValueError, "epsilon must be finite"),
    (dict(episodes=0), ValueError, "episodes must be >= 1"),
    (dict(episodes=2.5), TypeError, "episodes must be an int"),
    (dict(random_state="x"), TypeError, "random_state must be None, an int"),
])
def test_bad_hyper_parameters(method, kwargs, error, match):
    with pytest.raises(error, match=match):
        method(CliffWalking(), **{"episodes": 1, **kwargs})


def test_continuous_env_is_rejected():
    with pytest.raises(TypeError, match="discrete observation_space"):
        q_learning(PointMass(), episodes=1)
    with pytest.raises(TypeError, match="env must be an environment with reset"):
        sarsa(object(), episodes=1)
