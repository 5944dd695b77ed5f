"""A language's site kept in memory, so that ``make serve`` re-renders one page instead of the whole site.

`LanguageSite.full_build` does what ``mkdocs build`` does (the same steps and plugin events, in the
order of ``mkdocs.commands.build.build`` in MkDocs 1.6) but keeps the configuration, the files,
the navigation and the template environment. `LanguageSite.rebuild_pages` then re-reads and
re-renders only the given pages: their Markdown (code blocks through the execution cache, so an
edited snippet is the only block that runs), the ``on_env`` event again (autorefs resolves
cross-references on the new content) and their HTML. Navigation titles, the search index and the
sitemap are those of the last full build until the next one (a change to the package, the tools
or the configuration triggers a full build). MkDocs is pinned below 2 (pyproject.toml), whose
build module this follows.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

from mkdocs.commands import build as mkbuild
from mkdocs.config import load_config
from mkdocs.structure.files import InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page
from markdown_exec import markdown_config
from mkdocs import utils

log = logging.getLogger("mkdocs.incremental")


class LanguageSite:
    """One language's MkDocs build, kept between rebuilds."""

    def __init__(self, config_file: Path, site_dir: Path, *, serve_url: str | None = None) -> None:
        self.config_file = Path(config_file)
        self.site_dir = Path(site_dir)
        self.serve_url = serve_url
        self.config = None
        self.files = None
        self.nav = None
        self.env = None

    def full_build(self) -> float:
        """Build every page (like ``mkdocs build``); return the seconds it took."""
        start = time.perf_counter()
        config = load_config(str(self.config_file), site_dir=str(self.site_dir), strict=False)
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        utils.clean_directory(config.site_dir)
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)
        inclusion = InclusionLevel.is_in_serve if self.serve_url else InclusionLevel.is_included
        for file in files.documentation_pages(inclusion=inclusion):
            if file.page is None:
                Page(None, file, config)
            mkbuild._populate_page(file.page, config, files)
        env = config.plugins.on_env(env, config=config, files=files)
        files.copy_static_files(inclusion=inclusion)
        for template in config.theme.static_templates:
            mkbuild._build_theme_template(template, env, files, config, nav)
        for template in config.extra_templates:
            mkbuild._build_extra_template(template, files, config, nav)
        doc_files = files.documentation_pages(inclusion=inclusion)
        for file in doc_files:
            mkbuild._build_page(file.page, config, doc_files, nav, env, excluded=file.inclusion.is_excluded())
        config.plugins.on_post_build(config=config)
        self.config, self.files, self.nav, self.env = config, files, nav, env
        return time.perf_counter() - start

    def pages_including(self, snippet: str) -> list[str]:
        """Source paths of the pages whose Markdown includes ``snippet`` (a path below docs/snippets)."""
        if self.files is None:
            return []
        marker = f'"{snippet}"'
        return [f.src_uri for f in self.files.documentation_pages()
                if f.abs_src_path and marker in Path(f.abs_src_path).read_text(encoding="utf-8")]

    def rebuild_pages(self, src_uris: list[str]) -> float:
        """Re-render the given pages only (a full build must have run); return the seconds it took."""
        if self.config is None:
            return self.full_build()
        start = time.perf_counter()
        config, files, nav = self.config, self.files, self.nav
        # No on_pre_build/on_post_build here: they reset or write whole-site state (the search
        # index, markdown-exec's saved Markdown configuration, mkdocstrings' handlers).
        markdown_config.save(config.markdown_extensions, config.mdx_configs)
        exec_cache = sys.modules["exec_cache"]  # loaded by tools/hooks/execute.py
        stats = exec_cache.STATS
        stats.__init__()
        try:
            pages = []
            for src in src_uris:
                file = files.get_file_from_path(src)
                if file is None or file.page is None:  # a new or deleted page: the nav changes
                    return self.full_build()
                mkbuild._populate_page(file.page, config, files)
                pages.append(file.page)
            self.env = config.plugins.on_env(self.env, config=config, files=files)
            doc_files = files.documentation_pages()
            for page in pages:
                mkbuild._build_page(page, config, doc_files, nav, self.env)
        finally:
            markdown_config.reset()
            exec_cache.reap(wait=True)
        log.info(f"{stats.summary(config.theme['language'])} (pages {', '.join(src_uris)})")
        return time.perf_counter() - start
