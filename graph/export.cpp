#include "graph/export.hpp"

#include <fmt/core.h>
#include <pugixml.hpp>

#include <map>
#include <set>
#include <sstream>

namespace litrev {

namespace {

// XML 1.0 forbids most control characters even as references.
std::string xml_text(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 || c == '\t' || c == '\n' || c == '\r') out.push_back(c);
  }
  return out;
}

// A quoted field for CSV (RFC 4180) and VOSviewer (quotes when a comma or semicolon is in it).
std::string quoted(const std::string& s, bool always) {
  const bool needs = always || s.find_first_of(",;\"\n\r") != std::string::npos;
  if (!needs) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else if (c == '\n' || c == '\r') out += ' ';
    else out.push_back(c);
  }
  return out + "\"";
}

// DOT and Pajek strings: double quotes, backslash-escaped.
std::string c_quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c == '\n' || c == '\r' ? ' ' : c);
  }
  return out + "\"";
}

std::string number(double x) { return fmt::format("{}", x); }

std::string family_of(const CorpusPerson& p) {
  if (!p.family.empty()) return p.family;
  const auto comma = p.name.find(',');
  return comma == std::string::npos ? p.name : p.name.substr(0, comma);
}

// "Smith (2010)" -> "Smith (2010" + suffix + ")"; other labels get " (n)".
bool ends_with_year(const std::string& label) {
  const auto n = label.size();
  if (n < 6 || label[n - 1] != ')' || label[n - 6] != '(') return false;
  for (std::size_t i = n - 5; i < n - 1; ++i)
    if (label[i] < '0' || label[i] > '9') return false;
  return true;
}

const std::vector<std::pair<std::string, double>>& metric_names(const ExportNetwork& net) {
  static const std::vector<std::pair<std::string, double>> kNone;
  return net.nodes.empty() ? kNone : net.nodes.front().metrics;
}

std::string save(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  return out.str();
}

}  // namespace

void make_labels_unique(std::vector<std::string>& labels) {
  std::map<std::string, std::size_t> count;
  for (const auto& l : labels) ++count[l];
  std::set<std::string> taken;  // labels given so far
  auto free = [&](const std::string& candidate) { return !count.contains(candidate) && !taken.contains(candidate); };
  std::map<std::string, std::size_t> letter, number;  // per repeated label: the last one used
  for (auto& l : labels) {
    if (count[l] < 2) {
      taken.insert(l);
      continue;
    }
    std::string candidate;
    // "Smith (2010a)", "Smith (2010b)"... skipping labels that exist as such; then " (n)".
    for (std::size_t& k = letter[l]; ends_with_year(l) && k < 26 && candidate.empty(); ++k) {
      std::string c = l.substr(0, l.size() - 1) + static_cast<char>('a' + k) + ")";
      if (free(c)) candidate = std::move(c);
    }
    while (candidate.empty()) {
      std::string c = fmt::format("{} ({})", l, ++number[l]);
      if (free(c)) candidate = std::move(c);
    }
    taken.insert(candidate);
    l = std::move(candidate);
  }
}

ExportNetwork make_export_network(const CitationCorpus& corpus, const CitationGraph& graph,
                                  const WeightedGraph& network, const std::vector<VertexId>& nodes,
                                  const std::vector<std::int64_t>* cluster_of) {
  // First author of each work.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> first(corpus.works.size(), {UINT32_MAX, UINT32_MAX});
  for (const auto& a : corpus.authorships) {
    if (a.work < first.size() && a.person < corpus.people.size() && a.position < first[a.work].first) {
      first[a.work] = {a.position, a.person};
    }
  }
  ExportNetwork net;
  net.directed = network.directed();
  net.nodes.reserve(nodes.size());
  for (VertexId v : nodes) {
    ExportNode node;
    const NodeRef ref = graph.node(v);
    if (ref.kind == NodeKind::work) {
      const CorpusWork& w = corpus.works[ref.index];
      node.id = w.key.empty() ? fmt::format("work:{}", w.work_id) : w.key;
      node.year = w.year;
      const auto person = first[ref.index].second;
      if (person != UINT32_MAX) {
        node.label = family_of(corpus.people[person]) + (w.year ? fmt::format(" ({})", *w.year) : "");
      } else {
        node.label = w.title.empty() ? node.id : w.title.substr(0, 60);
      }
    } else {
      const ExternalWork& e = corpus.externals[ref.index];
      node.id = e.identity.empty() ? fmt::format("external:{}", ref.index) : e.identity;
      node.label = e.label.empty() ? node.id : e.label;
    }
    node.citations = graph.local_citations(v);
    if (cluster_of != nullptr && v < cluster_of->size()) node.cluster = (*cluster_of)[v];
    net.nodes.push_back(std::move(node));
  }
  std::vector<std::string> labels;
  labels.reserve(net.nodes.size());
  for (auto& n : net.nodes) labels.push_back(std::move(n.label));
  make_labels_unique(labels);
  for (std::size_t i = 0; i < labels.size(); ++i) net.nodes[i].label = std::move(labels[i]);
  const Adjacency adj = network.adjacency();
  for (VertexId i = 0; i < adj.num_vertices(); ++i) {
    for (ArcIndex a = adj.begin(i); a < adj.end(i); ++a) {
      const VertexId j = adj.targets[a];
      if (net.directed || i < j) net.edges.push_back({i, j, adj.weight(a)});
    }
  }
  return net;
}

