"""MkDocs hooks for the book's site (listed under `hooks:` in mkdocs.yml)."""
import re

HEAD_ALTERNATE = re.compile(r'^\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n', re.MULTILINE)


def on_post_page(output, page, config):
    # Material's script fetches sitemap.xml next to each <link rel="alternate" hreflang> in the head,
    # and the i18n plugin points those at pages, where there is no sitemap: a 404 in the console on
    # every page. The header's language switch keeps its per-page links, and /sitemap.xml lists each
    # page with its other-language alternate, so the head links are left out.
    return HEAD_ALTERNATE.sub("", output)


def on_post_template(output_content, template_name, config):
    # 404.html is rendered as a theme template, not as a page.
    return HEAD_ALTERNATE.sub("", output_content)
