from matplotlib.patches import FancyArrowPatch

from mlnotes.rl import CliffWalking
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

env = CliffWalking()  # one real step of the loop, shown as an example in the figure
state, _ = env.reset(seed=0)
action = 0  # up
next_state, reward, terminated, truncated, _ = env.step(action)

fig, ax = figure(figsize=(7.5, 4.2))
boxes = {"agent": (0.0, 1.6, tr("智能体（Agent）\n根据状态选择动作", "agent\nchooses an action\nfrom the state")),
         "env": (0.0, -1.6, tr("环境（Environment）\n转移到新状态，给出奖励", "environment\nmoves to a new state,\ngives a reward"))}
for name, (x, y, text) in boxes.items():
    ax.text(x, y, text, ha="center", va="center", fontsize=11, zorder=3,
            bbox={"boxstyle": "round,pad=0.6", "edgecolor": "#34495E",
                  "facecolor": "#DCEBF7" if name == "agent" else "#D9EAD3"})
arrow = {"arrowstyle": "-|>", "mutation_scale": 16, "color": "#34495E", "linewidth": 1.4}
ax.add_patch(FancyArrowPatch((2.0, 1.6), (2.0, -1.6), connectionstyle="arc3,rad=-0.5", zorder=4, **arrow))
ax.add_patch(FancyArrowPatch((-2.0, -1.6), (-2.0, 1.6), connectionstyle="arc3,rad=-0.5", zorder=4, **arrow))
name = tr("上右下左"[action], env.action_names[action])
ax.text(3.3, 0.0, tr(f"动作 aₜ\n例：a = {name}", f"action aₜ\ne.g. a = {name}"), ha="left", va="center", fontsize=11)
ax.text(-3.3, 0.0, tr(f"新状态 sₜ₊₁，奖励 rₜ₊₁\n例：s = {next_state}，r = {reward:g}",
                       f"new state sₜ₊₁, reward rₜ₊₁\ne.g. s = {next_state}, r = {reward:g}"),
        ha="right", va="center", fontsize=11)
ax.set_xlim(-6.2, 6.2)
ax.set_ylim(-2.6, 2.6)
ax.axis("off")
print(figure_html(fig, tr(
    f"强化学习的循环：智能体做出动作，环境返回新状态和奖励。图中的例子是悬崖环境里真实的一步"
    f"（从起点 {state} 向上走）。",
    f"The reinforcement-learning loop: the agent acts, the environment answers with a new state and a "
    f"reward. The example is a real step in the cliff world (up from the start state {state}).")))
