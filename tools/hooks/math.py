"""MkDocs hook: LaTeX becomes MathML at build time, so math renders with no script and no network.

``pymdownx.arithmatex`` (``generic: true``) leaves ``\\(...\\)`` in ``<span class="arithmatex">``
and ``\\[...\\]`` in ``<div class="arithmatex">``, on the pages and in the docstrings that
mkdocstrings renders (``$...$`` and ``$$...$$``); `latex2mathml` converts both, and `tidy`
mends what it emits that renders badly:

* a prime ``σ'`` becomes ``<mi>σ</mi><mo>′</mo>`` (the prime glyph is already a superscript;
  raised again it floats like an accent, σ́);
* a minus sign with nothing to subtract from (after ``(``, ``,``, ``=``, at the start) is a sign,
  not an operator: ``−2`` becomes one number (no operator spacing in "(1, −2, −1)"), ``−x`` a
  prefix operator;
* ``\\setminus`` is U+2216 SET MINUS as a binary operator, not U+29F5, which few fonts have.

The site ships a math font (STIX Math, ``docs/overrides/assets/fonts``), so none of this depends
on the fonts of the reader's machine.
"""

from __future__ import annotations

import html
import re

from latex2mathml.converter import convert as latex_to_mathml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

_INLINE = re.compile(r'<span class="arithmatex">\\\((.+?)\\\)</span>', re.S)
_BLOCK = re.compile(r'<div class="arithmatex">\\\[(.+?)\\\]</div>', re.S)


_MINUS = "&#x02212;"
_PRIME = re.compile(r"<msup>(<mi[^>]*>[^<]*</mi>|<mrow>(?:(?!</?mrow>).)*</mrow>)<mi>(&#x0203[2-4];)</mi></msup>", re.S)
_OPERAND_END = re.compile(r"(?:</mi>|</mn>|</msub>|</msup>|</msubsup>|</mfrac>|</msqrt>|</mroot>|</mover>"
                          r"|</munder>|</mtext>|<mo[^>]*>(?:&#x00029;|&#x0005D;|&#x0007D;|&#x0007C;|&#x02016;"
                          r"|&#x02032;|&#x02033;|&#x00021;)</mo>|</mrow>)$")


def tidy(mathml: str) -> str:
    """Primes, signs of negative numbers and set minus as a math font draws them (see module docstring)."""
    mathml = _PRIME.sub(r'\1<mo lspace="0" rspace="0">\2</mo>', mathml)
    mathml = mathml.replace("<mi>&#x029F5;</mi>", "<mo>&#x02216;</mo>")
    mathml = mathml.replace("<mo>&#x0002F;</mo>", '<mo lspace="0" rspace="0">&#x0002F;</mo>')  # ∂L/∂z
    pieces = mathml.split(f"<mo>{_MINUS}</mo>")
    out = [pieces[0]]
    for piece in pieces[1:]:
        if _OPERAND_END.search(out[-1]):  # something before it: a binary minus
            out.append(f"<mo>{_MINUS}</mo>" + piece)
        elif piece.startswith("<mn>"):
            out.append(f"<mn>{_MINUS}" + piece[len("<mn>"):])
        else:
            out.append(f'<mo form="prefix">{_MINUS}</mo>' + piece)
        out = ["".join(out)]
    return out[0]


def mathml(latex: str, display: str, where: str = "") -> str:
    """MathML for the (HTML-escaped) ``latex``; a clear error naming ``where`` if it cannot be converted."""
    source = html.unescape(latex).strip()
    try:
        return tidy(latex_to_mathml(source, display=display))
    except Exception as exc:  # latex2mathml raises many exception types
        raise PluginError(f"{where}: cannot convert LaTeX {source!r} to MathML: {exc}") from exc


WIDE = 24  # characters: an inline formula longer than this may not fit a phone's line


def _inline(latex: str, where: str) -> str:
    math = mathml(latex, "inline", where)
    text = html.unescape(re.sub(r"<[^>]+>", "", math))
    return f'<span class="math-wide">{math}</span>' if len(text) > WIDE else math


def convert(content: str, where: str = "") -> str:
    content = _BLOCK.sub(lambda m: f'<div class="math-block">{mathml(m.group(1), "block", where)}</div>', content)
    return _INLINE.sub(lambda m: _inline(m.group(1), where), content)


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return convert(content, page.file.src_uri)
