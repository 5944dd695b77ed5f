import numpy as np

from mlnotes.book.i18n import current_language, tr

docs = [["猫", "坐", "在", "垫子", "上"], ["狗", "坐", "在", "地", "上"], ["猫", "追", "狗"]] if current_language() == "zh" \
    else [["cat", "sat", "on", "mat"], ["dog", "sat", "on", "log"], ["cat", "chased", "dog"]]
vocab = sorted({w for d in docs for w in d})
n = len(docs)
tf = np.array([[d.count(w) for w in vocab] for d in docs], dtype=float)     # term frequency
df = (tf > 0).sum(axis=0)                                                   # in how many documents
idf = np.log((1 + n) / (1 + df)) + 1                                        # smoothed inverse document frequency
tfidf = tf * idf
tfidf /= np.linalg.norm(tfidf, axis=1, keepdims=True)                       # each document scaled to length 1

print(tr("| 词 | 出现在几篇文档中 | IDF | 第 1 篇中的 TF-IDF |", "| word | documents containing it | IDF | TF-IDF in document 1 |"))
print("|---|---:|---:|---:|")
for j, w in enumerate(vocab):
    print(f"| {w} | {df[j]} | {idf[j]:.3f} | {tfidf[0, j]:.3f} |")
top = vocab[int(np.argmax(tfidf[0]))]
print()
print(tr(f"第 1 篇文档的关键词：**{top}**", f"Keyword of document 1: **{top}**"))
