#pragma once
// A RecordSink for the fetcher tests (Crossref, HAL, OpenAlex): keeps every record and counts
// the pages (one call per answer).

#include <cstddef>
#include <vector>

#include "importers/net/fetch_summary.hpp"

namespace litrev::test {

struct Collected {
  std::vector<ImportRecord> records;
  std::size_t pages = 0;
  RecordSink sink() {
    return [this](std::vector<ImportRecord>&& page) {
      ++pages;
      for (auto& r : page) records.push_back(std::move(r));
    };
  }
};

}  // namespace litrev::test
