from mlnotes.book.i18n import tr
from mlnotes.book.plots import diagram
from mlnotes.book.render import figure, figure_html

fig, ax = figure(figsize=(8, 4.4))
nodes = {
    "docs": (0, 0, tr("大量文本\n（新闻、评论、网页…）", "many texts\n(news, reviews, pages…)")),
    "cls": (5.2, 2.1, tr("文本分类\n→ 体育 / 科技 / 财经", "classification\n→ sports / tech / finance")),
    "clu": (5.2, 0.7, tr("文本聚类\n→ 自动分成若干组", "clustering\n→ groups found by itself")),
    "sum": (5.2, -0.7, tr("自动摘要\n→ 几句话概括全文", "summarisation\n→ a few sentences")),
    "ir": (5.2, -2.1, tr("信息检索（ES、Solr）\n→ 按相关度排序的文档", "retrieval (ES, Solr)\n→ best matches first")),
}
edges = [("docs", k, "") for k in ("cls", "clu", "sum", "ir")]
diagram(ax, nodes, edges, box_width=4.0, box_height=1.0, fontsize=9.5,
        colors={"docs": "#F4F6F7", "cls": "#DCEBF7", "clu": "#D9EAD3", "sum": "#FCE5CD", "ir": "#F4CCCC"})
print(figure_html(fig, tr("同一批文本上的四类任务：分类、聚类、摘要和检索。",
                                                "Four tasks on the same texts: classification, clustering, summarisation and retrieval.")))
