#!/usr/bin/env bash
# JMH benchmark of PaperExtractor.extract on the 62 real abstracts of the sample digest, one thread:
# the score is abstracts per second on one core; gc.alloc.rate.norm (from -prof gc) is bytes allocated per abstract.
# Builds what it needs itself (the reactor with -am, no `mvn install`), and pins the benchmark to one CPU with taskset
# when there is one (BENCH_CPU, default 1): on a shared machine other builds still compete, so repeat and compare.
#   bench/enrich-jmh.sh                  # default: 2 forks, 15 warm-up + 5 measured iterations of 2 s, -prof gc
#   bench/enrich-jmh.sh -f 1 -wi 1 -i 2  # any extra JMH options
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cp="$("$root/bench/enrich-classpath.sh")"
pin=()
if command -v taskset >/dev/null && [ "$(nproc)" -gt "${BENCH_CPU:-1}" ]; then
  pin=(taskset -c "${BENCH_CPU:-1}")
fi
exec "${pin[@]}" java -cp "$cp" org.openjdk.jmh.Main 'io.paperpulse.enrich.bench.ExtractBenchmark' -prof gc "$@"
