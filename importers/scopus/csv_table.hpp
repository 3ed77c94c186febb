#pragma once
// A CSV table (RFC 4180: quoted values with commas, doubled quotes and line breaks inside) read
// with libcsv, row by row, each row with the line it starts on. The delimiter is the one of
// ',', ';' and tab that the header line uses most outside quotes.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "src/core/record.hpp"

namespace litrev::scopus {

struct CsvRow {
  std::uint32_t line = 0;
  std::vector<std::string> cells;
};

// Calls on_row for every row, the header included (the first row). A quoted value never
// closed is an error diagnostic (the rest of the input was read as that value; the row is
// dropped). Returns the number of rows.
std::size_t read_csv(std::string_view text, std::string_view source, const std::function<void(CsvRow&&)>& on_row,
                     std::vector<Diagnostic>& diagnostics);

}  // namespace litrev::scopus
