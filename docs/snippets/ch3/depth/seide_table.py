from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

# Word error rates (%) on the Switchboard benchmark (Hub5'00-SWB), from Seide, Li & Yu (2011),
# "Conversational Speech Transcription Using Context-Dependent Deep Neural Networks", Interspeech.
# "L×N": L hidden layers of N neurons each.
deep = [("1×2k", 24.2), ("2×2k", 20.4), ("3×2k", 18.4), ("4×2k", 17.8), ("5×2k", 17.2), ("7×2k", 17.1)]
wide = [("1×3772", 22.5), ("1×4634", 22.6), ("1×16k", 22.1)]
same_size = {"5×2k": "1×3772", "7×2k": "1×4634"}  # pairs with about the same number of parameters

print(tr("| 层数 × 神经元数 | 词错误率 (%) | 参数量相近的单隐藏层网络 | 词错误率 (%) |",
         "| layers × neurons | word error rate (%) | one hidden layer, about as many parameters | word error rate (%) |"))
print("|---|---:|---|---:|")
wer_wide = dict(wide)
for name, wer in deep:
    partner = same_size.get(name)
    print(f"| {name} | {wer} | {partner or ''} | {wer_wide[partner] if partner else ''} |")
print(f"| | | 1×16k | {wer_wide['1×16k']} |")
print()

fig, ax = figure(figsize=(6.4, 3.4))
ax.plot(range(len(deep)), [w for _, w in deep], "o-", label=tr("加深：每层 2k 个神经元", "deeper: 2k neurons per layer"))
ax.plot([0, 1.5, 3, 5], [deep[0][1]] + [w for _, w in wide], "s--",
        label=tr("加宽：只有 1 个隐藏层", "wider: a single hidden layer"))
for i, (name, w) in enumerate(deep):
    ax.annotate(name, (i, w), textcoords="offset points", xytext=(0, -14), ha="center", fontsize=8)
for x, (name, w) in zip([1.5, 3, 5], wide):
    ax.annotate(name, (x, w), textcoords="offset points", xytext=(0, 6), ha="center", fontsize=8)
ax.set_xticks([])
ax.set_xlabel(tr("网络越来越大 →", "larger and larger networks →"))
ax.set_ylabel(tr("词错误率 (%)", "word error rate (%)"))
ax.set_ylim(15.5, 25.5)
ax.legend()
print(figure_html(fig, tr(
    "Seide 等人（2011）的语音识别实验：加深网络让错误率一路下降，只加宽唯一的那个隐藏层几乎没有帮助。",
    "The speech-recognition experiment of Seide et al. (2011): adding layers keeps lowering the error rate, "
    "widening the single hidden layer barely helps.")))
