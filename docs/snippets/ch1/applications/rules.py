from mlnotes.association import apriori, association_rules
from mlnotes.book.data import load_market_baskets
from mlnotes.book.i18n import tr

baskets = load_market_baskets()
rules = association_rules(apriori(baskets, min_support=0.4), min_confidence=0.8)


def fmt(itemset):
    return "{" + ", ".join(sorted(itemset)) + "}"


print(tr("| 规则 X → Y | 支持度 | 可信度 | 提升度 |", "| rule X → Y | support | confidence | lift |"))
print("|---|---:|---:|---:|")
for r in rules:
    print(f"| `{fmt(r.antecedent)} → {fmt(r.consequent)}` | {r.support:.2f} | {r.confidence:.2f} | {r.lift:.2f} |")