std::string to_graphml(const ExportNetwork& net) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto root = doc.append_child("graphml");
  root.append_attribute("xmlns") = "http://graphml.graphdrawing.org/xmlns";
  auto key = [&](const char* id, const char* for_, const std::string& name, const char* type) {
    auto k = root.append_child("key");
    k.append_attribute("id") = id;
    k.append_attribute("for") = for_;
    k.append_attribute("attr.name") = name.c_str();
    k.append_attribute("attr.type") = type;
  };
  key("label", "node", "label", "string");
  key("year", "node", "year", "int");
  key("cluster", "node", "cluster", "int");
  key("citations", "node", "citations", "double");
  const auto& metrics = metric_names(net);
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    key(fmt::format("m{}", m).c_str(), "node", metrics[m].first, "double");
  }
  key("weight", "edge", "weight", "double");
  auto graph = root.append_child("graph");
  graph.append_attribute("id") = "litrev";
  graph.append_attribute("edgedefault") = net.directed ? "directed" : "undirected";
  auto data = [](pugi::xml_node parent, const std::string& k, const std::string& value) {
    auto d = parent.append_child("data");
    d.append_attribute("key") = k.c_str();
    d.text() = value.c_str();
  };
  for (const auto& n : net.nodes) {
    auto node = graph.append_child("node");
    node.append_attribute("id") = xml_text(n.id).c_str();
    data(node, "label", xml_text(n.label));
    if (n.year) data(node, "year", std::to_string(*n.year));
    if (n.cluster > 0) data(node, "cluster", std::to_string(n.cluster));
    data(node, "citations", number(n.citations));
    for (std::size_t m = 0; m < n.metrics.size(); ++m) data(node, fmt::format("m{}", m), number(n.metrics[m].second));
  }
  for (const auto& e : net.edges) {
    auto edge = graph.append_child("edge");
    edge.append_attribute("source") = xml_text(net.nodes[e.source].id).c_str();
    edge.append_attribute("target") = xml_text(net.nodes[e.target].id).c_str();
    data(edge, "weight", number(e.weight));
  }
  return save(doc);
}

std::string to_gexf(const ExportNetwork& net) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto root = doc.append_child("gexf");
  // 1.2: networkx (up to 3.x) reads 1.1draft and 1.2draft only, Gephi reads them all.
  root.append_attribute("xmlns") = "http://www.gexf.net/1.2draft";
  root.append_attribute("version") = "1.2";
  root.append_child("meta").append_child("creator").text() = "litrev";
  auto graph = root.append_child("graph");
  graph.append_attribute("mode") = "static";
  graph.append_attribute("defaultedgetype") = net.directed ? "directed" : "undirected";
  auto attributes = graph.append_child("attributes");
  attributes.append_attribute("class") = "node";
  auto attribute = [&](int id, const std::string& title, const char* type) {
    auto a = attributes.append_child("attribute");
    a.append_attribute("id") = id;
    a.append_attribute("title") = title.c_str();
    a.append_attribute("type") = type;
  };
  attribute(0, "year", "integer");
  attribute(1, "cluster", "integer");
  attribute(2, "citations", "double");
  const auto& metrics = metric_names(net);
  for (std::size_t m = 0; m < metrics.size(); ++m) attribute(static_cast<int>(3 + m), metrics[m].first, "double");
  auto nodes = graph.append_child("nodes");
  for (const auto& n : net.nodes) {
    auto node = nodes.append_child("node");
    node.append_attribute("id") = xml_text(n.id).c_str();
    node.append_attribute("label") = xml_text(n.label).c_str();
    auto values = node.append_child("attvalues");
    auto value = [&](int id, const std::string& v) {
      auto a = values.append_child("attvalue");
      a.append_attribute("for") = id;
      a.append_attribute("value") = v.c_str();
    };
    if (n.year) value(0, std::to_string(*n.year));
    if (n.cluster > 0) value(1, std::to_string(n.cluster));
    value(2, number(n.citations));
    for (std::size_t m = 0; m < n.metrics.size(); ++m) value(static_cast<int>(3 + m), number(n.metrics[m].second));
  }
  auto edges = graph.append_child("edges");
  for (std::size_t i = 0; i < net.edges.size(); ++i) {
    const auto& e = net.edges[i];
    auto edge = edges.append_child("edge");
    edge.append_attribute("id") = static_cast<unsigned long long>(i);
    edge.append_attribute("source") = xml_text(net.nodes[e.source].id).c_str();
    edge.append_attribute("target") = xml_text(net.nodes[e.target].id).c_str();
    edge.append_attribute("weight") = e.weight;
  }
  return save(doc);
}

