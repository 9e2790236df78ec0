#!/usr/bin/env bash
# Prints precision, recall and F1 of the extractor on the labelled dev set
# (enrich-service/src/test/resources/devset/*.labels.jsonl): per entity type, metrics (span + kind + value, and text
# only) and links, per page and over all pages.
#   bench/enrich-quality.sh             # the figures
#   bench/enrich-quality.sh --verbose   # plus every miss (FN) and false hit (FP)
#   bench/enrich-quality.sh --dump      # what the extractor finds on every paper
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cp="$("$root/bench/enrich-classpath.sh")"
cd "$root/enrich-service"
exec java -cp "$cp" io.paperpulse.enrich.quality.QualityReport "$@"
