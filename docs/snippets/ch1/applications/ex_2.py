from mlnotes.association import apriori, association_rules
from mlnotes.book.data import load_market_baskets
from mlnotes.book.i18n import tr

baskets = load_market_baskets()
rules = association_rules(apriori(baskets, min_support=0.4), min_confidence=0.01)
rule = next(r for r in rules if r.antecedent == {"Diaper"} and r.consequent == {"Beer"})
print(tr(f"{{Diaper}} → {{Beer}}：支持度 {rule.support:.2f}，可信度 {rule.confidence:.2f}，提升度 {rule.lift:.2f}",
         f"{{Diaper}} → {{Beer}}: support {rule.support:.2f}, confidence {rule.confidence:.2f}, lift {rule.lift:.2f}"))