std::string to_dot(const ExportNetwork& net) {
  std::string out = net.directed ? "digraph litrev {\n" : "graph litrev {\n";
  for (const auto& n : net.nodes) {
    out += "  " + c_quoted(n.id) + " [label=" + c_quoted(n.label);
    if (n.cluster > 0) out += fmt::format(", cluster={}", n.cluster);
    out += ", citations=" + number(n.citations) + "];\n";
  }
  const char* arrow = net.directed ? " -> " : " -- ";
  for (const auto& e : net.edges) {
    out += "  " + c_quoted(net.nodes[e.source].id) + arrow + c_quoted(net.nodes[e.target].id) +
           " [weight=" + number(e.weight) + "];\n";
  }
  return out + "}\n";
}

std::string to_pajek(const ExportNetwork& net) {
  // Pajek strings have no escapes: a double quote inside a label becomes a single one, and the
  // labels are made unique again in case that made two equal.
  std::vector<std::string> labels;
  labels.reserve(net.nodes.size());
  for (const auto& n : net.nodes) {
    std::string l = n.label;
    for (char& c : l)
      if (c == '"') c = '\'';
      else if (c == '\n' || c == '\r') c = ' ';
    labels.push_back(std::move(l));
  }
  make_labels_unique(labels);
  std::string out = fmt::format("*Vertices {}\n", net.nodes.size());
  for (std::size_t i = 0; i < labels.size(); ++i) out += fmt::format("{} \"{}\"\n", i + 1, labels[i]);
  out += net.directed ? "*Arcs\n" : "*Edges\n";
  for (const auto& e : net.edges) out += fmt::format("{} {} {}\n", e.source + 1, e.target + 1, number(e.weight));
  return out;
}

std::string to_pajek_partition(const ExportNetwork& net) {
  std::string out = fmt::format("*Vertices {}\n", net.nodes.size());
  for (const auto& n : net.nodes) out += fmt::format("{}\n", n.cluster);
  return out;
}

std::string to_csv_nodes(const ExportNetwork& net) {
  std::string out = "id,label,year,cluster,citations";
  for (const auto& m : metric_names(net)) out += "," + quoted(m.first, false);
  out += "\n";
  for (const auto& n : net.nodes) {
    out += quoted(n.id, false) + "," + quoted(n.label, false) + "," + (n.year ? std::to_string(*n.year) : "") + "," +
           (n.cluster > 0 ? std::to_string(n.cluster) : "") + "," + number(n.citations);
    for (const auto& m : n.metrics) out += "," + number(m.second);
    out += "\n";
  }
  return out;
}

std::string to_csv_edges(const ExportNetwork& net) {
  std::string out = "source,target,weight\n";
  for (const auto& e : net.edges) {
    out += quoted(net.nodes[e.source].id, false) + "," + quoted(net.nodes[e.target].id, false) + "," +
           number(e.weight) + "\n";
  }
  return out;
}

VosviewerFiles to_vosviewer(const ExportNetwork& net) {
  VosviewerFiles files;
  // Total link strength, a column VOSviewer shows for every item.
  std::vector<double> strength(net.nodes.size(), 0.0);
  for (const auto& e : net.edges) {
    strength[e.source] += e.weight;
    strength[e.target] += e.weight;
  }
  files.map = "id\tlabel\tdescription\tcluster\tweight<Citations>\tweight<Total link strength>";
  for (const auto& m : metric_names(net)) files.map += "\tscore<" + m.first + ">";
  files.map += "\n";
  for (std::size_t i = 0; i < net.nodes.size(); ++i) {
    const auto& n = net.nodes[i];
    // VOSviewer clusters are 1..1000; beyond that, and unclustered items, get no cluster.
    const std::string cluster = n.cluster > 0 && n.cluster <= 1000 ? std::to_string(n.cluster) : "";
    files.map += fmt::format("{}\t{}\t{}\t{}\t{}\t{}", i + 1, quoted(n.label, false), quoted(n.id, false), cluster,
                             number(n.citations), number(strength[i]));
    for (const auto& m : n.metrics) files.map += "\t" + number(m.second);
    files.map += "\n";
  }
  for (const auto& e : net.edges) files.network += fmt::format("{}\t{}\t{}\n", e.source + 1, e.target + 1, number(e.weight));
  return files;
}

}  // namespace litrev
