#!/usr/bin/env bash
# Scaling of the batch: wall time of `parse -j 1` against `parse -j 2` over the whole
# corpus, in alternating pairs so that drift in a shared machine's speed hits both
# sides alike. Prints each pair and the ratio of the summed times.
# Usage: benches/scaling.sh [PAIRS] [CORPUS]   (after `cargo build --release`)
set -euo pipefail
pairs=${1:-7}
corpus=${2:-../shared/corpus}
bin=target/release/korea-brief
wall() { /usr/bin/time -f %e "$bin" parse -q -j "$1" "$corpus" 2>&1 >/dev/null | tail -1; }
total1=0 total2=0
for _ in $(seq "$pairs"); do
    t1=$(wall 1) t2=$(wall 2)
    echo "-j 1 ${t1}s  -j 2 ${t2}s  $(echo "scale=2; $t1 / $t2" | bc)x"
    total1=$(echo "$total1 + $t1" | bc) total2=$(echo "$total2 + $t2" | bc)
done
echo "summed over $pairs pairs: -j 1 ${total1}s, -j 2 ${total2}s: $(echo "scale=2; $total1 / $total2" | bc)x"
