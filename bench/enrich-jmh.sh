#!/usr/bin/env bash
# JMH benchmark of PaperExtractor.extract on the 62 real abstracts of the sample digest, one thread:
# the score is abstracts per second on one core; gc.alloc.rate.norm (from -prof gc) is bytes allocated per abstract.
#   bench/enrich-jmh.sh                  # default: 3 warm-up + 5 measured iterations of 2 s, -prof gc
#   bench/enrich-jmh.sh -f 1 -wi 1 -i 2  # any extra JMH options
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cp="$("$root/bench/enrich-classpath.sh")"
exec java -cp "$cp" org.openjdk.jmh.Main 'io.paperpulse.enrich.bench.ExtractBenchmark' -prof gc "$@"
