"""Reinforcement learning: grid worlds, a continuous task, Q-learning, SARSA, DQN and DDPG.

Environments follow Gymnasium's calling convention (``reset(seed=...)`` ->
``(state, info)``, ``step(action)`` -> ``(state, reward, terminated, truncated,
info)``) without depending on Gymnasium; the algorithms run on Gymnasium
environments too.

References
----------
Sutton & Barto, *Reinforcement Learning: An Introduction*, 2nd ed., MIT Press, 2018.
"""

from .continuous import PointMass
from .core import Env
from .ddpg import DDPG
from .dqn import DQN
from .gridworld import CliffWalking, GridWorld
from .networks import StateEncoder, hard_update, one_hot, soft_update
from .replay import ReplayBuffer
from .spaces import Box, Discrete
from .tabular import epsilon_greedy, greedy_path, q_learning, sarsa

__all__ = [
    "Box", "Discrete", "Env", "GridWorld", "CliffWalking",
    "PointMass", "q_learning", "sarsa", "greedy_path", "epsilon_greedy",
    "DQN", "DDPG", "ReplayBuffer", "StateEncoder", "one_hot", "hard_update", "soft_update",
]
