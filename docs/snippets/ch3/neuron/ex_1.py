from mlnotes.nn import neuron
from mlnotes.book.ch3_neuron import neuron_example
from mlnotes.book.i18n import tr

x, w, _ = neuron_example()        # the inputs and weights of section 3.1.3; the bias changes below
outputs = {}
for b in (1.0, -3.0):
    for activation in ("sigmoid", "tanh"):
        outputs[b, activation] = float(neuron(x, w, b, activation=activation))
        print(tr(f"b = {b:g}，激活函数 {activation}：a = {outputs[b, activation]:.4f}",
                 f"b = {b:g}, activation {activation}: a = {outputs[b, activation]:.4f}"))
