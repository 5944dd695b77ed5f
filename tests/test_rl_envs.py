"""Tests of the mlnotes.rl environments: spaces, GridWorld, CliffWalking (against Gymnasium), PointMass."""

from __future__ import annotations

import gymnasium as gym
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlnotes.rl import Box, CliffWalking, Discrete, GridWorld, PointMass

# ----------------------------------------------------------------------------- spaces


def test_discrete_space():
    space = Discrete(3, seed=0)
    assert space.n == 3 and space.shape == ()
    assert space.contains(0) and space.contains(np.int64(2)) and 2 in space
    assert not space.contains(3) and not space.contains(-1) and not space.contains(1.0)
    assert not space.contains(True)
    draws = [space.sample() for _ in range(300)]
    assert set(draws) == {0, 1, 2}
    space.seed(5)
    first = [space.sample() for _ in range(10)]
    space.seed(5)
    assert first == [space.sample() for _ in range(10)]
    with pytest.raises(ValueError, match="n must be >= 1, got 0"):
        Discrete(0)
    with pytest.raises(TypeError, match="must be an int"):
        Discrete(2.5)


def test_box_space():
    box = Box([-1.0, 0.0], [1.0, 2.0], seed=0)
    assert box.shape == (2,)
    samples = np.array([box.sample() for _ in range(200)])
    assert np.all(samples >= box.low) and np.all(samples <= box.high)
    assert box.contains([0.0, 2.0]) and not box.contains([0.0, 2.1]) and not box.contains([0.0])
    assert not box.contains("abc")
    half = Box([0.0, -np.inf, -np.inf], [np.inf, 1.0, np.inf], seed=0)
    draws = np.array([half.sample() for _ in range(200)])
    assert np.all(draws[:, 0] >= 0.0) and np.all(draws[:, 1] <= 1.0) and np.isfinite(draws).all()
    assert half.contains([5.0, -7.0, 1e9])
    with pytest.raises(ValueError, match="low <= high"):
        Box(1.0, 0.0, shape=(1,))
    with pytest.raises(ValueError, match="do not broadcast"):
        Box(np.zeros(2), np.ones(3))


def test_spaces_match_gymnasium_attributes():
    """The attributes the algorithms read exist with the same meaning as in Gymnasium."""
    ours, theirs = CliffWalking(), gym.make("CliffWalking-v1")
    assert ours.observation_space.n == theirs.observation_space.n == 48
    assert ours.action_space.n == theirs.action_space.n == 4
    pm = PointMass(dim=2)
    assert pm.action_space.shape == (2,) and pm.observation_space.shape == (4,)
    np.testing.assert_array_equal(pm.action_space.low, -1.0)

# ----------------------------------------------------------------------------- CliffWalking vs Gymnasium


def test_cliffwalking_model_equals_gymnasium():
    """Every (state, action): same next state, reward and termination as Gymnasium's CliffWalking-v1."""
    ours = CliffWalking()
    P = gym.make("CliffWalking-v1").unwrapped.P
    for s in range(48):
        for a in range(4):
            ((prob, s_next, reward, terminated),) = P[s][a]
            assert prob == 1.0
            assert ours.next_state[s, a] == s_next, (s, a)
            assert ours.reward[s, a] == reward, (s, a)
            assert (int(ours.next_state[s, a]) in ours.goal_states) == terminated


def test_cliffwalking_trajectories_equal_gymnasium():
    ours, theirs = CliffWalking(), gym.make("CliffWalking-v1")
    rng = np.random.default_rng(0)
    for episode in range(5):
        assert ours.reset(seed=episode)[0] == theirs.reset(seed=episode)[0] == 36
        for _ in range(300):
            a = int(rng.integers(4))
            o1, r1, t1, tr1, _ = ours.step(a)
            o2, r2, t2, tr2, _ = theirs.step(a)
            assert (o1, r1, t1, tr1) == (o2, r2, t2, tr2)
            if t1:
                break


