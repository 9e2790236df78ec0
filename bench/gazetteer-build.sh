#!/usr/bin/env bash
# Rebuilds the gazetteer the extractor reads (enrich-service/src/main/resources/gazetteer/*.txt) from its source
# lists (enrich-service/src/main/gazetteer-sources/<type>/*.txt, each with its source in its header): sorted, without
# duplicates or the names of gazetteer-sources/excluded/<type>.txt. Local files only; nothing is fetched.
#   bench/gazetteer-build.sh           # rewrites the gazetteer files that changed
#   bench/gazetteer-build.sh --check   # exit 1 when a gazetteer file is not what its sources build
# A changed gazetteer changes the extractor's output: raise PaperExtractor.VERSION, then bench/enrich-golden.sh --update.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cp="$("$root/bench/enrich-classpath.sh")"
cd "$root/enrich-service"
exec java -cp "$cp" io.paperpulse.enrich.gazetteer.GazetteerBuild "$@"
