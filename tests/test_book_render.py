import re
import warnings
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pytest

from mlnotes.book import i18n, plots, render

SNIPPETS = Path(__file__).resolve().parents[1] / "docs" / "snippets"


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


# --- diagram layout: no text outside its box, on another text, or under an arrow ---------------------------------
def diagram_collisions(fig) -> list[str]:
    """What a reader would see wrong in the ``diagram`` drawings of ``fig``, measured with the Agg renderer."""
    import itertools

    from matplotlib.path import Path
    from matplotlib.transforms import Bbox

    renderer = render._agg_renderer(fig)
    fig.draw_without_rendering()
    found = []
    for ax in fig.axes:
        drawn = getattr(ax, "mlnotes_diagram", None)
        if drawn is None:
            continue
        boxes = {name: p.get_window_extent(renderer) for name, p in drawn["boxes"].items()}
        texts = {f"label {name!r}": t.get_window_extent(renderer) for name, t in drawn["labels"].items()}
        texts.update({f"edge label {t.get_text()!r}": t.get_window_extent(renderer) for t in drawn["edge_labels"]})
        for name, t in drawn["labels"].items():
            if not Bbox.intersection(boxes[name], texts[f"label {name!r}"]) or \
                    Bbox.union([boxes[name], texts[f"label {name!r}"]]).bounds != boxes[name].bounds:
                found.append(f"label {name!r} spills out of its box")
        for (a, ba), (b, bb) in itertools.combinations(boxes.items(), 2):
            if ba.shrunk(0.98, 0.98).overlaps(bb):
                found.append(f"boxes {a!r} and {b!r} overlap")
        for (a, ba), (b, bb) in itertools.combinations(texts.items(), 2):
            if ba.overlaps(bb):
                found.append(f"{a} overlaps {b}")
        for what, bbox in texts.items():
            own = what[len("label "):].strip("'") if what.startswith("label ") else None
            for name, box in boxes.items():
                if name != own and bbox.overlaps(box):
                    found.append(f"{what} overlaps box {name!r}")
            for arrow in drawn["arrows"]:
                path = arrow.get_path().transformed(ax.transData)  # FancyArrowPatch.get_path: data coordinates
                keep = path.codes != Path.CLOSEPOLY  # its (0, 0) vertex is no point of the arrow
                path = Path(path.vertices[keep], path.codes[keep])
                if path.intersects_bbox(bbox.expanded(1.0, 1.0), filled=False):
                    found.append(f"{what} is crossed by an arrow")
    return found


def test_diagram_fits_its_boxes_to_the_text_and_keeps_labels_clear():
    fig, ax = render.figure(figsize=(10, 3))
    plots.diagram(ax, {"a": (0, 0, "a rather long label\non two lines"), "b": (4, 0, "b"), "c": (4, -2, "c")},
                  [("a", "b", "fit"), ("b", "c", "down"), ("c", "a", "back")], box_width=1.0, box_height=0.4)
    assert diagram_collisions(fig) == []
    box = ax.mlnotes_diagram["boxes"]["a"]
    assert box.get_width() > 1.0 and box.get_height() > 0.4  # grown to the text
    sizes = {t.get_fontsize() for t in ax.texts}
    assert min(sizes) >= render.readable_fontsize(fig)  # to_svg will not need to raise them (and break the fit)
    plt.close(fig)


DIAGRAM_SNIPPETS = sorted(
    str(p.relative_to(SNIPPETS)) for p in SNIPPETS.rglob("*.py") if "diagram(" in p.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("snippet", DIAGRAM_SNIPPETS)
def test_site_diagrams_have_no_text_outside_its_box_or_under_an_arrow(monkeypatch, capsys, lang, snippet):
    """Every diagram of the site, as the build draws it (labels raised to be readable): the layout holds."""
    import runpy

    monkeypatch.setenv("MLNOTES_LANG", lang)
    found = []

    def check(fig, *, alt=""):
        render._make_readable(fig)
        found.extend(diagram_collisions(fig))
        plt.close(fig)
        return "<svg></svg>"

    monkeypatch.setattr(render, "to_svg", check)
    runpy.run_path(str(SNIPPETS / snippet), run_name="__main__")
    capsys.readouterr()
    assert found == [], f"{lang} {snippet}: {found}"
