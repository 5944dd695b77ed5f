from mlnotes.datasets import make_viewing_histories
from mlnotes.sequence import NGramModel
from mlnotes.viz import tr

histories = make_viewing_histories(300, random_state=0)   # what 300 users watched, in order
print(tr("一位用户的观看记录：", "One user's history: "), " → ".join(histories[0]))
print()
model = NGramModel(n=2).fit(histories)                      # P(next film | the film just watched)

print(tr("| 刚看完 | 最可能接着看 | 概率 | 第二可能 | 概率 |",
         "| just watched | most likely next | probability | runner-up | probability |"))
print("|---|---|---:|---|---:|")
for film in ["Fast & Furious 1", "Fast & Furious 2", "Harry Potter 1", "Toy Story 2"]:
    p = model.predict_proba([film])
    first, second = p.argsort()[::-1][:2]
    name = [tr("（结束）", "(stops)") if c == "</s>" else c for c in model.classes_]
    print(f"| {film} | {name[first]} | {p[first]:.2f} | {name[second]} | {p[second]:.2f} |")
