from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

# 属于 is two relations in English: a model "is a" member of a family (LeNet-5 is a CNN);
# a family or a field "belongs to" a wider field (CNN belongs to deep learning)
IS_A, PART_OF = tr("属于", "is a"), tr("属于", "belongs to")
BY, IN = tr("提出者", "proposed by"), tr("发表于", "published in")
GOOD_AT = tr("擅长", "good at")
# a knowledge graph is a set of (head, relation, tail) triples
triples = [
    ("LeNet-5", IS_A, "CNN"),
    ("CNN", PART_OF, tr("深度学习", "deep learning")),
    ("LSTM", IS_A, "RNN"),
    ("RNN", PART_OF, tr("深度学习", "deep learning")),
    ("Transformer", PART_OF, tr("深度学习", "deep learning")),
    (tr("深度学习", "deep learning"), PART_OF, tr("机器学习", "machine learning")),
    ("LeNet-5", BY, tr("LeCun 等", "LeCun et al.")),
    ("LSTM", BY, "Hochreiter & Schmidhuber"),
    ("LeNet-5", IN, "1998"),
    ("LSTM", IN, "1997"),
    ("Transformer", IN, "2017"),
    ("CNN", GOOD_AT, tr("图像识别", "image recognition")),
    ("RNN", GOOD_AT, tr("序列建模", "sequence modelling")),
]
pos = {  # a hand-made layout
    tr("机器学习", "machine learning"): (0, 3.2), tr("深度学习", "deep learning"): (0, 2.0),
    "CNN": (-3.2, 1.0), "RNN": (1.6, 1.0), "Transformer": (4.6, 1.0),
    "LeNet-5": (-3.2, -0.4), "LSTM": (1.6, -0.4),
    tr("图像识别", "image recognition"): (-6.0, 1.0), tr("序列建模", "sequence modelling"): (-0.5, 0.0),
    tr("LeCun 等", "LeCun et al."): (-5.4, -1.6), "1998": (-2.0, -1.6), "1997": (0.4, -1.6),
    "Hochreiter & Schmidhuber": (3.4, -1.6), "2017": (4.6, -0.4),
}
fig, ax = figure(figsize=(11, 4.6))
for head, rel, tail in triples:
    (x0, y0), (x1, y1) = pos[head], pos[tail]
    ax.annotate("", xy=(x1, y1), xytext=(x0, y0), arrowprops={"arrowstyle": "-|>", "color": "#7F8C8D",
                                                              "shrinkA": 14, "shrinkB": 14})
    ax.text((x0 + x1) / 2, (y0 + y1) / 2, rel, fontsize=7.5, color="#C0392B", ha="center", va="center",
            bbox={"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none"})
for name, (x, y) in pos.items():
    entity = not name.isdigit()
    ax.text(x, y, name, ha="center", va="center", fontsize=9,
            bbox={"boxstyle": "round,pad=0.3", "facecolor": "#DCEBF7" if entity else "#FCE5CD", "edgecolor": "#34495E"})
ax.set_xlim(-7.2, 6.0)
ax.set_ylim(-2.1, 3.6)
ax.axis("off")
print(figure_html(fig, tr("一个小知识图谱：实体是节点，关系是带标签的有向边。",
                                                     "A small knowledge graph: entities are nodes, relations are labelled directed edges.")))


def ask(head, relation):
    """Answer a question by looking the (head, relation, ?) pattern up in the triples."""
    return [t for h, r, t in triples if h == head and r == relation]


def ancestors(entity):
    """Follow 'is a' and 'belongs to' edges upwards: a multi-step inference."""
    chain = []
    while parents := ask(entity, IS_A) + (ask(entity, PART_OF) if PART_OF != IS_A else []):
        entity = parents[0]
        chain.append(entity)
    return chain


who, year = ask("LeNet-5", BY)[0], ask("LeNet-5", IN)[0]
print(tr(f"问：LeNet-5 是谁提出的？答：{who}，发表于 {year} 年。\n", f"Q: who proposed LeNet-5? A: {who}, in {year}.\n"))
print(tr(f"问：LSTM 属于哪些领域？答（沿“属于”边多步推理）：{' → '.join(ancestors('LSTM'))}。",
         f"Q: which fields does LSTM belong to? A (following the “is a” and “belongs to” edges step by step): {' → '.join(ancestors('LSTM'))}."))
