import ast
import inspect

from mlnotes.nn import conv2d_naive

source = inspect.getsource(conv2d_naive).splitlines()
func = ast.parse("\n".join(source)).body[0]
header = source[:func.body[0].lineno - 1]     # the signature
body = source[func.body[1].lineno - 1:]       # everything after the docstring
print("```python")
print("\n".join(header))
print('    """The notes\' loop convolution, corrected (docstring left out here)."""')
print("\n".join(body))
print("```")
