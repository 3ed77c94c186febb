#include "src/cli/people_overrides.hpp"

#include <nlohmann/json.hpp>

#include <unordered_set>

namespace litrev::cli {

namespace {
constexpr const char* kSetting = "people.overrides";
}

AuthorOverrides load_people_overrides(const Store& store, const CitationCorpus& corpus) {
  AuthorOverrides overrides;
  const auto text = store.config(kSetting);
  if (!text) return overrides;
  const auto j = nlohmann::json::parse(*text, nullptr, false);
  if (j.is_discarded()) return overrides;
  std::unordered_set<std::int64_t> known;
  for (const auto& p : corpus.people) known.insert(p.person_id);
  for (const auto& set : j.value("merge", nlohmann::json::array())) {
    std::vector<std::int64_t> ids;
    for (const auto& id : set)
      if (id.is_number_integer() && known.contains(id.get<std::int64_t>())) ids.push_back(id.get<std::int64_t>());
    if (ids.size() > 1) overrides.merge.push_back(std::move(ids));
  }
  for (const auto& id : j.value("split", nlohmann::json::array()))
    if (id.is_number_integer() && known.contains(id.get<std::int64_t>())) overrides.split.push_back(id.get<std::int64_t>());
  return overrides;
}

void save_people_overrides(Store& store, const AuthorOverrides& overrides) {
  const nlohmann::json j = {{"merge", overrides.merge}, {"split", overrides.split}};
  store.set_config(kSetting, j.dump());
}

}  // namespace litrev::cli
