#!/usr/bin/env bash
# The citation-graph engine beside the igraph/leidenalg oracle, on generated citation graphs
# (average 10 references per work, 20 planted topics, mixing 0.3), in the same run.
#
#   bench/graph.sh [--build DIR] [--sizes "100000 1000000"] [--no-oracle] [--no-command]
#
# Then the whole `litrev graph cluster` command on a library holding the same graph (imported
# once through BibTeX with ../shared/tools/graph_to_bib.py): store -> corpus -> graph ->
# co-citation network -> Leiden -> labels -> run saved, wall time and peak memory, twice: with the default
# thresholds (a map of about 1,000 works) and on the whole network (--min-citations 1, targets at
# 1M works: under 60 s and 1.5 GB). --no-command skips it.
#
# Graphs are generated once into $GRAPH_BENCH_DIR (default /tmp/litrev-graph-bench) with
# ../shared/tools/gen_citation_graph.py. Betweenness is exact (directed) up to 100,000 works and
# sampled (10,000 sources) above; the oracle always computes it exactly.
#
# Wall-clock times depend on what else the machine runs, so CPU times are printed too. The
# oracle runs each step in a child process and reports wall time only; its CPU time per step
# is measured by running it once per step (the others skipped) and subtracting a run that
# only loads the graph. ORACLE_STEP_TIMEOUT (default 1200 s) bounds each oracle step.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build="$root/build"
sizes="100000 1000000"
oracle=1
command=1
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=$2; shift 2 ;;
    --sizes) sizes=$2; shift 2 ;;
    --no-oracle) oracle=0; shift ;;
    --no-command) command=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
shared=${LITREV_SHARED_DIR:-$root/../shared}
work=${GRAPH_BENCH_DIR:-/tmp/litrev-graph-bench}
timeout=${ORACLE_STEP_TIMEOUT:-1200}
mkdir -p "$work"

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
fi
cmake --build "$build" --target bench_graph_engine litrev -j2 > /dev/null
engine="$build/bench/bench_graph_engine"
litrev="$build/src/cli/litrev"

steps="pagerank betweenness louvain leiden"
run_oracle() {  # run_oracle PREFIX STEP|none
  local prefix=$1 keep=$2 skips=()
  for s in $steps; do
    [ "$s" != "$keep" ] && skips+=(--skip "$s")
  done
  /usr/bin/time -f "%e %U %S %M" -o "$prefix.oracle.$keep.time" \
    /usr/bin/python3 "$shared/tools/graph_oracle.py" "$prefix.edges.tsv" --directed \
    --truth "$prefix.communities.tsv" --step-timeout "$timeout" "${skips[@]}" \
    --out "$prefix.oracle.$keep.json" > /dev/null
}

for n in $sizes; do
  prefix="$work/g$n"
  if [ ! -f "$prefix.edges.tsv" ]; then
    /usr/bin/python3 "$shared/tools/gen_citation_graph.py" -n "$n" -d 10 -k 20 --mu 0.3 --seed 1 \
      --out "$prefix" > /dev/null
  fi
  samples=0
  [ "$n" -gt 100000 ] && samples=10000
  echo "== $n works ($(wc -l < "$prefix.edges.tsv") citations), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  # Coupling is left out: on these preferential-attachment graphs it is far denser than the
  # other networks (60 million links at 100,000 works) and would dominate the peak memory.
  "$engine" "$prefix.edges.tsv" --truth "$prefix.communities.tsv" --samples "$samples" --skip coupling \
    > "$prefix.litrev.json"
  if [ "$oracle" = 1 ]; then
    for s in none $steps; do run_oracle "$prefix" "$s"; done
  fi
  /usr/bin/python3 - "$prefix" "$oracle" "$steps" <<'PY'
import json, sys
prefix, with_oracle, steps = sys.argv[1], sys.argv[2] == "1", sys.argv[3].split()
mine = json.load(open(prefix + ".litrev.json"))
orc, cpu, rss = {}, {}, 0
if with_oracle:
    def timing(step):
        e, u, s, m = open(f"{prefix}.oracle.{step}.time").read().split()[-4:]
        return float(u) + float(s), int(m)
    base_cpu, rss = timing("none")
    for s in steps:
        orc[s] = json.load(open(f"{prefix}.oracle.{s}.json"))
        c, m = timing(s)
        cpu[s] = c - base_cpu
        rss = max(rss, m)
    orc["none"] = json.load(open(f"{prefix}.oracle.none.json"))
def step(name):
    return mine.get(name, {})
def owall(key):
    for run in orc.values():
        t = run.get("timings_seconds", {}).get(key)
        if t is not None and run.get(key, {}).get("status", "ok") == "ok":
            return t
    return None
