from mlnotes.nn import Dense, Sequential, Sigmoid
from mlnotes.book.i18n import tr

layouts = {"4-5-5-3": [4, 5, 5, 3], "4-10-3": [4, 10, 3], "4-20-20-3": [4, 20, 20, 3]}  # the page used 4-5-5-3
counts = {}
for name, sizes in layouts.items():
    layers = []
    for k, (n_in, n_out) in enumerate(zip(sizes, sizes[1:])):
        layers += [Dense(n_in, n_out, random_state=k), Sigmoid()]
    counts[name] = Sequential(layers[:-1]).n_params          # no activation after the output layer
print(tr("| 各层神经元个数 | 可训练参数个数 |", "| neurons per layer | parameters |"))
print("|---|---:|")
for name, n in counts.items():
    print(f"| {name} | {n} |")
