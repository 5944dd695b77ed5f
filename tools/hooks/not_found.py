"""MkDocs hook: the 404 page works at any depth and under any base path.

A static host serves ``404.html`` at whatever URL was missing, so links relative to the page's
own place would point anywhere, and MkDocs writes them root-absolute (``/zh/...``, from
``site_url``), which breaks under a sub-path. Here every ``/<lang>/`` link of the 404 page
becomes relative, and a first script in ``<head>`` writes a ``<base>`` that points at the
language's folder as seen in the address bar (the path up to its last ``/<lang>/``; ``/<lang>/``
when the address has none). The page at the site's root is ``ROOT_404`` in ``tools/site.py``.
"""

from __future__ import annotations


from mkdocs.config.defaults import MkDocsConfig

BASE_SCRIPT = ('<script>(function(){{var p=location.pathname,i=p.lastIndexOf("/{lang}/");'
               'document.write(\'<base href="\'+(i<0?"/{lang}/":p.slice(0,i+{n}))+\'">\')}})()</script>')



def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output
    lang = str(config.theme.get("language", "en"))
    prefix = f"/{lang}/"
    output = output.replace(f'="{prefix}/../', '="../')  # the language switcher, the hreflang alternates
    output = output.replace(f'="{prefix}."', '="./"').replace(f'="{prefix}', '="')
    output = output.replace(f'new URL("{prefix}/..",location)', 'new URL("..",document.baseURI)')
    script = BASE_SCRIPT.format(lang=lang, n=len(prefix))
    return output.replace("<head>", "<head>\n" + script, 1)
