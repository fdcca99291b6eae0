#!/usr/bin/env bash
# Regenerates docs/formats/formats.csv and docs/formats/formats.png: accuracy against bit error rate of
# LeNet and of the shipped ResNet, for every configuration in docs/formats/*.yaml (weights stored in INT8,
# FP8 E4M3, MXFP8, MXFP4 or bfloat16, random bit flips in the values' codes or in MX shared scales only).
# Runs `mrfi experiment` once per model and configuration on the embedded 2,000 Fashion-MNIST test images.
# Usage: benchmarks/formats.sh [--repeats N] [--ber LIST] [--threads N] [--models "lenet resnet"]
# (defaults: 3 repeats, BER 1e-6,1e-5,1e-4,1e-3,1e-2, all cores, both models). Needs a JDK 17 and Maven.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
repeats=3
ber="1e-6,1e-5,1e-4,1e-3,1e-2"
threads="$(nproc)"
models="lenet resnet"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --repeats) repeats="$2"; shift 2 ;;
    --ber) ber="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --models) models="$2"; shift 2 ;;
    *) echo "usage: benchmarks/formats.sh [--repeats N] [--ber LIST] [--threads N] [--models \"lenet resnet\"]" >&2; exit 2 ;;
  esac
done
mvn -B -q -DskipTests -Dmaven.javadoc.skip=true package -pl cli,benchmarks -am >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# copies, so that a rebuild while the campaign runs cannot change the classes under it
cp cli/target/mrfi.jar benchmarks/target/benchmarks.jar "$work/"
mkdir -p "$work/data"
cp nn/src/main/resources/dev/mrfi/nn/fashion-mnist-test-2000-images-idx3-ubyte.gz "$work/data/t10k-images-idx3-ubyte.gz"
cp nn/src/main/resources/dev/mrfi/nn/fashion-mnist-test-2000-labels-idx1-ubyte.gz "$work/data/t10k-labels-idx1-ubyte.gz"
for model in $models; do
  for config in docs/formats/*.yaml; do
    name="$(basename "$config" .yaml)"
    echo "== $model $name" >&2
    start=$(date +%s)
    java -Djava.awt.headless=true -jar "$work/mrfi.jar" experiment --model "$model" --config "$config" \
      --data "$work/data" --ber "$ber" --repeats "$repeats" --seed 17 --threads "$threads" \
      --out "$work/runs/$model/$name" >&2
    echo "   $(( $(date +%s) - start )) s" >&2
  done
done
java -Djava.awt.headless=true -cp "$work/benchmarks.jar" dev.mrfi.benchmarks.FormatsReport "$work/runs" docs/formats
