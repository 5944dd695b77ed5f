from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from mlnotes.datasets import make_moons
from mlnotes.model_selection import train_test_split
from mlnotes.svm import SVC
from mlnotes.book.i18n import tr

X, y = make_moons(200, noise=0.3, random_state=0)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, stratify=y, random_state=0)

# scikit-learn's scaler, then the SVC of mlnotes: one pipeline, tuned by scikit-learn's grid search
pipeline = make_pipeline(StandardScaler(), SVC(kernel="rbf"))
search = GridSearchCV(pipeline, {"svc__C": [0.1, 1.0, 10.0], "svc__gamma": [0.1, 1.0, 10.0]}, cv=5)
search.fit(X_train, y_train)

print(tr("| C | γ | 5 折交叉验证准确率 |", "| C | γ | 5-fold cross-validated accuracy |"))
print("|---:|---:|---:|")
for params, score in zip(search.cv_results_["params"], search.cv_results_["mean_test_score"]):
    best = " ←" if params == search.best_params_ else ""
    print(f"| {params['svc__C']:g} | {params['svc__gamma']:g} | {score:.3f}{best} |")
print()
print(tr(f"最好的组合是 C = {search.best_params_['svc__C']:g}、γ = {search.best_params_['svc__gamma']:g}；"
         f"GridSearchCV 用它在整个训练集上重新训练，测试集准确率为 {search.score(X_test, y_test):.3f}。",
         f"The best pair is C = {search.best_params_['svc__C']:g}, γ = {search.best_params_['svc__gamma']:g}; "
         f"GridSearchCV refits it on the whole training set, and its test accuracy is "
         f"{search.score(X_test, y_test):.3f}."))
