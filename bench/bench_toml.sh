# shellcheck shell=bash
# Sourced by the crawl benchmarks (crawl_bench.sh, realdata_bench.sh): the
# parts of their plainsight.toml that must match, so both measure plainsight
# under one setting.

# Prints the [crawl] table (politeness off: the sites are our own, on
# 127.0.0.1), with the line $2 (optional) added to it, and the jobs and
# adult pattern packs of the checkout at $1.
bench_crawl_toml() {
  local root=$1 extra=${2:-}
  cat <<EOF
[crawl]
concurrency = 16
per_host_delay_ms = 0
per_host_connections = 16
respect_robots = false
allow_private_addresses = true
$extra

[[patterns]]
path = "$root/config/patterns/adult.toml"

[[patterns]]
path = "$root/config/patterns/jobs.toml"
EOF
}
