#!/usr/bin/env python3
"""Turns the real-advert CSV into static job boards and serves them.

Used by realdata_bench.sh; Python 3 standard library only.

Usage:
  realdata_site.py build CSV OUT_DIR [--per-page N]
  realdata_site.py serve OUT_DIR --ports-file FILE

`build` reads the CSV described in ../shared/realdata/README.md (columns
ad_id, title, desc, city, country, date, sector, locanto_category,
source_file) and writes one board per `locanto_category` into
OUT_DIR/<site>/ (realdata-ht, realdata-cs, realdata-l, ...; realdata-other
for rows without a category), plus OUT_DIR/sites.tsv ("site<TAB>category
<TAB>adverts<TAB>listing pages"), which it also prints. Each board:
  /                        front page linking /jobs?page=1
  /jobs?page=N             N adverts a page (default 50), newest first as in
                           the CSV; numbered links to pages N-5..N+5, N+-10,
                           N+-50, first and last, plus <a rel="next">/"prev",
                           so every page is a few links from page 1
  /ad/<ad_id>.html         <h1> title, <span class="location"> city,
                           <time class="posted"> date (YYYY-MM-DD when it
                           parses), <div class="body"> the description
                           HTML-escaped with newlines as <br>
  /about.html, /help.html, /terms.html, /post.html, /robots.txt
Every page has a header (logo, navigation, search form) and a footer
(links, copyright) like a real board. The chrome carries no phone number or
e-mail address, so every contact plainsight finds comes from an advert.
Only files under OUT_DIR are written; the CSV is only read.

`serve` serves every board in OUT_DIR from one process, each on its own free
port on 127.0.0.1, writes "site<TAB>port" lines to FILE once all are
listening (written to FILE.tmp, then renamed), and runs until SIGTERM or
SIGINT.
"""
import argparse
import csv
import datetime
import html
import os
import re
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from board_pages import page_window, rel_links, write_page

# locanto_category -> site suffix (the codes of the CSV's source files).
CATEGORY_CODES = {
    "call centre & customer support": "cs",
    "hospitality & tourism": "ht",
    "labour": "l",
    "other jobs": "oj",
    "part time": "pt",
    "services": "s",
}
SAFE_ID = re.compile(r"^[0-9A-Za-z_-]{1,64}$")
DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y", "%d-%m-%Y",
                "%d.%m.%Y", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y")
STATIC_PAGES = {
    "about": ("About", "A board for job adverts. Listings are written and posted by advertisers."),
    "help": ("Help", "Browse the latest jobs or search by keyword and town."),
    "terms": ("Terms of use", "Adverts must describe a real job. We remove adverts that break these terms."),
    "post": ("Post an advert", "Sign in to post an advert."),
}


def site_name(category):
    key = category.strip().lower()
    if not key:
        return "realdata-other"
    code = CATEGORY_CODES.get(key)
    if code is None:
        code = re.sub(r"[^a-z0-9]+", "-", key).strip("-") or "other"
    return "realdata-" + code


# The dataset was collected in March-April 2022 (its README); 5,230 of its
# rows have no date. Without one plainsight compares pay with the minimum
# wage on the day it crawls, so 2022 pay would be judged by 2026 rates and
# every ordinary employer would look underpaying. Undated rows are shown as
# posted on the last day of the window's first rate year (the rate then,
# GBP 8.91, is the lower of the two that applied, so fewer adverts are
# flagged, never more). --no-window-date turns this off.
COLLECTION_WINDOW_DATE = "2022-03-31"
USE_WINDOW_DATE = True


def posted_date(raw):
    """(datetime attribute or None, text to show) for the CSV's date cell."""
    raw = raw.strip()
    if not raw or raw.lower() in ("null", "none", "nan"):
        if USE_WINDOW_DATE:
            return COLLECTION_WINDOW_DATE, COLLECTION_WINDOW_DATE
        return None, ""
    for fmt in DATE_FORMATS:
        try:
            day = datetime.datetime.strptime(raw, fmt).date().isoformat()
            return day, day
        except ValueError:
            pass
    return None, raw


def esc(text):
    return html.escape(text, quote=True)


def body_html(text):
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "<br>\n".join(esc(line) for line in text.split("\n"))


def head(board, title, extra=""):
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{esc(title)} | {esc(board)}</title>\n{extra}"
            "<style>body{font-family:sans-serif;margin:0}header,footer{background:#234;color:#fff;"
            "padding:8px 16px}header a,footer a{color:#fff}main{padding:16px}</style>\n"
            "</head><body>\n"
            f"<header class=\"site-header\"><a class=\"logo\" href=\"/\">{esc(board)}</a>\n"
            "<nav><a href=\"/\">Home</a> <a href=\"/jobs?page=1\">Jobs</a> "
            "<a href=\"/post.html\">Post an advert</a> <a href=\"/help.html\">Help</a></nav>\n"
            "<form class=\"search\" action=\"/search\" method=\"get\"><input name=\"q\" "
            "placeholder=\"Job title or keyword\"> <button>Search</button></form></header>\n")


