#pragma once
// citeproc-js (Zotero's processor) as the reference for agreement tests: found in the build
// folder (installed there with npm on first use, when npm is available) or under
// $LITREV_CITEPROC_JS_DIR; run through ../shared/tools/citeproc_js_bibliography.js. Entries are
// compared as text plus formatting (italic, bold, small caps, super/subscript) with every kind
// of space counted as one space: the measure the issue sets.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace litrev::test {

// The folder holding node_modules/citeproc, or "" (with why in reason).
std::filesystem::path citeproc_js_prefix(std::string& reason);

struct Bib {
  std::vector<std::string> ids;                // in bibliography order
  std::map<std::string, std::string> entries;  // id -> canonical entry
};

// Runs citeproc-js in HTML mode on a style and a CSL-JSON file; locales from locales_dir.
// Throws std::runtime_error when node fails (message with its stderr).
Bib citeproc_js_bibliography(const std::filesystem::path& prefix, const std::filesystem::path& style,
                             const std::filesystem::path& library, const std::filesystem::path& locales_dir);

// HTML of one entry -> text with formatting marks, spaces normalized.
std::string canonical_entry(const std::string& html);

struct Agreement {
  std::size_t same = 0;
  std::size_t total = 0;
  bool order_same = false;
  std::string report;  // the differing entries, for failure messages
  double percent() const { return total ? 100.0 * static_cast<double>(same) / static_cast<double>(total) : 100.0; }
};
Agreement compare_bibliographies(const Bib& reference, const Bib& candidate);

}  // namespace litrev::test
