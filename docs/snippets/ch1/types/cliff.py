import numpy as np
from matplotlib.patches import Rectangle

from mlnotes.rl import CliffWalking, greedy_path, q_learning, sarsa
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

env = CliffWalking()  # 4 x 12 grid; each move -1, falling off the cliff -100 and back to the start
algorithms = {"Q-learning": q_learning, "SARSA": sarsa}
runs, episodes = 8, 300
returns, paths = {}, {}
for name, learn in algorithms.items():
    runs_ = [learn(env, episodes=episodes, alpha=0.5, epsilon=0.1, random_state=seed) for seed in range(runs)]
    returns[name] = np.array([R for _, R in runs_])  # (runs, episodes)
    paths[name] = greedy_path(env, runs_[0][0])  # the greedy path of the first run's Q table

fig, (grid, curves) = figure(2, 1, figsize=(9, 6.6), gridspec_kw={"height_ratios": [1, 1.25]})
n_rows, n_cols = env.shape
for r in range(n_rows):
    for c in range(n_cols):
        cliff = (r, c) in env.cliff
        grid.add_patch(Rectangle((c, r), 1, 1, facecolor="#F4CCCC" if cliff else "white", edgecolor="#BBBBBB"))
grid.text(5.5 + 0.5, 3.5, tr("悬崖（−100，回到起点）", "cliff (−100, back to start)"), ha="center", va="center",
          color="#A93226")
for cell, label in ((env.start, "S"), (env.goal[0], "G")):
    grid.text(cell[1] + 0.5, cell[0] + 0.5, label, ha="center", va="center", fontsize=13, zorder=4,
              bbox={"boxstyle": "round,pad=0.25", "facecolor": "#FCE5CD", "edgecolor": "#34495E"})
for i, (name, path) in enumerate(paths.items()):
    cells = np.array([env.to_cell(s) for s in path])
    offset = 0.1 if i == 0 else -0.1  # keep the two lines apart where they overlap
    grid.plot(cells[:, 1] + 0.5 + offset, cells[:, 0] + 0.5 + offset, color=f"C{i}", lw=2.5, marker="o", ms=4,
              label=tr(f"{name}：{len(path) - 1} 步", f"{name}: {len(path) - 1} steps"))
grid.set_xlim(0, n_cols)
grid.set_ylim(n_rows, 0)  # row 0 at the top
grid.set_aspect("equal")
grid.axis("off")
grid.legend(loc="upper center", bbox_to_anchor=(0.5, 1.18), ncol=2, frameon=False)

window = 20
for i, (name, R) in enumerate(returns.items()):
    smooth = np.convolve(R.mean(axis=0), np.ones(window) / window, mode="valid")
    curves.plot(np.arange(window, episodes + 1), smooth, color=f"C{i}", label=name)
curves.axhline(-13, color="gray", ls="--", lw=1)  # the optimal path: 13 steps along the edge (Sutton & Barto)
curves.text(episodes, -13, tr("最短路径 −13", "shortest path −13"), ha="right", va="bottom", color="gray", fontsize=9)
curves.set_ylim(-110, 0)
curves.set_xlabel(tr("回合", "episode"))
curves.set_ylabel(tr("每回合奖励之和", "sum of rewards per episode"))
curves.legend(loc="lower right")
print(figure_html(fig, tr(
    f"悬崖行走：上图是学完 {episodes} 回合后的贪心路径，下图是学习曲线（{runs} 次运行的平均，再取 {window} 回合滑动平均；ε = 0.1）。",
    f"Cliff walking: top, the greedy paths after {episodes} episodes; bottom, the learning curves (mean of {runs} "
    f"runs, {window}-episode moving average; ε = 0.1).")))

print(tr("| 算法 | 贪心路径的步数 | 最后 100 回合的平均奖励（边探索边走） |",
         "| algorithm | steps of the greedy path | mean reward of the last 100 episodes (while exploring) |"))
print("|---|---:|---:|")
for name in algorithms:
    print(f"| {name} | {len(paths[name]) - 1} | {returns[name][:, -100:].mean():.1f} |")
