import numpy as np

from mlnotes.cluster import KMeans
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

words = [tr(*w) for w in [("比赛", "match"), ("球队", "team"), ("进球", "goal"), ("冠军", "title"),
                          ("股票", "stock"), ("利率", "rate"), ("银行", "bank"), ("市场", "market"),
                          ("手机", "phone"), ("芯片", "chip"), ("软件", "software"), ("网络", "network")]]
rng = np.random.default_rng(0)
topic = rng.permutation(np.repeat([0, 1, 2], 4))  # 12 documents, 4 per hidden topic (sport, finance, tech)
p = np.full((3, 12), 0.02)
for t in range(3):
    p[t, 4 * t:4 * t + 4] = 0.3  # a topic mostly uses its own four words
p /= p.sum(axis=1, keepdims=True)
counts = np.array([rng.multinomial(20, p[t]) for t in topic])  # (documents, words): bag of words

share = counts / counts.sum(axis=1, keepdims=True)  # word shares, so long and short texts compare
km = KMeans(n_clusters=3, random_state=0).fit(share)
order = np.argsort(km.labels_, kind="stable")
pure = all(len(set(topic[km.labels_ == k])) == 1 for k in range(3))  # one hidden topic per cluster?

fig, ax = figure(figsize=(8, 4.6))
ax.imshow(counts[order], cmap="Blues")
ax.set_xticks(range(12), words, rotation=45, ha="right")
ax.set_yticks(range(12), [tr(f"文档 {i + 1}", f"doc {i + 1}") for i in order])
ax.grid(False)
for (r, c), v in np.ndenumerate(counts[order]):
    ax.text(c, r, str(v), ha="center", va="center", fontsize=7, color="white" if v > 6 else "black")
for b in np.flatnonzero(np.diff(km.labels_[order])):
    ax.axhline(b + 0.5, color="C3", linewidth=2)
ax.set_xlabel(tr("词", "word"))
ax.set_title(tr("每篇文档中各词出现的次数，按 K 均值的簇排列", "Word counts per document, rows grouped by K-means cluster"),
             fontsize=10)
result = (tr("每个簇恰好是一个主题：体育、财经、科技", "each cluster is exactly one topic: sport, finance, tech") if pure
          else tr("有的簇混合了不同主题", "some clusters mix topics"))
print(figure_html(fig, tr(
    f"相似文档归类：K 均值只看词频就把 12 篇文档分成 3 组，{result}（横线分隔各簇）。",
    f"Grouping similar documents: from word counts alone, K-means splits 12 documents into 3 groups; {result} "
    "(horizontal lines separate the clusters).")))
