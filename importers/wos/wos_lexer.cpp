#include "importers/wos/wos_lexer.hpp"

#include <fmt/format.h>

#include "src/core/text.hpp"

namespace litrev::wos {
namespace {

using tagged::TaggedRecord;

bool is_tag_char(char c, bool first) { return (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9'); }

bool is_tag(std::string_view s) { return s.size() == 2 && is_tag_char(s[0], true) && is_tag_char(s[1], false); }

// Each line of text (\n, \r\n or \r ends one) with its number.
template <class Fn>
void for_each_line(std::string_view text, Fn fn) {
  std::uint32_t number = 1;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    fn(text.substr(start, end - start), number++);
    if (end < text.size() && text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ++end;
    start = end + 1;
  }
}

class Emitter {
 public:
  Emitter(std::string_view source, const std::function<void(TaggedRecord&&)>& on_record,
          std::vector<Diagnostic>& diagnostics, LexCounts& counts)
      : source_(source), on_record_(on_record), diagnostics_(diagnostics), counts_(counts) {}

  void diagnostic(Diagnostic::Severity severity, std::uint32_t line, std::string message) {
    diagnostics_.push_back({severity, std::string(source_), line, 0, "", std::move(message)});
  }

  // Hands the record on unless it has nothing but its type.
  void emit(TaggedRecord&& record) {
    std::erase_if(record.fields, [](const tagged::TaggedField& f) { return f.value.empty(); });
    if (record.fields.size() <= 1) {
      ++counts_.skipped;
      diagnostic(Diagnostic::Severity::error, record.line, "a record with no field but its type; skipped");
      return;
    }
    on_record_(std::move(record));
  }

 private:
  std::string_view source_;
  const std::function<void(TaggedRecord&&)>& on_record_;
  std::vector<Diagnostic>& diagnostics_;
  LexCounts& counts_;
};

void read_plain_text(std::string_view text, Emitter& out, LexCounts& counts) {
  TaggedRecord record;
  bool open = false, ended = false;
  const auto close = [&] {
    if (open) out.emit(std::move(record));
    record = {};
    open = false;
  };
  for_each_line(text, [&](std::string_view line, std::uint32_t number) {
    if (ended) return;
    if (line.starts_with(' ') || line.starts_with('\t')) {
      if (open && !record.fields.empty()) {
        auto& v = record.fields.back().value;
        v += '\n';
        v += trim(line);
      }
      return;
    }
    // Concatenated exports: "nullPT J", "nullnullPT J", a byte-order mark mid-file.
    std::string_view junk;
    while (line.starts_with("null") || line.starts_with("\xEF\xBB\xBF")) {
      const std::size_t n = line.starts_with("null") ? 4 : 3;
      junk = std::string_view(junk.empty() ? line.data() : junk.data(), junk.size() + n);
      line.remove_prefix(n);
    }
    if (line.size() < 2 || !is_tag(line.substr(0, 2)) || (line.size() > 2 && line[2] != ' ')) return;
    const std::string_view tag = line.substr(0, 2);
    const std::string_view value = line.size() > 3 ? trim(line.substr(3)) : std::string_view();
    if (!junk.empty())
      out.diagnostic(Diagnostic::Severity::warning, number,
                     fmt::format("'{}' before the {} tag (exports pasted together?); dropped", junk, tag));
    if (tag == "PT") {
      if (open) {
        out.diagnostic(Diagnostic::Severity::warning, record.line,
                       fmt::format("the record starting here has no ER; it ends at the PT on line {}", number));
        close();
      }
      open = true;
      ++counts.records;
      record.line = number;
    } else if (tag == "ER") {
      close();
      return;
    } else if (tag == "EF") {
      close();
      ended = true;
      return;
    } else if (!open) {
      return;  // FN, VR: the file's header
    }
    record.fields.push_back({std::string(tag), std::string(value), number});
  });
  if (open) {
    out.diagnostic(Diagnostic::Severity::warning, record.line,
                   "the last record starts here and has no ER; it ends with the file");
    close();
  }
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> cells;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i < line.size() && line[i] != '\t') continue;
    cells.push_back(line.substr(start, i - start));
    start = i + 1;
  }
  return cells;
}

void read_tab_delimited(std::string_view text, Emitter& out, LexCounts& counts) {
  std::vector<std::string> header;
  for_each_line(text, [&](std::string_view line, std::uint32_t number) {
    if (trim(line).empty()) return;
    const auto cells = split_tabs(line);
    if (header.empty()) {
      for (const auto c : cells) header.emplace_back(trim(c));
      return;
    }
    TaggedRecord record;
    record.line = number;
    ++counts.records;
    if (cells.size() > header.size() && !trim(cells[header.size()]).empty())
      out.diagnostic(Diagnostic::Severity::warning, number,
                     fmt::format("{} columns where the header names {}; the extra ones are ignored", cells.size(),
                                 header.size()));
    for (std::size_t i = 0; i < cells.size() && i < header.size(); ++i) {
      const std::string_view value = trim(cells[i]);
      if (value.empty() || header[i].empty()) continue;
      record.fields.push_back({header[i], std::string(value), number});
    }
    out.emit(std::move(record));
  });
}

}  // namespace

LexCounts read_wos_records(std::string_view text, std::string_view source,
                           const std::function<void(TaggedRecord&&)>& on_record, std::vector<Diagnostic>& diagnostics) {
  LexCounts counts;
  Emitter out(source, on_record, diagnostics, counts);
  std::string_view first = trim(text.substr(0, text.find('\n')));
  while (first.starts_with("\xEF\xBB\xBF")) first.remove_prefix(3);
  counts.tab_delimited = first.starts_with("PT\t") || (first.find('\t') != std::string_view::npos &&
                                                         first.find("\tAU\t") != std::string_view::npos);
  if (counts.tab_delimited) read_tab_delimited(text, out, counts);
  else read_plain_text(text, out, counts);
  return counts;
}

}  // namespace litrev::wos
