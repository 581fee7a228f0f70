#!/bin/sh
# Makes the example program's restic evidence with the real restic: a repository holding one
# snapshot per successful build-01 backup of a month (times from the month's job export,
# content/evidence/files/backup-jobs-YYYY-MM.log; November 2026 unless --month is given), then
# `restic snapshots --json` of it.
# Usage: scripts/example/restic-build-01.sh [--month YYYY-MM] OUT.json   (needs restic and awk; ~1 minute)
set -eu
month=2026-11
if [ "${1:-}" = --month ]; then month=$2; shift 2; fi
out=$1
log=$(dirname "$0")/../../content/evidence/files/backup-jobs-$month.log
[ -f "$log" ] || { echo "no job export for $month: $log" >&2; exit 2; }
work=$(mktemp -d /tmp/hvl-build-01.XXXXXX)
trap 'rm -rf "$work"' EXIT
export RESTIC_PASSWORD=example-only RESTIC_REPOSITORY="$work/repo" TZ=UTC
restic init -q
mkdir -p "$work/src"
awk '$3 == "restic" && $5 == "BACKUP" && $7 == "COMPLETED" { print $1 }' "$log" | while read -r start; do
  # Each run backs up something different, as the build cache does.
  echo "$start" > "$work/src/run.txt"
  t=$(echo "$start" | sed 's/T/ /; s/Z$//')
  (cd "$work/src" && restic backup -q --host build-01 --tag ci-cache --time "$t" . > /dev/null)
done
restic snapshots --json --host build-01 > "$out"