def ostatus(key):
    return orc.get(key, {}).get(key, {}).get("status", "") if orc else ""
nan = float("nan")
load = {k: step("load_corpus").get(k, 0) + step("build").get(k, 0) for k in ("seconds", "cpu_seconds")}
rows = [
    ("read TSV + build graph", load, "load", None),
    ("  of which graph build", step("build"), None, None),
    ("PageRank", step("pagerank"), "pagerank", "pagerank"),
    ("betweenness, directed", step("betweenness_directed"), "betweenness", "betweenness"),
    ("co-citation network", step("cocitation"), None, None),
    ("symmetrize", step("symmetrize"), "symmetrize", None),
    ("Leiden (modularity)", step("leiden"), "leiden", "leiden"),
]
print(f"{'step':26} {'litrev wall':>11} {'cpu':>7} | {'oracle wall':>11} {'cpu':>7}  notes")
for label, s, okey, ckey in rows:
    o = owall(okey) if okey else None
    c = cpu.get(ckey) if ckey else None
    note = ""
    if okey and ostatus(okey) not in ("", "ok", "skipped"):
        note = f"oracle: {ostatus(okey)} "
    if label.startswith("betweenness"):
        note += ("sampled, %d sources" % s["sources"]) if s.get("sampled") else "exact"
        note += "; oracle exact"
    if label.startswith("  of which"):
        note = "corpus -> CSR (the path the store's corpus takes)"
    if label.startswith("co-citation"):
        note = "%d nodes, %d edges" % (s.get("nodes", 0), s.get("edges", 0))
    if label.startswith("Leiden"):
        note += "Q %.4f, %d clusters, NMI %.3f" % (s["modularity"], s["clusters"], s.get("nmi_vs_truth", 0))
        ol = orc.get("leiden", {}).get("leiden", {})
        if ol.get("status") == "ok":
            note += " | oracle Q %.4f, %d clusters, NMI %.3f | Q ratio %.4f" % (
                ol["modularity"], ol["clusters"], ol.get("nmi_vs_truth", 0), s["modularity"] / ol["modularity"])
    # A step much shorter than loading the graph drowns in the noise of the subtraction.
    ctext = "nan" if c is None else ("~0" if c < 0.05 else f"{c:.2f}")
    print(f"{label:26} {s.get('seconds', nan):11.2f} {s.get('cpu_seconds', nan):7.2f} | "
          f"{(o if o is not None else nan):11.2f} {ctext:>7}  {note}")
if orc:
    lv = orc["louvain"]["louvain"]
    extra = f"Q {lv['modularity']:.4f}" if lv.get("status") == "ok" else lv.get("status", "")
    print(f"{'Louvain (oracle only)':26} {'':11} {'':7} | {(owall('louvain') or nan):11.2f} "
          f"{cpu.get('louvain', nan):7.2f}  {extra}")
print(f"peak memory: litrev {mine['peak_rss_mb']:.0f} MB" + (f", oracle {rss / 1024:.0f} MB" if rss else ""))
PY
  if [ "$command" = 1 ]; then
    if [ ! -f "$prefix.db" ]; then
      [ -f "$prefix.bib" ] || /usr/bin/python3 "$shared/tools/graph_to_bib.py" "$prefix" --out "$prefix.bib" > /dev/null
      /usr/bin/time -f "%e %U %S %M" -o "$prefix.import.time" "$litrev" --db "$prefix.db" -q import bibtex "$prefix.bib"
      read -r e u s m < "$prefix.import.time"
      echo "(library built once: import bibtex of $(du -m "$prefix.bib" | cut -f1) MB in $e s wall, peak $((m / 1024)) MB)"
    fi
    # The default map (about 1,000 most cited works) and the whole co-citation network (every
    # work cited at least once, clusters of 2+), which is what the 60 s / 1.5 GB targets bound.
    for run in default:"" whole:"--min-citations 1 --min-size 2"; do
      name=${run%%:*}
      # shellcheck disable=SC2086
      /usr/bin/time -f "%e %U %S %M" -o "$prefix.cluster.time" "$litrev" --db "$prefix.db" graph cluster --json \
        ${run#*:} > "$prefix.cluster.json"
      read -r e u s m < "$prefix.cluster.time"
      summary=$(/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("%s network: %d nodes (cited >= %d), %d links, %d clusters, modularity %.4f" % (d["network"], d["nodes"], d["thresholds"]["min_citations"], d["edges"], len(d["clusters"]), d["modularity"]))' "$prefix.cluster.json")
      echo "litrev graph cluster, $name (store -> saved run): $e s wall, $(awk "BEGIN { print $u + $s }") s cpu, peak $((m / 1024)) MB; $summary"
    done
  fi
done
