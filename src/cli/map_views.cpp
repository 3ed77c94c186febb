#include "src/cli/map_views.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "graph/author_cocitation.hpp"
#include "graph/author_networks.hpp"
#include "graph/cited_authors.hpp"
#include "graph/cluster_terms.hpp"
#include "graph/clustering.hpp"
#include "graph/historiograph.hpp"
#include "graph/partition.hpp"
#include "graph/people.hpp"
#include "graph/timeline.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/people_overrides.hpp"
#include "src/cli/saved_clusters.hpp"
#include "src/map/palette.hpp"

namespace litrev::cli {

namespace {

constexpr std::uint32_t kNoPerson = UINT32_MAX;
// Default map sizes: about what VOSviewer shows legibly (1,000 items; 500 authors).
constexpr std::uint32_t kDefaultWorks = 1000;
constexpr std::uint32_t kDefaultAuthors = 300;

std::string family_name(const CorpusPerson& p) {
  if (!p.family.empty()) return p.family;
  const auto comma = p.name.find(',');
  return comma == std::string::npos ? p.name : p.name.substr(0, comma);
}

// "Latour, Bruno" -> "Latour B."
std::string short_person(const std::string& name) {
  const auto comma = name.find(',');
  if (comma == std::string::npos) return name;
  std::string given = name.substr(comma + 1);
  given.erase(0, given.find_first_not_of(' '));
  return given.empty() ? name.substr(0, comma) : name.substr(0, comma) + " " + given.substr(0, 1) + ".";
}

std::vector<map::MapCluster> clusters_from_run(const ClusterRun& run) {
  std::vector<map::MapCluster> out;
  for (const auto& c : run.clusters) {
    map::MapCluster m;
    m.label = c.label;
    m.terms = c.terms;
    m.color = map::cluster_color(static_cast<std::uint32_t>(out.size()));
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<map::MapCluster> clusters_from_labels(const std::vector<ClusterLabel>& labels) {
  std::vector<map::MapCluster> out;
  for (const auto& l : labels) {
    map::MapCluster m;
    m.label = l.label;
    for (const auto& t : l.terms) m.terms.push_back(t.term);
    m.color = map::cluster_color(static_cast<std::uint32_t>(out.size()));
    out.push_back(std::move(m));
  }
  return out;
}

// Undirected links of a network, strongest first (raw weight), at most max_links.
std::vector<map::MapLink> strongest_links(const WeightedGraph& g, std::size_t max_links) {
  std::vector<map::MapLink> links;
  const Adjacency adj = g.adjacency();
  for (VertexId v = 0; v < adj.num_vertices(); ++v)
    for (ArcIndex a = adj.begin(v); a < adj.end(v); ++a)
      if (v < adj.targets[a]) links.push_back({v, adj.targets[a], adj.weight(a)});
  std::stable_sort(links.begin(), links.end(), [](const auto& a, const auto& b) { return a.weight > b.weight; });
  if (links.size() > max_links) links.resize(max_links);
  return links;
}

// Ranks 1.. by value, highest first (ties: lower index first).
std::vector<std::uint32_t> ranks(const std::vector<double>& values) {
  std::vector<std::uint32_t> order(values.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return values[a] > values[b]; });
  std::vector<std::uint32_t> rank(values.size());
  for (std::uint32_t k = 0; k < order.size(); ++k) rank[order[k]] = k + 1;
  return rank;
}

// Colours by cluster, or by year on viridis between the 5th and 95th percentiles of the years
// (one classic from 1900 must not crush every other year into one colour).
void colour_nodes(map::MapView& view) {
  if (view.color_by == "year") {
    std::vector<int> years;
    for (const auto& n : view.nodes)
      if (n.year) years.push_back(*n.year);
    std::sort(years.begin(), years.end());
    if (!years.empty()) {
      const int lo = years[years.size() / 20], hi = years[years.size() - 1 - years.size() / 20];
      view.year_range = {lo, hi};
      for (auto& n : view.nodes)
        n.color = n.year ? map::viridis(hi > lo ? static_cast<double>(*n.year - lo) / (hi - lo) : 1.0) : map::kNoClusterColor;
      return;
    }
    view.color_by = "cluster";
  }
  for (auto& n : view.nodes)
    n.color = n.cluster < view.clusters.size() ? view.clusters[n.cluster].color : map::kNoClusterColor;
}

void count_cluster_sizes(map::MapView& view) {
  for (const auto& n : view.nodes)
    if (n.cluster < view.clusters.size()) ++view.clusters[n.cluster].size;
}

Layout lay_out(const WeightedGraph& network, const std::vector<std::uint32_t>& cluster_of, const LayoutOptions& options) {
  const WeightedGraph undirected = network.directed() ? symmetrize(network) : WeightedGraph();
  return layout_network(layout_weights(network.directed() ? undirected : network), cluster_of, options);
}

}  // namespace

std::string clip_text(std::string_view text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // inside a character
    if (chars++ == max_chars) return std::string(text.substr(0, i)) + "...";
  }
  return std::string(text);
}

MapViews::MapViews(Context& ctx, const GraphInput& in)
    : ctx_(ctx), in_(in), first_author_(in.corpus.works.size(), kNoPerson) {
  std::vector<std::uint32_t> position(in.corpus.works.size(), UINT32_MAX);
  for (const auto& a : in.corpus.authorships)
    if (a.work < position.size() && a.person < in.corpus.people.size() && a.position < position[a.work])
      position[a.work] = a.position, first_author_[a.work] = a.person;
  stored_.resize(in.corpus.works.size());
  stored_read_.assign(in.corpus.works.size(), false);
}

const PageRankResult& MapViews::pagerank_scores() {
  if (!pagerank_) pagerank_ = pagerank(in_.graph);
  return *pagerank_;
}

const BurstAnalysis& MapViews::bursts() {
  if (!bursts_) {
    bursts_ = citation_bursts(in_.corpus, in_.graph);
    burst_of_ = strongest_bursts(*bursts_, in_.graph);
  }
  return *bursts_;
}

const StoredWork* MapViews::stored(VertexId v) {
  if (!in_.graph.is_work(v)) return nullptr;
  const auto i = in_.graph.node(v).index;
  if (!stored_read_[i]) {
    stored_[i] = ctx_.store().find_work(in_.corpus.works[i].key);
    stored_read_[i] = true;
  }
  return stored_[i] ? &*stored_[i] : nullptr;
}

std::string MapViews::short_label(VertexId v) const {
  const NodeRef ref = in_.graph.node(v);
  std::string name;
  std::optional<int> year;
  if (ref.kind == NodeKind::work) {
    const CorpusWork& w = in_.corpus.works[ref.index];
    year = w.year;
    if (first_author_[ref.index] != kNoPerson) name = family_name(in_.corpus.people[first_author_[ref.index]]);
    else name = clip_text(w.title, 30);
  } else {
    const ExternalWork& e = in_.corpus.externals[ref.index];
    year = e.year;
    if (!e.authors.empty()) name = cited_person(e.authors[0].family, e.authors[0].initials).family;
    else name = clip_text(e.label, 30);
  }
  return year ? fmt::format("{} {}", name, *year) : name;
}

std::string MapViews::reference(VertexId v) const {
  const NodeRef ref = in_.graph.node(v);
  if (ref.kind == NodeKind::external) {
    const ExternalWork& e = in_.corpus.externals[ref.index];
    return e.raw.empty() ? e.label : e.raw;
  }
  const CorpusWork& w = in_.corpus.works[ref.index];
  std::vector<std::pair<std::uint32_t, std::uint32_t>> authors;  // position, person
  for (const auto& a : in_.corpus.authorships)
    if (a.work == ref.index) authors.push_back({a.position, a.person});
  std::sort(authors.begin(), authors.end());
  std::string names;
  for (std::size_t k = 0; k < authors.size() && k < 3; ++k)
    names += (k ? "; " : "") + in_.corpus.people[authors[k].second].name;
  if (authors.size() > 3) names += " et al.";
  std::string text = names.empty() ? "" : names + " ";
  text += w.year ? fmt::format("({}). ", *w.year) : "(n.d.). ";
  text += w.title;
  if (!w.container.empty()) text += ". " + w.container;
  if (!w.doi.empty()) text += ". doi:" + w.doi;
  return text;
}

std::string MapViews::url(VertexId v) {
  const NodeRef ref = in_.graph.node(v);
  if (ref.kind == NodeKind::external) {
    const ExternalWork& e = in_.corpus.externals[ref.index];
    return e.doi.empty() ? "" : "https://doi.org/" + e.doi;
  }
  const CorpusWork& w = in_.corpus.works[ref.index];
  if (!w.doi.empty()) return "https://doi.org/" + w.doi;
  if (const StoredWork* s = stored(v)) {
    for (const auto& id : s->work.ids)
      if (id.scheme == IdScheme::hal) return "https://hal.science/" + id.value;
    if (s->work.url.starts_with("http://") || s->work.url.starts_with("https://")) return s->work.url;
  }
  return "";
}

const MapViews::Clusters& MapViews::work_clusters(const ViewRequest& request) {
  const std::string cache_key = fmt::format("{} {}", request.network, request.run_id);
  if (const auto it = clusters_.find(cache_key); it != clusters_.end()) return it->second;
  Clusters& result = clusters_[cache_key];
  if (const auto run = find_cluster_run(ctx_.store(), request.run_id, request.network)) {
    if (run->network == network_name(NetworkKind::author_cocitation))
      throw UsageError(fmt::format("run {} clusters cited authors; use it with --network authors", run->id));
    result.cluster_of = vertex_clusters(in_, *run);
    result.clusters = clusters_from_run(*run);
    result.source = fmt::format("clusters of run {} ({}, {})", run->id, run->network, run->created_at);
    const RunSelection selection = run_selection(*run);
    result.run_top = selection.top_nodes;
    result.run_min_citations = selection.min_citations;
    return result;
  }
  ClusterOptions options{.network = *network_from_name(request.network), .min_cluster_size = 2};
  options.network_options.top_n = request.top.value_or(kDefaultWorks);
  options.network_options.min_citations = request.min_citations.value_or(request.network == "cocitation" ? 2 : 0);
  const Clustering run = cluster_graph(in_.graph, options);
  result.cluster_of = run.cluster_of;
  result.clusters = clusters_from_labels(label_clusters(cluster_documents(in_.corpus, in_.graph, run)));
  result.source = fmt::format("clusters computed now (Leiden, seed {}; not saved)", run.seed);
  if (!ctx_.quiet())
    ctx_.warn(fmt::format("no saved {} run: clusters computed now, not saved (`litrev graph cluster --network {}` "
                          "saves a run, which the map then uses, so map and tables agree)",
                          request.network, request.network));
  return result;
}

map::MapView MapViews::works_view(const ViewRequest& request) {
  Clusters clusters = work_clusters(request);  // a copy: its clusters move into the view
  NetworkOptions options;
  options.top_n = request.top ? *request.top : clusters.run_top && *clusters.run_top ? *clusters.run_top : kDefaultWorks;
  options.min_citations = request.min_citations ? *request.min_citations
                          : clusters.run_min_citations ? *clusters.run_min_citations
                                                       : (request.network == "cocitation" ? 2u : 0u);
  const Network net = request.network == "cocitation" ? cocitation_network(in_.graph, options)
                      : request.network == "coupling" ? coupling_network(in_.graph, options)
                                                      : direct_citation_network(in_.graph, options);
  if (net.nodes.empty())
    throw UsageError(fmt::format("the {} network is empty with these thresholds (--min-citations {}, --top {})",
                                 request.network, options.min_citations, options.top_n));
  std::vector<std::uint32_t> node_cluster(net.nodes.size());
  for (std::size_t i = 0; i < net.nodes.size(); ++i) node_cluster[i] = clusters.cluster_of[net.nodes[i]];
  const Layout layout = lay_out(net.graph, node_cluster, request.layout);
  bursts();
  const PageRankResult& pr = pagerank_scores();

  map::MapView view;
  view.id = "works";
  view.title = request.network == "cocitation" ? "Co-citation" : request.network == "coupling" ? "Coupling" : "Citation";
  view.size_by = request.size_by;
  view.color_by = request.color_by;
  view.clusters = std::move(clusters.clusters);
  std::vector<double> citations, scores;
  for (std::size_t i = 0; i < net.nodes.size(); ++i) {
    const VertexId v = net.nodes[i];
    map::MapNode n;
    n.id = vertex_key(in_, v);
    n.label = short_label(v);
    n.reference = reference(v);
    n.year = in_.graph.is_work(v) ? in_.corpus.works[in_.graph.node(v).index].year
                                  : in_.corpus.externals[in_.graph.node(v).index].year;
    n.cluster = node_cluster[i] < view.clusters.size() ? node_cluster[i] : map::kNoCluster;
    n.x = layout.positions[i].x;
    n.y = layout.positions[i].y;
    n.citations = in_.graph.local_citations(v);
    n.size = request.size_by == "pagerank" ? pr.scores[v] : n.citations;
    n.url = url(v);
    n.in_library = in_.graph.is_work(v);
    if (const StoredWork* s = stored(v)) {
      n.tags = s->tags;
      for (const auto& note : s->notes) n.notes.push_back(note.text);
    }
    if (const auto& b = burst_of_[v]) n.burst = map::MapBurst{b->begin, b->end, b->strength};
    citations.push_back(n.citations);
    scores.push_back(pr.scores[v]);
    view.nodes.push_back(std::move(n));
  }
  const auto citation_rank = ranks(citations), pagerank_rank = ranks(scores);
  for (std::size_t i = 0; i < view.nodes.size(); ++i)
    view.nodes[i].citation_rank = citation_rank[i], view.nodes[i].pagerank_rank = pagerank_rank[i];
  view.links = strongest_links(net.graph.directed() ? symmetrize(net.graph) : net.graph, request.max_links);
  count_cluster_sizes(view);
  colour_nodes(view);
  const std::size_t all_links = net.graph.num_edges();
  view.description = fmt::format(
      "{} network: {} nodes (at most {} most cited, cited at least {} times), {} links{}; {}. Layout: association strength, force-directed, seed {}.",
      request.network, view.nodes.size(), options.top_n, options.min_citations, all_links,
      view.links.size() < all_links ? fmt::format(" ({} strongest drawn)", view.links.size()) : "", clusters.source,
      request.layout.seed);
  return view;
}

map::MapView MapViews::authors_view(const ViewRequest& request) {
  const AuthorOverrides overrides = load_people_overrides(ctx_.store(), in_.corpus);
  map::MapView view;
  view.id = "authors";
  view.size_by = "citations";
  view.color_by = "cluster";
  Network net;
  std::vector<std::uint32_t> group_cluster;  // per author group
  std::vector<double> citations;              // per network node
  std::vector<std::string> names, details;    // per network node
  std::string source;
  ClusterOptions co{.network = NetworkKind::author_cocitation, .min_cluster_size = 2};
  co.network_options.top_n = request.top.value_or(kDefaultAuthors);
  co.network_options.min_citations = request.min_citations.value_or(2);

  if (request.network == "coauthorship") {
    view.title = "Co-authorship";
    const AuthorGroups groups = group_authors(in_.corpus, overrides);
    const auto by_work = authors_by_work(in_.corpus, groups);
    const auto g = static_cast<std::uint32_t>(groups.groups.size());
    std::vector<double> cites(g, 0.0);
    std::vector<std::uint32_t> works(g, 0);
    for (std::uint32_t w = 0; w < by_work.size(); ++w)
      for (auto a : by_work[w]) cites[a] += in_.graph.local_citations(in_.graph.vertex_of_work(w)), ++works[a];
    const WeightedGraph all = coauthorship_network(by_work, g);
    // The most cited authors with at least one co-author (a lone author is no network).
    std::vector<std::uint32_t> keep;
    for (std::uint32_t a = 0; a < g; ++a)
      if (all.adjacency().degree(a) > 0 && cites[a] >= co.network_options.min_citations) keep.push_back(a);
    std::stable_sort(keep.begin(), keep.end(), [&](auto a, auto b) { return cites[a] > cites[b]; });
    if (co.network_options.top_n && keep.size() > co.network_options.top_n) keep.resize(co.network_options.top_n);
    std::sort(keep.begin(), keep.end());
    std::vector<VertexId> local(g, kNoVertex);
    for (std::uint32_t i = 0; i < keep.size(); ++i) local[keep[i]] = i;
    std::vector<WeightedEdge> edges;
    const Adjacency adj = all.adjacency();
    for (auto a : keep)
      for (ArcIndex k = adj.begin(a); k < adj.end(a); ++k)
        if (local[adj.targets[k]] != kNoVertex && a < adj.targets[k]) edges.push_back({local[a], local[adj.targets[k]], adj.weight(k)});
    net.graph = WeightedGraph::from_edges(static_cast<VertexId>(keep.size()), std::move(edges), false);
    net.nodes = keep;
    co.network = NetworkKind::coupling;  // only names the run; the network is given
    const Clustering run = cluster_network(net, g, co, NodeSelection{co.network_options, keep.size(), 0});
    group_cluster = run.cluster_of;
    // Each cluster is described by its authors' works.
    ClusterDocuments docs;
    docs.clusters.resize(run.clusters.size());
    for (std::uint32_t w = 0; w < by_work.size(); ++w) {
      std::vector<bool> seen(run.clusters.size(), false);
      bool described = false;
      for (auto a : by_work[w]) {
        const auto c = run.cluster_of[a];
        if (c == kUnclustered || seen[c]) continue;
        seen[c] = described = true;
        docs.clusters[c].push_back(vertex_document(in_.corpus, in_.graph, in_.graph.vertex_of_work(w)));
      }
      // The rest of the library, against which a cluster's terms are distinctive.
      if (!described) docs.rest.push_back(vertex_document(in_.corpus, in_.graph, in_.graph.vertex_of_work(w)));
    }
    view.clusters = clusters_from_labels(label_clusters(docs));
    source = fmt::format("clusters computed now (Leiden, seed {})", run.seed);
    for (auto a : keep) {
      citations.push_back(cites[a]);
      names.push_back(groups.groups[a].name);
      details.push_back(fmt::format("{}\n{} works in the library, cited {} times by library works", groups.groups[a].name,
                                    works[a], cites[a]));
    }
  } else {
    view.title = "Cited authors";
    const CitedAuthors cited = cited_authors(in_.corpus, in_.graph, overrides);
    const auto counting = CitedAuthorCounting::first_author;
    net = author_cocitation_network(in_.graph, cited, counting, co.network_options);
    if (const auto saved = find_cluster_run(ctx_.store(), request.run_id, network_name(NetworkKind::author_cocitation));
        saved && saved->network == network_name(NetworkKind::author_cocitation)) {
      group_cluster = author_group_clusters(cited.groups, *saved);
      view.clusters = clusters_from_run(*saved);
      source = fmt::format("clusters of run {} ({})", saved->id, saved->created_at);
    } else {
      const Clustering run = cluster_author_cocitation(in_.graph, cited, counting, co);
      group_cluster = run.cluster_of;
      view.clusters = clusters_from_labels(
          label_clusters(author_cluster_documents(in_.corpus, in_.graph, cited, counting, run)));
      source = fmt::format("clusters computed now (Leiden, seed {}; not saved)", run.seed);
    }
    std::vector<CitedAuthorMetrics> metrics(cited.groups.groups.size());
    for (const auto& m : rank_cited_authors(in_.graph, cited, counting)) metrics[m.group] = m;
    for (VertexId g : net.nodes) {
      const auto& m = metrics[g];
      citations.push_back(m.citations);
      names.push_back(cited.groups.groups[g].name);
      details.push_back(fmt::format("{}\nCited {} times by {} library works ({} works cited); most cited: {}",
                                    cited.groups.groups[g].name, m.citations, m.citing_works, m.cited_works,
                                    vertex_title(in_, m.most_cited)));
    }
  }
  if (net.nodes.empty()) return view;
  std::vector<std::uint32_t> node_cluster(net.nodes.size());
  for (std::size_t i = 0; i < net.nodes.size(); ++i)
    node_cluster[i] = net.nodes[i] < group_cluster.size() ? group_cluster[net.nodes[i]] : kUnclustered;
  const Layout layout = lay_out(net.graph, node_cluster, request.layout);
  const auto rank = ranks(citations);
  for (std::size_t i = 0; i < net.nodes.size(); ++i) {
    map::MapNode n;
    n.id = "author:" + std::to_string(net.nodes[i]);
    n.label = short_person(names[i]);
    n.reference = details[i];
    n.cluster = node_cluster[i] < view.clusters.size() ? node_cluster[i] : map::kNoCluster;
    n.x = layout.positions[i].x;
    n.y = layout.positions[i].y;
    n.citations = n.size = citations[i];
    n.citation_rank = rank[i];
    view.nodes.push_back(std::move(n));
  }
  view.links = strongest_links(net.graph, request.max_links);
  count_cluster_sizes(view);
  colour_nodes(view);
  view.description = fmt::format("{}: {} authors, {} links; {}.",
                                 request.network == "coauthorship" ? "co-authorship network of the library's authors"
                                                                   : "author co-citation network (first authors)",
                                 view.nodes.size(), net.graph.num_edges(), source);
  return view;
}

map::TimelineData MapViews::timeline(const ViewRequest& request) {
  const Clusters& clusters = work_clusters(request);
  const auto per_work = litrev::work_clusters(in_.graph, clusters.cluster_of, request.network == "cocitation");
  const Timeline t = works_timeline(in_.corpus, in_.graph, per_work, static_cast<std::uint32_t>(clusters.clusters.size()));
  map::TimelineData data;
  data.first_year = t.first_year;
  data.totals = t.works;
  data.undated = t.undated;
  for (std::size_t c = 0; c < clusters.clusters.size(); ++c) {
    if (std::accumulate(t.clusters[c].begin(), t.clusters[c].end(), 0u) == 0) continue;
    const auto& cl = clusters.clusters[c];
    data.clusters.push_back({fmt::format("{}. {}", c + 1, cl.label.empty() ? "(no distinctive terms)" : cl.label),
                             cl.color, t.clusters[c]});
  }
  return data;
}

map::HistoriographData MapViews::historiograph(std::uint32_t top, std::uint32_t min_citations) {
  const Historiograph h = litrev::historiograph(in_.corpus, in_.graph, {top, min_citations});
  map::HistoriographData data;
  data.years = h.years;
  int lo = h.years.empty() ? 0 : h.years.front(), hi = h.years.empty() ? 0 : h.years.back();
  for (std::size_t i = 0; i < h.nodes.size(); ++i) {
    const VertexId v = h.nodes[i];
    map::HistoriographNode n;
    n.label = short_label(v);
    n.reference = reference(v);
    n.url = url(v);
    n.year = h.years[static_cast<std::size_t>(h.column[i])];
    n.column = h.column[i];
    n.row = h.row[i];
    n.local_citations = h.local_citations[i];
    n.color = map::viridis(hi > lo ? static_cast<double>(n.year - lo) / (hi - lo) : 1.0);
    data.nodes.push_back(std::move(n));
  }
  for (const auto& a : h.arcs) data.arcs.push_back({a.citing, a.cited});
  return data;
}

}  // namespace litrev::cli
