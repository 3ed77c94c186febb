#pragma once
// Writing a network for other tools: GraphML and GEXF 1.2 (Gephi, networkx) with clusters and
// metrics as attributes, Graphviz DOT, VOSviewer map + network files, Pajek .net + .clu
// partition, CSV nodes + edges files. Pure functions: network in, file text out (the CLI writes
// the files). GraphML and GEXF are built with pugixml, so they are always well-formed XML.
//
// Clusters are numbered as the saved `graph cluster` run numbers them (1 = the largest, the
// number `graph cluster` prints), in every format; 0 = no cluster, written as no value (Pajek's
// partition: 0). Labels are unique across nodes ("Smith (2010a)", "Smith (2010b)"), because
// Pajek readers identify vertices by label and a map is unreadable with two identical labels.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "graph/citation_graph.hpp"
#include "graph/csr.hpp"
#include "src/core/citation_corpus.hpp"

namespace litrev {

struct ExportNode {
  std::string id;     // stable: the work's key, or the external's identity
  std::string label;  // readable: "DiMaggio (1983)" or the reference label
  std::optional<int> year;
  std::int64_t cluster = 0;  // the run's cluster number, 1-based; 0 = none
  double citations = 0.0;                // local citations: the node's size
  std::vector<std::pair<std::string, double>> metrics;  // same names, same order, on every node
};

struct ExportNetwork {
  bool directed = false;
  std::vector<ExportNode> nodes;
  std::vector<WeightedEdge> edges;  // undirected: each edge once
};

// The network's vertices (network vertex i = citation-graph vertex nodes[i]) described from the
// corpus, with unique labels; cluster_of (per citation-graph vertex, optional) gives the cluster
// numbers (0 = none).
ExportNetwork make_export_network(const CitationCorpus& corpus, const CitationGraph& graph,
                                  const WeightedGraph& network, const std::vector<VertexId>& nodes,
                                  const std::vector<std::int64_t>* cluster_of = nullptr);

// Repeated labels made distinct as bibliographies do: "Smith (2010)" twice becomes
// "Smith (2010a)", "Smith (2010b)"; other repeats get " (2)", " (3)"...
void make_labels_unique(std::vector<std::string>& labels);

std::string to_graphml(const ExportNetwork& net);
std::string to_gexf(const ExportNetwork& net);  // GEXF 1.2 (the version networkx and Gephi read)
std::string to_dot(const ExportNetwork& net);
// Pajek .net (vertices numbered 1..n with unique quoted labels, then *Edges or *Arcs) and the
// .clu partition (one cluster number per vertex, 0 = none).
std::string to_pajek(const ExportNetwork& net);
std::string to_pajek_partition(const ExportNetwork& net);
// CSV (RFC 4180), as spreadsheet and Gephi imports want them: the nodes ("id,label,year,
// cluster,citations,<metrics>") and the edges ("source,target,weight", by node id).
std::string to_csv_nodes(const ExportNetwork& net);
std::string to_csv_edges(const ExportNetwork& net);

// VOSviewer: the map file (items: id, label, cluster 1-based, weights) and the network file
// (links between map ids, with their strength).
struct VosviewerFiles {
  std::string map;
  std::string network;
};
VosviewerFiles to_vosviewer(const ExportNetwork& net);

}  // namespace litrev
