#include "graph/edge_list.hpp"

#include <charconv>
#include <unordered_map>

namespace litrev {

EdgeList parse_edge_list(std::string_view text) {
  EdgeList list;
  std::unordered_map<std::string, VertexId> ids;
  auto id_of = [&](std::string_view name) {
    const auto [it, inserted] = ids.emplace(std::string(name), static_cast<VertexId>(list.names.size()));
    if (inserted) list.names.emplace_back(name);
    return it->second;
  };
  std::size_t line_no = 0;
  while (!text.empty()) {
    const auto eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const auto tab1 = line.find('\t');
    if (tab1 == std::string_view::npos) {
      list.bad_lines.push_back(line_no);
      continue;
    }
    const std::string_view source = line.substr(0, tab1);
    std::string_view rest = line.substr(tab1 + 1);
    const auto tab2 = rest.find('\t');
    const std::string_view target = rest.substr(0, tab2);
    double weight = 1.0;
    if (tab2 != std::string_view::npos && tab2 + 1 < rest.size()) {
      const std::string_view w = rest.substr(tab2 + 1);
      const auto [ptr, ec] = std::from_chars(w.data(), w.data() + w.size(), weight);
      if (ec != std::errc{} || ptr != w.data() + w.size()) {
        list.bad_lines.push_back(line_no);
        continue;
      }
      list.weighted = true;
    }
    const VertexId s = id_of(source);
    const VertexId t = id_of(target);
    list.edges.push_back({s, t, weight});
  }
  return list;
}

CitationCorpus corpus_from_edge_list(const EdgeList& edges) {
  CitationCorpus corpus;
  corpus.works.resize(edges.names.size());
  for (std::size_t i = 0; i < edges.names.size(); ++i) {
    corpus.works[i].work_id = static_cast<std::int64_t>(i) + 1;
    corpus.works[i].key = edges.names[i];
  }
  corpus.citations.reserve(edges.edges.size());
  for (const auto& e : edges.edges) {
    CorpusCitation c;
    c.citing_work = e.source;
    c.cited_work = e.target;
    corpus.citations.push_back(c);
  }
  return corpus;
}

}  // namespace litrev
