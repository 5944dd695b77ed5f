"""The page-to-notebook conversion on its own (no build): prose, links, admonitions, outputs, validity."""
from __future__ import annotations

import sys

import nbformat

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools" / "hooks"))
import notebook_export as nbx  # noqa: E402

SITE = "http://example.org/zh/"
PAGE = '''# 1.1 Title

See [`KMeans`][mlnotes.cluster.KMeans] and [the next page](../ch2/history.md#top).

```python exec="on" source="above" result="text"
--8<-- "ch1/a.py"
```

!!! note "更正"
    The notes say 3; it is 4.

## 1.1.2 Next

```python exec="on" source="tabbed-right"
--8<-- "ch1/b.py"
```
'''
FIGURE = ('| a | b |\n|---|---|\n| 1 | 2 |\n<figure class="mlnotes-figure" id="fig-x"><svg xmlns="http://www.w3.org/2000/svg">'
          '<path d="M0 0"/></svg><figcaption>f(4) = 8.9</figcaption></figure>\n')


def _notebook():
    parts = nbx.split_page(PAGE)
    blocks = [nbx.Block("print(4)\n", "4\n", {"result": "text"}, "docs/snippets/ch1/a.py"),
              nbx.Block("print(fig)\n", FIGURE, {}, "docs/snippets/ch1/b.py")]
    common = dict(title="1.1 Title", lang="zh", src_uri="ch1/overview.md", site_url=SITE, parts=parts, blocks=blocks,
                  wheel="mlnotes-0.1.0-py3-none-any.whl", wheel_url=SITE + "downloads/mlnotes-0.1.0-py3-none-any.whl")
    return nbx.notebook(**common), nbx.script(**common)


def test_prose_becomes_plain_markdown_with_absolute_links():
    text = nbx.prose_markdown(PAGE, src_uri="ch1/overview.md", site_url=SITE)
    assert "[`KMeans`](http://example.org/zh/api/cluster/#mlnotes.cluster.KMeans)" in text
    assert "(http://example.org/zh/ch2/history/#top)" in text
    assert "> **更正**\n>\n> The notes say 3; it is 4." in text


def test_notebook_is_valid_with_cells_in_page_order_and_outputs_by_kind():
    nb, script = _notebook()
    nbformat.validate(nbformat.from_dict(nb))
    kinds = [(c["cell_type"], "".join(c["source"])[:12]) for c in nb["cells"]]
    assert kinds[1] == ("code", "%pip install") and 'set_language("zh")' in "".join(nb["cells"][2]["source"])
    code = [c for c in nb["cells"] if "mlnotes" in c["metadata"]]
    assert ["".join(c["source"]) for c in code] == ["print(4)", "print(fig)"]
    assert code[0]["outputs"] == [{"output_type": "stream", "name": "stdout", "text": ["4\n"]}]
    data = [o["data"] for o in code[1]["outputs"]]
    assert "text/markdown" in data[0] and "| 1 | 2 |" in "".join(data[0]["text/markdown"])
    assert "".join(data[1]["image/svg+xml"]).startswith("<svg") and data[1]["text/plain"] == ["f(4) = 8.9"]
    headings = [c for c in nb["cells"] if c["cell_type"] == "markdown" and "".join(c["source"]).startswith("## 1.1.2")]
    assert len(headings) == 1
    assert nbx.dumps(nb) == nbx.dumps(_notebook()[0])  # deterministic
    assert "# %%\nprint(4)" in script and "# > **更正**" in script
    compile(script, "page.py", "exec")
