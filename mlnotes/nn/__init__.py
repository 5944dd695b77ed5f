"""Neural networks in numpy: neurons, activations, layers, losses, optimizers, MLPs.

References
----------
Goodfellow, Bengio & Courville, *Deep Learning*, MIT Press, 2016, chapters 6 and 8.
"""

from .base import Layer

__all__ = ["Layer"]
