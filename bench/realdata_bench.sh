#!/usr/bin/env bash
# realdata_bench.sh: what plainsight's leads look like on real adverts.
#
# Reads the real job classifieds in ../shared/realdata/locanto_ie_2022.csv
# (5,490 Locanto adverts from 2022, written by real advertisers, not by this
# team; see the README.md beside it), turns them into job boards with
# bench/realdata_site.py (one board per Locanto category: realdata-cs,
# realdata-ht, realdata-l, realdata-oj, realdata-pt, realdata-s and
# realdata-other; 50 adverts per listing page /jobs?page=N, one page per
# advert /ad/ID.html), serves every board on its own free port on 127.0.0.1
# (one Python process), writes a plainsight.toml for them (jobs and adult
# pattern packs and the gazetteer from this repository, politeness off,
# robots.txt ignored, no [leads] table so every correlation setting is the
# project's default), then runs
#   plainsight crawl
#   plainsight query --format json                  (every stored advert)
#   plainsight leads --format json --min-score 0    (every lead)
#   plainsight leads --format json                  (default min_score)
# and prints: adverts stored (overall and per board), what was extracted
# (adverts with a phone, e-mail, postcode, address, pay; adverts per
# indicator), leads in total and at or above min_score, those per 1,000
# adverts, the largest lead and the lead size distribution, and the top 10
# leads at or above min_score with every reason, their boards, contacts and
# up to 3 advert titles; then "key=value" figures for scripts.
#
# Reading the figures: the adverts are from spring 2022 and only 260 carry a
# date. realdata_site.py shows the others as posted on 2022-03-31 (the
# dataset's collection window; --no-window-date in realdata_site.py turns
# that off), so pay is judged by the minimum wage of its own time, not by
# today's (jobs.pay_below_minimum_wage). The printout counts the leads that
# reach min_score only through that term. Phone
# numbers are read in the numbering region of --region (default: none set,
# so the project's default, GB); many of these adverts give Irish numbers
# without +353.
#
# The data holds real people's phone numbers: phone numbers and e-mail
# local parts are masked in the printout (+3538•••••67, j•••@example.ie)
# unless --show-contacts is given, so the output can go into a note. Never
# paste rows of the CSV into the repository (README of the data).
#
# Touches nothing outside its temp dir; the CSV is only read. When the data
# is absent (CI clones the project alone) it prints "skipped: ... not found"
# and exits 0. Bounded: the crawl and each command run under `timeout`, and
# an EXIT trap stops the board server (by its own pid) and removes the temp
# dir; with --keep it removes only the generated boards and keeps the
# config and store, printing how to run `plainsight show` on them.
#
# Usage: bench/realdata_bench.sh [--plainsight PATH] [--data CSV|DIR]
#                                [--region CC] [--timeout SECONDS] [--top N]
#                                [--show-contacts] [--keep]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/bench_toml.sh
. "$root/bench/bench_toml.sh"
plainsight="$root/build/plainsight"
data="$root/../shared/realdata/locanto_ie_2022.csv"
crawl_timeout=1800
top=10
region=""
keep=0
show_contacts=0
usage="usage: $0 [--plainsight PATH] [--data CSV|DIR] [--region CC] [--timeout SECONDS] [--top N] [--show-contacts] [--keep]"
while (($#)); do
  case "$1" in
    --plainsight) plainsight=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --region) region=$2; shift 2 ;;
    --timeout) crawl_timeout=$2; shift 2 ;;
    --top) top=$2; shift 2 ;;
    --show-contacts) show_contacts=1; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) echo "$usage"; exit 0 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
if [ -n "$region" ] && ! [[ "$region" =~ ^[A-Za-z]{2}$ ]]; then
  echo "realdata_bench: --region takes a two-letter country code (GB, IE), got '$region'" >&2
  exit 2
fi
if [ -d "$data" ]; then data="$data/locanto_ie_2022.csv"; fi
if [ ! -r "$data" ]; then
  echo "realdata_bench: skipped: $data not found (the real-advert data is not part of the repository)"
  exit 0
fi
data=$(cd "$(dirname "$data")" && pwd)/$(basename "$data")
if [ ! -x "$plainsight" ]; then
  echo "realdata_bench: no plainsight binary at $plainsight (build it, or pass --plainsight PATH)" >&2
  exit 1