def foot(board):
    return ("<footer class=\"site-footer\"><p><a href=\"/about.html\">About</a> "
            "<a href=\"/terms.html\">Terms</a> <a href=\"/help.html\">Help</a> "
            "<a href=\"/post.html\">Post an advert</a></p>\n"
            f"<p>&copy; 2022 {esc(board)}. Adverts are posted by their advertisers.</p>"
            "</footer>\n</body></html>\n")


def advert_page(board, category, row):
    title = row["title"].strip() or "(untitled)"
    city = row["city"].strip()
    if city.lower() in ("null", "none", "nan"):
        city = ""
    day, shown = posted_date(row["date"])
    meta = []
    if city:
        meta.append(f"<span class=\"location\">{esc(city)}</span>")
    if shown:
        attr = f" datetime=\"{day}\"" if day else ""
        meta.append(f"posted <time class=\"posted\"{attr}>{esc(shown)}</time>")
    return "".join([
        head(board, title),
        "<main><p class=\"crumbs\"><a href=\"/\">Home</a> &rsaquo; <a href=\"/jobs?page=1\">Jobs</a>"
        f" &rsaquo; {esc(category or 'Jobs')}</p>\n<article class=\"advert\">\n",
        f"<h1>{esc(title)}</h1>\n",
        f"<p class=\"meta\">{' &middot; '.join(meta)}</p>\n" if meta else "",
        f"<div class=\"body\">{body_html(row['desc'])}</div>\n",
        # No "Ad ID 5458..." line: a 10-digit number outside the advert's
        # own text could only add contacts the advertiser never wrote.
        "<p class=\"report\"><a href=\"/help.html\">Report this advert</a></p>\n</article></main>\n",
        foot(board),
    ])


def listing_page(board, page, pages, rows):
    links = rel_links(page, pages, lambda n: f"/jobs?page={n}", end="\n")
    out = [head(board, f"Jobs, page {page}", links),
           f"<main><h1>Latest jobs</h1><p>Page {page} of {pages}</p>\n<ol class=\"results\">\n"]
    for row in rows:
        ad_id = row["ad_id"].strip()
        city = row["city"].strip()
        city = "" if city.lower() in ("null", "none", "nan") else city
        out.append(f"<li><a href=\"/ad/{ad_id}.html\">{esc(row['title'].strip() or '(untitled)')}</a>"
                   + (f" <span class=\"town\">{esc(city)}</span>" if city else "") + "</li>\n")
    out.append("</ol>\n<nav class=\"pages\">")
    if page > 1:
        out.append(f"<a rel=\"prev\" href=\"/jobs?page={page - 1}\">&laquo; Previous</a> ")
    for p in page_window(page, pages, (-50, -10, 10, 50)):
        out.append(f"<a href=\"/jobs?page={p}\">{p}</a> " if p != page else f"<strong>{p}</strong> ")
    if page < pages:
        out.append(f"<a rel=\"next\" href=\"/jobs?page={page + 1}\">Next &raquo;</a>")
    out.append("</nav></main>\n")
    out.append(foot(board))
    return "".join(out)


