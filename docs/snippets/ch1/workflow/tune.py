from mlnotes.linear_model import LogisticRegression
from mlnotes.model_selection import GridSearchCV
from mlnotes.book.ch1_workflow import features, moons_split
from mlnotes.book.i18n import tr

# ① data and ② preprocessing as above; ③ features(X): standardise with the training set's mean and
# standard deviation, then every product z1^i * z2^j with 1 <= i + j <= 3
X_train, X_test, y_train, y_test = moons_split()

# ⑥ tuning: try each value of C (smaller C = stronger regularisation) with 5-fold cross-validation
search = GridSearchCV(LogisticRegression(max_iter=200), {"C": [0.01, 0.1, 1, 10, 100]}, cv=5)
search.fit(features(X_train), y_train)
res = search.cv_results_
print(tr("| C | 交叉验证准确率（均值 ± 标准差） | 排名 |", "| C | CV accuracy (mean ± std) | rank |"))
print("|---:|---:|---:|")
for c, m, s, r in zip(res["param_C"], res["mean_test_score"], res["std_test_score"], res["rank_test_score"]):
    print(f"| {c} | {m:.3f} ± {s:.3f} | {r} |")
print()
print(tr(f"最优参数：C = {search.best_params_['C']}，GridSearchCV 已用它在整个训练集上重新训练了模型。",
         f"Best: C = {search.best_params_['C']}; GridSearchCV has refitted the model with it on the whole training set."))
