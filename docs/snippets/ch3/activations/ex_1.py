import numpy as np

from mlnotes.nn import sigmoid, sigmoid_grad, tanh, tanh_grad
from mlnotes.book.i18n import tr

z = np.linspace(-6, 6, 1201)
identity_err = np.abs(tanh(z) - (2 * sigmoid(2 * z) - 1)).max()  # tanh(z) = 2σ(2z) − 1
grad_err = np.abs(tanh_grad(z) - 4 * sigmoid_grad(2 * z)).max()  # so tanh'(z) = 4σ'(2z)
ratio_at_0 = float(tanh_grad(0.0) / sigmoid_grad(0.0))
print(tr(f"在 [−6, 6] 上 max |tanh(z) − (2σ(2z) − 1)| = {identity_err:.1e}",
         f"on [−6, 6], max |tanh(z) − (2σ(2z) − 1)| = {identity_err:.1e}"))
print(tr(f"在 [−6, 6] 上 max |tanh'(z) − 4σ'(2z)| = {grad_err:.1e}",
         f"on [−6, 6], max |tanh'(z) − 4σ'(2z)| = {grad_err:.1e}"))
print(tr(f"在 z = 0 处 tanh'(0) / σ'(0) = {ratio_at_0:g}", f"at z = 0, tanh'(0) / σ'(0) = {ratio_at_0:g}"))
