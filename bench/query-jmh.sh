#!/usr/bin/env bash
# JMH benchmark of the gateway's search index on its own (query-service's SearchBenchmark), one thread, 20,000
# papers: `search` is one uncached two-word q with highlights (a page of 20), `index` one changelog record applied.
# Scores are microseconds per operation; with -prof gc, gc.alloc.rate.norm is bytes allocated per operation.
#   bench/query-jmh.sh                   # default: 3 warm-up + 5 measured iterations of 3 s, -prof gc
#   bench/query-jmh.sh -p papers=100000  # any extra JMH options
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module="$root/query-service"
offline="${MAVEN_OFFLINE:--o}"
# -am: a fresh clone has no sibling module in the local repository yet
(cd "$root" && ./mvnw $offline -q -pl query-service -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$module/target/test-classpath.txt" -Dmdep.includeScope=test -DskipTests >&2)
cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/test-classpath.txt")"
exec java -Dpaperpulse.sample="$root/samples/digests/trending-papers-mar-11.txt" -cp "$cp" org.openjdk.jmh.Main \
    'io.paperpulse.query.bench.SearchBenchmark' -prof gc "$@"
