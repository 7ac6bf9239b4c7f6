#!/usr/bin/env bash
# The gmg benchmark, in one run:
#   1. startup: an embedded query, and `gmg sql` on the embedded data, against `gmg --version`;
#   2. scale: the same query on synthetic data of 10k, 100k and 1M statements, against
#      jq running the same filter on the same content as JSON;
#   3. memory: gmg's peak resident memory against the data file's size;
#   4. layout: an 80-column table of a title holding one very long word, whose time must
#      grow linearly with the word's length;
#   5. gmg sql in bounded memory: peak resident memory and time of a 10M-row query streamed
#      to /dev/null as CSV, and of one 100 MB blob written as hex.
#   6. a wide cell piped: a table with no COLUMNS of a title of 100 kB, 1 MB and 10 MB of
#      words (which comfy-table alone re-wrapped in quadratic time), linear in its length.
#   7. gmg export: time, peak memory and size of the workbook, the page and the database, for
#      the embedded data and the synthetic data of the sizes up to 100k.
# Needs hyperfine, jq and GNU time (Debian: apt-get install hyperfine jq time).
# Usage: bench/run.sh            (SIZES="10000 100000" bench/run.sh for a shorter run)
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=${SIZES:-"10000 100000 1000000"}
work=${BENCH_DIR:-target/bench}
mkdir -p "$work"
for tool in hyperfine jq /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is needed" >&2; exit 2; }
done

cargo build --release --quiet
cargo build --release --quiet --example synth
gmg=target/release/gmg
synth=target/release/examples/synth
query=(statements --month 3 --format csv)

# Statements whose span overlaps March of the report's year (2016 in the synthetic header),
# as gmg's --month 3 does, with the same fields as gmg's CSV.
jq_filter='.statements[] | select(.start <= "2016-03-31" and .end >= "2016-03-01")
  | [.id, .start, .end, .title, .event, .location, .section, .quote, .also, .note] | @csv'

