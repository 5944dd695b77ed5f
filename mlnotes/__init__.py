"""mlnotes: the tested numpy package behind the bilingual machine-learning notes.

Each topic lives in its own module (``mlnotes.linear_model``, ``mlnotes.nn``, ...)
and follows scikit-learn's estimator API. Import the module you need::

    from mlnotes.linear_model import LinearRegression
"""

__version__ = "0.1.0"
