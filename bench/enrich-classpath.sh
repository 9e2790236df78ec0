#!/usr/bin/env bash
# Compiles enrich-service (main and test) together with the reactor modules it depends on (-am: no `mvn install`
# needed, a fresh clone works) and prints its test class path: classes, test classes, dependencies.
# Used by enrich-quality.sh, enrich-golden.sh and enrich-jmh.sh. MAVEN_OFFLINE=-o builds without the network.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module="$root/enrich-service"
(cd "$root" && ./mvnw ${MAVEN_OFFLINE:-} -B -q -pl enrich-service -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >&2)
echo "$module/target/test-classes:$module/target/classes:$(cat "$module/target/test-classpath.txt")"
