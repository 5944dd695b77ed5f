from mlnotes.association import support, support_count
from mlnotes.book.data import load_market_baskets

baskets = load_market_baskets()          # the five transactions above
itemset = {"Milk", "Bread", "Diaper"}    # a 3-itemset
print("σ({Milk, Bread, Diaper}) =", support_count(baskets, itemset))
print("support({Milk, Bread, Diaper}) =", support_count(baskets, itemset), "/", len(baskets),
      "=", support(baskets, itemset))
