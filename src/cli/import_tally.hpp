#pragma once
// What the store did with the records of one import, counted the same way by every importer
// (files, Crossref, HAL): new works, merges by rule.

#include <cstddef>
#include <map>
#include <string>

#include "src/store/store.hpp"

namespace litrev::cli {

struct ImportTally {
  std::size_t added = 0;
  // merged: records that went into a work already stored; unchanged: those of them that were
  // stored already, exactly (the same file imported again), so changed nothing.
  std::size_t merged = 0, unchanged = 0;
  std::map<std::string, std::size_t> merged_by_rule;

  void count(const AddResult& result) {
    if (!result.merged) {
      ++added;
      return;
    }
    ++merged;
    if (result.merged_rule == kSameSourceRule) ++unchanged;
    ++merged_by_rule[result.merged_rule];
  }

  // " (3 by doi, 1 by same source)", or "" when nothing merged: for summary lines.
  std::string merged_detail() const {
    std::string out;
    for (const auto& [rule, n] : merged_by_rule) out += (out.empty() ? "" : ", ") + std::to_string(n) + " by " + rule;
    return out.empty() ? out : " (" + out + ")";
  }
};

}  // namespace litrev::cli
