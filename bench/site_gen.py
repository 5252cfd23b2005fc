#!/usr/bin/env python3
"""Writes a static advert board for crawl_bench.sh to serve.

Usage: site_gen.py OUT_DIR [--adverts N] [--per-page N] [--seed N]

Layout (every link resolves to a file, so neither crawler wastes time on
404s the other does not see):
  /index.html                links to /listings/1.html
  /listings/P.html           20 adverts, pagination to P-5..P+5, P+-10, 50,
                             100, first, last and rel=next/prev
  /ad/ID.html                one advert, about 15 KB: nav and footer chrome,
                             inline style and script, JSON-LD on some, and
                             "similar adverts" linking adverts of the same
                             listing page
  /about.html, /help.html, /static/site.css, /static/app.js

Deterministic from --seed. Phones only from Ofcom's drama range 07700
900000-900999 (and 020 7946 0xxx for the site's own footer), emails only at
example.org. Wording is bland: jobs adverts and "companionship" adverts.
Prints "pages=N bytes=N" (HTML pages only) on stdout.
"""
import argparse
import os
import random

from board_pages import page_window, rel_links, write_page

TOWNS = ["Northampton", "Kettering", "Corby", "Wellingborough", "Daventry", "Boston",
         "Spalding", "Peterborough", "Leicester", "Luton", "Bedford", "Milton Keynes"]
POSTCODES = ["NN1 1AA", "NN15 6XY", "NN17 2AB", "NN8 4DE", "PE21 8QR", "PE11 1AB", "LE1 6ZZ"]
JOB_TITLES = ["Warehouse operative", "Packhouse worker", "Fruit picker", "Car wash attendant",
              "Kitchen porter", "Cleaner", "Factory line worker", "Labourer"]
ADULT_TITLES = ["Relaxing massage", "Friendly companion", "Relaxing evenings",
                "Companionship and conversation", "Evening companionship"]
FILLER = [
    "We are a busy and growing team looking for reliable people.",
    "Please read the full description before you get in touch.",
    "Our customers come back because we take care over every detail.",
    "The role suits someone who enjoys working as part of a friendly team.",
    "Appointments are available through the week and at weekends.",
    "The premises are clean, warm and easy to reach by bus.",
    "Shifts are agreed a week in advance and rotas are shared on Sunday.",
    "Full safety training is given on the first morning.",
]
JOB_SIGNS = ["Accommodation provided on site.", "Transport provided from Boston town centre.",
             "Work 7 days a week in peak season.", "Paid in cash every Friday.",
             "No English needed, start tomorrow.", "Registration fee £150 before you start."]
ADULT_SIGNS = ["New in town, relaxing massage.", "Limited time only, leaving soon.",
               "Available 24/7.", "Call the manager to book.", "100% real photos."]
PAY = ["£8.50 per hour", "£10.42 an hour", "£450 per week", "£11.44 per hour", "£6 per hour"]


def phone(rng):
    n = rng.randrange(1000)
    return rng.choice([f"07700 900{n:03d}", f"07700900{n:03d}", f"+44 7700 900{n:03d}"])


def head(title, extra=""):
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{title}</title><link rel=\"stylesheet\" href=\"/static/site.css\">\n"
            f"{extra}</head><body>\n"
            "<header><a href=\"/index.html\">Board</a><nav><a href=\"/listings/1.html\">Latest</a> "
            "<a href=\"/about.html\">About</a> <a href=\"/help.html\">Help</a></nav></header>\n")


def footer(rng):
    return ("<footer><p>Site support: 020 7946 0%03d or support@example.org.</p>"
            "<p><a href=\"/about.html\">About</a> <a href=\"/help.html\">Help</a></p>"
            "</footer><script src=\"/static/app.js\" defer></script></body></html>\n"
            % (100 + rng.randrange(800)))


def style_block(rng, rules):
    lines = [".c%d .item-%d { margin: %dpx; padding: 4px 8px; color: #%d; }"
             % (i, rng.randrange(100), rng.randrange(20), 100 + rng.randrange(800))
             for i in range(rules)]
    return "<style>\n" + "\n".join(lines) + "\n</style>\n"


def script_block(rng, slots):
    parts = ",".join("{id:'slot-%d',size:[300,250]}" % i for i in range(slots))
    return ("<script>(function(w){w.__cfg={slots:[%s]};"
            "function t(e){var i=new Image();i.src='/t.gif?e='+e;}})(window);</script>\n" % parts)


