// Ctrl-C inside the store: a query or an import stops at once (SQLite's progress handler), the
// uncommitted input is rolled back, and Cancelled reaches the caller.
#include <gtest/gtest.h>

#include "src/core/cancellation.hpp"
#include "store/records.hpp"

namespace litrev {
namespace {

using test::record;

// Requests cancellation for one test and clears it after, whatever happens.
struct CancellationRequested {
  CancellationRequested() { request_cancellation(); }
  ~CancellationRequested() { clear_cancellation(); }
};

TEST(Cancellation, SearchStopsWithCancelled) {
  test::TempLibrary lib;
  std::vector<ImportRecord> records;
  for (int i = 0; i < 50; ++i)
    records.push_back(record("w" + std::to_string(i))
                          .title("Legitimacy and labels " + std::to_string(i))
                          .year(2000 + i % 20)
                          .author("Author" + std::to_string(i)));
  test::import_all(lib.store, records);
  ASSERT_EQ(lib.store.search("legitimacy", 100).size(), 50u);
  const CancellationRequested ctrl_c;
  EXPECT_THROW(lib.store.search("legitimacy", 100), Cancelled);
  EXPECT_THROW(lib.store.search("AI: ethics", 100), Cancelled);  // the plain-words retry too
}

TEST(Cancellation, AnInterruptedImportLeavesNothingAndTheLibraryUsable) {
  test::TempLibrary lib;
  test::import_all(lib.store, {record("before").title("Stored before").year(1999).author("A")});
  {
    auto batch = lib.store.begin_import();
    batch.add(record("during").title("Added while Ctrl-C comes").year(2000).author("B"));
    const CancellationRequested ctrl_c;
    // The commit's resolution and full-text statements are long enough for the handler.
    EXPECT_THROW(
        {
          for (int i = 0; i < 2000; ++i)
            batch.add(record("r" + std::to_string(i)).title("Record " + std::to_string(i)).year(2001).author("C"));
          batch.commit();
        },
        Cancelled);
  }
  EXPECT_TRUE(lib.store.contains("before"));
  EXPECT_FALSE(lib.store.contains("during"));
  EXPECT_EQ(lib.store.stats().works, 1);
  test::import_all(lib.store, {record("after").title("Stored after").year(2002).author("D")});
  EXPECT_EQ(lib.store.stats().works, 2);
}

}  // namespace
}  // namespace litrev