def test_cliffwalking_textbook_facts():
    env = CliffWalking()
    assert env.reset()[0] == 36 and env.to_cell(36) == (3, 0) and env.goal_states == (47,)
    assert env.step(1)[:3] == (36, -100.0, False)            # into the cliff: back to start
    total, state = 0.0, 36
    for a in [0] + [1] * 11 + [2]:                             # the optimal path
        state, r, terminated, truncated, _ = env.step(a)
        total += r
    assert (state, total, terminated, truncated) == (47, -13.0, True, False)
    text = env.render()
    assert text.splitlines()[-1] == "S C C C C C C C C C C A" and "\x1b" not in text

# ----------------------------------------------------------------------------- GridWorld


def test_gridworld_walls_edges_rewards_and_goals():
    env = GridWorld((3, 3), start=(0, 0), goal=[(2, 2), (0, 2)], walls=[(1, 0)],
                    rewards={(0, 1): 5.0, (2, 2): 10.0}, step_reward=-0.5)
    assert env.goal_states == (8, 2)
    env.reset()
    assert env.step(0)[:3] == (0, -0.5, False)     # off the grid: stay
    assert env.step(3)[:3] == (0, -0.5, False)
    assert env.step(2)[:3] == (0, -0.5, False)     # into the wall below: stay
    assert env.step(1)[:3] == (1, 5.0, False)      # reward cell
    assert env.step(1)[:3] == (2, -0.5, True)      # second goal
    env.reset()
    for a in (1, 2, 2):
        state, reward, terminated, *_ = env.step(a)
    assert (state, terminated) == (7, False)
    assert env.step(1)[:3] == (8, 10.0, True)      # goal with its own reward


def test_gridworld_render_text_and_rgb():
    env = GridWorld((2, 3), walls=[(0, 1)], cliff=[(1, 1)], render_mode="ansi")
    env.reset()
    assert env.render() == "A # .\n. C G"
    img = GridWorld((2, 3), walls=[(0, 1)], render_mode="rgb_array")
    img.reset()
    rgb = img.render()
    assert rgb.shape == (32, 48, 3) and rgb.dtype == np.uint8
    agent = rgb[8, 8]                                  # centre of cell (0, 0)
    wall = rgb[8, 24]                                  # centre of cell (0, 1)
    assert agent.tolist() != wall.tolist() and wall.max() < 100


def test_gridworld_truncation_and_options():
    env = GridWorld((1, 5), max_steps=3)
    env.reset()
    results = [env.step(3)[2:4] for _ in range(3)]
    assert results == [(False, False), (False, False), (False, True)]
    env = GridWorld((1, 3), max_steps=None)
    env.reset()
    for _ in range(1000):
        assert env.step(3)[3] is False


def test_episode_protocol_errors():
    env = GridWorld((1, 2))
    with pytest.raises(ValueError, match="Call reset"):
        env.step(1)                                   # never reset
    env.reset()
    assert env.step(1)[2] is True                     # terminated
    with pytest.raises(ValueError, match="already ended"):
        env.step(1)
    assert env.reset()[0] == 0                        # reset makes it usable again
    env = GridWorld((1, 3), max_steps=1)
    env.reset()
    assert env.step(3)[3] is True                     # truncated
    with pytest.raises(ValueError, match="Call reset"):
        env.step(3)


@pytest.mark.parametrize("action, error, match", [
    (4, ValueError, r"Unknown action 4: expected an int in \[0, 4\)"),
    (-1, ValueError, "Unknown action -1"),
    (1.5, TypeError, "action must be an int"),
    ("up", TypeError, "action must be an int"),
    (None, TypeError, "action must be an int"),
    (True, TypeError, "action must be an int"),
])
def test_unknown_actions(action, error, match):
    env = CliffWalking()
    env.reset()
    with pytest.raises(error, match=match):
        env.step(action)
    assert env.step(np.int64(0))[0] == 24             # numpy ints are fine


@pytest.mark.parametrize("kwargs, error, match", [
    (dict(shape=(0, 3)), ValueError, r"shape\[0\] must be >= 1"),
    (dict(shape=3), TypeError, "shape must be a pair"),
    (dict(shape=(2, 2), walls=[(5, 0)]), ValueError, "outside the grid"),
    (dict(shape=(2, 2), walls=[(0, 0)]), ValueError, "start cell .* is a wall"),
    (dict(shape=(2, 2), goal=(0.5, 1)), TypeError, "goal must be a cell"),
    (dict(shape=(2, 2), max_steps=0), ValueError, "max_steps must be >= 1"),
    (dict(shape=(2, 2), render_mode="human"), ValueError, "render_mode must be one of"),
    (dict(shape=(2, 2), step_reward="a"), TypeError, "step_reward must be a real number"),
])
def test_gridworld_bad_configuration(kwargs, error, match):
    with pytest.raises(error, match=match):
        GridWorld(**kwargs)