fi
plainsight=$(cd "$(dirname "$plainsight")" && pwd)/$(basename "$plainsight")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/plainsight-realdata-bench.XXXXXX")
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if ((keep)); then
    rm -rf "$tmp/www"
    echo "realdata_bench: kept the config and store in $tmp; for example:" >&2
    echo "  $plainsight show L-… --config $tmp/plainsight.toml" >&2
  else
    rm -rf "$tmp"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "realdata_bench: generating the boards from $data in $tmp/www" >&2
python3 "$root/bench/realdata_site.py" build "$data" "$tmp/www" --per-page 50 >"$tmp/sites.tsv"

python3 "$root/bench/realdata_site.py" serve "$tmp/www" --ports-file "$tmp/ports.tsv" \
  2>"$tmp/server.log" &
server_pid=$!
for _ in $(seq 100); do
  [ -s "$tmp/ports.tsv" ] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
if [ ! -s "$tmp/ports.tsv" ]; then
  echo "realdata_bench: the board server did not start; its log:" >&2
  cat "$tmp/server.log" >&2
  exit 1
fi
while IFS=$'\t' read -r site port; do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/jobs?page=1"
done <"$tmp/ports.tsv"
echo "realdata_bench: serving $(wc -l <"$tmp/ports.tsv") boards on 127.0.0.1" \
  "($(awk -F'\t' '{ s += $3 } END { print s }' "$tmp/sites.tsv") adverts)" >&2

# max_depth 100 (the most the config allows): each listing page links pages
# N-5..N+5, N+-10, N+-50 and the last, so every page is a few links deep.
{
  if [ -n "$region" ]; then echo "region = \"$region\""; fi
  echo "gazetteer = \"$root/config/gazetteer.tsv\""
} >"$tmp/plainsight.toml"
{
  cat <<EOF

[store]
path = "$tmp/store"

EOF
  bench_crawl_toml "$root"
} >>"$tmp/plainsight.toml"
while IFS=$'\t' read -r site port; do
  cat >>"$tmp/plainsight.toml" <<EOF

[[sites]]
name = "$site"
kind = "jobs"
seeds = ["http://127.0.0.1:$port/jobs?page=1"]
follow = ['^http://127\\.0\\.0\\.1:$port/jobs\\?page=\\d+\$']
adverts = ['^http://127\\.0\\.0\\.1:$port/ad/[0-9A-Za-z_-]+\\.html\$']
max_depth = 100
  [sites.fields]
  title = "h1"
  body = ".body"
  location = ".location"
  posted = ".posted"
EOF
done <"$tmp/ports.tsv"

run() { timeout 600 "$plainsight" "$@" --config "$tmp/plainsight.toml"; }

echo "realdata_bench: plainsight crawling" >&2
crawl_rc=0
start=$(date +%s.%N)
timeout "$crawl_timeout" "$plainsight" crawl --config "$tmp/plainsight.toml" -q \
  2>"$tmp/crawl.log" || crawl_rc=$?
crawl_s=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
if ((crawl_rc == 124)); then
  echo "realdata_bench: plainsight crawl timed out after $crawl_timeout s (--timeout)" >&2
  exit 1
fi
if ((crawl_rc != 0)); then
  echo "realdata_bench: plainsight crawl exited $crawl_rc; its log ends:" >&2
  tail -5 "$tmp/crawl.log" >&2
  # 3 = finished, some sites failed: the leads are still worth reading.
  if ((crawl_rc != 3)); then exit 1; fi
fi
run query --format json -q >"$tmp/adverts.json"
run leads --format json --min-score 0 -q >"$tmp/leads_all.json"
run leads --format json -q >"$tmp/leads_min.json"
crawl_summary=$(grep -m1 '^crawl: ' "$tmp/crawl.log" || true)

# leads.min_score: the config sets none, so it is the project's default.
min_score=$(sed -n 's/^ *double min_score = \([0-9.]*\);.*/\1/p' "$root/core/config.h" | head -1)

python3 - "$tmp" "${min_score:-?}" "$top" "$show_contacts" "$crawl_s" "$crawl_rc" "$crawl_summary" \
  "${region:-default (GB)}" <<'PY'
import json, os, re, sys
from collections import Counter, defaultdict

tmp, min_score, top, show_contacts, crawl_s, crawl_rc, crawl_summary, region = sys.argv[1:9]
top, show_contacts = int(top), show_contacts == "1"

