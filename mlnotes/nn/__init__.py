"""Neural networks in numpy: neurons, activations, layers, convolution, losses, optimizers, MLPs.

The building blocks follow one protocol ([`Layer`][mlnotes.nn.Layer]): ``forward(x)``,
``backward(grad_y)``, ``params``/``grads``. Networks are [`Sequential`][mlnotes.nn.Sequential]
stacks (an MLP from [`make_mlp`][mlnotes.nn.make_mlp]) trained with [`train`][mlnotes.nn.train], the one
training loop;
[`MLPClassifier`][mlnotes.nn.MLPClassifier]/[`MLPRegressor`][mlnotes.nn.MLPRegressor] wrap them in the
scikit-learn estimator API.

References
----------
Goodfellow, Bengio & Courville, *Deep Learning*, MIT Press, 2016, chapters 6 and 8.
"""

from .activations import (
    log_softmax,
    neuron,
    relu,
    relu_grad,
    sigmoid,
    sigmoid_grad,
    softmax,
    step,
    tanh,
    tanh_grad,
)
from .base import Layer
from .conv import (
    KERNELS,
    avg_pool2d,
    col2im,
    conv2d,
    conv2d_naive,
    conv_output_size,
    conv_padding,
    gaussian_kernel,
    im2col,
    max_pool2d,
    pad2d,
)
from .conv_layers import AvgPool2D, Conv2D, GlobalAvgPool2D, GlobalMaxPool2D, MaxPool2D
from .gradcheck import GradCheckResult, gradient_check
from .layers import Dense, Flatten, Identity, ReLU, Sigmoid, Tanh
from .losses import BCELoss, BCEWithLogitsLoss, Loss, MSELoss, SoftmaxCrossEntropyLoss
from .mlp import MLPClassifier, MLPRegressor
from .model import Sequential, collapse_linear, make_mlp
from .optim import SGD, Adam, Momentum, Optimizer
from .perceptron import Perceptron
from .training import train

__all__ = [
    "Layer",
    # activations
    "sigmoid",
    "tanh",
    "relu",
    "step",
    "softmax",
    "log_softmax",
    "sigmoid_grad",
    "tanh_grad",
    "relu_grad",
    "neuron",
    # convolution and pooling (functions)
    "conv_output_size",
    "conv_padding",
    "pad2d",
    "conv2d_naive",
    "conv2d",
    "im2col",
    "col2im",
    "max_pool2d",
    "avg_pool2d",
    "gaussian_kernel",
    "KERNELS",
    # layers
    "Dense",
    "Sigmoid",
    "Tanh",
    "ReLU",
    "Identity",
    "Flatten",
    "Conv2D",
    "MaxPool2D",
    "AvgPool2D",
    "GlobalMaxPool2D",
    "GlobalAvgPool2D",
    "Sequential",
    "make_mlp",
    # losses
    "Loss",
    "MSELoss",
    "BCELoss",
    "BCEWithLogitsLoss",
    "SoftmaxCrossEntropyLoss",
    # optimizers
    "Optimizer",
    "SGD",
    "Momentum",
    "Adam",
    # training and helpers
    "train",
    "collapse_linear",
    "gradient_check",
    "GradCheckResult",
    # estimators
    "Perceptron",
    "MLPClassifier",
    "MLPRegressor",
]