def test_reset_options_must_be_dict():
    with pytest.raises(TypeError, match="options must be a dict"):
        GridWorld().reset(options=[1])


@settings(max_examples=30, deadline=None)
@given(rows=st.integers(1, 5), cols=st.integers(2, 5), seed=st.integers(0, 10_000))
def test_gridworld_moves_are_local(rows, cols, seed):
    """Random grids and actions: the agent moves to a 4-neighbour or stays, never onto a wall."""
    rng = np.random.default_rng(seed)
    cells = [(r, c) for r in range(rows) for c in range(cols) if (r, c) not in {(0, 0), (rows - 1, cols - 1)}]
    walls = [cells[i] for i in rng.permutation(len(cells))[: len(cells) // 3]]
    env = GridWorld((rows, cols), walls=walls, max_steps=40)
    state, _ = env.reset()
    done = False
    while not done:
        a = int(rng.integers(4))
        nxt, reward, terminated, truncated, _ = env.step(a)
        (r0, c0), (r1, c1) = env.to_cell(state), env.to_cell(nxt)
        assert abs(r0 - r1) + abs(c0 - c1) <= 1 and (r1, c1) not in walls
        assert reward == -1.0
        assert terminated == (nxt == env.to_state((rows - 1, cols - 1)))
        state, done = nxt, terminated or truncated

# ----------------------------------------------------------------------------- PointMass


def test_point_mass_step_by_hand():
    env = PointMass(dt=0.1, action_cost=0.1)
    state, _ = env.reset(options={"position": [0.5]})
    np.testing.assert_allclose(state, [0.5, 0.0])
    state, reward, terminated, truncated, _ = env.step([1.0])
    np.testing.assert_allclose(state, [0.51, 0.1])            # v = 0 + 1*0.1, x = 0.5 + 0.1*0.1
    assert reward == pytest.approx(-(0.51**2) - 0.1 * 1.0)
    clipped = env.step([5.0])                                   # clipped to 1
    np.testing.assert_allclose(clipped[0], [0.53, 0.2])
    assert clipped[1] == pytest.approx(-(0.53**2) - 0.1)


def test_point_mass_wall_and_episode_length():
    env = PointMass(max_steps=50)
    env.reset(options={"position": [1.0]})
    state = env.step([1.0])[0]
    np.testing.assert_allclose(state, [1.0, 0.0])               # pushed into the wall: stops
    env.reset(seed=3)
    flags = [env.step([0.0])[2:4] for _ in range(50)]
    assert flags[-1] == (False, True) and all(f == (False, False) for f in flags[:-1])


def test_point_mass_seeded_and_2d():
    a, b = PointMass(dim=2), PointMass(dim=2)
    np.testing.assert_array_equal(a.reset(seed=7)[0], b.reset(seed=7)[0])
    s = a.reset(seed=7)[0]
    assert s.shape == (4,) and np.all(np.abs(s[:2]) <= 1.0) and np.all(s[2:] == 0.0)
    assert a.step([0.3, -0.3])[0].shape == (4,)
    assert PointMass(dim=2, render_mode="rgb_array").render().shape == (64, 64, 3)
    text = PointMass(dim=2).render()
    assert len(text.splitlines()) == 2 and "o" in text


@pytest.mark.parametrize("action, error, match", [
    ([1.0, 2.0], ValueError, r"action must have shape \(1,\)"),
    ([np.nan], ValueError, "action contains NaN"),
    (["a"], TypeError, "action must contain numbers"),
])
def test_point_mass_bad_actions(action, error, match):
    env = PointMass()
    env.reset(seed=0)
    with pytest.raises(error, match=match):
        env.step(action)


def test_point_mass_bad_configuration():
    with pytest.raises(ValueError, match="dt must be > 0"):
        PointMass(dt=0.0)
    with pytest.raises(ValueError, match="options\\['position'\\]"):
        PointMass().reset(options={"position": [3.0]})
