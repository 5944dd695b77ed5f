import numpy as np

from mlnotes.nn import Dense, Sequential, Sigmoid
from mlnotes.book.i18n import tr

# the same 2-3-1 network, now with a sigmoid after the hidden layer
net = Sequential([Dense(2, 3, random_state=0), Sigmoid(), Dense(3, 1, random_state=1)])
X = np.random.default_rng(0).normal(size=(1000, 2))
out = net.forward(X)

# the best affine map x -> x W + b in the least-squares sense
A = np.column_stack([X, np.ones(len(X))])
coef, *_ = np.linalg.lstsq(A, out, rcond=None)
err = np.abs(A @ coef - out).max()
span = out.max() - out.min()
print(tr(f"max |network(x) - 最优仿射映射| = {err:.3f}", f"max |network(x) - best affine map| = {err:.3f}"))
print(tr(f"（网络输出的范围 {out.min():.3f} .. {out.max():.3f}，误差约为这个范围的 {err / span:.0%}）",
         f"(outputs range over {out.min():.3f} .. {out.max():.3f}; the error is about {err / span:.0%} of that range)"))
