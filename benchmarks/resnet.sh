#!/usr/bin/env bash
# The shipped ResNet on ONNX Runtime against PyTorch on the CPU, one thread each, in one run: golden images
# per second of both, the ratio, MRFI-J's default_fi throughput against its golden run, and memory over a
# long run of faulty passes. PyTorch is measured only when /usr/bin/python3 has torch (Debian's
# python3-torch); its script is tools/reference/pytorch_throughput.py.
# Usage: benchmarks/resnet.sh [--rounds N] [--memory-passes N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -q -DskipTests -Dmaven.javadoc.skip=true package -pl benchmarks -am >&2
java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar dev.mrfi.benchmarks.ResNetComparison "$@" | tee /tmp/mrfi-resnet.$$
if /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  torch_line="$(/usr/bin/python3 tools/reference/pytorch_throughput.py 1)"
  torch_rate="${torch_line#pytorch_images_per_second=}"; torch_rate="${torch_rate%% *}"
  golden="$(awk -F'\t' '$1=="resnet_golden_images_per_s"{print $2}' /tmp/mrfi-resnet.$$)"
  printf 'pytorch_golden_images_per_s\t%s\n' "$torch_rate"
  awk -v a="$golden" -v b="$torch_rate" 'BEGIN{printf "mrfi_golden_over_pytorch\t%.3f\n", a/b}'
else
  echo "pytorch: not measured (/usr/bin/python3 has no torch; apt-get install python3-torch)" >&2
fi
rm -f /tmp/mrfi-resnet.$$
