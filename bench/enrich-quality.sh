#!/usr/bin/env bash
# Prints precision, recall and F1 of the extractor on each labelled set (enrich-service/src/test/resources/devset,
# recent/dev and recent/heldout, or the folders given): per entity type, metrics (span + kind + value, and text
# only) and links, per page and over all pages.
#   bench/enrich-quality.sh             # the figures
#   bench/enrich-quality.sh --verbose   # plus every miss (FN) and false hit (FP)
#   bench/enrich-quality.sh --dump      # what the extractor finds on every paper
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cp="$("$root/bench/enrich-classpath.sh")"
cd "$root/enrich-service"
# without a folder: the dev set (the sample and the assembled page), then the recent papers' dev part and held-out
# part (docs/labelling-conventions.md); tune rules on the first two only, and look at held-out misses never
options=() folders=()
for a in "$@"; do case $a in -*) options+=("$a") ;; *) folders+=("$a") ;; esac; done
[ ${#folders[@]} -gt 0 ] || folders=(src/test/resources/devset src/test/resources/recent/dev src/test/resources/recent/heldout)
for folder in "${folders[@]}"; do
  echo "### $folder"
  java -cp "$cp" io.paperpulse.enrich.quality.QualityReport "${options[@]}" "$folder"
done
