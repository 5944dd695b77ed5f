from mlnotes.book.i18n import tr
from mlnotes.book.plots import diagram
from mlnotes.book.render import figure, figure_html

fig, (flat, modular) = figure(2, 1, figsize=(8, 8.5))
fig.subplots_adjust(left=0.01, right=0.99, bottom=0.01, top=0.96, hspace=0.1)  # the drawings fill the figure

classes = [tr("长发男生", "long-haired boy"), tr("长发女生", "long-haired girl"),
           tr("短发男生", "short-haired boy"), tr("短发女生", "short-haired girl")]
counts = [tr("样本很少", "few examples"), tr("样本多", "many examples"), tr("样本多", "many examples"),
          tr("样本多", "many examples")]

# left: one classifier per class, each learned directly from the image
nodes = {"img": (0, 0, tr("图片", "image"))}
edges = []
for i, (name, n) in enumerate(zip(classes, counts)):
    nodes[f"c{i}"] = (3.9, 2.25 - 1.5 * i, tr(f"分类器 {i + 1}\n{name}", f"classifier {i + 1}\n{name}"))
    edges.append(("img", f"c{i}", ""))
diagram(flat, nodes, edges, box_width=3.1, box_height=1.05, fontsize=9,
        colors={"c0": "#F4CCCC"})
for i, n in enumerate(counts):
    flat.text(5.6, 2.25 - 1.5 * i, n, ha="left", va="center", fontsize=9, color="#C0392B" if i == 0 else "#34495E")
flat.set_xlim(-1.6, 7.6)
flat.set_title(tr("直接训练 4 个分类器：“长发男生”的样本太少，学不好",
                  "Four classifiers trained directly: too few long-haired boys to learn from"), fontsize=10)

# right: a first layer of basic classifiers shared by all four classes
# (second layer far and spread enough that no arrow passes over a box it does not point to)
nodes = {"img": (0, 0, tr("图片", "image")),
         "sex": (3.8, 0.9, tr("基础分类器\n男生还是女生？", "basic classifier\nboy or girl?")),
         "hair": (3.8, -0.9, tr("基础分类器\n长发还是短发？", "basic classifier\nlong or short hair?"))}
edges = [("img", "sex", ""), ("img", "hair", "")]
for i, name in enumerate(classes):
    nodes[f"c{i}"] = (9.4, 2.7 - 1.8 * i, tr(f"分类器 {i + 1}\n{name}", f"classifier {i + 1}\n{name}"))
    edges += [("sex", f"c{i}", ""), ("hair", f"c{i}", "")]
diagram(modular, nodes, edges, box_width=3.1, box_height=1.05, fontsize=9,
        colors={"sex": "#D9EAD3", "hair": "#D9EAD3", "c0": "#F4CCCC"})
modular.set_title(tr("加一层：先学“男/女”和“长/短发”，每个基础分类器都有大量样本",
                     "One more layer: first learn boy/girl and long/short hair, each with plenty of examples"),
                  fontsize=10)
print(figure_html(fig, tr(
    "模块化：第二层的分类器只需把第一层的两个答案组合起来，所以“长发男生”只要少量样本也能学好。",
    "Modularity: the second-layer classifiers only combine the two answers of the first layer, so even "
    "\"long-haired boy\" can be learned from few examples.")))
