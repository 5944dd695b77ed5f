from pathlib import Path

import yaml

import mlnotes
from mlnotes.book.i18n import current_language, tr

docs = Path(mlnotes.__file__).resolve().parent.parent / "docs"
# On the glossary pages the YAML is included into the block (GLOSSARY_YML); run alone, read the file.
text = globals().get("GLOSSARY_YML") or (docs / "glossary.yml").read_text(encoding="utf-8")
entries = yaml.safe_load(text)
lang = current_language()
other = "en" if lang == "zh" else "zh"


def section(page):
    """The page's number and title, from its H1 ('# 1.1 机器学习概述')."""
    return (docs / lang / page).read_text(encoding="utf-8").splitlines()[0].lstrip("# ").strip()


print(tr("| 术语 | 英文 | 定义 | 定义所在 |", "| term | Chinese | definition | defined in |"))
print("|---|---|---|---|")
for e in entries:
    # The output of an executed block is not passed through MkDocs' link rewriting, so the link is written
    # as the built URL: the glossary page is served at <lang>/glossary/, the page at <lang>/chN/<page>/.
    url = "../" + e["page"].removesuffix(".md") + "/"
    link = f"[{section(e['page'])}]({url}#{e['anchor']})"
    print(f"| **{e[lang]}** | {e[other]} | {e[f'definition_{lang}']} | {link} |")
print()
print(tr(f"共 {len(entries)} 个术语。", f"{len(entries)} terms."))
