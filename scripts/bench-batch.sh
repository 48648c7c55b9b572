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
#   PAGES      take the pages from this folder (searched recursively) instead of samples/,
#              copied byte for byte in rotation (no variations), e.g. HTML or PDF pages:
#                PAGES=../shared/corpus/pages PATTERN=source.html scripts/bench-batch.sh 1000 2
#                PAGES=../shared/corpus/pages PATTERN=print.pdf scripts/bench-batch.sh 500 2
#                PAGES=samples PATTERN='000_*.txt' scripts/bench-batch.sh   (the seed page only)
#   PATTERN    file-name glob for PAGES (default: every file not ending in .json)
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

# What the folder was built from: a changed PAGES or PATTERN rebuilds it.
origin="${PAGES:-samples} ${PATTERN:-}"
existing=$(find "$input" -type f | wc -l)
if [[ $(cat "$work/origin" 2>/dev/null) != "$origin" ]]; then
    existing=-1
fi

if [[ -n ${PAGES:-} ]]; then
    # Pages copied as they are (HTML and PDF cannot pass through shell variables). The
    # first sub-folder is built file by file, the others are copies of it.
    seed_files=()
    while IFS= read -r -d '' file; do
        seed_files+=("$file")
    done < <(find -L "$PAGES" -type f -name "${PATTERN:-*}" ! -name '*.json' -print0 | sort -z)
    if ((${#seed_files[@]} == 0)); then
        echo "bench-batch: no pages matching '${PATTERN:-*}' under $PAGES" >&2
        exit 1
    fi
    if ((existing != pages)); then
        rm -rf "$input"
        mkdir -p "$input/part0"
        echo "bench-batch: copying $pages pages from $PAGES to $input" >&2
        first=$((pages < 1000 ? pages : 1000))
        for ((i = 0; i < first; i++)); do
            file=${seed_files[i % ${#seed_files[@]}]}
            extension=${file##*.}
            [[ $extension == "$file" || $extension == */* ]] && extension=page
            cp "$file" "$input/part0/page$i.$extension"
        done
        for ((part = 1; part * 1000 < pages; part++)); do
            cp -r "$input/part0" "$input/part$part"
        done
        # The last sub-folder may hold more than the count asks for.
        extra=$(((pages + 999) / 1000 * 1000 - pages))
        if ((pages > 1000 && extra > 0)); then
            find "$input/part$((part - 1))" -type f | head -n "$extra" | xargs rm -f
        fi
        echo "$origin" >"$work/origin"
    fi
else
    # The seed pages, read once into memory.
    seeds=()
    for file in "$root"/samples/*; do
        [[ -f $file && $file != *.json ]] && seeds+=("$(<"$file")")
    done
    if ((${#seeds[@]} == 0)); then
        echo "bench-batch: no pages in samples/" >&2
        exit 1
    fi

    # Copies with small variations (a changed number on the first line and an extra line)
    # so that every page has its own content hash. Shell builtins only: no process per file.
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
        echo "$origin" >"$work/origin"
    fi
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
user=$(grep 'User time (seconds)' "$timing" | awk '{print $NF}')
system=$(grep 'System time (seconds)' "$timing" | awk '{print $NF}')

printf 'pages            %s (%s MB of input)\n' "$processed" "$((bytes / 1000000))"
printf 'jobs             %s\n' "$jobs"
printf 'output           %s\n' "$output_mode"
printf 'batch time       %.2f s (process wall clock %s)\n' "$elapsed" "$wall"
printf 'pages per second %.0f\n' "$rate"
# On a shared machine the wall clock says more about the neighbours than about papersift;
# CPU time does not (pages per second per core, with the machine to itself).
awk -v u="$user" -v s="$system" -v n="$processed" \
    'BEGIN { printf "CPU time         %.2f s user + %.2f s system = %.0f pages per CPU second\n", u, s, n / (u + s) }'
awk -v kb="$rss_kb" 'BEGIN { printf "peak RSS         %.1f MB\n", kb / 1024 }'
if [[ -n ${KEEP:-} ]]; then
    echo "kept: $work"
fi
