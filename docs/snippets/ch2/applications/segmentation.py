import logging

import jieba
import jieba.analyse

from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

jieba.setLogLevel(logging.WARNING)
sentence = "深度学习是机器学习的一个分支，它利用多层神经网络从大量数据中自动学习特征，在语音识别、图像识别和机器翻译中效果显著。"
tokenizer = jieba.Tokenizer()  # a tokenizer of our own, with jieba's default dictionary
default = tokenizer.lcut(sentence)
for word in ("深度学习", "机器学习"):  # then two domain words added to its dictionary
    tokenizer.add_word(word)
domain = tokenizer.lcut(sentence)
tfidf = jieba.analyse.TFIDF()
tfidf.tokenizer = tokenizer
keywords = tfidf.extract_tags(sentence, topK=6, withWeight=True)  # TF-IDF keyword extraction

print(tr("默认词典：", "Default dictionary:"), " / ".join(default), "\n")
print(tr("加入领域词后：", "With two domain words added:"), " / ".join(domain), "\n")

fig, (seg, kw) = figure(1, 2, figsize=(12, 3.3), gridspec_kw={"width_ratios": [2.2, 1]})
y = 0.0
for row, (title, tokens) in enumerate(((tr("默认词典", "default dictionary"), default),
                                       (tr("加入“深度学习”“机器学习”后", "with “深度学习” and “机器学习” added"), domain))):
    seg.text(0, y + 0.55, title, fontsize=9.5, color="#34495E")
    x = 0.0
    for i, tok in enumerate(tokens):
        width = 0.9 * len(tok) + 0.3
        if x + width > 28:  # wrap to the next line
            x, y = 0.0, y - 1.0
        color = "#F4F6F7" if not tok.strip("，、。") else ("#DCEBF7" if i % 2 else "#FCE5CD")
        seg.text(x + width / 2, y, tok, ha="center", va="center", fontsize=10,
                 bbox={"boxstyle": "round,pad=0.25", "facecolor": color, "edgecolor": "#7F8C8D", "linewidth": 0.6})
        x += width + 0.25
    y -= 1.6
seg.set_xlim(-0.3, 28.5)
seg.set_ylim(y + 0.9, 1.0)
seg.axis("off")
seg.set_title(tr("分词", "Word segmentation"))
words, weights = zip(*keywords)
kw.barh(words[::-1], weights[::-1], color="C2")
kw.set_xlabel(tr("TF-IDF 权重", "TF-IDF weight"))
kw.set_title(tr("关键词提取", "Keyword extraction"))
print(figure_html(fig, tr("用 jieba 对一句中文分词，并按 TF-IDF 提取关键词。",
                                                  "Segmenting a Chinese sentence into words with jieba, and extracting keywords by TF-IDF.")))
