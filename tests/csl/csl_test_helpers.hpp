#pragma once
// Helpers of the CSL tests: a style written inline (only the bibliography layout and its
// options), items written as CSL-JSON, entries formatted as plain text or HTML. Locales come
// from the system's CSL locales (citation-style-language-locales) or ../shared/csl.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "src/csl/bibliography.hpp"
#include "src/csl/catalog.hpp"
#include "src/csl/item_json.hpp"
#include "src/csl/style_loader.hpp"
#include "support/test_support.hpp"

namespace litrev::test::csl {

using namespace litrev::csl;

inline std::filesystem::path csl_locales_dir() {
  const std::filesystem::path system = "/usr/share/citation-style-language/locales";
  if (std::filesystem::exists(system / "locales-en-US.xml")) return system;
  const auto shared = shared_dir();
  if (!shared.empty() && std::filesystem::exists(shared / "csl" / "locales-en-US.xml")) return shared / "csl";
  return {};
}

#define LITREV_REQUIRE_CSL_LOCALES()                                                                     \
  if (::litrev::test::csl::csl_locales_dir().empty())                                                    \
  GTEST_SKIP() << "no CSL locales (install citation-style-language-locales or provide ../shared/csl)"

inline StyleSources test_sources() {
  return StyleCatalog({}, {csl_locales_dir()}).sources();
}

// A complete style around a bibliography layout. style_attrs go on <style>, bib_attrs on
// <bibliography>; citation is the citation layout (disambiguation tests need one).
inline std::string make_style(const std::string& layout, const std::string& bib_attrs = "",
                              const std::string& style_attrs = "", const std::string& extra = "",
                              const std::string& citation = "<layout><text variable=\"title\"/></layout>",
                              const std::string& citation_attrs = "") {
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
         "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\" " +
         style_attrs +
         ">\n<info><title>Test</title><id>test</id><updated>2024-01-01T00:00:00+00:00</updated></info>\n" + extra +
         "\n<citation " + citation_attrs + ">" + citation + "</citation>\n<bibliography " + bib_attrs + ">\n" + layout +
         "\n</bibliography>\n</style>\n";
}

inline Style load_inline(const std::string& xml, const std::string& locale = "") {
  return load_style_text(xml, "inline.csl", test_sources(), locale);
}

inline std::vector<std::string> format_all(const std::string& style_xml, const std::string& items_json,
                                           OutputFormat format = OutputFormat::text, const std::string& locale = "") {
  Processor p(load_inline(style_xml, locale));
  const auto bib = p.bibliography(read_csl_json(items_json).items);
  std::vector<std::string> out;
  for (const auto& e : bib.entries) out.push_back(render(e.content, format));
  return out;
}

// The one entry of a one-item library.
inline std::string format_one(const std::string& style_xml, const std::string& item_json,
                              OutputFormat format = OutputFormat::text, const std::string& locale = "") {
  const auto all = format_all(style_xml, "[" + item_json + "]", format, locale);
  return all.empty() ? std::string("<none>") : all.front();
}

}  // namespace litrev::test::csl
