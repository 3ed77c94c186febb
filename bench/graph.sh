#!/usr/bin/env bash
# The citation-graph engine beside the igraph/leidenalg oracle, on generated citation graphs
# (average 10 references per work, 20 planted topics, mixing 0.3), in the same run.
#
#   bench/graph.sh [--build DIR] [--sizes "100000 1000000"] [--no-oracle]
#
# Graphs are generated once into $GRAPH_BENCH_DIR (default /tmp/litrev-graph-bench) with
# ../shared/tools/gen_citation_graph.py. Betweenness is exact (directed) up to 100,000 works and
# sampled (10,000 sources) above; the oracle always computes it exactly.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build="$root/build"
sizes="100000 1000000"
oracle=1
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=$2; shift 2 ;;
    --sizes) sizes=$2; shift 2 ;;
    --no-oracle) oracle=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
shared=${LITREV_SHARED_DIR:-$root/../shared}
work=${GRAPH_BENCH_DIR:-/tmp/litrev-graph-bench}
mkdir -p "$work"

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
fi
cmake --build "$build" --target bench_graph_engine -j2 > /dev/null
engine="$build/bench/bench_graph_engine"

for n in $sizes; do
  prefix="$work/g$n"
  if [ ! -f "$prefix.edges.tsv" ]; then
    /usr/bin/python3 "$shared/tools/gen_citation_graph.py" -n "$n" -d 10 -k 20 --mu 0.3 --seed 1 \
      --out "$prefix" > /dev/null
  fi
  samples=0
  [ "$n" -gt 100000 ] && samples=10000
  echo "== $n works ($(wc -l < "$prefix.edges.tsv") citations), load: $(cut -d' ' -f1-3 /proc/loadavg)"
  # Coupling is left out: on these preferential-attachment graphs it is far denser than the
  # other networks (60 million links at 100,000 works) and would dominate the peak memory.
  "$engine" "$prefix.edges.tsv" --truth "$prefix.communities.tsv" --samples "$samples" --skip coupling \
    > "$prefix.litrev.json"
  if [ "$oracle" = 1 ]; then
    /usr/bin/time -f "%M" -o "$prefix.oracle.rss" /usr/bin/python3 "$shared/tools/graph_oracle.py" \
      "$prefix.edges.tsv" --directed --truth "$prefix.communities.tsv" --out "$prefix.oracle.json" > /dev/null
  fi
  /usr/bin/python3 - "$prefix" "$oracle" <<'PY'
import json, sys
prefix, with_oracle = sys.argv[1], sys.argv[2] == "1"
mine = json.load(open(prefix + ".litrev.json"))
orc = json.load(open(prefix + ".oracle.json")) if with_oracle else None
def step(name):
    return mine.get(name, {})
load = {k: step("load_corpus").get(k, 0) + step("build").get(k, 0) for k in ("seconds", "cpu_seconds")}
rows = [
    ("read TSV + build graph", load, "load"),
    ("  of which graph build", step("build"), None),
    ("PageRank", step("pagerank"), "pagerank"),
    ("betweenness, directed", step("betweenness_directed"), "betweenness"),
    ("co-citation network", step("cocitation"), None),
    ("symmetrize", step("symmetrize"), "symmetrize"),
    ("Leiden (modularity)", step("leiden"), "leiden"),
]
print(f"{'step':30} {'litrev s':>9} {'cpu s':>8} {'oracle s':>9}  notes")
for label, s, okey in rows:
    o = orc["timings_seconds"].get(okey) if orc and okey else None
    note = ""
    if label.startswith("betweenness"):
        note = ("sampled, %d sources" % s["sources"]) if s.get("sampled") else "exact"
        note += "; oracle exact"
    if label.startswith("co-citation"):
        note = "%d nodes, %d edges" % (s.get("nodes", 0), s.get("edges", 0))
    if label.startswith("  of which"):
        note = "corpus -> CSR (what the store's corpus goes through)"
    if label.startswith("Leiden"):
        note = "Q %.4f, %d clusters, NMI %.3f" % (s["modularity"], s["clusters"], s.get("nmi_vs_truth", 0))
        if orc:
            ol = orc["leiden"]
            note += " | oracle Q %.4f, %d clusters, NMI %.3f" % (ol["modularity"], ol["clusters"], ol.get("nmi_vs_truth", 0))
            note += " | Q ratio %.4f" % (s["modularity"] / ol["modularity"])
    print(f"{label:30} {s.get('seconds', float('nan')):9.2f} {s.get('cpu_seconds', float('nan')):8.2f} "
          f"{(o if o is not None else float('nan')):9.2f}  {note}")
if orc:
    print(f"{'Louvain (oracle only)':30} {'':9} {'':8} {orc['timings_seconds'].get('louvain') or float('nan'):9.2f}")
rss = open(prefix + ".oracle.rss").read().strip() if with_oracle else None
print(f"peak memory: litrev {mine['peak_rss_mb']:.0f} MB" + (f", oracle {int(rss) / 1024:.0f} MB" if rss else ""))
PY
done
