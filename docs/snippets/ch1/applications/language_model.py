
from mlnotes.sequence import NGramModel
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

# training text: a few sentences about machine learning (in the page's language)
text = tr(
    "机器学习是一种让机器学习规律的方法。机器学习利用训练数据训练出模型，再用模型做预测。"
    "模型可以看成一个函数映射，输入是特征变量，输出是目标变量。监督学习的数据有标签，"
    "无监督学习的数据没有标签。分类问题预测类别，回归问题预测数值，聚类问题把相似的数据聚在一起。"
    "深度学习是机器学习的一个分支，它用神经网络学习数据中的规律。语言模型预测下一个字，"
    "语音识别把语音转成文字，机器翻译把一种语言翻译成另一种语言。",
    "machine learning gives a machine the ability to learn from data. a model is trained on data and then "
    "used to make predictions. a model maps the features to the target. supervised learning learns from "
    "labelled data, unsupervised learning from data without labels. classification predicts a class, "
    "regression predicts a number, and clustering puts similar data together. deep learning is a branch of "
    "machine learning that learns with neural networks. a language model predicts the next character, "
    "speech recognition turns speech into text, and machine translation turns one language into another.")
sentences = [s for s in text.replace("。", "。|").replace(". ", ".|").split("|") if s]
n = 3 if tr("zh", "en") == "zh" else 5          # context of 2 Chinese characters, or 4 letters
lm = NGramModel(n=n).fit(sentences)  # every sentence is a sequence of characters; counts, no smoothing

context = tr("学习", "learn")
p = lm.predict_proba(context)
top = [i for i in p.argsort()[::-1][:6] if p[i] > 0]
shown = [{"</s>": tr("（句末）", "(end)"), " ": tr("空格", "space")}.get(lm.classes_[i], f"'{lm.classes_[i]}'") for i in top]
fig, ax = figure(figsize=(6.4, 3.0))
ax.bar(shown, p[top], color="C0")
ax.set_ylabel(tr(f"P(下一个字 | “{context}”)", f'P(next character | "{context}")'))
ax.set_ylim(0, 1)
print(figure_html(fig, tr(
    f"{n}-gram 字符语言模型：在“{context}”之后，下一个字的概率（都是从训练文本中数出来的）。",
    f'A character {n}-gram language model: the probability of each next character after "{context}" '
    '(counted in the training text).')))

for seed in range(3):
    start = tr("机器", "machine ")
    out = start + "".join(lm.generate(60, context=start, random_state=seed))
    print(f"- `{out}`")
