import re
import warnings

import numpy as np
import pytest

from mlnotes.book import i18n, plots, render


def _line_figure(label):
    fig, ax = render.figure()
    ax.plot([0, 1, 2], [0, 1, 4], label=label)
    ax.set_title(label)
    ax.legend()
    return fig


def test_svg_is_deterministic_and_dateless():
    a = render.to_svg(_line_figure("训练数据 training data"), alt="x")
    b = render.to_svg(_line_figure("训练数据 training data"), alt="x")
    assert a == b
    assert a.startswith("<svg") and "<?xml" not in a and "Date" not in a and "<metadata>" not in a
    assert 'aria-label="x"' in a and "<title>x</title>" in a


def test_chinese_labels_render_without_missing_glyphs():
    assert render.cjk_font() is not None, "a CJK font must be installed (make test installs one)"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font(s)" is a UserWarning
        svg = render.to_svg(_line_figure("机器学习 特征变量"))
    # text is drawn as paths: one glyph definition of the CJK font per distinct Chinese character
    prefix = render.cjk_font().replace(" ", "")
    glyphs = set(re.findall(rf'<path id="({prefix}-[0-9a-f]+)"', svg))
    assert len(glyphs) == len(set("机器学习特征变量"))


def test_figures_are_closed_after_rendering():
    import matplotlib.pyplot as plt
    before = len(plt.get_fignums())
    render.to_svg(_line_figure("a"))
    assert len(plt.get_fignums()) == before


def test_tr_follows_language():
    with i18n.language("zh"):
        assert i18n.tr("特征", "feature") == "特征"
    with i18n.language("en"):
        assert i18n.tr("特征", "feature") == "feature"
    with pytest.raises(ValueError, match="lang must be one of"):
        i18n.set_language("fr")


def test_figure_html_escapes_caption_and_requires_one():
    html = render.figure_html(_line_figure("a"), "a < b")
    assert "<figcaption>a &lt; b</figcaption>" in html
    with pytest.raises(ValueError, match="non-empty caption"):
        render.figure_html(_line_figure("a"), "  ")
    with pytest.raises(TypeError, match="matplotlib Figure"):
        render.figure_html("not a figure", "caption")


def test_figure_ids_follow_where_the_figure_is_made(tmp_path):
    # A snippet file: the id is its path below snippets/, numbered from the second figure on,
    # and the numbering restarts with every execution of the code.
    snippet = tmp_path / "docs" / "snippets" / "ch9" / "two_plots.py"
    snippet.parent.mkdir(parents=True)
    code = ("from mlnotes.book.render import figure, figure_html\n"
            "ids = []\n"
            "for k in range(3):\n"
            "    fig, ax = figure()\n"
            "    ids.append(figure_html(fig, 'c').split('id=\"')[1].split('\"')[0])\n")
    snippet.write_text(code)
    for _ in range(2):
        namespace = {}
        exec(compile(code, str(snippet), "exec"), namespace)
        assert namespace["ids"] == ["fig-ch9-two-plots", "fig-ch9-two-plots-2", "fig-ch9-two-plots-3"]
    # Any other file: its name.
    namespace = {}
    exec(compile(code, "/somewhere/My Notebook.py", "exec"), namespace)
    assert namespace["ids"][0] == "fig-my-notebook"


def test_diagram_rejects_unknown_nodes():
    fig, ax = render.figure()
    with pytest.raises(ValueError, match="unknown node 'c'"):
        plots.diagram(ax, {"a": (0, 0, "A"), "b": (2, 0, "B")}, [("a", "c", "")])
    render.to_svg(fig)


def test_decision_boundary_shape_check():
    class Const:
        def predict(self, X):
            return np.zeros(len(X), dtype=int)

    fig, ax = render.figure()
    plots.plot_decision_boundary(ax, Const(), np.zeros((3, 2)), np.zeros(3, dtype=int))
    with pytest.raises(ValueError, match=r"needs X of shape \(n_samples, 2\), got \(3, 3\)"):
        plots.plot_decision_boundary(ax, Const(), np.zeros((3, 3)), np.zeros(3))
    render.to_svg(fig)


def test_importing_viz_leaves_the_users_backend_alone():
    import subprocess
    import sys

    code = ("import matplotlib; matplotlib.use('svg'); import mlnotes.book.render; "
            "print(matplotlib.get_backend())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "svg"
