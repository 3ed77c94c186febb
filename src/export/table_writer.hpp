#pragma once
// Works -> a table for spreadsheets and R: one row per work, the columns asked for, in CSV
// (RFC 4180: values with a comma, a quote or a line break quoted, quotes doubled, CRLF line
// ends) or TSV (tabs and line breaks inside values become spaces: TSV has no quoting), UTF-8.
// A pure writer: the values of the graph columns (citations, pagerank, cluster...) are computed
// by the caller and handed in.
//
// Columns: key, type, year, date, title (with ": subtitle"), authors and editors ("Family,
// Given; ..."), container, volume, issue, pages, publisher, place, language, doi, isbn, issn,
// url, wos, scopus, hal, arxiv, pmid (identifiers, several joined by "; "), abstract,
// keywords, tags, notes ("; " / blank-line joined), references (how many the work lists),
// global_citations (as the source counted them), and the graph columns citations, pagerank,
// betweenness, cluster, cluster_label.

#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "src/store/store.hpp"

namespace litrev {

enum class TableFormat { csv, tsv };

// Every column name, in the order above; graph_column tells the ones the caller computes.
std::span<const std::string_view> table_columns();
bool is_graph_column(std::string_view column);

// The columns of a --columns value ("key,title,doi"); an unknown name is an error naming it.
// Returns the error message, or nullopt.
std::optional<std::string> check_table_columns(const std::vector<std::string>& columns);

// Values of the graph columns: column -> work id -> text.
using GraphValues = std::map<std::string, std::map<WorkId, std::string>, std::less<>>;

class TableWriter {
 public:
  TableWriter(std::ostream& out, TableFormat format, std::vector<std::string> columns, const GraphValues& graph)
      : out_(out), format_(format), columns_(std::move(columns)), graph_(graph) {}

  void header();
  void row(const StoredWork& work);

  // One value as the format writes it (exposed for tests).
  static std::string cell(std::string_view value, TableFormat format);

 private:
  std::string value(const StoredWork& work, std::string_view column) const;
  void end_line();

  std::ostream& out_;
  TableFormat format_;
  std::vector<std::string> columns_;
  const GraphValues& graph_;
};

}  // namespace litrev
