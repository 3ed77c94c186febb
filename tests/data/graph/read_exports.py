#!/usr/bin/python3
"""Reads litrev's graph exports with the tools they are for, as tests/e2e/graph_export_test.cpp asks.
Usage: read_exports.py BASE  (BASE.graphml, BASE.gexf, BASE.net + BASE.clu, BASE.csv + BASE.nodes.csv)
Prints one JSON object: for each reader that is installed, {"nodes", "edges", "clusters": {node id:
cluster}} or {"error"}; "skipped" lists the readers whose Python module is absent."""
import csv, json, sys

base = sys.argv[1]
out, skipped = {}, []


def attempt(name, read):
    try:
        out[name] = read()
    except Exception as e:  # the test prints it
        out[name] = {"error": f"{type(e).__name__}: {e}"}


def clusters_of(pairs):
    return {str(k): int(c) for k, c in pairs if c not in (None, "", 0, "0")}


# Node ids in file order: the CSV nodes file, which lists the nodes in the order every format does.
with open(base + ".nodes.csv", newline="", encoding="utf-8") as f:
    node_rows = list(csv.DictReader(f))
ids = [r["id"] for r in node_rows]

try:
    import networkx as nx

    attempt("networkx graphml", lambda: (lambda g: {
        "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
        "clusters": clusters_of((n, d.get("cluster")) for n, d in g.nodes(data=True))})(nx.read_graphml(base + ".graphml")))
    attempt("networkx gexf", lambda: (lambda g: {
        "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
        "clusters": clusters_of((n, d.get("cluster")) for n, d in g.nodes(data=True))})(nx.read_gexf(base + ".gexf")))

    def pajek():
        g = nx.read_pajek(base + ".net")  # vertices by label: labels must be unique
        with open(base + ".clu", encoding="utf-8") as f:
            parts = [int(line) for line in f.read().split("\n")[1:] if line.strip()]
        # read_pajek makes a multigraph: count distinct links
        return {"nodes": g.number_of_nodes(), "edges": nx.Graph(g).number_of_edges() if not g.is_directed()
                else nx.DiGraph(g).number_of_edges(), "clusters": clusters_of(zip(ids, parts))}
    attempt("networkx pajek", pajek)

    def csv_files():
        with open(base + ".csv", newline="", encoding="utf-8") as f:
            edges = [(r["source"], r["target"], float(r["weight"])) for r in csv.DictReader(f)]
        g = nx.Graph()
        g.add_nodes_from(ids)
        g.add_weighted_edges_from(edges)
        if g.number_of_nodes() != len(ids):
            raise ValueError("an edge names a node the nodes file lacks")
        return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                "clusters": clusters_of((r["id"], r["cluster"]) for r in node_rows)}
    attempt("networkx csv", csv_files)
except ImportError:
    skipped.append("networkx")

try:
    import igraph

    attempt("igraph graphml", lambda: (lambda g: {
        "nodes": g.vcount(), "edges": g.ecount(),
        "clusters": clusters_of((v["id"], v["cluster"] if "cluster" in g.vs.attributes() and v["cluster"] == v["cluster"]
                                 else None) for v in g.vs)})(igraph.Graph.Read_GraphML(base + ".graphml")))
    attempt("igraph pajek", lambda: (lambda g: {"nodes": g.vcount(), "edges": g.ecount(), "clusters": {}})(
        igraph.Graph.Read_Pajek(base + ".net")))
except ImportError:
    skipped.append("igraph")

print(json.dumps({"readers": out, "skipped": skipped}))
