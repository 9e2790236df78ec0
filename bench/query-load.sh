#!/usr/bin/env bash
# Gateway at scale (issue 9), on the embedded default as `./paperpulse up` runs it: the broker and the store in two
# JVMs, the three services from their jars, each with a 512 MB heap at most, on free ports. Then:
#  1. backfill: PAGES dated variants of the sample page (62 papers each, titles suffixed so every paper is new) pushed
#     onto digests.raw, timed until the gateway counts them all, beside a raw Kafka round trip of the same bytes; the
#     CPU seconds each process spent on it, and every consumer group's progress (consumer-lag.txt: which stage lags);
#  2. one request at a time (wrk, 1 connection) per endpoint: p50 and p99;
#  3. the same requests mixed over CONNECTIONS connections for DURATION;
#  4. the resident memory of every process;
#  5. a second gateway replica started on an empty index: time until it serves every paper.
# Usage: bench/query-load.sh [PAGES]   (323 pages = 20,026 papers; 1613 = 100,006)
#   env: BENCH_CONNECTIONS=100, BENCH_DURATION=60s, BENCH_SERIAL_DURATION=10s,
#        BENCH_JFR=1 (a JFR profile of the store and of each service in the results),
#        BENCH_BACKFILL_ONLY=1 (stop after step 1), BENCH_JVM_OPTS (more options for every JVM it starts),
#        BENCH_QUERY_JVM_OPTS (more for the gateway's)
# Results: bench/results/query-load-<time>/ (summary.md, raw wrk output, logs). Stops everything it started.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PAGES=${1:-323}
CONNECTIONS=${BENCH_CONNECTIONS:-100}
DURATION=${BENCH_DURATION:-60s}
SERIAL_DURATION=${BENCH_SERIAL_DURATION:-10s}
VERSION=1.0.0-SNAPSHOT
INFRA_JAR=$ROOT/local-infra/target/local-infra-$VERSION.jar
SAMPLE=$ROOT/samples/digests/trending-papers-mar-11.txt
OUT=$ROOT/bench/results/query-load-$(date +%Y%m%d-%H%M%S)
WORK=$(mktemp -d -t paperpulse-bench.XXXXXX)
PIDS=()
declare -A PID_OF

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$OUT/bench.log"; }

stop_all() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

wait_for() { # description, seconds, command...
  local what=$1 seconds=$2; shift 2
  for _ in $(seq $((seconds * 5))); do
    if "$@" > /dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  log "timed out after ${seconds}s waiting for $what; logs in $OUT"
  exit 1
}

json_field() { sed -n "s/.*\"$1\":\\([0-9.]*\\).*/\\1/p"; }

run() { # name, log, command...: starts a component and remembers its pid
  local name=$1 logfile=$2; shift 2
  "$@" > "$logfile" 2>&1 &
  PIDS+=($!)
  PID_OF[$name]=$!
}

mkdir -p "$OUT"
command -v wrk > /dev/null || { log "installing wrk"; apt-get install -y -q wrk > /dev/null 2>&1 || { apt-get update -q > /dev/null && apt-get install -y -q wrk > /dev/null; }; }
missing=0
for jar in "$INFRA_JAR" "$ROOT"/{ingest,enrich,query}-service/target/quarkus-app/quarkus-run.jar; do [ -f "$jar" ] || missing=1; done
if [ $missing = 1 ]; then
  log "building local-infra and the services"
  (cd "$ROOT" && ./mvnw -q -B package -DskipTests -pl local-infra,ingest-service,enrich-service,query-service -am)
fi

export KAFKA_PORT=$(free_port) KAFKA_CONTROLLER_PORT=$(free_port) MONGODB_PORT=$(free_port)
export QUERY_PORT=$(free_port) INGEST_PORT=$(free_port) ENRICH_PORT=$(free_port)
export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT MONGODB_URI=mongodb://127.0.0.1:$MONGODB_PORT
export PAPERPULSE_INGEST_KEY=bench QUERY_INDEX_DIR=$WORK/index PAPERPULSE_HOME=$WORK
GATEWAY=http://127.0.0.1:$QUERY_PORT
JVM=(java -Xmx512m -XX:+UseSerialGC ${BENCH_JVM_OPTS:-})

log "starting the broker (:$KAFKA_PORT) and the store (:$MONGODB_PORT) in $WORK"
run broker "$OUT/broker.log" "${JVM[@]}" -jar "$INFRA_JAR" broker
store_profile=()
[ "${BENCH_JFR:-0}" = 1 ] && store_profile=(-XX:StartFlightRecording=filename=$OUT/store.jfr,settings=profile)
run store "$OUT/store.log" "${JVM[@]}" "${store_profile[@]}" -jar "$INFRA_JAR" store
wait_for "the broker" 120 grep -q "local broker ready" "$OUT/broker.log"
wait_for "the store" 120 grep -q "local store ready" "$OUT/store.log"
for s in ingest enrich query; do
  profile=()
  [ "${BENCH_JFR:-0}" = 1 ] && profile=(-XX:StartFlightRecording=filename=$OUT/$s-service.jfr,settings=profile)
  [ "$s" = query ] && profile+=(-XX:-UseSerialGC -XX:+UseG1GC ${BENCH_QUERY_JVM_OPTS:-}) # as ./paperpulse up runs it
  run "$s-service" "$OUT/$s-service.log" "${JVM[@]}" "${profile[@]}" -jar "$ROOT/$s-service/target/quarkus-app/quarkus-run.jar"
