"""What the benchmark boards (site_gen.py, realdata_site.py) share: how a
listing page links its neighbours and how a page is written.

Real boards link a listing page to its neighbours and to a few jumps, so
every page stays a few links from page 1 (under plainsight's max_depth cap)
and a crawler meets the link shapes it meets on the web.
"""


def page_window(page, pages, jumps):
    """The page numbers listing page `page` of `pages` links to, in order:
    the first and last, page-5..page+5, and page+d for each d in `jumps`,
    all within 1..pages."""
    near = set(range(page - 5, page + 6)) | {page + d for d in jumps}
    return sorted({1, pages} | {p for p in near if 1 <= p <= pages})


def write_page(path, text):
    """Writes `text` to `path` as UTF-8; returns its size in bytes."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return len(text.encode("utf-8"))


def rel_links(page, pages, href, end=""):
    """<link rel="prev"> and <link rel="next"> for the head of listing page
    `page` of `pages`, those that exist, each followed by `end`; href(n) is
    page n's address."""
    links = ""
    if page > 1:
        links += f"<link rel=\"prev\" href=\"{href(page - 1)}\">{end}"
    if page < pages:
        links += f"<link rel=\"next\" href=\"{href(page + 1)}\">{end}"
    return links
