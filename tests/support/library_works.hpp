#pragma once
// A library's works as `litrev list --json` gives them, by key: what end-to-end tests compare
// before and after a round trip.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>

#include "support/test_support.hpp"

namespace litrev::test {

inline std::map<std::string, nlohmann::json> works_by_key(const std::filesystem::path& db) {
  const auto r = run_litrev({"--db", db.string(), "list", "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, nlohmann::json> works;
  for (auto& w : nlohmann::json::parse(r.out)) works[w["key"].get<std::string>()] = w;
  return works;
}

}  // namespace litrev::test
