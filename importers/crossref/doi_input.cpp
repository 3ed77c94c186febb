#include "importers/crossref/doi_input.hpp"

#include <algorithm>
#include <unordered_set>

#include "src/core/identifiers.hpp"
#include "src/core/text.hpp"

namespace litrev {
namespace {

class Collector {
 public:
  void take(std::string_view text, std::string_view source, std::uint32_t line) {
    const auto found = find_dois(text);
    if (found.empty()) {
      const std::string shown(trim(text).substr(0, 120));
      out.errors.push_back({Diagnostic::Severity::error, std::string(source), line, 0, {},
                            "not a valid DOI: \"" + shown + "\""});
      return;
    }
    for (const auto& d : found)
      if (seen_.insert(d).second) out.dois.push_back(d);
  }
  DoiInput out;

 private:
  std::unordered_set<std::string> seen_;
};

}  // namespace

DoiInput read_doi_lines(std::string_view text, std::string_view source) {
  Collector c;
  std::uint32_t line_no = 0;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    ++line_no;
    line = trim(line);
    if (line.starts_with("\xEF\xBB\xBF")) line = trim(line.substr(3));  // a BOM on the first line
    if (line.empty() || line.front() == '#') continue;
    c.take(line, source, line_no);
  }
  return std::move(c.out);
}

DoiInput read_doi_arguments(std::span<const std::string> arguments) {
  Collector c;
  for (const auto& a : arguments) c.take(a, "--doi", 0);
  return std::move(c.out);
}

}  // namespace litrev