done
for port in "$INGEST_PORT" "$ENRICH_PORT" "$QUERY_PORT"; do
  wait_for "the service on :$port" 120 curl -sf "http://127.0.0.1:$port/q/health/ready"
done

cpu_seconds() { # name: user + system CPU seconds of a component so far
  awk '{printf "%.1f", ($14 + $15) / 100}' "/proc/${PID_OF[$1]}/stat"
}
COMPONENTS=(broker store ingest-service enrich-service query-service)
declare -A CPU_BEFORE
for name in "${COMPONENTS[@]}"; do CPU_BEFORE[$name]=$(cpu_seconds "$name"); done
log "backfill: $PAGES pages"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$INFRA_JAR:$ROOT/local-infra/target/lib/*" \
  "$ROOT/bench/ConsumerLag.java" "$KAFKA_BOOTSTRAP_SERVERS" > "$OUT/consumer-lag.txt" 2>&1 &
LAG_PID=$!
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$INFRA_JAR:$ROOT/local-infra/target/lib/*" \
  "$ROOT/bench/Backfill.java" "$SAMPLE" "$PAGES" "$KAFKA_BOOTSTRAP_SERVERS" "$GATEWAY" "$(date -u +%F)" > "$OUT/backfill.txt" 2>&1
kill "$LAG_PID"
BACKFILL=$(grep '^RESULT ' "$OUT/backfill.txt" | sed 's/^RESULT //')
log "backfill: $BACKFILL"
BACKFILL_CPU=""
for name in "${COMPONENTS[@]}"; do
  BACKFILL_CPU+="$name $(awk -v a="${CPU_BEFORE[$name]}" -v b="$(cpu_seconds "$name")" 'BEGIN { printf "%.1f", b - a }') s, "
done
log "CPU spent on the backfill: ${BACKFILL_CPU%, }"
# the bytes each hop moved (compressed as the broker stores them), beside the one hop of the raw round trip
TOPIC_BYTES=""
for topic in bench.roundtrip digests.raw papers.parsed papers.enriched papers.merged; do
  TOPIC_BYTES+="$topic $(find "$WORK"/kafka/logs -path "*/$topic*-[0-9]*/*.log" -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1e6 }') MB, "
done
log "bytes on the broker after the backfill: ${TOPIC_BYTES%, }"
if [ "${BENCH_BACKFILL_ONLY:-0}" = 1 ]; then
  printf 'Backfill of %s pages: %s\n\nCPU spent on the backfill (JIT compilation included): %s\n\nBytes on the broker: %s\n' \
    "$PAGES" "$BACKFILL" "${BACKFILL_CPU%, }" "${TOPIC_BYTES%, }" > "$OUT/summary.md"
  [ "${BENCH_JFR:-0}" = 1 ] && for name in store ingest-service enrich-service query-service; do
    jcmd "${PID_OF[$name]}" JFR.dump filename="$OUT/$name.jfr" > /dev/null; done
  exit 0
fi
PAPERS=$(json_field servedNew <<< "$BACKFILL")
STATS=$(curl -sf "$GATEWAY/stats")
log "stats: $STATS"

FIRST_DAY=$(date -u +%F)
MID_DAY=$(date -u -d "-$((PAGES / 2)) days" +%F)
printf '%s\n' "/papers?size=20" > "$WORK/papers.paths"
printf '%s\n' "/papers?q=language%20models" "/papers?q=knowledge%20distillation" "/papers?q=graph%20neural" \
  "/papers?q=image%20classification" "/papers?q=question%20answering" "/papers?q=pretrained%20transformers" > "$WORK/q.paths"
printf '%s\n' "/papers?dataset=ImageNet" "/papers?dataset=GLUE" "/papers?dataset=SQuAD" "/papers?dataset=PubMed" > "$WORK/dataset.paths"
printf '%s\n' "/papers?model=bert&sort=date" "/papers?model=gpt&sort=date" "/papers?model=roberta&sort=date" > "$WORK/model.paths"
printf '%s\n' "/entities?type=DATASET" "/entities?type=MODEL" "/entities?type=TASK&page=1" > "$WORK/entities.paths"
printf '%s\n' "/trending" "/trending?type=model" "/trending?days=30" > "$WORK/trending.paths"
printf '%s\n' "/digests/$FIRST_DAY" "/digests/$MID_DAY" "/digests/$MID_DAY?page=2" > "$WORK/digest.paths"
printf '%s\n' "/stats" > "$WORK/stats.paths"
# two-word queries (and pages) that each come once in a run: what a search costs when no earlier page of it is cached
words=(language model graph neural image classification question answering transformer pretrained training vision
  learning knowledge distillation retrieval benchmark dataset efficient attention detection segmentation generation)
for a in "${words[@]}"; do for b in "${words[@]}"; do for p in 0 1 2 3 4 5 6 7 8 9; do
  if [ "$a" != "$b" ]; then echo "/papers?q=$a%20$b&page=$p"; fi; done; done; done \
  | shuf --random-source=<(yes) > "$WORK/distinct-q.paths"
cat "$WORK"/{papers,q,dataset,model,entities,trending,digest,stats}.paths > "$WORK/mixed.paths"
cp "$WORK"/*.paths "$OUT/"

run_wrk() { # slug, paths file, connections, duration
  local threads=2
  [ "$3" -lt 2 ] && threads=1
  WRK_PATHS=$2 wrk -t"$threads" -c"$3" -d"$4" --timeout 30s --latency -s "$ROOT/bench/query-paths.lua" "$GATEWAY" \
    > "$OUT/wrk-$1-c$3.txt" 2>&1
  grep '^RESULT ' "$OUT/wrk-$1-c$3.txt" | sed 's/^RESULT //'
}

SUMMARY=$OUT/summary.md
row() { # endpoint, connections, wrk result
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$2" "$(json_field rps <<< "$3")" "$(json_field p50_ms <<< "$3")" \
    "$(json_field p99_ms <<< "$3")" "$(json_field max_ms <<< "$3")" "$(json_field non2xx <<< "$3")" \
    "$(( $(json_field errors <<< "$3") + $(json_field timeouts <<< "$3") ))" >> "$SUMMARY"
}
{
  echo "# Gateway at scale, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo); broker, store and three services on this machine, -Xmx512m each."
  echo
  echo "Backfill of $PAGES pages: $BACKFILL"
  echo
  echo "CPU spent on the backfill (JIT compilation included): ${BACKFILL_CPU%, }"
  echo
  echo "Bytes on the broker after the backfill: ${TOPIC_BYTES%, }"
  echo
  echo "Stats: $STATS"
  echo
  echo "| request | connections | req/s | p50 ms | p99 ms | max ms | non-2xx | errors |"
  echo "|---|---|---|---|---|---|---|---|"
} > "$SUMMARY"

for slug in papers q distinct-q dataset model entities trending digest stats; do
  [ "$slug" = distinct-q ] || run_wrk "$slug-warmup" "$WORK/$slug.paths" 1 3s > /dev/null
  result=$(run_wrk "$slug" "$WORK/$slug.paths" 1 "$SERIAL_DURATION")
  log "$slug, one at a time: $result"
  label=$(head -1 "$WORK/$slug.paths")
  [ "$slug" = distinct-q ] && label="/papers?q= (two words, each query once: no cached page)"
  row "$label" 1 "$result"
done
result=$(run_wrk mixed "$WORK/mixed.paths" "$CONNECTIONS" "$DURATION")
log "mixed, $CONNECTIONS connections: $result"
row "all of the above, mixed" "$CONNECTIONS" "$result"

{
  echo
  echo "| process | RSS MB |"
  echo "|---|---|"
  for name in broker store ingest-service enrich-service query-service; do
    echo "| $name | $(( $(ps -o rss= -p "${PID_OF[$name]}") / 1024 )) |"
  done
} >> "$SUMMARY"
for name in broker store ingest-service enrich-service query-service; do
  kill -0 "${PID_OF[$name]}" 2>/dev/null || { log "$name died; see $OUT/$name.log"; echo "$name DIED" >> "$SUMMARY"; }
done

REPLICA_PORT=$(free_port)
log "a second gateway replica on an empty index (:$REPLICA_PORT)"
started=$(date +%s.%N)
QUERY_PORT=$REPLICA_PORT QUERY_INDEX_DIR=$WORK/index-replica run replica "$OUT/replica.log" "${JVM[@]}" -XX:-UseSerialGC -XX:+UseG1GC -jar "$ROOT/query-service/target/quarkus-app/quarkus-run.jar"
wait_for "the replica" 600 sh -c "curl -sf 'http://127.0.0.1:$REPLICA_PORT/papers?size=1' | grep -q '\"total\":$(json_field papers <<< "$STATS")[,}]'"
took=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
log "the replica serves every paper $took s after it was started"
{ echo; echo "A second replica started on an empty index served all $(json_field papers <<< "$STATS") papers after $took s (JVM start included)."; } >> "$SUMMARY"

log "done; summary in $SUMMARY"
cat "$SUMMARY"