mean() { jq -r ".results[$2].mean" "$1"; }
median() { jq -r ".results[$2].median" "$1"; }
user() { jq -r ".results[$2].user" "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
ms() { awk -v s="$1" 'BEGIN { printf "%.1f ms", s * 1000 }'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
echo "gmg $($gmg --version | cut -d' ' -f2), $(jq --version), $(hyperfine --version)"
echo

sql='select count(*) from statements'
hyperfine -N --warmup 50 --runs 500 --export-json "$work/startup.json" --style none \
    "$gmg --version" "$gmg ${query[*]}" "$gmg sql '$sql'" >/dev/null
# Medians: a few runs in 500 that the machine stalls would otherwise decide the ratio of two
# times of about 3 ms.
base=$(median "$work/startup.json" 0)
embedded=$(median "$work/startup.json" 1)
echo "startup (medians): gmg --version $(ms "$base"), embedded query $(ms "$embedded"): $(ratio "$embedded" "$base") x (target <= 1.1)"
sql_time=$(median "$work/startup.json" 2)
echo "sql (medians): gmg sql '$sql' $(ms "$sql_time"): $(ratio "$sql_time" "$base") x gmg --version (target <= 3)"
echo

printf '%-9s %10s %12s %12s %8s %10s %12s %8s\n' statements "file MB" "gmg" "jq" "gmg/jq" "user only" "peak MB" "peak/file"
for n in $sizes; do
    ron="$work/synth-$n.ron"
    json="$work/synth-$n.json"
    [ -s "$ron" ] || "$synth" "$n" >"$ron"
    [ -s "$json" ] || "$synth" "$n" --json >"$json"
    # Both must find the same statements.
    diff <("$gmg" --data "$ron" statements --month 3 --fields id --no-header -f csv | sort) \
         <(jq -r "$jq_filter" "$json" | cut -d, -f1 | tr -d '"' | sort) >/dev/null \
        || { echo "bench: gmg and jq disagree on $n statements" >&2; exit 1; }
    runs=$([ "$n" -ge 1000000 ] && echo 3 || echo 10)
    hyperfine -N --warmup 2 --runs "$runs" --export-json "$work/scale-$n.json" --style none \
        "$gmg --data $ron ${query[*]}" "jq -r '$jq_filter' $json" >/dev/null
    ours=$(mean "$work/scale-$n.json" 0)
    theirs=$(mean "$work/scale-$n.json" 1)
    size=$(stat -c %s "$ron")
    peak_kb=$(/usr/bin/time -f %M "$gmg" --data "$ron" "${query[@]}" 2>&1 >/dev/null | tail -1)
    printf '%-9s %10.1f %12s %12s %8s %10s %12.1f %8s\n' "$n" "$(awk -v b="$size" 'BEGIN { print b / 1e6 }')" \
        "$(ms "$ours")" "$(ms "$theirs")" "$(ratio "$ours" "$theirs")" \
        "$(ratio "$(user "$work/scale-$n.json" 0)" "$(user "$work/scale-$n.json" 1)")" \
        "$(awk -v k="$peak_kb" 'BEGIN { print k * 1024 / 1e6 }')" "$(ratio "$((peak_kb * 1024))" "$size")"
done
echo
echo "targets: gmg/jq <= 0.35 at 100k; peak/file <= 2.5 at 100k and 1M; time growing linearly in N"

echo
printf '%-12s %12s %16s\n' "long word" "table" "per 1000 chars"
for len in 50000 200000 800000; do
    long="$work/long-word-$len.ron"
    [ -s "$long" ] || "$synth" 10 --long-word "$len" >"$long"
    hyperfine -N --warmup 1 --runs 5 --export-json "$work/long-$len.json" --style none \
        "env COLUMNS=80 $gmg --data $long events" >/dev/null 2>&1
    took=$(mean "$work/long-$len.json" 0)
    printf '%-12s %12s %16s\n' "$len" "$(ms "$took")" \
        "$(awk -v s="$took" -v n="$len" 'BEGIN { printf "%.3f ms", s * 1e6 / n }')"
done
echo "target: the time per 1000 characters stays flat (linear layout)"

echo
# Rows stream as SQLite produces them: the peak must not grow with the number of rows.
rows=10000000
stream="with recursive c(x) as (select 1 union all select x+1 from c where x < $rows) select x from c"
stream_out=$(/usr/bin/time -f '%e %M' "$gmg" sql "$stream" -f csv 2>&1 >/dev/null | tail -1)
read -r stream_s stream_kb <<<"$stream_out"
printf 'sql stream: %s rows as csv to /dev/null: peak %.1f MB in %s s (target <= 64 MB)\n' \
    "$rows" "$(awk -v k="$stream_kb" 'BEGIN { print k * 1024 / 1e6 }')" "$stream_s"
blob_out=$(/usr/bin/time -f '%e %M' "$gmg" sql "select randomblob(100000000)" -f csv 2>&1 >/dev/null | tail -1)
read -r blob_s blob_kb <<<"$blob_out"
printf 'sql blob: one 100 MB blob as hex: peak %.1f MB in %s s\n' \
    "$(awk -v k="$blob_kb" 'BEGIN { print k * 1024 / 1e6 }')" "$blob_s"
printf '%-12s %12s %16s\n' "piped cell" "table" "per MB"
for bytes in 100000 1000000 10000000; do
    cell="$work/wide-cell-$bytes.ron"
    # A title of words of ten characters: the long word of --long-word, a space every tenth.
    [ -s "$cell" ] || "$synth" 10 --long-word "$bytes" | sed -E 's/(w{9})w/\1 /g' >"$cell"
    hyperfine -N --warmup 1 --runs 5 --export-json "$work/cell-$bytes.json" --style none \
        "env -u COLUMNS $gmg --data $cell events" >/dev/null 2>&1
    took=$(mean "$work/cell-$bytes.json" 0)
    printf '%-12s %12s %16s\n' "$bytes" "$(ms "$took")" \
        "$(awk -v s="$took" -v n="$bytes" 'BEGIN { printf "%.1f ms", s * 1e9 / n }')"
done
echo "target: the time per MB stays flat or falls (linear; one line per record, the cell cut)"

echo
printf '%-10s %-7s %10s %10s %10s\n' data export seconds "peak MB" "file MB"
export_one() {
    local label=$1 ext=$2; shift 2
    local out="$work/export.$ext"
    local took
    took=$(/usr/bin/time -f '%e %M' "$gmg" "$@" export "$out" 2>&1 >/dev/null | tail -1)
    read -r secs kb <<<"$took"
    printf '%-10s %-7s %10s %10.1f %10.1f\n' "$label" "$ext" "$secs" \
        "$(awk -v k="$kb" 'BEGIN { print k * 1024 / 1e6 }')" \
        "$(awk -v b="$(stat -c %s "$out")" 'BEGIN { print b / 1e6 }')"
    rm -f "$out"
}
for ext in html xlsx sqlite; do
    export_one embedded "$ext"
done
for n in $sizes; do
    [ "$n" -le 100000 ] || continue
    for ext in html xlsx sqlite; do
        export_one "$n" "$ext" --data "$work/synth-$n.ron"
    done
done
echo "target: time and memory growing linearly with the data (a workbook and a page are written whole)"
