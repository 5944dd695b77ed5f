"""Tests of DQN and DDPG (networks from mlnotes.nn): replay, target updates, dQ/da, learning, bad input."""

from __future__ import annotations

import copy
from collections import deque

import gymnasium as gym
import numpy as np
import pytest
from conftest import load_benchmark

from mlnotes._validation import NotFittedError
from mlnotes.nn import make_mlp
from mlnotes.rl import (
    DDPG,
    DQN,
    GridWorld,
    PointMass,
    ReplayBuffer,
    StateEncoder,
    greedy_path,
    hard_update,
    one_hot,
    soft_update,
)
from mlnotes.rl.spaces import Box


def shortest_steps(shape, walls, start, goal):
    """Breadth-first search on the grid (reference, independent of mlnotes)."""
    dist, queue = {start: 0}, deque([start])
    while queue:
        r, c = queue.popleft()
        for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
            cell = (r + dr, c + dc)
            if 0 <= cell[0] < shape[0] and 0 <= cell[1] < shape[1] and cell not in walls and cell not in dist:
                dist[cell] = dist[(r, c)] + 1
                queue.append(cell)
    return dist[goal]


def mean_return(env, policy, seeds):
    total = []
    for seed in seeds:
        state, _ = env.reset(seed=int(seed))
        G, done = 0.0, False
        while not done:
            state, r, terminated, truncated, _ = env.step(policy(state))
            G += r
            done = terminated or truncated
        total.append(G)
    return float(np.mean(total))

# ----------------------------------------------------------------------------- building blocks


def test_one_hot_and_encoder():
    np.testing.assert_array_equal(one_hot([1, 0], 2), [[0.0, 1.0], [1.0, 0.0]])
    with pytest.raises(ValueError, match=r"states must be in \[0, 3\)"):
        one_hot([3], 3)
    with pytest.raises(TypeError, match="states must be ints"):
        one_hot([0.5], 3)
    enc = StateEncoder(GridWorld((2, 3)).observation_space)
    assert enc.dim == 6 and enc.one(4).tolist() == [0, 0, 0, 0, 1, 0]
    box = StateEncoder(Box(-1.0, 1.0, shape=(3,)))
    assert box.dim == 3 and box.many(np.zeros((5, 3))).shape == (5, 3)
    with pytest.raises(ValueError, match="state must have 3 entries"):
        box.one([1.0, 2.0])


def test_replay_buffer_ring_and_sampling():
    buf = ReplayBuffer(4, state_dim=1, action_dim=2)
    for t in range(6):
        buf.add([t], [t, -t], float(t), [t + 1], t == 5)
    assert len(buf) == 4
    assert sorted(buf.states[:, 0].tolist()) == [2.0, 3.0, 4.0, 5.0]     # the two oldest were overwritten
    s, a, r, s2, d = buf.sample(200, np.random.default_rng(0))
    assert s.shape == (200, 1) and a.shape == (200, 2) and set(r.tolist()) == {2.0, 3.0, 4.0, 5.0}
    np.testing.assert_array_equal(s2[:, 0], s[:, 0] + 1)                  # rows stay aligned
    np.testing.assert_array_equal(a[:, 0], r)
    np.testing.assert_array_equal(d, (r == 5.0).astype(float))
    with pytest.raises(ValueError, match="empty ReplayBuffer"):
        ReplayBuffer(2, 1).sample(1, np.random.default_rng(0))


def test_hard_and_soft_updates():
    rng = np.random.default_rng(0)
    online = make_mlp([3, 4, 2], random_state=rng)
    target = copy.deepcopy(online)
    for layer, key in online.parameters():
        layer.params[key] += 1.0
    before = [lt.params[k].copy() for lt, k in target.parameters()]
    soft_update(target, online, 0.25)
    for (lt, k), (lo, _), old in zip(target.parameters(), online.parameters(), before):
        np.testing.assert_allclose(lt.params[k], 0.25 * lo.params[k] + 0.75 * old)
    hard_update(target, online)
    for (lt, k), (lo, _) in zip(target.parameters(), online.parameters()):
        np.testing.assert_array_equal(lt.params[k], lo.params[k])
        assert lt.params[k] is not lo.params[k]                            # copies, not shared arrays


