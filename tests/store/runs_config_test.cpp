#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/records.hpp"

namespace litrev {
namespace {

using test::record;
using ::testing::ElementsAre;

TEST(ClusterRuns, ARunIsSavedWithItsClustersAndAssignments) {
  test::TempLibrary lib;
  const auto results = test::import_all(lib.store, {record("a").title("A").year(2000).author("X"),
                                                    record("b").title("B").year(2001).author("Y")});
  ClusterRun run;
  run.network = "cocitation";
  run.quality_function = "modularity";
  run.parameters_json = R"({"resolution":1.0})";
  run.seed = 42;
  run.quality = 0.41;
  run.modularity = 0.41;
  run.clusters = {{0, 2, "audit, standards", {"audit", "standards"}}, {1, 1, "ethics", {"ethics"}}};
  run.assignments = {{results[0].work_id, "", 0, ""}, {results[1].work_id, "", 0, ""},
                     {std::nullopt, "doi:10.1086/226550", 1, ""}};
  const auto id = lib.store.save_cluster_run(run);
  EXPECT_GT(id, 0);

  const auto listed = lib.store.cluster_runs();
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].id, id);
  EXPECT_EQ(listed[0].network, "cocitation");
  EXPECT_EQ(listed[0].seed, 42);
  EXPECT_EQ(listed[0].created_at.back(), 'Z');
  EXPECT_TRUE(listed[0].assignments.empty());  // listing leaves them out
  ASSERT_EQ(listed[0].clusters.size(), 2u);
  EXPECT_THAT(listed[0].clusters[0].terms, ElementsAre("audit", "standards"));

  const auto full = lib.store.cluster_run(id);
  ASSERT_TRUE(full);
  EXPECT_EQ(full->parameters_json, R"({"resolution":1.0})");
  EXPECT_DOUBLE_EQ(*full->modularity, 0.41);
  ASSERT_EQ(full->assignments.size(), 3u);
  EXPECT_EQ(full->assignments[0].key, "a");
  EXPECT_EQ(full->assignments[2].identity, "doi:10.1086/226550");
  EXPECT_FALSE(full->assignments[2].work);
  EXPECT_FALSE(lib.store.cluster_run(id + 1));
}

TEST(ClusterRuns, AssignmentsFollowAMergedWork) {
  test::TempLibrary lib;
  const auto results = test::import_all(lib.store, {record("keep").title("K").year(2000).author("X"),
                                                    record("gone").title("G").year(2001).author("Y")});
  ClusterRun run;
  run.network = "coupling";
  run.assignments = {{results[1].work_id, "", 3, ""}};
  const auto id = lib.store.save_cluster_run(run);
  lib.store.merge("keep", "gone");
  EXPECT_EQ(lib.store.cluster_run(id)->assignments.at(0).key, "keep");
}

TEST(Config, SettingsPersistAndCanBeReplaced) {
  test::TempLibrary lib;
  EXPECT_FALSE(lib.store.config("mailto"));
  lib.store.set_config("mailto", "me@example.org");
  lib.store.set_config("mailto", "other@example.org");
  auto reopened = Store::open(lib.path);
  EXPECT_EQ(reopened.config("mailto"), "other@example.org");
}

}  // namespace
}  // namespace litrev
