from mlnotes.linear_model import LogisticRegression
from mlnotes.model_selection import cross_val_score
from mlnotes.book.ch1_workflow import features, moons_split, standardise
from mlnotes.book.i18n import tr

X_train, X_test, y_train, y_test = moons_split()   # ① data and ② the split, as above
# ② standardise(X) = (X - mean) / std with the TRAINING mean and std;
# ③ feature engineering: features(X) = every product z1^i * z2^j of degree 1 to 3 of the standardised features

# ④ training, judged by 5-fold cross-validation on the training set (the test set stays untouched)
inputs = {tr("原始的 2 个特征", "the 2 raw features"): standardise(X_train),
          tr("3 次多项式特征", "degree-3 features"): features(X_train)}
print(tr("| 输入特征 | 特征数 | 各折准确率 | 平均 |", "| input features | count | accuracy per fold | mean |"))
print("|---|---:|---|---:|")
for name, F in inputs.items():
    scores = cross_val_score(LogisticRegression(), F, y_train, cv=5)
    print(f"| {name} | {F.shape[1]} | {', '.join(f'{s:.2f}' for s in scores)} | {scores.mean():.3f} |")
