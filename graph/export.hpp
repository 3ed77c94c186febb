#pragma once
// Writing a network for other tools: GraphML and GEXF (Gephi) with clusters and metrics as
// attributes, Graphviz DOT, VOSviewer map + network files, Pajek .net and a CSV edge list.
// Pure functions: network in, file text out (the CLI writes the file). GraphML and GEXF are
// built with pugixml, so they are always well-formed XML.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "graph/citation_graph.hpp"
#include "graph/csr.hpp"
#include "graph/partition.hpp"
#include "src/core/citation_corpus.hpp"

namespace litrev {

struct ExportNode {
  std::string id;     // stable: the work's key, or the external's identity
  std::string label;  // readable: "DiMaggio (1983)" or the reference label
  std::optional<int> year;
  std::uint32_t cluster = kUnclustered;  // 0-based; kUnclustered = none
  double citations = 0.0;                // local citations: the node's size
  std::vector<std::pair<std::string, double>> metrics;  // same names, same order, on every node
};

struct ExportNetwork {
  bool directed = false;
  std::vector<ExportNode> nodes;
  std::vector<WeightedEdge> edges;  // undirected: each edge once
};

// The network's vertices (network vertex i = citation-graph vertex nodes[i]) described from the
// corpus; cluster_of (per citation-graph vertex, optional) gives the clusters.
ExportNetwork make_export_network(const CitationCorpus& corpus, const CitationGraph& graph,
                                  const WeightedGraph& network, const std::vector<VertexId>& nodes,
                                  const std::vector<std::uint32_t>* cluster_of = nullptr);

std::string to_graphml(const ExportNetwork& net);
std::string to_gexf(const ExportNetwork& net);
std::string to_dot(const ExportNetwork& net);
std::string to_pajek(const ExportNetwork& net);
std::string to_csv_edges(const ExportNetwork& net);  // "source,target,weight" with the ids

// VOSviewer: the map file (items: id, label, cluster 1-based, weights) and the network file
// (links between map ids, with their strength).
struct VosviewerFiles {
  std::string map;
  std::string network;
};
VosviewerFiles to_vosviewer(const ExportNetwork& net);

}  // namespace litrev
