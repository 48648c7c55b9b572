#!/usr/bin/env bash
# Batch throughput and memory: builds a synthetic folder of N pages from samples/ (copies
# with small variations, 1,000 per sub-folder), runs the release binary over it and prints
# pages per second and peak RSS.
#
#   scripts/bench-batch.sh [N] [JOBS]        (defaults: 1000 pages, 2 jobs)
#
# Environment:
#   PAPERSIFT  binary to run (default: $CARGO_TARGET_DIR or target, /release/papersift;
#              build it first with `cargo build --release`)
#   OUTPUT     `folder` (default: -o DIR, one file per record) or `jsonl` (--jsonl FILE)
#   KEEP=1     keep the generated pages and output (printed at the end)
#   WORK       where to build the pages (default: a new temporary folder)
#
# Needs GNU time at /usr/bin/time for the peak RSS (Debian package `time`); this script
# installs nothing.
set -euo pipefail

pages=${1:-1000}
jobs=${2:-2}
root=$(cd "$(dirname "$0")/.." && pwd)
binary=${PAPERSIFT:-${CARGO_TARGET_DIR:-$root/target}/release/papersift}
output_mode=${OUTPUT:-folder}

if [[ ! -x $binary ]]; then
    echo "bench-batch: no binary at $binary (run: cargo build --release)" >&2
    exit 1
fi
if [[ ! -x /usr/bin/time ]]; then
    echo "bench-batch: /usr/bin/time not found (Debian package: time)" >&2
    exit 1
fi

work=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/papersift-bench.XXXXXX")}
if [[ -z ${KEEP:-} ]]; then
    trap 'rm -rf "$work"' EXIT
fi
input=$work/pages
mkdir -p "$input"

# The seed pages, read once into memory.
seeds=()
for file in "$root"/samples/*; do
    [[ -f $file && $file != *.json ]] && seeds+=("$(<"$file")")
done
if ((${#seeds[@]} == 0)); then
    echo "bench-batch: no pages in samples/" >&2
    exit 1
fi

# Copies with small variations (a changed number on the first line and an extra line) so
# that every page has its own content hash. Shell builtins only: no process per file.
existing=$(find "$input" -type f | wc -l)
if ((existing != pages)); then
    rm -rf "$input"
    mkdir -p "$input"
    echo "bench-batch: writing $pages pages to $input" >&2
    for ((i = 0; i < pages; i++)); do
        dir=$input/part$((i / 1000))
        ((i % 1000 == 0)) && mkdir -p "$dir"
        seed=${seeds[i % ${#seeds[@]}]}
        printf '%s\nPage variant %d of the synthetic batch (seed %d).\n' \
            "${seed/[0-9]/$((i % 10))}" "$i" "$((i % ${#seeds[@]}))" >"$dir/page$i.txt"
    done
fi
bytes=$(du -sb "$input" | cut -f1)

out=$work/out
rm -rf "$out" "$work/out.jsonl"
case $output_mode in
    folder) target=(-o "$out") ;;
    jsonl) target=(--jsonl "$work/out.jsonl") ;;
    *)
        echo "bench-batch: OUTPUT must be folder or jsonl" >&2
        exit 2
        ;;
esac

summary=$work/summary.json
timing=$work/time.txt
set +e
/usr/bin/time -v -o "$timing" "$binary" extract "$input" "${target[@]}" \
    --jobs "$jobs" --quiet --summary "$summary"
status=$?
set -e
if ((status != 0 && status != 3)); then
    echo "bench-batch: papersift exited with $status" >&2
    exit "$status"
fi

json_number() { grep -o "\"$1\": *[0-9.e+-]*" "$summary" | head -1 | sed 's/.*: *//'; }
processed=$(json_number processed)
elapsed=$(json_number elapsed_seconds)
rate=$(json_number files_per_second)
rss_kb=$(grep 'Maximum resident set size' "$timing" | awk '{print $NF}')
wall=$(grep 'Elapsed (wall clock)' "$timing" | awk '{print $NF}')

printf 'pages            %s (%s MB of input)\n' "$processed" "$((bytes / 1000000))"
printf 'jobs             %s\n' "$jobs"
printf 'output           %s\n' "$output_mode"
printf 'batch time       %.2f s (process wall clock %s)\n' "$elapsed" "$wall"
printf 'pages per second %.0f\n' "$rate"
awk -v kb="$rss_kb" 'BEGIN { printf "peak RSS         %.1f MB\n", kb / 1024 }'
if [[ -n ${KEEP:-} ]]; then
    echo "kept: $work"
fi
