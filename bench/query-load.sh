#!/usr/bin/env bash
# Load benchmark of the gateway (issue 4): starts the local infrastructure (real KRaft broker, embedded
# MongoDB-protocol store on H2) and query-service from the built jars on free ports, publishes PAPERS enriched papers
# (variations of the real abstracts of the sample digest) to papers.enriched, then measures with wrk, at 1 and at
# CONNECTIONS concurrent connections: GET /papers?q=, GET /papers?dataset=, GET /trending, and GET /papers/{id} (one
# lookup by id: the floor of the service itself). For each it also reads Micrometer's MongoDB command timers to
# tell how much of the time is spent in the store. Stops everything it started.
# Usage: bench/query-load.sh [PAPERS]
#   env: BENCH_CONNECTIONS=100, BENCH_DURATION=30s, BENCH_SERIAL_DURATION=10s, BENCH_DRAIN_TIMEOUT=900 (seconds),
#        BENCH_STORE=h2 (the local infrastructure's store) or memory (the same server on its memory backend)
# Results: bench/results/query-load-<time>/ (summary.md, raw wrk output, logs).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PAPERS=${1:-20000}
CONNECTIONS=${BENCH_CONNECTIONS:-100}
DURATION=${BENCH_DURATION:-30s}
SERIAL_DURATION=${BENCH_SERIAL_DURATION:-10s}
DRAIN_TIMEOUT=${BENCH_DRAIN_TIMEOUT:-900}
STORE=${BENCH_STORE:-h2}
VERSION=1.0.0-SNAPSHOT
INFRA_JAR=$ROOT/local-infra/target/local-infra-$VERSION.jar
QUERY_JAR=$ROOT/query-service/target/quarkus-app/quarkus-run.jar
SAMPLE=$ROOT/samples/digests/trending-papers-mar-11.txt
OUT=$ROOT/bench/results/query-load-$(date +%Y%m%d-%H%M%S)
WORK=$(mktemp -d -t paperpulse-bench.XXXXXX)
PIDS=()

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$OUT/bench.log"; }

stop_all() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

wait_for() { # description, seconds, command...
  local what=$1 seconds=$2; shift 2
  for _ in $(seq $((seconds * 2))); do
    if "$@" > /dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  log "timed out after ${seconds}s waiting for $what; logs in $OUT"
  exit 1
}

json_field() { sed -n "s/.*\"$1\":\\([0-9.]*\\).*/\\1/p"; }

# sum over every series of a Prometheus metric whose labels match a pattern
metric_sum() { # name, label pattern
  curl -sf "$GATEWAY/q/metrics" | awk -v name="$1" -v pattern="$2" \
    'index($0, name "{") == 1 && $0 ~ pattern { sum += $NF } END { printf "%.6f\n", sum + 0 }'
}

mkdir -p "$OUT"
command -v wrk > /dev/null || { log "installing wrk"; apt-get install -y -q wrk > /dev/null 2>&1 || { apt-get update -q > /dev/null && apt-get install -y -q wrk > /dev/null; }; }
if [ ! -f "$INFRA_JAR" ] || [ ! -f "$QUERY_JAR" ]; then
  log "building local-infra and query-service"
  (cd "$ROOT" && ./mvnw -q -B package -DskipTests -pl local-infra,query-service -am)
fi

KAFKA_PORT=$(free_port) KAFKA_CONTROLLER_PORT=$(free_port) MONGODB_PORT=$(free_port) QUERY_PORT=$(free_port)
export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT MONGODB_URI=mongodb://127.0.0.1:$MONGODB_PORT
GATEWAY=http://127.0.0.1:$QUERY_PORT

log "starting the local infrastructure (kafka :$KAFKA_PORT, mongodb :$MONGODB_PORT) in $WORK"
PAPERPULSE_HOME=$WORK KAFKA_PORT=$KAFKA_PORT KAFKA_CONTROLLER_PORT=$KAFKA_CONTROLLER_PORT MONGODB_PORT=$MONGODB_PORT \
  java -Xmx1g -jar "$INFRA_JAR" > "$OUT/infra.log" 2>&1 &
