import numpy as np

from mlnotes.datasets import make_moons
from mlnotes.model_selection import train_test_split
from mlnotes.book.i18n import tr

# ① data collection: 300 labelled samples with two features
X, y = make_moons(300, noise=0.3, random_state=0)
print(tr("| x₁ | x₂ | 类别 y |", "| x₁ | x₂ | class y |"))
print("|---:|---:|---:|")
for (a, b), label in zip(X[:5], y[:5]):
    print(f"| {a:.2f} | {b:.2f} | {label} |")
print("| … | … | … |\n")

# ② preprocessing: hold out a test set first, then standardise with the TRAINING statistics only
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
mean, std = X_train.mean(axis=0), X_train.std(axis=0)
Z_train, Z_test = (X_train - mean) / std, (X_test - mean) / std
print(tr(f"训练集 {len(y_train)} 个样本（各类 {np.bincount(y_train).tolist()}），测试集 {len(y_test)} 个样本"
         f"（各类 {np.bincount(y_test).tolist()}）。标准化后训练集各特征的均值为 {(Z_train.mean(axis=0).round(2) + 0.0).tolist()}，"
         f"标准差为 {Z_train.std(axis=0).round(2).tolist()}。",
         f"Training set: {len(y_train)} samples (per class {np.bincount(y_train).tolist()}); test set: {len(y_test)} "
         f"samples (per class {np.bincount(y_test).tolist()}). After standardising, the training features have means "
         f"{(Z_train.mean(axis=0).round(2) + 0.0).tolist()} and standard deviations {Z_train.std(axis=0).round(2).tolist()}."))
