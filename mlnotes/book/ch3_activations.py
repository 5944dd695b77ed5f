r"""The network without activation functions of the page "3.3 激活函数分类与必要性 / Activation functions and why they are needed".

Used on the page `ch3/activations` by the block that merges its layers into one affine map
(`collapse`) and the block that draws it before and after (`collapse_figure`): one network,
kept here so that the figure shows the weights the first block printed.

Without activations a 2-3-1 network computes

$$z_4 = (\mathbf{x} W_1 + \mathbf{b}_1) W_2 + b_2 = \mathbf{x} W_1 W_2 + (\mathbf{b}_1 W_2 + b_2),$$

an affine function of $\mathbf{x}$ ([`collapse_linear`][mlnotes.nn.collapse_linear] computes the merged
$W$ and $b$).

References
----------
Goodfellow, Bengio & Courville, *Deep Learning*, MIT Press, 2016, §6.1 (why a linear model
of a linear model is still linear).
"""

from __future__ import annotations

from ..nn import Dense, Sequential

__all__ = ["no_activation_network"]


def no_activation_network() -> Sequential:
    r"""The page's 2-3-1 network with no activation function: ``Sequential([Dense(2, 3), Dense(3, 1)])``.

    The weights are drawn with seeds 0 and 1 (Xavier initialisation); the biases are set to
    non-zero values, $\mathbf{b}_1 = (0.5, -0.2, 0.1)$ and $b_2 = 0.3$, so that the merged map
    has a bias too.

    Returns
    -------
    Sequential
        A new network on every call.

    Examples
    --------
    >>> net = no_activation_network()
    >>> net.layer_sizes, net.n_params
    ([2, 3, 1], 13)
    >>> net.layers[0].params["b"].tolist(), net.layers[1].params["b"].tolist()
    ([0.5, -0.2, 0.1], [0.3])
    """
    net = Sequential([Dense(2, 3, random_state=0), Dense(3, 1, random_state=1)])
    net.layers[0].params["b"][:] = [0.5, -0.2, 0.1]
    net.layers[1].params["b"][:] = [0.3]
    return net