def advert_page(rng, ad_id, jobs, siblings, photos=False):
    title = rng.choice(JOB_TITLES if jobs else ADULT_TITLES)
    town = rng.choice(TOWNS)
    extra = style_block(rng, 120 + rng.randrange(40)) + script_block(rng, 60 + rng.randrange(30))
    if rng.random() < 0.4:
        extra += ("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                  "\"@type\":\"%s\",\"%s\":\"%s\",\"description\":\"Work in %s\"}</script>\n"
                  % ("JobPosting" if jobs else "Service", "title" if jobs else "name", title, town))
    out = [head(f"{title} in {town} | Board", extra)]
    out.append(f"<main><article><h1 class=\"ad-title\">{title}</h1>"
               f"<p><span class=\"location\">{town}</span> posted <time>2026-01-{10 + rng.randrange(18)}</time></p>"
               "<div class=\"description\">\n")
    if photos:
        # One photo of its own per advert (bench/photo_gen writes them).
        out.append(f"<img class=\"photo\" src=\"/img/{ad_id}.jpg\" alt=\"photo\" width=\"640\" height=\"480\">\n")
    for _ in range(3 + rng.randrange(4)):
        text = " ".join(rng.choice(FILLER) for _ in range(3 + rng.randrange(3)))
        if rng.random() < 0.6:
            text += " " + rng.choice(JOB_SIGNS if jobs else ADULT_SIGNS)
        out.append(f"<p>{text}</p>\n")
    if jobs:
        out.append(f"<p>Pay: {rng.choice(PAY)}, 10 hour shifts.</p>\n")
    out.append(f"<p>Call or text {phone(rng)}. Email work{rng.randrange(500)}@example.org.</p>\n")
    if rng.random() < 0.5:
        out.append(f"<p>Address: {rng.randrange(1, 90)} Market Street, {town} {rng.choice(POSTCODES)}</p>\n")
    out.append("</div></article><aside><h2>Similar adverts</h2><ul>\n")
    for sibling in siblings:
        if sibling == ad_id:
            continue
        out.append(f"<li><a href=\"/ad/{sibling}.html\">{rng.choice(JOB_TITLES if jobs else ADULT_TITLES)}</a>"
                   f" <span>{rng.choice(TOWNS)}</span> <p>{rng.choice(FILLER)}</p></li>\n")
    out.append("</ul></aside></main>\n")
    out.append(footer(rng))
    return "".join(out)


def listing_page(rng, page, pages, ad_ids):
    links = rel_links(page, pages, lambda n: f"/listings/{n}.html")
    out = [head(f"Latest adverts, page {page} | Board", links + style_block(rng, 40))]
    out.append("<main><h1>Latest adverts</h1><ol class=\"results\">\n")
    for ad_id in ad_ids:
        out.append(f"<li><a href=\"/ad/{ad_id}.html\">{rng.choice(JOB_TITLES + ADULT_TITLES)}</a>"
                   f" <span>{rng.choice(TOWNS)}</span><p>{rng.choice(FILLER)}</p></li>\n")
    out.append("</ol><nav class=\"pages\">")
    # Neighbours and jumps (+-10, 50, 100) as boards show them: every page
    # stays within ~25 links of page 1, under plainsight's max_depth cap.
    window = page_window(page, pages, (-100, -50, -10, 10, 50, 100))
    out.extend(f"<a href=\"/listings/{p}.html\">{p}</a> " for p in window)
    out.append("</nav></main>\n")
    out.append(footer(rng))
    return "".join(out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir")
    parser.add_argument("--adverts", type=int, default=20000)
    parser.add_argument("--per-page", type=int, default=20)
    parser.add_argument("--seed", type=int, default=20260115)
    parser.add_argument("--photos", action="store_true",
                        help="each advert shows /img/<id>.jpg (written by bench/photo_gen)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for sub in ("listings", "ad", "static"):
        os.makedirs(os.path.join(args.out_dir, sub), exist_ok=True)
    pages = (args.adverts + args.per_page - 1) // args.per_page
    count = 0
    total = 0
    for page in range(1, pages + 1):
        first = 100000 + (page - 1) * args.per_page
        ad_ids = list(range(first, min(first + args.per_page, 100000 + args.adverts)))
        total += write_page(os.path.join(args.out_dir, "listings", f"{page}.html"),
                            listing_page(rng, page, pages, ad_ids))
        count += 1
        for ad_id in ad_ids:
            jobs = ad_id % 2 == 0
            total += write_page(os.path.join(args.out_dir, "ad", f"{ad_id}.html"),
                                advert_page(rng, ad_id, jobs, ad_ids, args.photos))
            count += 1
    for name, title in (("index", "Board"), ("about", "About"), ("help", "Help")):
        total += write_page(os.path.join(args.out_dir, f"{name}.html"),
                            head(title) + "<main><p><a href=\"/listings/1.html\">Latest adverts</a></p></main>"
                            + footer(rng))
        count += 1
    write_page(os.path.join(args.out_dir, "static", "site.css"), "body { font-family: sans-serif; }\n")
    write_page(os.path.join(args.out_dir, "static", "app.js"), "window.app = {};\n")
    print(f"pages={count} bytes={total}")


if __name__ == "__main__":
    main()
