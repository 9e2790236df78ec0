#!/usr/bin/env bash
# JMH benchmark of notify-service's matching on arrival (its MatchBenchmark), one thread: a page of 62 papers against
# 10,000 saved searches through the inverted index of subscriptions, confirmed on each paper alone. The score is
# papers per second (the issue's target: at least 1,000; a 62-paper page within a second).
#   bench/notify-match.sh                          # default: 3 warm-up + 5 measured iterations of 2 s
#   bench/notify-match.sh -wi 1 -i 2 -r 1s         # a short run
#   bench/notify-match.sh -p subscriptions=50000   # any extra JMH options
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module="$root/notify-service"
offline="${MAVEN_OFFLINE:--o}"
# -am: a fresh clone has no sibling module in the local repository yet
(cd "$root" && ./mvnw $offline -q -pl notify-service -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$module/target/test-classpath.txt" -Dmdep.includeScope=test -DskipTests >&2)
cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/test-classpath.txt")"
exec java -cp "$cp" org.openjdk.jmh.Main 'io.paperpulse.notify.bench.MatchBenchmark' "$@"
