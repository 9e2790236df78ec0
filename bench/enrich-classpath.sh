#!/usr/bin/env bash
# Compiles enrich-service (main and test) and prints its test class path: classes, test classes, dependencies.
# Used by enrich-quality.sh and enrich-jmh.sh. Offline when the local Maven repository already holds everything.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module="$root/enrich-service"
offline="${MAVEN_OFFLINE:--o}"
(cd "$root" && ./mvnw $offline -q -pl enrich-service test-compile dependency:build-classpath \
    -Dmdep.outputFile="$module/target/test-classpath.txt" -Dmdep.includeScope=test >&2)
echo "$module/target/test-classes:$module/target/classes:$(cat "$module/target/test-classpath.txt")"
