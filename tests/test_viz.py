import re
import warnings

import numpy as np
import pytest

from mlnotes import viz


def _line_figure(label):
    fig, ax = viz.figure()
    ax.plot([0, 1, 2], [0, 1, 4], label=label)
    ax.set_title(label)
    ax.legend()
    return fig


def test_svg_is_deterministic_and_dateless():
    a = viz.to_svg(_line_figure("训练数据 training data"), alt="x")
    b = viz.to_svg(_line_figure("训练数据 training data"), alt="x")
    assert a == b
    assert a.startswith("<svg") and "<?xml" not in a and "Date" not in a and "<metadata>" not in a
    assert 'aria-label="x"' in a and "<title>x</title>" in a


def test_chinese_labels_render_without_missing_glyphs():
    assert viz.cjk_font() is not None, "a CJK font must be installed (make test installs one)"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font(s)" is a UserWarning
        svg = viz.to_svg(_line_figure("机器学习 特征变量"))
    # text is drawn as paths: glyph definitions for the CJK characters are embedded
    assert re.search(r'<path id="[^"]*-(?:673a|5b66)"', svg.lower()) or svg.count("<path") > 20


def test_figures_are_closed_after_rendering():
    import matplotlib.pyplot as plt
    before = len(plt.get_fignums())
    viz.to_svg(_line_figure("a"))
    assert len(plt.get_fignums()) == before


def test_tr_follows_language():
    with viz.language("zh"):
        assert viz.tr("特征", "feature") == "特征"
    with viz.language("en"):
        assert viz.tr("特征", "feature") == "feature"
    with pytest.raises(ValueError, match="lang must be one of"):
        viz.set_language("fr")


def test_figure_html_validates_id_and_escapes_caption():
    html = viz.figure_html(_line_figure("a"), "fig-1-1-demo", "a < b")
    assert html.startswith('<figure class="mlnotes-figure" id="fig-1-1-demo">')
    assert "<figcaption>a &lt; b</figcaption>" in html
    with pytest.raises(ValueError, match="fig_id must look like"):
        viz.figure_html(_line_figure("a"), "Figure 1")


def test_diagram_rejects_unknown_nodes():
    fig, ax = viz.figure()
    with pytest.raises(ValueError, match="unknown node 'c'"):
        viz.diagram(ax, {"a": (0, 0, "A"), "b": (2, 0, "B")}, [("a", "c", "")])
    viz.to_svg(fig)


def test_decision_boundary_shape_check():
    class Const:
        def predict(self, X):
            return np.zeros(len(X), dtype=int)

    fig, ax = viz.figure()
    viz.plot_decision_boundary(ax, Const(), np.zeros((3, 2)), np.zeros(3, dtype=int))
    with pytest.raises(ValueError, match=r"needs X of shape \(n_samples, 2\), got \(3, 3\)"):
        viz.plot_decision_boundary(ax, Const(), np.zeros((3, 3)), np.zeros(3))
    viz.to_svg(fig)
