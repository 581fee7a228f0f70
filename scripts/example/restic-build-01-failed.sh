#!/bin/sh
# Makes the example program's evidence of build-01's failed restic run in November 2026: what
# `restic backup` printed to the journal (stderr) when it could not reach its repository on
# 2026-11-10 (OPS-1668), from the month's job export, content/evidence/files/backup-jobs-2026-11.log.
# restic prints a failure like this one as its "Fatal:" line followed by where it looked for the
# repository; the message is the export's, word for word. The output carries no time, so it is
# imported with --at (the end of the run in the export):
#   proofbook import restic OUT.txt --source build-01 --at 2026-11-10T06:01:12Z --measure msr-scheduled-backups
# Usage: scripts/example/restic-build-01-failed.sh OUT.txt   (needs awk)
set -eu
out=$1
log=$(dirname "$0")/../../content/evidence/files/backup-jobs-2026-11.log
awk '$3 == "restic" && $4 == "build-01" && $5 == "BACKUP" && $7 == "FAILED" {
  n++
  msg = $0; sub(/^[^"]*"/, "", msg); sub(/"[^"]*$/, "", msg)
  print msg
  print "Is there a repository at the following location?"
  print "s3:s3.eu-west-1.amazonaws.com/hvl-bv-restic-build"
} END { if (n != 1) { print "expected one failed build-01 run, found " n > "/dev/stderr"; exit 1 } }' "$log" > "$out"