def test_critic_action_gradient_matches_finite_differences():
    """DDPG's dQ/da = action part of the critic's input gradient from dQ = 1."""
    rng = np.random.default_rng(1)
    critic = make_mlp([3 + 2, 16, 16, 1], random_state=rng)
    X, U = rng.normal(size=(5, 3)), rng.uniform(-1, 1, size=(5, 2))
    critic.forward(np.hstack([X, U]))
    grad = critic.backward(np.ones((5, 1)))[:, 3:]
    h = 1e-6
    numeric = np.zeros_like(U)
    for j in range(2):
        E = np.zeros_like(U)
        E[:, j] = h
        plus = critic.forward(np.hstack([X, U + E]))[:, 0]
        minus = critic.forward(np.hstack([X, U - E]))[:, 0]
        numeric[:, j] = (plus - minus) / (2 * h)
    np.testing.assert_allclose(grad, numeric, rtol=1e-5, atol=1e-8)

# ----------------------------------------------------------------------------- DQN


def test_dqn_solves_a_grid_world():
    """Two corridors separated by walls: the greedy policy takes the shortest path (BFS)."""
    walls = [(1, 1), (1, 2), (1, 3), (3, 1), (3, 2), (3, 3)]
    env = GridWorld((5, 5), walls=walls, max_steps=50)
    agent = DQN(learning_starts=100, target_update_interval=100, random_state=0)
    returns = agent.learn(env, episodes=150)
    optimal = shortest_steps((5, 5), set(walls), (0, 0), (4, 4))
    path = greedy_path(env, agent.act)
    assert optimal == 8 and path[-1] == 24 and len(path) - 1 == optimal
    assert returns[:10].mean() < returns[-10:].mean()
    assert agent.policy([0]).tolist() == [agent.act(0)]
    assert agent.q_values(np.arange(25)).shape == (25, 4)


def test_dqn_mse_loss_and_reproducibility():
    env = GridWorld((3, 3), max_steps=30)
    kw = dict(loss="mse", learning_starts=50, target_update_interval=50, random_state=4)
    r1 = DQN(**kw).learn(env, episodes=60)
    agent = DQN(**kw)
    r2 = agent.learn(env, episodes=60)
    np.testing.assert_array_equal(r1, r2)
    assert len(greedy_path(env, agent.act)) - 1 == 4
    assert 0 <= agent.act(0, greedy=False) < 4


def test_dqn_runs_on_a_gymnasium_env():
    env = gym.make("CliffWalking-v1")
    agent = DQN(learning_starts=20, batch_size=8, random_state=0)
    returns = agent.learn(env, episodes=3, max_steps=40)
    assert returns.shape == (3,) and agent.q_values([36]).shape == (1, 4)


@pytest.mark.parametrize("kwargs, error, match", [
    (dict(gamma=1.5), ValueError, "gamma must be <= 1.0"),
    (dict(learning_rate=0.0), ValueError, "learning_rate must be > 0.0"),
    (dict(loss="l1"), ValueError, "loss must be one of 'huber', 'mse'"),
    (dict(exploration_final_eps=2.0), ValueError, "exploration_final_eps must be <= 1.0"),
    (dict(hidden_sizes=()), TypeError, "hidden_sizes must be a non-empty tuple"),
    (dict(batch_size=0), ValueError, "batch_size must be >= 1"),
])
def test_dqn_bad_hyper_parameters(kwargs, error, match):
    with pytest.raises(error, match=match):
        DQN(**kwargs).learn(GridWorld((2, 2)), episodes=1)


def test_dqn_errors():
    with pytest.raises(NotFittedError):
        DQN().act(0)
    with pytest.raises(TypeError, match="DQN needs a discrete action space"):
        DQN().learn(PointMass(), episodes=1)
    with pytest.raises(ValueError, match="episodes must be >= 1"):
        DQN().learn(GridWorld(), episodes=0)
    assert repr(DQN(gamma=0.9)) == "DQN(gamma=0.9)"

