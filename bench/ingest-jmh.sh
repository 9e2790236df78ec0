#!/usr/bin/env bash
# Parsing throughput of ingest-service on one core (JMH, one thread): pages/s, MB/s and papers/s for the sample text
# digest and the same papers as a browser-saved HTML page.
# Usage: bench/ingest-jmh.sh [extra JMH options, e.g. -wi 1 -i 2 for a quick look]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/bench/results
mkdir -p "$OUT"
cd "$ROOT"

# compile the module and its reactor dependencies, and write the module's test classpath
./mvnw -q -B -pl ingest-service -am test-compile dependency:build-classpath \
  -DskipTests -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP=$ROOT/ingest-service/target/test-classes:$ROOT/ingest-service/target/classes:$(cat "$ROOT/ingest-service/target/bench.classpath")

# the benchmark reads the sample from ../samples, relative to the module
cd ingest-service
java -cp "$CP" org.openjdk.jmh.Main io.paperpulse.ingest.bench.ParseBenchmark -rf text -rff "$OUT/ingest-jmh.txt" "$@" \
  | tee "$OUT/ingest-jmh.log"

# pages/s times the page's bytes and papers (printed by the benchmark's setup)
awk '
  match($0, /PAGE format=[a-z]+ bytes=[0-9]+ papers=[0-9]+/) {
    split(substr($0, RSTART, RLENGTH), kv, /[ =]/); bytes[kv[3]] = kv[5]; papers[kv[3]] = kv[7] }
  /^ParseBenchmark.parse / { fmt = $2; ops = (NF >= 8 ? $5 : $4); err = (NF >= 8 ? $7 : 0)
    printf "%-5s %6.0f pages/s (± %.0f)  %6.1f MB/s  %7.0f papers/s  per core (%d bytes, %d papers a page)\n",
      fmt, ops, err, ops * bytes[fmt] / 1e6, ops * papers[fmt], bytes[fmt], papers[fmt] }
' "$OUT/ingest-jmh.log" | tee "$OUT/ingest-jmh-summary.txt"