def load(name):
    with open(os.path.join(tmp, name), encoding="utf-8") as f:
        return json.load(f)

adverts = load("adverts.json")["adverts"]
leads_all = load("leads_all.json")["leads"]
leads_min = load("leads_min.json")["leads"]
boards = {}
with open(os.path.join(tmp, "sites.tsv"), encoding="utf-8") as f:
    for line in f:
        site, category, n, pages = line.rstrip("\n").split("\t")
        boards[site] = (category, int(n))

# Masking: phone numbers (E.164 as stored, and as written in titles) keep
# their first 4 and last 2 digits; e-mails keep the first letter and domain.
PHONE = re.compile(r"(?<![\w-])\+?\d[\d ()-]{5,}\d(?!\w)")  # not inside ids such as A-0897955b…
EMAIL = re.compile(r"([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?: ?\. ?[A-Za-z0-9-]+)*)")
def mask_phone(m):
    text = m.group(0)
    digits = sum(c.isdigit() for c in text)
    if digits < 7 or re.fullmatch(r"\d{4}-\d\d-\d\d", text.strip()):
        return text
    out, seen = [], 0
    for c in text:
        if c.isdigit():
            seen += 1
            out.append(c if seen <= 4 or seen > digits - 2 else "•")
        else:
            out.append(c)
    return "".join(out)
def mask(text):
    if show_contacts:
        return text
    return PHONE.sub(mask_phone, EMAIL.sub(lambda m: m.group(1) + "•••@" + m.group(2), text))

def short(text, n=60):
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"

def per_1000(n, d):
    return f"{1000.0 * n / d:.1f}" if d else "0"

def size_bins(leads):
    bins = Counter()
    for lead in leads:
        n = len(lead["adverts"])
        bins["1" if n == 1 else "2-5" if n <= 5 else "6-20" if n <= 20 else "21-50" if n <= 50 else ">50"] += 1
    return bins

site_adverts = Counter(a["site"] for a in adverts)
# A-… ids hash the URL, whose port changes from run to run: show the CSV's
# ad_id beside them so a run can be compared with the last and the CSV.
csv_id = {a["id"]: m.group(1) for a in adverts
          if (m := re.search(r"/ad/([0-9A-Za-z_-]+)\.html$", a["url"]))}
def with_csv_ids(text):
    return re.sub(r"\bA-[0-9a-f]+\b", lambda m: f"{m.group(0)} = ad {csv_id[m.group(0)]}"
                  if m.group(0) in csv_id else m.group(0), text)
n_adverts = len(adverts)
print(f"data: {sum(n for _, n in boards.values())} adverts in the CSV on {len(boards)} boards")
print(f"crawl: {crawl_s} s wall, exit {crawl_rc}" + (f"; plainsight says: {crawl_summary}" if crawl_summary else ""))
print(f"adverts stored: {n_adverts}")
has = lambda key: sum(1 for a in adverts if a.get(key))
print(f"extracted: {has('phones')} adverts with a phone (region {region}), {has('emails')} with an e-mail, "
      f"{has('postcodes')} with a postcode, {has('addresses')} with a street address, {has('pay')} with pay")
fired, example = Counter(), {}
for a in adverts:
    for hit in {h["id"]: h for h in a["indicators"]}.values():
        fired[hit["id"]] += 1
        example.setdefault(hit["id"], Counter())[hit["match"]] += 1
print("indicators (adverts; commonest match):")
for ident, n in fired.most_common():
    print(f"  {n:>5}  {ident}: \"{mask(short(example[ident].most_common(1)[0][0], 50))}\"")
print(f"leads: {len(leads_all)} in total, {len(leads_min)} at or above min_score {min_score} "
      f"({per_1000(len(leads_min), n_adverts)} per 1,000 adverts; all leads: "
      f"{per_1000(len(leads_all), n_adverts)} per 1,000)")
# Leads that reach min_score only through the minimum-wage term (an upper
# bound on the score without it: the combination term would shrink too).
def points(lead, prefix):
    return sum(t["points"] for t in lead.get("score_terms", []) if t["reason"].startswith(prefix))
try:
    threshold = float(min_score)
except ValueError:
    threshold = None
wage = [l for l in leads_min if points(l, "indicator jobs.pay_below_minimum_wage ") > 0]
wage_only = [l for l in wage if threshold is not None and
             l["score"] - points(l, "indicator jobs.pay_below_minimum_wage ") < threshold]
