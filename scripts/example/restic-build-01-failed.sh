#!/bin/sh
# Makes the example program's evidence of a failed restic run of build-01: what `restic backup`
# printed to the journal (stderr) when the run stopped without a snapshot, from the month's job
# export, content/evidence/files/backup-jobs-YYYY-MM.log (November 2026 unless --month is given;
# the month must have exactly one failed build-01 run). The "Fatal:" line is the export's message,
# word for word, followed by what restic prints after it for that failure: where it looked for the
# repository when it could not open it (2026-11-10, OPS-1668), the hint about stale locks when the
# repository was locked (2025-12-14, OPS-1457), nothing more when the disk was full (2026-06-23,
# OPS-1577). The output carries no time, so it is imported with --at (the end of the run in the
# export), which `--print-at` prints instead of the output:
#   proofbook import restic OUT.txt --source build-01 --at 2026-11-10T06:01:12Z --measure msr-scheduled-backups
# Usage: scripts/example/restic-build-01-failed.sh [--month YYYY-MM] OUT.txt | --print-at   (needs awk)
set -eu
month=2026-11
if [ "${1:-}" = --month ]; then month=$2; shift 2; fi
out=$1
log=$(dirname "$0")/../../content/evidence/files/backup-jobs-$month.log
[ -f "$log" ] || { echo "no job export for $month: $log" >&2; exit 2; }
if [ "$out" = --print-at ]; then
  awk '$3 == "restic" && $4 == "build-01" && $5 == "BACKUP" && $7 == "FAILED" { print $2 }' "$log"
  exit 0
fi
awk '$3 == "restic" && $4 == "build-01" && $5 == "BACKUP" && $7 == "FAILED" {
  n++
  msg = $0; sub(/^[^"]*"/, "", msg); sub(/"[^"]*$/, "", msg)
  print msg
  if (msg ~ /unable to open config file/) {
    print "Is there a repository at the following location?"
    print "s3:s3.eu-west-1.amazonaws.com/hvl-bv-restic-build"
  } else if (msg ~ /unable to create lock/) {
    print "the `unlock` command can be used to remove stale locks"
  }
} END { if (n != 1) { print "expected one failed build-01 run, found " n > "/dev/stderr"; exit 1 } }' "$log" > "$out"
