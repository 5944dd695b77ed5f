import numpy as np

from mlnotes.rl import DDPG, DQN, GridWorld, PointMass, greedy_path
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

# DQN: a neural network estimates Q(s, a) for the 4 moves in a 5 x 5 maze (each move -1)
maze = GridWorld((5, 5), walls=[(1, 1), (1, 2), (1, 3), (3, 1), (3, 2), (3, 3)], max_steps=50)
dqn = DQN(hidden_sizes=(32,), learning_starts=100, target_update_interval=50, random_state=0)
dqn_returns = dqn.learn(maze, episodes=100)
dqn_steps = len(greedy_path(maze, dqn.act)) - 1


def shortest_path(env):
    """Fewest moves from start to goal: breadth-first search over the grid's transition table."""
    dist, queue = {env.start_state: 0}, [env.start_state]
    for s in queue:  # the queue grows while we walk through it
        for t in env.next_state[s]:
            if t not in dist:
                dist[t] = dist[s] + 1
                queue.append(t)
    return min(dist[g] for g in env.goal_states)


# DDPG: an actor network outputs a continuous force that drives a point mass to the origin
point = PointMass()  # reward -(position² + 0.1 force²) per step, 50 steps per episode
ddpg = DDPG(hidden_sizes=(32, 32), learning_starts=200, random_state=0)
ddpg_returns = ddpg.learn(point, episodes=30)


def rollout(env, policy, x0):
    """Positions and return of one episode from position x0."""
    state, _ = env.reset(options={"position": [x0]})
    xs, total, done = [x0], 0.0, False
    while not done:
        state, reward, terminated, truncated, _ = env.step(policy(state))
        xs.append(state[0])
        total += reward
        done = terminated or truncated
    return np.array(xs), total


starts = [-0.9, -0.4, 0.5, 0.9]
learned = [rollout(point, ddpg.act, x0) for x0 in starts]
idle = [rollout(point, lambda s: np.zeros(1), x0) for x0 in starts]  # baseline: apply no force

fig, (ax1, ax2, ax3) = figure(1, 3, figsize=(11, 3.7))
ax1.plot(np.arange(1, len(dqn_returns) + 1), dqn_returns, color="C0")
ax1.axhline(-dqn_steps, color="gray", ls="--", lw=1,
            label=tr(f"学到的路径：{dqn_steps} 步", f"learned path: {dqn_steps} steps"))
ax1.legend(loc="lower right", fontsize=9)
ax1.set_title(tr("DQN：5×5 迷宫", "DQN: 5×5 maze"))
ax1.set_xlabel(tr("回合", "episode"))
ax1.set_ylabel(tr("每回合奖励之和", "sum of rewards per episode"))
ax2.plot(np.arange(1, len(ddpg_returns) + 1), ddpg_returns, color="C1", marker=".")
ax2.set_title(tr("DDPG：训练中的回报", "DDPG: returns in training"))
ax2.set_xlabel(tr("回合（起点随机）", "episode (random start)"))
ax2.set_ylabel(tr("每回合奖励之和", "sum of rewards per episode"))
for i, ((xs, _), (xs_idle, _)) in enumerate(zip(learned, idle)):
    ax3.plot(xs, color=f"C{i}", label=f"x₀ = {starts[i]}")
    ax3.plot(xs_idle, color=f"C{i}", ls=":", lw=1)
ax3.axhline(0, color="black", lw=0.8)
ax3.set_title(tr("DDPG 学到的策略（虚线：不施力）", "DDPG policy (dotted: no force)"))
ax3.set_xlabel(tr("时间步", "time step"))
ax3.set_ylabel(tr("位置 x", "position x"))
ax3.set_ylim(-1.0, 1.35)
ax3.legend(fontsize=8, ncol=2, loc="upper right")
print(figure_html(fig, tr(
    "深度强化学习：左边 DQN 用神经网络估计 Q 值，学会走迷宫；中间和右边 DDPG 学会输出连续的力，把质点推向原点。",
    "Deep reinforcement learning: left, DQN estimates Q-values with a neural network and learns the maze; "
    "middle and right, DDPG learns a continuous force that pushes the point mass towards the origin.")))
mean_learned = np.mean([total for _, total in learned])
mean_idle = np.mean([total for _, total in idle])
final_distance = np.mean([abs(xs[-1]) for xs, _ in learned])
n_steps, near, far = len(learned[0][0]) - 1, min(map(abs, starts)), max(map(abs, starts))
shortest = shortest_path(maze)
print(tr(f"DQN 训练 {len(dqn_returns)} 回合后，贪心策略用 {dqn_steps} 步走到终点（最短路径是 {shortest} 步）。"
         f"DDPG 训练 {len(ddpg_returns)} 回合后，从上面 {len(starts)} 个起点出发的平均回报是 {mean_learned:.1f}，"
         f"不施力时是 {mean_idle:.1f}；{n_steps} 步后质点离原点平均只有 {final_distance:.2f}（出发时离原点 {near} 到 {far}）。",
         f"After {len(dqn_returns)} episodes DQN's greedy policy reaches the goal in {dqn_steps} steps (the shortest "
         f"path has {shortest}). After {len(ddpg_returns)} episodes DDPG's mean return from the {len(starts)} starts above is "
         f"{mean_learned:.1f}, against {mean_idle:.1f} without any force; after {n_steps} steps the mass is on average only "
         f"{final_distance:.2f} from the origin (it started {near} to {far} away)."))
