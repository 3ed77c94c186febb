// RIS types that need more than the TY to read: CONF is a conference paper in Zotero's and
// Mendeley's files (with the proceedings in T2) and a whole proceedings volume in EndNote's and
// litrev's own (no container), so an exported proceedings volume comes back as one.
#include <gtest/gtest.h>

#include "importers/ris/ris_import.hpp"

namespace litrev::ris {
namespace {

std::string type_of(std::string_view ris) {
  std::vector<Diagnostic> diagnostics;
  const auto records = import_ris_records(ris, "t.ris", diagnostics);
  return records.size() == 1 ? records[0].work.type : "(" + std::to_string(records.size()) + " records)";
}

TEST(RisTypes, ConfWithItsProceedingsIsAPaperWithoutIsTheVolume) {
  EXPECT_EQ(type_of("TY  - CONF\nTI  - A paper\nT2  - Proc. of the Workshop\nSP  - 1\nER  - \n"), "inproceedings");
  EXPECT_EQ(type_of("TY  - CONF\nTI  - A paper\nBT  - Proc. of the Workshop\nER  - \n"), "inproceedings");
  EXPECT_EQ(type_of("TY  - CONF\nTI  - Proceedings of the Workshop\nA2  - Editor, Ed\nPB  - ACM\nER  - \n"),
            "proceedings");
  EXPECT_EQ(type_of("TY  - CPAPER\nTI  - A paper\nER  - \n"), "inproceedings");
}

}  // namespace
}  // namespace litrev::ris
