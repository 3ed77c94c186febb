#include "importers/ris/ris_lexer.hpp"

#include <fmt/format.h>

#include "src/core/text.hpp"

namespace litrev::ris {
namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The tag and value of a field line; false for any other line.
bool field_line(std::string_view line, std::string_view& tag, std::string_view& value) {
  if (trim(line) == "ER" && line.starts_with("ER")) {  // a bare "ER" closes a record too
    tag = "ER";
    value = {};
    return true;
  }
  if (line.size() < 4 || !is_upper(line[0]) || !(is_upper(line[1]) || is_digit(line[1])) || line[2] != ' ') return false;
  std::size_t i = 2;
  while (i < line.size() && line[i] == ' ') ++i;
  if (i >= line.size() || line[i] != '-' || i > 6) return false;
  ++i;
  if (i < line.size() && line[i] != ' ') return false;  // "AB -word": prose, not a field
  if (i < line.size()) ++i;
  tag = line.substr(0, 2);
  value = line.substr(i);
  return true;
}

class Lexer {
 public:
  Lexer(std::string_view source, const std::function<void(tagged::TaggedRecord&&)>& on_record,
        std::vector<Diagnostic>& diagnostics)
      : source_(source), on_record_(on_record), diagnostics_(diagnostics) {}

  void line(std::string_view text, std::uint32_t number) {
    std::string_view tag, value;
    if (!field_line(text, tag, value)) {
      if (open_ && !record_.fields.empty()) {
        auto& v = record_.fields.back().value;
        v += '\n';
        v += trim(text);
      }
      return;
    }
    if (tag == "TY") {
      if (open_) {
        warn(record_.line, fmt::format("the record starting here has no ER; it ends at the TY on line {}", number));
        close();
      }
      open_ = true;
      ++counts_.records;
      record_.line = number;
    } else if (tag == "ER") {
      if (open_) close();
      return;
    } else if (!open_) {
      warn(number, fmt::format("field '{}' outside a record (no TY before it); ignored", tag));
      return;
    }
    record_.fields.push_back({std::string(tag), std::string(trim(value)), number});
  }

  LexCounts end() {
    if (open_) {
      warn(record_.line, "the last record starts here and has no ER; it ends with the file");
      close();
    }
    return counts_;
  }

 private:
  void warn(std::uint32_t line, std::string message) {
    diagnostics_.push_back({Diagnostic::Severity::warning, std::string(source_), line, 0, "", std::move(message)});
  }

  void close() {
    open_ = false;
    for (auto& f : record_.fields) {  // trailing blank lines of multi-line values
      while (!f.value.empty() && (f.value.back() == '\n' || f.value.back() == ' ')) f.value.pop_back();
    }
    std::erase_if(record_.fields, [](const tagged::TaggedField& f) { return f.value.empty() && f.name != "TY"; });
    if (record_.fields.size() <= 1) {
      ++counts_.skipped;
      diagnostics_.push_back({Diagnostic::Severity::error, std::string(source_), record_.line, 0, "",
                              "a record with no field but its type; skipped"});
    } else {
      on_record_(std::move(record_));
    }
    record_ = {};
  }

  std::string_view source_;
  const std::function<void(tagged::TaggedRecord&&)>& on_record_;
  std::vector<Diagnostic>& diagnostics_;
  tagged::TaggedRecord record_;
  bool open_ = false;
  LexCounts counts_;
};

}  // namespace

LexCounts read_ris_records(std::string_view text, std::string_view source,
                           const std::function<void(tagged::TaggedRecord&&)>& on_record,
                           std::vector<Diagnostic>& diagnostics) {
  Lexer lexer(source, on_record, diagnostics);
  std::uint32_t number = 1;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    lexer.line(text.substr(start, end - start), number);
    ++number;
    if (end < text.size() && text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ++end;
    start = end + 1;
  }
  return lexer.end();
}

}  // namespace litrev::ris
