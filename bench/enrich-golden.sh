#!/usr/bin/env bash
# The extractor's whole output on the dev set (enrich-service/src/test/resources/devset) against the checked-in
# golden file enrich-service/src/test/resources/golden/devset.golden.txt:
#   bench/enrich-golden.sh            # prints a per-paper diff; exit 1 when the output changed
#   bench/enrich-golden.sh --update   # writes the new output and records it with PaperExtractor.VERSION
#                                     # (refused while VERSION is the one the old output was recorded with)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cp="$("$root/bench/enrich-classpath.sh")"
cd "$root/enrich-service"
exec java -cp "$cp" io.paperpulse.enrich.golden.GoldenOutput "$@"
