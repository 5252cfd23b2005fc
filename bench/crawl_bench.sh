#!/usr/bin/env bash
# crawl_bench.sh: plainsight's crawl speed against wget2 on the same site.
#
# Generates a static advert board (bench/site_gen.py: ~20,000 adverts of
# ~15 KB plus their listing pages) into a fresh temp dir, serves it with
# nginx on 127.0.0.1 (a free port, config, pid and error log in the temp
# dir, access log off, gzip on), then crawls it twice in the same run:
#   (a) plainsight crawl, politeness off (no delay, 16 connections to the
#       host, 16 in flight, robots.txt ignored, WARC evidence on; max_depth
#       100, the most the config allows: the site's pagination keeps every
#       page within ~25 links of the seed);
#   (b) wget2 -r --max-threads=16 -l inf --no-parent -q.
# Each is timed with /usr/bin/time -v. Prints pages/s for both, the ratio
# (target: plainsight >= 1.0x wget2, although plainsight also parses,
# matches and stores every page) and plainsight's peak RSS, then
# "key=value" figures for scripts/bench.
#
# Touches nothing outside its temp dir (nginx and wget2 are installed with
# apt-get if missing). Bounded: every crawl runs under `timeout`, and an
# EXIT trap stops nginx (by the pid in its own pid file) and removes the
# temp dir.
#
# With --images every advert shows one photo of its own (bench/photo_gen,
# 640x480 JPEG), and plainsight crawls twice, photos off then on (one
# photo per advert fetched, hashed and stored): both rates are printed.
#
# Usage: bench/crawl_bench.sh [--plainsight PATH] [--adverts N]
#                             [--timeout SECONDS] [--keep] [--images]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/bench_toml.sh
. "$root/bench/bench_toml.sh"
plainsight="$root/build-bench/plainsight"
adverts=20000
crawl_timeout=900
keep=0
images=0
while (($#)); do
  case "$1" in
    --plainsight) plainsight=$2; shift 2 ;;
    --adverts) adverts=$2; shift 2 ;;
    --timeout) crawl_timeout=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --images) images=1; shift ;;
    *) echo "usage: $0 [--plainsight PATH] [--adverts N] [--timeout SECONDS] [--keep] [--images]" >&2; exit 2 ;;
  esac
done
if [ ! -x "$plainsight" ]; then
  echo "crawl_bench: no plainsight binary at $plainsight (run scripts/bench)" >&2
  exit 1
fi

