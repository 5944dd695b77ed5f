from mlnotes.datasets import make_line

X, y = make_line(10, slope=2.0, intercept=1.0, noise=0.3, random_state=0)
print("| x | y |\n|---:|---:|")
for xi, yi in zip(X.ravel(), y):
    print(f"| {xi:.2f} | {yi:.2f} |")
