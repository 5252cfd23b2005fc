#!/usr/bin/env python3
"""Pay extraction on real adverts against a hand-labelled sample.

Reads real adverts (a CSV with ad_id, title and desc columns, such as
../shared/realdata/locanto_ie_2022.csv) and a labels file kept OUTSIDE the
repository (real advert text must not be committed), runs
`plainsight extract --format json` on each labelled advert (its title and
description as a page) and prints the share of labelled pay mentions read
right: amount (the lower bound), amount_max, per and currency. Mentions
labelled "not pay" (bonuses, referral fees, turnover) are counted apart: a
pay item read from one is a false reading.

Labels: one mention per line, tab-separated, '#' starts a comment:

    ad_id  anchor  amount  amount_max  per  currency  up_to

`anchor` is text the extracted `match` must contain (the mention's first
amount as written, e.g. "£10.10" or "€30-40k"); `amount_max` is "-" for a
single amount; `up_to` is 1 for "up to £X". For a mention that is not pay,
write `ad_id  anchor  none`.

Usage:
    bench/pay_bench.py --csv ../shared/realdata/locanto_ie_2022.csv \\
        --labels /tmp/pay_labels.tsv [--plainsight build/plainsight] [--verbose]

Exits 0 with a message, measuring nothing, when the CSV or the labels are
absent (CI clones the project alone).
"""
import argparse
import csv
import html
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

TARGET = 0.95


def parse_args():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--csv", default=os.path.join(root, "..", "shared", "realdata", "locanto_ie_2022.csv"))
    p.add_argument("--labels", required=True)
    p.add_argument("--plainsight", default=os.path.join(root, "build", "plainsight"))
    p.add_argument("--config", default=os.path.join(root, "config", "plainsight.toml"))
    p.add_argument("--verbose", action="store_true", help="print every misread mention")
    return p.parse_args()


def read_labels(path):
    labels = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) < 3 or (fields[2] != "none" and len(fields) < 7):
                sys.exit(f"{path}:{number}: expected 3 (none) or 7 tab-separated fields")
            label = {"ad_id": fields[0], "anchor": fields[1], "pay": fields[2] != "none"}
            if label["pay"]:
                label.update(amount=float(fields[2]),
                             amount_max=None if fields[3] == "-" else float(fields[3]),
                             per=fields[4], currency=fields[5], up_to=fields[6] == "1")
            labels.append(label)
    return labels


def read_adverts(path, wanted):
    adverts = {}
    csv.field_size_limit(1 << 24)
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["ad_id"] in wanted:
                adverts[row["ad_id"]] = row
    return adverts


def extract_pay(args, advert):
    """The pay items `plainsight extract` reads from the advert as a page."""
    page = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>" +
            html.escape(advert["title"]) + "</title></head><body><p>" +
            html.escape(advert["desc"]) + "</p></body></html>")
    with tempfile.NamedTemporaryFile("w", suffix=".html", encoding="utf-8", delete=False) as f:
        f.write(page)
        name = f.name
    try:
        out = subprocess.run([args.plainsight, "--config", args.config, "-q", "extract", name,
                              "--kind", "jobs", "--format", "json"],
                             capture_output=True, text=True, check=True)
        return json.loads(out.stdout)["pay"]
    finally:
        os.unlink(name)


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 0.005 * max(1.0, abs(b))


def judge(label, pay):
    """(right, found item or None) for one labelled mention."""
    found = next((p for p in pay if label["anchor"] in p["match"]), None)
    if not label["pay"]:
        return found is None, found
    right = (found is not None and close(found["amount"], label["amount"]) and
             close(found.get("amount_max"), label["amount_max"]) and
             found["per"] == label["per"] and found.get("currency") == label["currency"])
    return right, found


def main():
    args = parse_args()
    for path, what in ((args.csv, "real adverts"), (args.labels, "labels")):
        if not os.path.exists(path):
            print(f"pay_bench: skipped: no {what} at {path}")
            return 0
    if not os.access(args.plainsight, os.X_OK):
        sys.exit(f"pay_bench: {args.plainsight} is not built")
    labels = read_labels(args.labels)
    adverts = read_adverts(args.csv, {l["ad_id"] for l in labels})
    missing = sorted({l["ad_id"] for l in labels} - adverts.keys())
    if missing:
        sys.exit(f"pay_bench: labelled adverts not in the CSV: {', '.join(missing[:5])}")
    with ThreadPoolExecutor(max_workers=2) as pool:
        ids = sorted(adverts)
        pays = dict(zip(ids, pool.map(lambda i: extract_pay(args, adverts[i]), ids)))

    pay_right = pay_total = none_right = none_total = up_to_right = 0
    for label in labels:
        right, found = judge(label, pays[label["ad_id"]])
        if label["pay"]:
            pay_total += 1
            pay_right += right
            up_to_ok = found is not None and bool(found.get("up_to", False)) == label["up_to"]
            up_to_right += up_to_ok
            if right and not up_to_ok and args.verbose:
                print(f'  up_to wrong {label["ad_id"]} {label["anchor"]!r}: want {label["up_to"]}')
        else:
            none_total += 1
            none_right += right
        if not right and args.verbose:
            want = ("not pay" if not label["pay"] else
                    f'{label["amount"]:g}-{label["amount_max"] or "":} {label["currency"]}/{label["per"]}')
            got = ("nothing" if found is None else
                   f'{found["amount"]:g}-{found.get("amount_max") or ""} '
                   f'{found.get("currency")}/{found["per"]} from "{found["match"]}"')
            print(f'  misread {label["ad_id"]} {label["anchor"]!r}: want {want}, got {got}')

    share = pay_right / pay_total if pay_total else 0.0
    print(f"pay_bench: {len(adverts)} adverts, {pay_total} labelled pay mentions, "
          f"{none_total} labelled not-pay mentions")
    print(f"read right (amount = lower bound, amount_max, per, currency): "
          f"{pay_right}/{pay_total} = {share:.3f} (target >= {TARGET:.2f}: "
          f"{'met' if share >= TARGET else 'MISSED'})")
    print(f"up_to marked right: {up_to_right}/{pay_total}")
    print(f"not pay left alone: {none_right}/{none_total}")
    print(f"pay.read_right={share:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
