#!/usr/bin/env bash
# Creates (or updates) the Secrets that the PaperPulse manifests reference, from a git-ignored
# env file. The values never enter the repository or the kustomize output.
#
#   ./create-secrets.sh --generate        write secrets.env from secrets.env.example, with a
#                                         random value for every empty entry and a self-signed
#                                         gateway certificate beside it (never overwrites)
#   ./create-secrets.sh                   create/update the Secrets in namespace paperpulse
#   ./create-secrets.sh --dry-run         print the Secret manifests instead of applying them
# Options: --env-file FILE (default: secrets.env beside this script), --namespace NS.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
env_file="$here/secrets.env"
namespace=paperpulse
generate=false
dry_run=false
while [ $# -gt 0 ]; do
  case "$1" in
    --generate) generate=true ;;
    --dry-run) dry_run=true ;;
    --env-file) env_file="$2"; shift ;;
    --namespace) namespace="$2"; shift ;;
    -h|--help) sed -n '2,11p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done

if $generate; then
  if [ -e "$env_file" ]; then
    echo "$env_file exists: not overwriting it" >&2
    exit 1
  fi
  umask 077
  tls_dir="$(cd "$(dirname "$env_file")" && pwd)"
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
      MONGODB_KEYFILE=) echo "MONGODB_KEYFILE=$(openssl rand -base64 756 | tr -d '\n')" ;;
      # Self-signed, for a laptop cluster: curl --cacert "$tls_dir/gateway-tls.crt" https://paperpulse.localhost/...
      GATEWAY_TLS_CERT_FILE=)
        openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=paperpulse.localhost" \
          -addext "subjectAltName=DNS:paperpulse.localhost,DNS:localhost" \
          -keyout "$tls_dir/gateway-tls.key" -out "$tls_dir/gateway-tls.crt" 2> /dev/null
        echo "GATEWAY_TLS_CERT_FILE=$tls_dir/gateway-tls.crt" ;;
      GATEWAY_TLS_KEY_FILE=) echo "GATEWAY_TLS_KEY_FILE=$tls_dir/gateway-tls.key" ;;
      [A-Z]*=) echo "${line}$(openssl rand -hex 24)" ;;
      *) echo "$line" ;;
    esac
  done < "$here/secrets.env.example" > "$env_file"
  echo "wrote $env_file"
  exit 0
fi

if [ ! -f "$env_file" ]; then
  echo "$env_file not found: run '$0 --generate' or copy secrets.env.example and fill it in" >&2
  exit 1
fi

# Read KEY=VALUE lines without executing the file.
declare -A values
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    ''|'#'*) continue ;;
  esac
  values["${line%%=*}"]="${line#*=}"
done < "$env_file"

optional() {
  printf '%s' "${values[$1]:-}"
}
value() {
  local v="${values[$1]:-}"
  if [ -z "$v" ]; then
    echo "$1 is empty in $env_file" >&2
    exit 1
  fi
  printf '%s' "$v"
}
url_safe() {
  local v
  v="$(value "$1")"
  if [[ ! "$v" =~ ^[A-Za-z0-9._~-]+$ ]]; then
    echo "$1 may contain only A-Z a-z 0-9 . _ ~ - (it goes into a MongoDB connection string)" >&2
    exit 1
  fi
  printf '%s' "$v"
}

# Check every value first: the checks inside the <(...) below could not stop the script.
for key in MONGODB_ROOT_USERNAME MONGODB_ROOT_PASSWORD MONGODB_INGEST_USERNAME \
           MONGODB_INGEST_PASSWORD MONGODB_QUERY_USERNAME MONGODB_QUERY_PASSWORD \
           MONGODB_NOTIFY_USERNAME MONGODB_NOTIFY_PASSWORD; do
  url_safe "$key" > /dev/null
done
value MONGODB_KEYFILE > /dev/null
value PAPERPULSE_INGEST_KEY > /dev/null
value PAPERPULSE_NOTIFY_KEY > /dev/null
value PAPERPULSE_NOTIFY_SIGNING_KEY > /dev/null
tls_cert="$(optional GATEWAY_TLS_CERT_FILE)"
tls_key="$(optional GATEWAY_TLS_KEY_FILE)"
if [ -n "$tls_cert$tls_key" ] && { [ ! -f "$tls_cert" ] || [ ! -f "$tls_key" ]; }; then
  echo "GATEWAY_TLS_CERT_FILE and GATEWAY_TLS_KEY_FILE must both name PEM files (or both be empty)" >&2
  exit 1
fi

# Values are passed through file descriptors, never on a command line (visible in `ps`).
secret() {
  local type="$1" name="$2"; shift 2
  local manifest
  manifest="$(kubectl create secret "$type" "$name" --namespace "$namespace" "$@" --dry-run=client -o yaml)"
  if $dry_run; then
    printf -- '---\n%s\n' "$manifest"
  else
    printf '%s\n' "$manifest" | kubectl apply -f -
  fi
}

secret generic mongodb-root \
  --from-file=username=<(url_safe MONGODB_ROOT_USERNAME) \
  --from-file=password=<(url_safe MONGODB_ROOT_PASSWORD)
secret generic mongodb-keyfile \
  --from-file=keyfile=<(value MONGODB_KEYFILE)
secret generic ingest-service-mongodb \
  --from-file=username=<(url_safe MONGODB_INGEST_USERNAME) \
  --from-file=password=<(url_safe MONGODB_INGEST_PASSWORD)
secret generic query-service-mongodb \
  --from-file=username=<(url_safe MONGODB_QUERY_USERNAME) \
  --from-file=password=<(url_safe MONGODB_QUERY_PASSWORD)
secret generic ingest-service-api-key \
  --from-file=key=<(value PAPERPULSE_INGEST_KEY)
secret generic notify-service-mongodb \
  --from-file=username=<(url_safe MONGODB_NOTIFY_USERNAME) \
  --from-file=password=<(url_safe MONGODB_NOTIFY_PASSWORD)
secret generic notify-service-keys \
  --from-file=api-key=<(value PAPERPULSE_NOTIFY_KEY) \
  --from-file=signing-key=<(value PAPERPULSE_NOTIFY_SIGNING_KEY)
secret generic notify-service-smtp \
  --from-file=username=<(optional SMTP_USERNAME) \
  --from-file=password=<(optional SMTP_PASSWORD)
if [ -n "$tls_cert" ]; then
  secret tls paperpulse-gateway-tls --cert="$tls_cert" --key="$tls_key"
else
  echo "GATEWAY_TLS_CERT_FILE is empty: leaving Secret paperpulse-gateway-tls to whatever manages it (cert-manager)" >&2
fi
