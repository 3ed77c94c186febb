// Answers cut short or corrupted never crash the HAL readers: every recorded HAL answer
// (JSON and TEI), truncated at many points and with bytes flipped, yields a page or an error.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "importers/hal/hal_response.hpp"
#include "net/loopback_server.hpp"
#include "support/test_support.hpp"

namespace litrev {
namespace {

TEST(HalRobustness, TruncatedAndCorruptedAnswersGiveAnErrorOrAPage) {
  LITREV_REQUIRE_SHARED(shared);
  std::mt19937 rng(20261004);
  std::size_t cases = 0, errors = 0;
  for (const auto& entry : std::filesystem::directory_iterator(shared / "fixtures/hal")) {
    const std::string body = test::slurp(entry.path());
    if (body.size() > 100'000) continue;
    for (int k = 1; k <= 24; ++k) {
      HttpResponse r;
      r.url = "https://api.archives-ouvertes.fr/search/?q=x";
      r.status = 200;
      r.body = body.substr(0, body.size() * static_cast<std::size_t>(k) / 25);
      if (k % 2 == 0 && !r.body.empty())
        for (int flips = 0; flips < 8; ++flips)
          r.body[std::uniform_int_distribution<std::size_t>(0, r.body.size() - 1)(rng)] = static_cast<char>(rng());
      ++cases;
      EXPECT_NO_THROW(errors += !parse_hal_response(r).has_value()) << entry.path().filename() << " cut at " << k << "/25";
    }
  }
  EXPECT_GT(cases, 150u);
  EXPECT_GT(errors, cases / 2);
}

}  // namespace
}  // namespace litrev
