import numpy as np

from mlnotes.nn import conv2d, conv2d_naive


def numpy_conv(inputs, _filter):
    """The notes' single-channel loop, corrected: stride 1, no padding ("VALID")."""
    H, W = inputs.shape
    filter_size = _filter.shape[0]
    result = np.zeros((H - filter_size + 1, W - filter_size + 1))  # the output size, not the input size
    for r in range(H - filter_size + 1):
        for c in range(W - filter_size + 1):                     # W, not the undefined w
            cur_input = inputs[r: r + filter_size, c: c + filter_size]
            cur_output = cur_input * _filter
            conv_sum = np.sum(cur_output)
            result[r, c] = conv_sum
    return result


x = np.arange(25.0).reshape(5, 5)
k = np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0], [1.0, 0.0, 1.0]])
print(numpy_conv(x, k))
print("numpy_conv == conv2d_naive:", np.allclose(numpy_conv(x, k), conv2d_naive(x, k)))
print("numpy_conv == conv2d:      ", np.allclose(numpy_conv(x, k), conv2d(x, k)))