need=()
command -v /usr/sbin/nginx >/dev/null || need+=(nginx-light)
command -v wget2 >/dev/null || need+=(wget2)
[ -x /usr/bin/time ] || need+=(time)
if ((${#need[@]})); then
  echo "crawl_bench: installing ${need[*]}" >&2
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  # Debian may also enable and start its own nginx service on port 80; this
  # script never uses it (it runs a private nginx below) and leaves it be.
  $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/plainsight-crawl-bench.XXXXXX")
nginx_pid_file="$tmp/nginx/nginx.pid"
cleanup() {
  if [ -s "$nginx_pid_file" ]; then
    kill "$(cat "$nginx_pid_file")" 2>/dev/null || true
    for _ in $(seq 50); do [ -e "$nginx_pid_file" ] || break; sleep 0.1; done
  fi
  if ((keep)); then
    echo "crawl_bench: kept $tmp" >&2
  else
    rm -rf "$tmp"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# nginx's workers run as nobody when started as root: they must read the site.
chmod 755 "$tmp"

echo "crawl_bench: generating the site ($adverts adverts) in $tmp/www" >&2
photo_flag=()
if ((images)); then photo_flag=(--photos); fi
site_stats=$(python3 "$root/bench/site_gen.py" "$tmp/www" --adverts "$adverts" "${photo_flag[@]}")
if ((images)); then
  photo_gen="$(dirname "$plainsight")/bench/photo_gen"
  [ -x "$photo_gen" ] || { echo "crawl_bench: no $photo_gen (build the bench tree)" >&2; exit 1; }
  echo "crawl_bench: generating $adverts photos (640x480 JPEG)" >&2
  "$photo_gen" "$tmp/www/img" 100000 "$adverts" >/dev/null
fi
site_pages=$(sed -n 's/.*pages=\([0-9]*\).*/\1/p' <<<"$site_stats")
site_bytes=$(sed -n 's/.*bytes=\([0-9]*\).*/\1/p' <<<"$site_stats")
chmod -R a+rX "$tmp/www"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$tmp/nginx"
cat >"$tmp/nginx/nginx.conf" <<EOF
worker_processes 2;
pid $nginx_pid_file;
error_log $tmp/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  client_body_temp_path $tmp/nginx/body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  gzip on;
  gzip_types text/css application/javascript;
  server {
    listen 127.0.0.1:$port;
    root $tmp/www;
    index index.html;
    # Requests served, read before and after each crawl: a count that does
    # not depend on either crawler's own report. Linked from nowhere.
    location = /__nginx_status { stub_status; }
  }
}
EOF
/usr/sbin/nginx -p "$tmp/nginx" -e "$tmp/nginx/error.log" -c "$tmp/nginx/nginx.conf"
for _ in $(seq 50); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/index.html" 2>/dev/null && break
  sleep 0.1
done
curl -fsS -o /dev/null "http://127.0.0.1:$port/index.html"
base="http://127.0.0.1:$port"
echo "crawl_bench: nginx serving $site_pages pages on $base" >&2

# nginx's request counter; the status request itself counts one.
served() { curl -fsS "$base/__nginx_status" | awk 'NR == 3 { print $3 }'; }

# "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.34" -> seconds.
elapsed_seconds() {
  sed -n 's/.*Elapsed (wall clock) time.*: \([0-9:.]*\)$/\1/p' "$1" |
    awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }'
}
time_field() { sed -n "s/.*$2: *\([0-9.]*\)%*\$/\1/p" "$1" | awk 'NR == 1'; }

# (b) wget2 first: both then start with the site in the page cache.
mkdir -p "$tmp/wget2"
echo "crawl_bench: wget2 crawling" >&2
wget2_rc=0
before=$(served)
/usr/bin/time -v -o "$tmp/wget2.time" timeout "$crawl_timeout" \
  wget2 -r --max-threads=16 -l inf --no-parent -q -P "$tmp/wget2" "$base/" || wget2_rc=$?
wget2_requests=$(($(served) - before - 1))
wget2_pages=$(find "$tmp/wget2" -name '*.html' -type f | wc -l)
wget2_s=$(elapsed_seconds "$tmp/wget2.time")
wget2_rss_kb=$(time_field "$tmp/wget2.time" "Maximum resident set size (kbytes)")
wget2_cpu=$(time_field "$tmp/wget2.time" "Percent of CPU this job got")

# (a) plainsight, in $tmp/$1, with $2 added to its [crawl] table. Sets the
# plainsight_* figures.
crawl_plainsight() {
  local dir="$tmp/$1" extra=$2
  mkdir -p "$dir"
  {
    cat <<EOF
gazetteer = "$root/config/gazetteer.tsv"

[store]
path = "$dir/store"
warc = true

EOF
    bench_crawl_toml "$root" "$extra"
    cat <<EOF

[[sites]]
name = "bench-board"
kind = "jobs"
seeds = ["$base/listings/1.html"]
follow = ['^http://127\\.0\\.0\\.1:$port/listings/\\d+\\.html\$']
adverts = ['^http://127\\.0\\.0\\.1:$port/ad/\\d+\\.html\$']
max_depth = 100
  [sites.fields]
  title = "h1.ad-title"
  body = "div.description"
  location = "span.location"
  posted = "time"
EOF
  } >"$dir/plainsight.toml"
  echo "crawl_bench: plainsight crawling ($1)" >&2
  plainsight_rc=0
  before=$(served)
  /usr/bin/time -v -o "$dir.time" timeout "$crawl_timeout" \
    "$plainsight" crawl --config "$dir/plainsight.toml" -q \
    2>"$dir.log" || plainsight_rc=$?
  plainsight_requests=$(($(served) - before - 1))
  summary=$(grep -m1 '^crawl: ' "$dir.log" || true)
  plainsight_pages=$(sed -n 's/^crawl: \([0-9]*\) pages in .*/\1/p' <<<"$summary")
  # The summary is printed after correlation: if that fails, count what
  # nginx served instead.
  plainsight_pages=${plainsight_pages:-$plainsight_requests}
  plainsight_loop_rate=$(sed -n 's/.*(\([0-9.]*\) pages\/s).*/\1/p' <<<"$summary")
  plainsight_s=$(elapsed_seconds "$dir.time")
  plainsight_rss_kb=$(time_field "$dir.time" "Maximum resident set size (kbytes)")
  plainsight_cpu=$(time_field "$dir.time" "Percent of CPU this job got")
  warc_mb=$(du -sm "$dir/store/warc" 2>/dev/null | cut -f1 || true)
  store_mb=$(du -sm "$dir/store" 2>/dev/null | cut -f1 || true)
  if ((plainsight_rc != 0)); then
    echo "crawl_bench: plainsight exited $plainsight_rc; its log ends:" >&2
    tail -5 "$dir.log" >&2
  fi
}

rate() { awk -v n="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.1f", n / s; else print 0 }'; }
ratio_of() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print 0 }'; }

if ((images)); then
  # The same site, photos off then on: what fetching, hashing and storing
  # one photo per advert costs the crawl.
  crawl_plainsight plainsight-photos-off "max_images_per_advert = 0"
  off_pages=$plainsight_pages off_s=$plainsight_s off_rss_kb=$plainsight_rss_kb
  off_loop_rate=${plainsight_loop_rate:-0}
  crawl_plainsight plainsight "max_images_per_advert = 8"
  photos_stored=$(zcat "$tmp"/plainsight/store/warc/*.warc.gz 2>/dev/null |
    grep -ac '^Content-Type: image/' || true)
else
  crawl_plainsight plainsight ""
fi
if ((wget2_rc != 0)); then echo "crawl_bench: wget2 exited $wget2_rc" >&2; fi

plainsight_rate=$(rate "$plainsight_pages" "$plainsight_s")
wget2_rate=$(rate "$wget2_pages" "$wget2_s")
ratio=$(ratio_of "$plainsight_rate" "$wget2_rate")
rss_mb=$(awk -v k="${plainsight_rss_kb:-0}" 'BEGIN { printf "%.0f", k / 1024 }')
wget2_rss_mb=$(awk -v k="${wget2_rss_kb:-0}" 'BEGIN { printf "%.0f", k / 1024 }')

# (c) the ceiling: gumbo parsing every page alone, on every core, with no
# network, server or storage. No crawler that parses each page can beat it.
ceiling_rate=0
ceiling_bench="$(dirname "$plainsight")/bench/parse_ceiling_bench"
if [ -x "$ceiling_bench" ]; then
  ceiling_out=$("$ceiling_bench" "$tmp/www")
  ceiling_rate=$(sed -n 's/^ceiling.pages_s=//p' <<<"$ceiling_out")
fi
ceiling_ratio=$(ratio_of "$ceiling_rate" "$wget2_rate")

echo "site: $site_pages HTML pages, $((site_bytes / 1000000)) MB, nginx gzip on, 127.0.0.1"
printf '%-12s %8s %9s %8s %10s %8s %9s\n' "" pages requests "wall s" "pages/s" "CPU %" "peak RSS"
printf '%-12s %8s %9s %8s %10s %8s %6s MB\n' plainsight "$plainsight_pages" "$plainsight_requests" "$plainsight_s" \
  "$plainsight_rate" "${plainsight_cpu:-?}" "$rss_mb"
printf '%-12s %8s %9s %8s %10s %8s %6s MB\n' wget2 "$wget2_pages" "$wget2_requests" "$wget2_s" "$wget2_rate" \
  "${wget2_cpu:-?}" "$wget2_rss_mb"
echo "plainsight's own crawl-loop rate (without start-up and correlation): ${plainsight_loop_rate:-?} pages/s"
echo "ratio plainsight/wget2: ${ratio}x (target >= 1.0x)"
echo "ceiling: gumbo parsing alone, $(nproc) threads, no I/O: ${ceiling_rate} pages/s = ${ceiling_ratio}x wget2"
echo "plainsight store: ${store_mb:-0} MB, of which WARC ${warc_mb:-0} MB"
if ((images)); then
  off_rate=$(rate "$off_pages" "$off_s")
  echo "photos off: $off_pages pages in $off_s s = $off_rate pages/s (loop ${off_loop_rate} pages/s), peak RSS $((${off_rss_kb:-0} / 1024)) MB"
  echo "photos on:  $plainsight_pages pages + ${photos_stored:-0} photos stored in $plainsight_s s = $plainsight_rate pages/s (loop ${plainsight_loop_rate:-?} pages/s), peak RSS $rss_mb MB"
  echo "photos on / off: $(ratio_of "$plainsight_rate" "$off_rate")x pages/s"
  echo "crawl.photos_off_pages_s=$off_rate"
  echo "crawl.photos_on_pages_s=$plainsight_rate"
  echo "crawl.photos_stored=${photos_stored:-0}"
fi
echo
echo "crawl.site_pages=$site_pages"
echo "crawl.site_mb=$((site_bytes / 1000000))"
echo "crawl.plainsight_pages=$plainsight_pages"
echo "crawl.plainsight_wall_s=$plainsight_s"
echo "crawl.plainsight_pages_s=$plainsight_rate"
echo "crawl.plainsight_loop_pages_s=${plainsight_loop_rate:-0}"
echo "crawl.plainsight_cpu_pct=${plainsight_cpu:-0}"
echo "crawl.plainsight_rss_mb=$rss_mb"
echo "crawl.plainsight_store_mb=${store_mb:-0}"
echo "crawl.plainsight_warc_mb=${warc_mb:-0}"
echo "crawl.plainsight_rc=$plainsight_rc"
echo "crawl.plainsight_requests=$plainsight_requests"
echo "crawl.wget2_pages=$wget2_pages"
echo "crawl.wget2_requests=$wget2_requests"
echo "crawl.wget2_wall_s=$wget2_s"
echo "crawl.wget2_pages_s=$wget2_rate"
echo "crawl.wget2_cpu_pct=${wget2_cpu:-0}"
echo "crawl.wget2_rss_mb=$wget2_rss_mb"
echo "crawl.wget2_rc=$wget2_rc"
echo "crawl.ratio=$ratio"
echo "crawl.gumbo_ceiling_pages_s=$ceiling_rate"
echo "crawl.gumbo_ceiling_ratio=$ceiling_ratio"
