#include "importers/scopus/csv_table.hpp"

#include <csv.h>
#include <fmt/format.h>

#include <memory>

namespace litrev::scopus {
namespace {

unsigned char header_delimiter(std::string_view text) {
  std::size_t comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  for (const char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') break;
    comma += c == ',';
    semicolon += c == ';';
    tab += c == '\t';
  }
  if (semicolon > comma && semicolon >= tab) return ';';
  if (tab > comma) return '\t';
  return ',';
}

struct State {
  std::vector<CsvRow> ready;  // rows ended during the last csv_parse call
  CsvRow row;
  std::uint32_t line = 1;       // the line being fed
  bool between_rows = true;     // the last row ended: the next non-blank line starts one
  std::uint32_t row_start = 1;  // where the current row began
  std::size_t rows = 0;
};

void on_field(void* data, std::size_t size, void* state_ptr) {
  auto& s = *static_cast<State*>(state_ptr);
  s.row.cells.emplace_back(data ? static_cast<const char*>(data) : "", data ? size : 0);
}

void on_row_end(int, void* state_ptr) {
  auto& s = *static_cast<State*>(state_ptr);
  s.row.line = s.row_start;
  ++s.rows;
  s.ready.push_back(std::move(s.row));
  s.row = {};
  s.between_rows = true;
}

}  // namespace

std::size_t read_csv(std::string_view text, std::string_view source, const std::function<void(CsvRow&&)>& on_row,
                     std::vector<Diagnostic>& diagnostics) {
  csv_parser parser;
  csv_init(&parser, CSV_STRICT_FINI);
  const std::unique_ptr<csv_parser, void (*)(csv_parser*)> owner(&parser, csv_free);
  csv_set_delim(&parser, header_delimiter(text));
  State state;
  // Rows go to on_row from here, not from libcsv's callbacks: an exception thrown by on_row
  // (Ctrl-C, a store error) must not unwind through C frames.
  const auto drain = [&] {
    for (auto& r : state.ready) on_row(std::move(r));
    state.ready.clear();
  };
  // Fed one line at a time: the line a row starts on is the line being fed when its first
  // byte is.
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    if (state.between_rows && text.substr(start, end - start).find_first_not_of(" \t\r\n") != std::string_view::npos) {
      state.row_start = state.line;
      state.between_rows = false;
    }
    csv_parse(&parser, text.data() + start, end - start, on_field, on_row_end, &state);
    drain();
    ++state.line;
    start = end;
  }
  // Inside a quoted value at the end (libcsv's FIELD_BEGUN state, 2, with the quote flag):
  // csv_fini would hand that row on as if it were whole.
  const bool unclosed = parser.quoted && parser.pstate == 2;
  csv_fini(&parser, on_field, on_row_end, &state);
  if (unclosed && !state.ready.empty()) {
    state.ready.pop_back();
    --state.rows;
  }
  drain();
  if (unclosed) {
    diagnostics.push_back({Diagnostic::Severity::error, std::string(source), state.row_start, 0, "",
                           "a quoted value in the row starting here is never closed: the rest of the file would be "
                           "that one value; the row is skipped"});
  }
  return state.rows;
}

}  // namespace litrev::scopus