PIDS+=($!)
wait_for "the local infrastructure" 120 grep -q "local infrastructure ready" "$OUT/infra.log"
if [ "$STORE" = memory ]; then
  MEMORY_PORT=$(free_port)
  export MONGODB_URI=mongodb://127.0.0.1:$MEMORY_PORT
  log "starting the embedded store on its memory backend (:$MEMORY_PORT); the H2 one stays idle"
  java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$INFRA_JAR:$ROOT/local-infra/target/lib/*" \
    "$ROOT/bench/MemoryStore.java" "$MEMORY_PORT" > "$OUT/memory-store.log" 2>&1 &
  PIDS+=($!)
  wait_for "the memory store" 120 grep -q "memory store ready" "$OUT/memory-store.log"
fi

log "starting query-service on :$QUERY_PORT"
QUERY_PORT=$QUERY_PORT java -Xmx512m -jar "$QUERY_JAR" > "$OUT/query-service.log" 2>&1 &
PIDS+=($!)
wait_for "query-service" 120 curl -sf "$GATEWAY/q/health/ready"

log "publishing $PAPERS papers to papers.enriched"
started=$SECONDS
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$INFRA_JAR:$ROOT/local-infra/target/lib/*" \
  "$ROOT/bench/QueryBenchLoader.java" "$SAMPLE" "$PAPERS" "$KAFKA_BOOTSTRAP_SERVERS" 2>&1 | tee -a "$OUT/bench.log"
# every poll is a full scan on the embedded store: poll rarely, not to slow the load down
until [ "$(curl -sf "$GATEWAY/papers?size=1&sort=date" | json_field total)" = "$PAPERS" ]; do
  [ $((SECONDS - started)) -lt 3600 ] || { log "timed out waiting for $PAPERS papers at the gateway"; exit 1; }
  sleep 5
done
log "stored $PAPERS papers in $((SECONDS - started)) s"
# digest days are recomputed shortly after the last write: wait until two readings a few seconds apart agree
previous=""
for _ in $(seq 120); do
  current=$(curl -sf "$GATEWAY/digests?size=100")$(curl -sf "$GATEWAY/trending")
  [ -n "$previous" ] && [ "$current" = "$previous" ] && break
  previous=$current
  sleep 3
done
log "digest days settled: $(curl -sf "$GATEWAY/stats")"

Q_PATHS=$WORK/q.paths DATASET_PATHS=$WORK/dataset.paths TRENDING_PATHS=$WORK/trending.paths ID_PATHS=$WORK/id.paths
for q in "language models" pretraining "graph neural networks" "knowledge distillation" "image classification" \
  benchmark "question answering" transformer BERT "self-supervised learning" ImageNet "efficient training"; do
  echo "/papers?q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$q")"
done > "$Q_PATHS"
for d in ImageNet CIFAR-10 PubMed Cora IMDB BLURB GLUE SQuAD "MS MARCO" COCO CaseHOLD ogbn-arxiv; do
  echo "/papers?dataset=${d// /%20}"
done > "$DATASET_PATHS"
printf '%s\n' /trending "/trending?type=model" "/trending?type=dataset" "/trending?days=14" "/trending?days=3&limit=50" > "$TRENDING_PATHS"
for i in $(seq 0 199); do printf '/papers/bench%05d\n' $(( (i * 97) % PAPERS )); done > "$ID_PATHS"
for f in "$Q_PATHS" "$DATASET_PATHS" "$TRENDING_PATHS" "$ID_PATHS"; do cp "$f" "$OUT/"; done
log "matches: $(while read -r p; do printf '%s=%s ' "${p#*\?}" "$(curl -sf "$GATEWAY$p&size=1" | json_field total)"; done < "$Q_PATHS")"
log "matches: $(while read -r p; do printf '%s=%s ' "${p#*\?}" "$(curl -sf "$GATEWAY$p&size=1" | json_field total)"; done < "$DATASET_PATHS")"

run_wrk() { # name, paths file, connections, duration
  local threads=2
  [ "$3" -lt 2 ] && threads=1
  WRK_PATHS=$2 wrk -t"$threads" -c"$3" -d"$4" --timeout 60s --latency -s "$ROOT/bench/query-paths.lua" "$GATEWAY" \
    > "$OUT/wrk-$1-c$3.txt" 2>&1
  grep '^RESULT ' "$OUT/wrk-$1-c$3.txt" | sed 's/^RESULT //'
}

# requests of a finished run that the server still works through would slow the next one down
wait_idle() {
  local waited=0
  until [ "$(metric_sum http_server_active_requests .)" = "1.000000" ]; do # 1: this scrape
    [ $waited -lt "$DRAIN_TIMEOUT" ] || { log "the gateway is still busy after ${DRAIN_TIMEOUT}s"; return; }
    sleep 2
    waited=$((waited + 2))
  done
}

SUMMARY=$OUT/summary.md
row() { # endpoint, connections, wrk result (JSON), store and server columns
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$2" "$(json_field rps <<< "$3")" \
    "$(json_field p50_ms <<< "$3")" "$(json_field p90_ms <<< "$3")" "$(json_field p99_ms <<< "$3")" \
    "$(json_field max_ms <<< "$3")" "$(json_field non2xx <<< "$3")" "$4" >> "$SUMMARY"
}

measure() { # endpoint, slug, paths file, connections, duration: one wrk run and its row
  wait_idle
  local store0 http0 count0 result
  store0=$(metric_sum mongodb_driver_commands_seconds_sum 'command="(find|aggregate)"')
  http0=$(metric_sum http_server_requests_seconds_sum 'uri="/(papers|trending)')
  count0=$(metric_sum http_server_requests_seconds_count 'uri="/(papers|trending)')
  log "$1: $4 connection(s), $5"
  result=$(run_wrk "$2" "$3" "$4" "$5")
  log "$1: $result"
  row "$1" "$4" "$result" "$(awk -v s="$(metric_sum mongodb_driver_commands_seconds_sum 'command="(find|aggregate)"')" \
    -v s0="$store0" -v h="$(metric_sum http_server_requests_seconds_sum 'uri="/(papers|trending)')" -v h0="$http0" \
    -v n="$(metric_sum http_server_requests_seconds_count 'uri="/(papers|trending)')" -v n0="$count0" \
    'BEGIN { r = n - n0; if (r > 0) printf "%.1f | %.1f", (s - s0) * 1000 / r, (h - h0) * 1000 / r; else printf "- | -" }')"
}

{
  echo "# query-service load benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "$PAPERS papers; embedded store (mongo-java-server, $STORE backend), Kafka and query-service on one machine:"
  echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "wrk --latency --timeout 60s: $SERIAL_DURATION at 1 connection, $DURATION at $CONNECTIONS, each after a 1-connection"
  echo "warm-up and once the previous run's requests are served. Store: MongoDB find+aggregate time per request"
  echo "(Micrometer, as the service waits for it); server: the service's own request time."
  echo
  echo "| endpoint | connections | req/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | store ms/req | server ms/req |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
} > "$SUMMARY"

for scenario in "GET /papers/{id}:$ID_PATHS" "GET /trending:$TRENDING_PATHS" "GET /papers?dataset=:$DATASET_PATHS" \
  "GET /papers?q=:$Q_PATHS"; do
  name=${scenario%%:*} paths=${scenario#*:}
  slug=$(basename "$paths" .paths)
  wait_idle
  log "$name: warm-up"
  run_wrk "$slug-warmup" "$paths" 1 10s > /dev/null
  measure "$name" "$slug" "$paths" 1 "$SERIAL_DURATION"
  measure "$name" "$slug" "$paths" "$CONNECTIONS" "$DURATION"
done

log "done; summary in $SUMMARY"
cat "$SUMMARY"
