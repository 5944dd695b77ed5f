"""Speed of mlnotes.rl: episodes per second of each algorithm, and the training time of the pages' figures.

Run ``python benchmarks/bench_rl.py`` (the pages' settings) or ``--quick`` (a few seconds).

Table 1 (tabular): ``q_learning`` and ``sarsa`` with Sutton & Barto's settings
(α = 0.5, ε = 0.1, γ = 1) on ``mlnotes.rl.CliffWalking`` and, as the reference,
the same function on Gymnasium's ``CliffWalking-v1`` (the same dynamics: the
two runs visit the same states), in the same run. Ratio = our episodes/s over
Gymnasium's; target >= 1 (our environment is not the bottleneck).

Table 2 (deep): ``DQN`` on a 5 x 5 grid world with walls and ``DDPG`` on
``PointMass``, with the settings the tests use to show that they learn. There is
no reference deep-RL library in the environment; the target is the one of the
issue: training for a figure takes at most 3 s.

Every time is the best of several repeats (``time.perf_counter``).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from mlnotes.rl import DDPG, DQN, CliffWalking, GridWorld, PointMass, q_learning, sarsa

sys.path.insert(0, str(Path(__file__).resolve().parent))  # _common.py, also when a test loads this file by path
from _common import best_time, format_table, parse_args

FIGURE_TARGET_S = 3.0
WALLS = [(1, 1), (1, 2), (1, 3), (3, 1), (3, 2), (3, 3)]


class StepCounter:
    """Counts calls to ``step`` of a wrapped environment (to report steps per episode)."""

    def __init__(self, env: object) -> None:
        self.env, self.steps = env, 0
        self.observation_space, self.action_space = env.observation_space, env.action_space

    def reset(self, **kwargs: object) -> object:
        return self.env.reset(**kwargs)

    def step(self, action: object) -> object:
        self.steps += 1
        return self.env.step(action)


def tabular_rows(quick: bool, repeats: int) -> list[list[str]]:
    import gymnasium as gym

    episodes = 100 if quick else 500
    kw = dict(episodes=episodes, alpha=0.5, gamma=1.0, epsilon=0.1, random_state=0)
    rows = []
    for method in (q_learning, sarsa):
        counter = StepCounter(CliffWalking())
        method(counter, **kw)
        steps = counter.steps / episodes
        ours = best_time(lambda: method(CliffWalking(), **kw), repeats)
        theirs = best_time(lambda: method(gym.make("CliffWalking-v1"), **kw), repeats)
        ratio = theirs / ours  # (episodes/s ours) / (episodes/s Gymnasium)
        rows.append([method.__name__, f"{episodes}", f"{steps:.1f}", f"{ours:.3f}", f"{episodes / ours:,.0f}",
                     f"{episodes / theirs:,.0f}", f"{ratio:.2f}", ">= 1", "yes" if ratio >= 1 else "NO"])
    return rows


def deep_rows(quick: bool, repeats: int) -> list[list[str]]:
    cases = [
        ("DQN", "GridWorld 5x5, walls",
         lambda: GridWorld((5, 5), walls=WALLS, max_steps=50),
         lambda: DQN(learning_starts=100, target_update_interval=100, random_state=0),
         20 if quick else 150),
        ("DDPG", "PointMass (1-D)",
         PointMass,
         lambda: DDPG(hidden_sizes=(32, 32), learning_starts=100 if quick else 250, random_state=0),
         4 if quick else 25),
        ("DDPG", "PointMass, (64, 64) nets",
         PointMass,
         lambda: DDPG(learning_starts=100 if quick else 500, random_state=0),
         4 if quick else 40),
    ]
    rows = []
    for name, task, make_env, make_agent, episodes in cases:
        agents = []

        def run() -> None:
            agent = make_agent()
            agent.learn(make_env(), episodes=episodes)
            agents.append(agent)

        seconds = best_time(run, repeats)
        updates = agents[-1].n_updates_
        ok = seconds <= FIGURE_TARGET_S
        rows.append([name, task, f"{episodes}", f"{seconds:.2f}", f"{episodes / seconds:,.1f}",
                     f"{updates / seconds:,.0f}", f"<= {FIGURE_TARGET_S:g} s", "yes" if ok else "NO"])
    return rows


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv, __doc__)
    repeats = 1 if args.quick else 3
    print("Tabular control on CliffWalking (alpha=0.5, epsilon=0.1, gamma=1): mlnotes env vs Gymnasium env")
    print(format_table(["algorithm", "episodes", "steps/ep", "time (s)", "episodes/s", "gym episodes/s",
                        "ratio", "target", "ok"], tabular_rows(args.quick, repeats)))
    print()
    print("Deep RL (networks from mlnotes.nn): training time of a figure")
    print(format_table(["algorithm", "task", "episodes", "time (s)", "episodes/s", "grad steps/s", "target", "ok"],
                       deep_rows(args.quick, repeats)))


if __name__ == "__main__":
    main()
