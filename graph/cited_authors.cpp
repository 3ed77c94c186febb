#include "graph/cited_authors.hpp"

#include <algorithm>
#include <unordered_map>

#include "src/core/person_names.hpp"
#include "src/core/text.hpp"

namespace litrev {
namespace {

bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }

// "MCCARTHY" -> "Mccarthy", "KNORR-CETINA" -> "Knorr-Cetina": a name in capitals, each word
// capitalised (ASCII letters only; others are kept as written).
std::string capitalised(std::string_view s) {
  std::string out(s);
  bool start = true;
  for (char& c : out) {
    if (is_ascii_upper(c) || is_ascii_lower(c)) {
      c = start ? static_cast<char>(c & ~0x20) : static_cast<char>(c | 0x20);
      start = false;
    } else {
      start = c == ' ' || c == '-' || c == '\'';
    }
  }
  return out;
}

// "JD" -> "J. D.", "J.D." -> "J. D.", "B" -> "B."; a given name in lower case is kept.
std::string readable_initials(std::string_view given) {
  if (std::any_of(given.begin(), given.end(), is_ascii_lower)) return std::string(trim(given));
  std::string out;
  for (char c : given) {
    if (!is_ascii_upper(c)) continue;
    if (!out.empty()) out += ' ';
    out += c;
    out += '.';
  }
  return out.empty() ? std::string(trim(given)) : out;
}

// Not a person: WoS's "[Anonymous]". (An organisation, marked by WoS's leading '*', is kept.)
bool is_anonymous(std::string_view family) {
  std::string f = ascii_lower(trim(family));
  std::erase_if(f, [](char c) { return c == '{' || c == '}'; });  // WoS BibTeX writes "{[}Anonymous]"
  return f.empty() || f == "[anonymous]" || f == "anonymous" || f == "anon";
}

}  // namespace

CorpusPerson cited_person(std::string_view family, std::string_view given) {
  CorpusPerson p;
  std::string_view fam = trim(family);
  if (fam.starts_with('*')) fam.remove_prefix(1);  // WoS organisation mark
  const bool capitals = std::none_of(fam.begin(), fam.end(), is_ascii_lower);
  p.family = capitals ? capitalised(fam) : std::string(fam);
  p.given = readable_initials(given);
  p.name = p.given.empty() ? p.family : p.family + ", " + p.given;
  return p;
}

CitedAuthors cited_authors(const CitationCorpus& corpus, const CitationGraph& graph, const AuthorOverrides& overrides) {
  CitedAuthors out;
  out.names = corpus.people;
  // Each distinct name as written is one entry; the rules then group them.
  std::unordered_map<std::string, std::uint32_t> index_of;
  std::vector<std::vector<std::uint32_t>> external_names(corpus.externals.size());
  for (std::size_t e = 0; e < corpus.externals.size(); ++e) {
    for (const auto& a : corpus.externals[e].authors) {
      if (is_anonymous(a.family)) continue;
      std::string raw = a.family + '\x1f' + a.initials;
      const auto [it, inserted] = index_of.emplace(std::move(raw), static_cast<std::uint32_t>(out.names.size()));
      if (inserted) out.names.push_back(cited_person(a.family, a.initials));
      external_names[e].push_back(it->second);
    }
  }
  out.groups = group_people(out.names, overrides);
  const auto by_work = authors_by_work(corpus, out.groups);
  out.by_vertex.resize(graph.num_vertices());
  for (VertexId v = 0; v < graph.num_vertices(); ++v) {
    const NodeRef node = graph.node(v);
    if (node.kind == NodeKind::work) {
      out.by_vertex[v] = by_work[node.index];
      continue;
    }
    auto& list = out.by_vertex[v];
    for (std::uint32_t name : external_names[node.index]) {
      const std::uint32_t g = out.groups.group_of_person[name];
      if (std::find(list.begin(), list.end(), g) == list.end()) list.push_back(g);
    }
  }
  return out;
}

std::span<const std::uint32_t> credited_authors(const CitedAuthors& authors, VertexId cited, CitedAuthorCounting counting) {
  const auto& list = authors.by_vertex[cited];
  if (counting == CitedAuthorCounting::first_author && list.size() > 1) return {list.data(), 1};
  return list;
}

std::vector<CitedAuthorMetrics> rank_cited_authors(const CitationGraph& graph, const CitedAuthors& authors,
                                                   CitedAuthorCounting counting) {
  const std::size_t n = authors.groups.groups.size();
  std::vector<CitedAuthorMetrics> m(n);
  for (std::uint32_t g = 0; g < n; ++g) m[g].group = g;
  std::vector<std::uint32_t> most(n, 0);
  for (VertexId u = 0; u < graph.num_vertices(); ++u) {
    const std::uint32_t cited_by = graph.local_citations(u);
    if (cited_by == 0) continue;
    for (std::uint32_t g : credited_authors(authors, u, counting)) {
      m[g].citations += cited_by;
      ++m[g].cited_works;
      m[g].library_works += graph.is_work(u) ? 1 : 0;
      if (cited_by > most[g]) most[g] = cited_by, m[g].most_cited = u;
    }
  }
  // Citing works: each library work once per author it cites.
  const Adjacency out = graph.out();
  std::vector<VertexId> last(n, kNoVertex);
  for (VertexId w = 0; w < graph.num_works(); ++w) {
    for (VertexId u : out.neighbors(w)) {
      for (std::uint32_t g : credited_authors(authors, u, counting)) {
        if (last[g] == w) continue;
        last[g] = w;
        ++m[g].citing_works;
      }
    }
  }
  std::erase_if(m, [](const CitedAuthorMetrics& a) { return a.citations == 0; });
  std::stable_sort(m.begin(), m.end(), [](const CitedAuthorMetrics& a, const CitedAuthorMetrics& b) {
    if (a.citations != b.citations) return a.citations > b.citations;
    return a.citing_works > b.citing_works;
  });
  return m;
}

}  // namespace litrev