# ----------------------------------------------------------------------------- DDPG


def test_ddpg_beats_a_random_policy():
    env = PointMass()
    agent = DDPG(hidden_sizes=(32, 32), learning_starts=250, random_state=0)
    returns = agent.learn(env, episodes=25)
    assert returns.shape == (25,) and agent.n_updates_ > 900
    seeds = range(1000, 1020)
    rng = np.random.default_rng(0)
    random_return = mean_return(env, lambda s: rng.uniform(-1.0, 1.0, size=1), seeds)
    idle_return = mean_return(env, lambda s: np.zeros(1), seeds)
    ddpg_return = mean_return(env, agent.act, seeds)
    assert random_return < -15 and idle_return < -15
    assert ddpg_return > 0.4 * random_return            # at most 40 % of the random policy's cost
    # the learned policy pushes towards the origin
    assert agent.act([0.8, 0.0])[0] < 0 < agent.act([-0.8, 0.0])[0]


def test_ddpg_ou_noise_reproducible_and_scaled_actions():
    env = PointMass(dim=2)
    kw = dict(hidden_sizes=(8,), learning_starts=20, batch_size=8, action_noise="ou", random_state=2)
    r1 = DDPG(**kw).learn(env, episodes=2)
    agent = DDPG(**kw)
    r2 = agent.learn(env, episodes=2)
    np.testing.assert_array_equal(r1, r2)
    actions = agent.policy(np.zeros((3, 4)))
    assert actions.shape == (3, 2) and np.all(np.abs(actions) <= 1.0)
    assert agent.q_values(np.zeros((3, 4)), actions).shape == (3,)


def test_ddpg_on_a_gymnasium_box_env():
    """Runs unchanged on Gymnasium's Pendulum-v1 (action box [-2, 2])."""
    env = gym.make("Pendulum-v1")
    agent = DDPG(hidden_sizes=(8,), learning_starts=20, batch_size=8, random_state=0)
    returns = agent.learn(env, episodes=1, max_steps=40)
    action = agent.act(env.reset(seed=0)[0])
    assert returns.shape == (1,) and action.shape == (1,) and -2.0 <= action[0] <= 2.0


@pytest.mark.parametrize("kwargs, error, match", [
    (dict(tau=0.0), ValueError, "tau must be > 0.0"),
    (dict(action_noise="pink"), ValueError, "action_noise must be one of 'gaussian', 'ou'"),
    (dict(noise_sigma=-1.0), ValueError, "noise_sigma must be >= 0.0"),
    (dict(gamma=-0.1), ValueError, "gamma must be >= 0.0"),
])
def test_ddpg_bad_hyper_parameters(kwargs, error, match):
    with pytest.raises(error, match=match):
        DDPG(**kwargs).learn(PointMass(), episodes=1)


def test_ddpg_errors():
    with pytest.raises(NotFittedError):
        DDPG().act([0.0, 0.0])
    with pytest.raises(TypeError, match="DDPG needs a continuous"):
        DDPG().learn(GridWorld(), episodes=1)

# ----------------------------------------------------------------------------- benchmark smoke test


@pytest.mark.slow
def test_benchmark_quick(capsys):
    bench = load_benchmark("bench_rl")
    bench.main(["--quick"])
    out = capsys.readouterr().out
    assert "episodes/s" in out and "q_learning" in out and "DDPG" in out


def test_agents_learn_and_have_no_train_method():
    """``train`` is the network training loop (mlnotes.nn.train) only; agents ``learn`` (stable-baselines)."""
    for Agent in (DQN, DDPG):
        assert callable(Agent.learn) and not hasattr(Agent, "train")
    r1 = DQN(hidden_sizes=(8,), learning_starts=5, random_state=0).learn(GridWorld((2, 3), max_steps=10), 3)
    r2 = DQN(hidden_sizes=(8,), learning_starts=5, random_state=0).learn(GridWorld((2, 3), max_steps=10), 3)
    np.testing.assert_array_equal(r1, r2)
    assert r1.shape == (3,)
