// Answers cut short or corrupted (a proxy, a flaky connection) never crash the parsers: every
// recorded Crossref answer, truncated at many points and with bytes flipped, yields either a
// page or an error.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "importers/crossref/crossref_response.hpp"
#include "importers/crossref/markup_text.hpp"
#include "net/loopback_server.hpp"
#include "support/test_support.hpp"

namespace litrev {
namespace {

TEST(CrossrefRobustness, TruncatedAndCorruptedAnswersGiveAnErrorOrAPage) {
  LITREV_REQUIRE_SHARED(shared);
  std::mt19937 rng(20260617);
  std::size_t cases = 0, errors = 0;
  for (const auto& entry : std::filesystem::directory_iterator(shared / "fixtures/crossref")) {
    const std::string body = test::slurp(entry.path());
    if (body.size() > 100'000) continue;  // the large pages add time, not new shapes
    for (int k = 1; k <= 24; ++k) {
      HttpResponse r;
      r.url = "https://api.crossref.org/x";
      r.status = 200;
      r.body = body.substr(0, body.size() * static_cast<std::size_t>(k) / 25);
      if (k % 2 == 0 && !r.body.empty())
        for (int flips = 0; flips < 8; ++flips)
          r.body[std::uniform_int_distribution<std::size_t>(0, r.body.size() - 1)(rng)] = static_cast<char>(rng());
      ++cases;
      EXPECT_NO_THROW({
        const auto work = parse_crossref_work_response(r);
        const auto page = parse_crossref_works_response(r);
        errors += !work.has_value() + !page.has_value();
      }) << entry.path().filename() << " cut at " << k << "/25";
    }
  }
  EXPECT_GT(cases, 200u);
  EXPECT_GT(errors, cases);  // nearly every damaged answer is refused rather than half-read
}

TEST(CrossrefRobustness, MarkupOfAnyShapeBecomesText) {
  for (const char* s : {"<", "<jats:p>", "</jats:p>", "&", "&#xZZ;", "<a><b></a></b>", "<![CDATA[x", "<?pi?>text",
                        "<jats:p>\xff\xfe</jats:p>", "<jats:title>Abstract</jats:title>"}) {
    EXPECT_NO_THROW(jats_to_text(s)) << s;
    EXPECT_NO_THROW(markup_to_line(s)) << s;
  }
  EXPECT_EQ(jats_to_text("<jats:title>Abstract</jats:title>"), "Abstract");
}

}  // namespace
}  // namespace litrev
