// Grouping and ordering the annotated bibliography's entries, and the one-line facts under a
// reference. Pure functions of the entries.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "src/core/text.hpp"
#include "src/core/data_model.hpp"
#include "src/export/annotated.hpp"

namespace litrev {
namespace {

// Group headings for the store's type families (data: one row per family).
const std::unordered_map<std::string_view, std::string_view> kTypeHeadings = {
    {"article", "Journal articles"}, {"book", "Books"},        {"part", "Book chapters"},
    {"proceedings", "Conference papers"}, {"thesis", "Theses"}, {"report", "Reports"},
};

std::string type_heading(const std::string& type) {
  if (type == "online") return "Web pages";
  const auto it = kTypeHeadings.find(type_family(type));
  return it == kTypeHeadings.end() ? std::string("Other documents") : std::string(it->second);
}

void order_group(std::vector<AnnotatedEntry>& entries, EntryOrder order) {
  auto by = [&](auto key) {
    std::stable_sort(entries.begin(), entries.end(), [&](const auto& a, const auto& b) { return key(a) > key(b); });
  };
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& a, const auto& b) { return a.style_order < b.style_order; });
  switch (order) {
    case EntryOrder::style: break;
    case EntryOrder::year:  // newest first; works without a date last
      by([](const AnnotatedEntry& e) { return e.year.value_or(-100000); });
      break;
    case EntryOrder::citations: by([](const AnnotatedEntry& e) { return e.citations.value_or(0); }); break;
    case EntryOrder::pagerank: by([](const AnnotatedEntry& e) { return e.pagerank; }); break;
  }
}

}  // namespace

std::vector<AnnotatedGroup> group_entries(std::vector<AnnotatedEntry> entries, GroupBy by, EntryOrder order,
                                          const std::vector<ClusterHeading>& clusters) {
  std::vector<AnnotatedGroup> groups;
  AnnotatedGroup rest;  // works without the grouping value, last
  std::map<std::string, std::size_t> index;  // heading -> groups index, for tag/type/year
  auto group_named = [&](const std::string& heading) -> AnnotatedGroup& {
    const auto [it, added] = index.emplace(heading, groups.size());
    if (added) groups.push_back(AnnotatedGroup{heading, {}, {}});
    return groups[it->second];
  };
  switch (by) {
    case GroupBy::none: groups.push_back(AnnotatedGroup{"", {}, std::move(entries)}); break;
    case GroupBy::cluster: {
      std::map<std::int64_t, std::size_t> at;
      for (const auto& c : clusters) {
        at[c.cluster] = groups.size();
        groups.push_back(AnnotatedGroup{fmt::format("Cluster {}: {}", c.cluster, c.label), c.terms, {}});
      }
      rest.heading = "Not clustered";
      for (auto& e : entries) {
        const auto it = e.cluster ? at.find(*e.cluster) : at.end();
        e.cluster.reset();  // the heading says it; not repeated under every entry
        (it == at.end() ? rest : groups[it->second]).entries.push_back(std::move(e));
      }
      break;
    }
    case GroupBy::tag:
      rest.heading = "Untagged";
      for (auto& e : entries) {
        if (e.tags.empty()) rest.entries.push_back(std::move(e));
        else
          for (const auto& t : e.tags) group_named(t).entries.push_back(e);
      }
      break;
    case GroupBy::type:
      for (auto& e : entries) group_named(type_heading(e.type)).entries.push_back(std::move(e));
      break;
    case GroupBy::year:
      rest.heading = "No date";
      for (auto& e : entries) {
        if (e.year) group_named(fmt::format("{:04}", *e.year)).entries.push_back(std::move(e));
        else rest.entries.push_back(std::move(e));
      }
      // Newest year first, as a review reads.
      std::stable_sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) { return a.heading > b.heading; });
      break;
  }
  if (by == GroupBy::tag || by == GroupBy::type)
    std::stable_sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) { return fold(a.heading) < fold(b.heading); });
  if (!rest.entries.empty()) groups.push_back(std::move(rest));
  std::erase_if(groups, [](const AnnotatedGroup& g) { return g.entries.empty(); });
  for (auto& g : groups) order_group(g.entries, order);
  return groups;
}

std::string entry_facts(const AnnotatedEntry& e) {
  std::vector<std::string> parts;
  if (!e.tags.empty()) parts.push_back(fmt::format("Tags: {}", fmt::join(e.tags, ", ")));
  if (e.cluster)
    parts.push_back(e.cluster_label.empty() ? fmt::format("Cluster {}", *e.cluster)
                                            : fmt::format("Cluster {}: {}", *e.cluster, e.cluster_label));
  if (e.citations.value_or(0) > 0)
    parts.push_back(*e.citations == 1 ? std::string("cited by 1 work of the library")
                                      : fmt::format("cited by {} works of the library", *e.citations));
  if (e.pagerank_rank) parts.push_back(fmt::format("PageRank rank {}", *e.pagerank_rank));
  return fmt::format("{}", fmt::join(parts, " · "));
}

bool parse_annotated_format(const std::string& name, AnnotatedFormat& out) {
  static const std::map<std::string, AnnotatedFormat, std::less<>> kNames = {
      {"text", AnnotatedFormat::text},         {"html", AnnotatedFormat::html}, {"markdown", AnnotatedFormat::markdown},
      {"md", AnnotatedFormat::markdown},       {"latex", AnnotatedFormat::latex}, {"tex", AnnotatedFormat::latex},
      {"docx", AnnotatedFormat::docx},         {"odt", AnnotatedFormat::odt}};
  const auto it = kNames.find(name);
  if (it == kNames.end()) return false;
  out = it->second;
  return true;
}

}  // namespace litrev