def build(args):
    if args.per_page < 1:
        sys.exit("realdata_site: --per-page must be at least 1")
    boards = {}  # site -> (category, rows)
    skipped = 0
    seen = set()
    with open(args.csv, newline="", encoding="utf-8", errors="replace") as f:
        reader = csv.DictReader(f)
        missing = {"ad_id", "title", "desc", "city", "date", "locanto_category"} - set(reader.fieldnames or [])
        if missing:
            sys.exit(f"realdata_site: {args.csv}: missing columns {', '.join(sorted(missing))}")
        for row in reader:
            ad_id = (row["ad_id"] or "").strip()
            if not SAFE_ID.match(ad_id) or ad_id in seen:
                skipped += 1
                continue
            seen.add(ad_id)
            row = {k: (v or "") for k, v in row.items() if k is not None}
            row["ad_id"] = ad_id
            category = row["locanto_category"].strip()
            boards.setdefault(site_name(category), (category, []))[1].append(row)
    os.makedirs(args.out_dir, exist_ok=True)
    lines = []
    for site in sorted(boards):
        category, rows = boards[site]
        board = f"{site} jobs board"
        root = os.path.join(args.out_dir, site)
        os.makedirs(os.path.join(root, "ad"), exist_ok=True)
        os.makedirs(os.path.join(root, "jobs"), exist_ok=True)
        pages = (len(rows) + args.per_page - 1) // args.per_page
        for page in range(1, pages + 1):
            chunk = rows[(page - 1) * args.per_page:page * args.per_page]
            write_page(os.path.join(root, "jobs", f"{page}.html"), listing_page(board, page, pages, chunk))
            for row in chunk:
                write_page(os.path.join(root, "ad", row["ad_id"] + ".html"), advert_page(board, category, row))
        write_page(os.path.join(root, "index.html"),
                   head(board, "Jobs") + "<main><h1>Jobs</h1><p><a href=\"/jobs?page=1\">Latest jobs</a>"
                   f" ({len(rows)} adverts)</p></main>\n" + foot(board))
        for name, (title, text) in STATIC_PAGES.items():
            write_page(os.path.join(root, name + ".html"),
                       head(board, title) + f"<main><h1>{esc(title)}</h1><p>{esc(text)}</p></main>\n" + foot(board))
        write_page(os.path.join(root, "robots.txt"), "User-agent: *\nDisallow: /search\n")
        lines.append(f"{site}\t{category or '(none)'}\t{len(rows)}\t{pages}")
    write_page(os.path.join(args.out_dir, "sites.tsv"), "".join(line + "\n" for line in lines))
    for line in lines:
        print(line)
    if skipped:
        print(f"realdata_site: skipped {skipped} rows with an unusable or repeated ad_id", file=sys.stderr)


class BoardHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "realdata-board/1.0"
    root = ""  # set per server class

    def log_message(self, fmt, *args):  # quiet: the crawl makes thousands of requests
        pass

    def resolve(self):
        parts = urlsplit(self.path)
        path = parts.path
        if path in ("/", "/index.html"):
            return os.path.join(self.root, "index.html")
        if path == "/robots.txt":
            return os.path.join(self.root, "robots.txt")
        if path == "/jobs":
            pages = parse_qs(parts.query).get("page", ["1"])
            if len(pages) == 1 and pages[0].isdigit():
                return os.path.join(self.root, "jobs", str(int(pages[0])) + ".html")
            return None
        m = re.fullmatch(r"/ad/([0-9A-Za-z_-]{1,64})\.html", path)
        if m:
            return os.path.join(self.root, "ad", m.group(1) + ".html")
        m = re.fullmatch(r"/([a-z]+)\.html", path)
        if m and m.group(1) in STATIC_PAGES:
            return os.path.join(self.root, m.group(1) + ".html")
        return None

    def reply(self, send_body):
        file = self.resolve()
        data = None
        if file is not None:
            try:
                with open(file, "rb") as f:
                    data = f.read()
            except OSError:
                data = None
        status = 200
        ctype = "text/plain; charset=utf-8" if file and file.endswith(".txt") else "text/html; charset=utf-8"
        if data is None:
            status, ctype = 404, "text/html; charset=utf-8"
            data = b"<!DOCTYPE html><html><body><h1>Not found</h1></body></html>\n"
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if send_body:
            self.wfile.write(data)

    def do_GET(self):
        self.reply(True)

    def do_HEAD(self):
        self.reply(False)


def serve(args):
    sites = []
    with open(os.path.join(args.out_dir, "sites.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                sites.append(line.split("\t")[0])
    servers = []
    for site in sites:
        handler = type("Handler_" + site.replace("-", "_"), (BoardHandler,),
                       {"root": os.path.abspath(os.path.join(args.out_dir, site))})
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        servers.append((site, server))
    threads = [threading.Thread(target=s.serve_forever, daemon=True) for _, s in servers]
    for t in threads:
        t.start()
    tmp = args.ports_file + ".tmp"
    write_page(tmp, "".join(f"{site}\t{server.server_address[1]}\n" for site, server in servers))
    os.replace(tmp, args.ports_file)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    while not stop.wait(1.0):
        pass
    for _, server in servers:
        server.shutdown()
        server.server_close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="write the boards")
    b.add_argument("csv")
    b.add_argument("out_dir")
    b.add_argument("--per-page", type=int, default=50)
    b.add_argument("--no-window-date", action="store_true",
                   help="leave undated rows undated (see COLLECTION_WINDOW_DATE)")
    s = sub.add_parser("serve", help="serve the boards on free ports")
    s.add_argument("out_dir")
    s.add_argument("--ports-file", required=True)
    args = parser.parse_args()
    if args.command == "build":
        global USE_WINDOW_DATE
        USE_WINDOW_DATE = not args.no_window_date
        build(args)
    else:
        serve(args)


if __name__ == "__main__":
    main()