print(f"leads at or above min_score with jobs.pay_below_minimum_wage: {len(wage)}; "
      f"below min_score without that term: {len(wage_only)}")
in_leads = len({a['id'] for l in leads_all for a in l['adverts']})
print(f"adverts in any lead: {in_leads}; in a lead at or above min_score: "
      f"{len({a['id'] for l in leads_min for a in l['adverts']})}")

largest = max(leads_all, key=lambda l: len(l["adverts"]), default=None)
largest_n = len(largest["adverts"]) if largest else 0
largest_min = max((len(l["adverts"]) for l in leads_min), default=0)
if largest:
    print(f"largest lead: {largest['id']}, {largest_n} adverts, score {largest['score']:.1f}; "
          f"largest at or above min_score: {largest_min} adverts")
order = ["1", "2-5", "6-20", "21-50", ">50"]
print()
print(f"{'lead size (adverts)':<24}" + "".join(f"{b:>7}" for b in order))
for label, leads in (("all leads", leads_all), (f"score >= {min_score}", leads_min)):
    bins = size_bins(leads)
    print(f"{label:<24}" + "".join(f"{bins[b]:>7}" for b in order))

print()
print(f"{'board':<16} {'category':<32} {'csv':>5} {'stored':>6} {'leads':>6} {'>=min':>6} {'>=min/1k':>9} {'largest':>8}")
for site in sorted(set(boards) | set(site_adverts)):
    category, n_csv = boards.get(site, ("?", 0))
    touching = [l for l in leads_all if any(a["site"] == site for a in l["adverts"])]
    touching_min = [l for l in leads_min if any(a["site"] == site for a in l["adverts"])]
    big = max((len(l["adverts"]) for l in touching), default=0)
    print(f"{site:<16} {short(category, 32):<32} {n_csv:>5} {site_adverts[site]:>6} {len(touching):>6} "
          f"{len(touching_min):>6} {per_1000(len(touching_min), site_adverts[site]):>9} {big:>8}")
print("(a lead with adverts on several boards counts once on each)")

print()
print(f"top {min(top, len(leads_min))} leads at or above min_score {min_score} (plainsight's order; equal scores "
      f"fall in lead id order, which changes with the ports; \"ad N\" is the CSV's ad_id):")
for rank, lead in enumerate(leads_min[:top], 1):
    sites = Counter(a["site"] for a in lead["adverts"])
    print(f"\n{rank:>2}. {lead['id']}  score {lead['score']:.1f}  {len(lead['adverts'])} adverts  "
          f"boards: {', '.join(f'{s} ({n})' for s, n in sorted(sites.items()))}")
    ent = lead.get("entities", {})
    contacts = [*ent.get("phones", []), *ent.get("emails", []), *ent.get("postcodes", [])]
    if contacts:
        print(f"    contacts: {mask(', '.join(contacts))}")
    terms = {t["reason"]: t["points"] for t in lead.get("score_terms", [])}
    for reason in lead["reasons"]:
        points = terms.get(reason)
        print(f"    {'%+5.1f' % points if points is not None else '     '}  {with_csv_ids(mask(reason))}")
    for a in lead["adverts"][:3]:
        print(f"    - {a['id']} = ad {csv_id.get(a['id'], '?')} {a['site']}: {mask(short(a['title']))}")
    if len(lead["adverts"]) > 3:
        print(f"    - … and {len(lead['adverts']) - 3} more")

print()
print(f"realdata.adverts={n_adverts}")
print(f"realdata.leads={len(leads_all)}")
print(f"realdata.leads_min_score={len(leads_min)}")
print(f"realdata.min_score={min_score}")
print(f"realdata.per_1000={per_1000(len(leads_min), n_adverts)}")
print(f"realdata.largest={largest_n}")
print(f"realdata.largest_min_score={largest_min}")
print(f"realdata.leads_min_score_wage_only={len(wage_only)}")
print(f"realdata.crawl_s={crawl_s}")
print(f"realdata.crawl_rc={crawl_rc}")
for site in sorted(site_adverts):
    touching_min = sum(1 for l in leads_min if any(a["site"] == site for a in l["adverts"]))
    key = re.sub(r"[^a-z0-9_]", "_", site.removeprefix("realdata-"))
    print(f"realdata.per_1000_{key}={per_1000(touching_min, site_adverts[site])}")
PY
