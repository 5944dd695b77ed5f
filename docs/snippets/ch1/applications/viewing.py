from mlnotes.book.data import make_viewing_histories
from mlnotes.sequence import NGramModel
from mlnotes.book.i18n import tr

ZH = {"Fast & Furious": "速度与激情", "Harry Potter": "哈利·波特", "Toy Story": "玩具总动员", "The Godfather": "教父",
      "Titanic": "泰坦尼克号", "Inception": "盗梦空间", "Up": "飞屋环游记", "Coco": "寻梦环游记",
      "Amelie": "天使爱美丽", "Parasite": "寄生虫"}


def title(film):
    """The film's title in the page language ("Harry Potter 2" -> "哈利·波特 2")."""
    if film == "</s>":
        return tr("（结束）", "(stops)")
    base, _, part = film.rpartition(" ") if film[-1].isdigit() else (film, "", "")
    return tr(f"{ZH[base]} {part}".strip(), film)


histories = make_viewing_histories(300, random_state=0)   # what 300 users watched, in order
print(tr("一位用户的观看记录：", "One user's history:"), " → ".join(map(title, histories[0])))
print()
model = NGramModel(n=2).fit(histories)                      # P(next film | the film just watched)

print(tr("| 刚看完 | 最可能接着看 | 概率 | 第二可能 | 概率 |",
         "| just watched | most likely next | probability | runner-up | probability |"))
print("|---|---|---:|---|---:|")
for film in ["Fast & Furious 1", "Fast & Furious 2", "Harry Potter 1", "Toy Story 2"]:
    p = model.predict_proba([film])
    first, second = p.argsort()[::-1][:2]
    name = [title(c) for c in model.classes_]
    print(f"| {title(film)} | {name[first]} | {p[first]:.2f} | {name[second]} | {p[second]:.2f} |")
