from mlnotes.association import apriori, association_rules
from mlnotes.book.data import load_market_baskets
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

baskets = load_market_baskets()
itemset = frozenset({"Milk", "Diaper", "Beer"})
rules = [r for r in association_rules(apriori(baskets, min_support=0.4), min_confidence=0.01)
         if r.antecedent | r.consequent == itemset]  # the six rules made from one itemset


def fmt(items):
    return "{" + ", ".join(sorted(items)) + "}"


example = next(r for r in rules if r.antecedent == {"Milk", "Diaper"})
print(tr(f"以规则 {{Milk, Diaper}} → {{Beer}} 为例：支持度 = σ({{Milk, Diaper, Beer}}) / N = "
         f"{example.support:.1f}，可信度 = σ({{Milk, Diaper, Beer}}) / σ({{Milk, Diaper}}) = {example.confidence:.2f}，"
         f"提升度 = 可信度 / support({{Beer}}) = {example.lift:.2f}。",
         f"For the rule {{Milk, Diaper}} → {{Beer}}: support = σ({{Milk, Diaper, Beer}}) / N = {example.support:.1f}, "
         f"confidence = σ({{Milk, Diaper, Beer}}) / σ({{Milk, Diaper}}) = {example.confidence:.2f}, "
         f"lift = confidence / support({{Beer}}) = {example.lift:.2f}."))
print()

fig, ax = figure(figsize=(7.5, 3.6))
labels = [f"{fmt(r.antecedent)} → {fmt(r.consequent)}" for r in rules][::-1]
conf = [r.confidence for r in rules][::-1]
bars = ax.barh(labels, conf, color=["C1" if r is example else "C0" for r in rules][::-1])
for bar, r in zip(bars, rules[::-1]):
    ax.text(bar.get_width() + 0.01, bar.get_y() + bar.get_height() / 2,
            f"s = {r.support:.1f}, c = {r.confidence:.2f}, lift = {r.lift:.2f}", va="center", fontsize=8)
ax.set_xlim(0, 1.45)
ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
ax.set_xlabel(tr("可信度 c", "confidence c"))
ax.grid(axis="y", visible=False)
print(figure_html(fig, tr(
    "由项集 {Milk, Diaper, Beer} 得到的 6 条规则：支持度都一样，可信度却有高有低。",
    "The six rules made from the itemset {Milk, Diaper, Beer}: all share one support, but their confidences differ.")))
