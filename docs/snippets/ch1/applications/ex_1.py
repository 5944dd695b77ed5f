from mlnotes.association import apriori
from mlnotes.book.data import load_market_baskets
from mlnotes.book.i18n import tr

baskets = load_market_baskets()
counts = {}
for minsup in (0.4, 0.6):                       # the page used 0.4; now raise it to 0.6
    frequent = apriori(baskets, min_support=minsup)
    counts[minsup] = len(frequent)
    names = ", ".join("{" + ", ".join(sorted(s)) + "}" for s in frequent)
    print(tr(f"- minsup = {minsup}：{len(frequent)} 个频繁项集：{names}",
             f"- minsup = {minsup}: {len(frequent)} frequent itemsets: {names}"))
