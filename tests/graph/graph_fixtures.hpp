#pragma once
// Loading the graph oracle's fixtures (../shared/fixtures/graph_oracle) for the graph tests.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/edge_list.hpp"
#include "support/test_support.hpp"

namespace litrev::test {

inline std::filesystem::path oracle_dir(const std::filesystem::path& shared) {
  return shared / "fixtures" / "graph_oracle";
}

inline EdgeList load_edge_list(const std::filesystem::path& path) { return parse_edge_list(read_file(path)); }

inline nlohmann::json load_json(const std::filesystem::path& path) { return nlohmann::json::parse(read_file(path)); }

inline std::unordered_map<std::string, VertexId> index_names(const std::vector<std::string>& names) {
  std::unordered_map<std::string, VertexId> index;
  for (VertexId i = 0; i < names.size(); ++i) index.emplace(names[i], i);
  return index;
}

// A TSV "name<TAB>label..." file as one label id per vertex of `names` (kUnlabelled when absent).
inline constexpr std::uint32_t kUnlabelled = static_cast<std::uint32_t>(-1);
inline std::vector<std::uint32_t> load_labels(const std::filesystem::path& path, const std::vector<std::string>& names) {
  const auto index = index_names(names);
  std::vector<std::uint32_t> labels(names.size(), kUnlabelled);
  std::unordered_map<std::string, std::uint32_t> label_ids;
  const std::string text = read_file(path);
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    const std::string line = text.substr(pos, eol - pos);
    pos = eol + 1;
    const auto t1 = line.find('\t');
    if (t1 == std::string::npos) continue;
    const auto t2 = line.find('\t', t1 + 1);
    const std::string name = line.substr(0, t1);
    const std::string label = line.substr(t1 + 1, t2 == std::string::npos ? std::string::npos : t2 - t1 - 1);
    const auto it = index.find(name);
    if (it == index.end()) continue;
    labels[it->second] = label_ids.emplace(label, static_cast<std::uint32_t>(label_ids.size())).first->second;
  }
  return labels;
}

}  // namespace litrev::test
