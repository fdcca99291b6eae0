#!/usr/bin/env bash
# Trials per second of one BER sweep on the local thread pool (1 and 2 threads) and on embedded Spark
# (local[2]), same seed, and whether the three CSVs are identical. Each time is the command's own sweep
# time (journal, trials, Spark start and stop included; the JVM start and model loading excluded).
# Usage: benchmarks/campaign.sh [lenet|resnet] [--ber LIST] [--repeats N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
model="${1:-lenet}"; shift || true
bers=1e-5,1e-4,1e-3; repeats=4
while [[ $# -gt 0 ]]; do
  case "$1" in
    --ber) bers="$2"; shift 2 ;;
    --repeats) repeats="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
points=$(( $(tr -cd ',' <<<"$bers" | wc -c) + 1 ))
trials=$(( points * repeats + 1 ))
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf 'model\trunner\ttrials\tseconds\ttrials_per_s\n'
for runner in "1 thread:--threads 1" "2 threads:--threads 2" "Spark local[2]:--spark local[2]"; do
  name="${runner%%:*}"; read -r -a options <<<"${runner#*:}"
  out="$work/${name// /_}"
  ./mrfi experiment --model "$model" --ber "$bers" --repeats "$repeats" --seed 1 --out "$out" "${options[@]}" \
    >"$out.log" 2>"$out.err"
  seconds="$(sed -n 's/.*png (\([0-9.]*\) s)$/\1/p' "$out.log")"
  awk -v m="$model" -v r="$name" -v t="$trials" -v s="$seconds" \
    'BEGIN{printf "%s\t%s\t%d\t%.1f\t%.3f\n", m, r, t, s, t/s}'
done
if cmp -s "$work/1_thread/ber_accuracy.csv" "$work/2_threads/ber_accuracy.csv" \
   && cmp -s "$work/1_thread/ber_accuracy.csv" "$work/Spark_local[2]/ber_accuracy.csv"; then
  echo "the three CSVs are identical"
else
  echo "the CSVs differ" >&2; exit 1
fi
