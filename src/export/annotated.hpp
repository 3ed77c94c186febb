#pragma once
// The annotated bibliography (`litrev export annotated`): each work's formatted reference
// (a CSL span tree), then its notes (Markdown), tags and, when a clustering run is saved, its
// cluster and ranks; in groups with headings. Built by the CLI from the store, the CSL engine
// and the graph module; written here to HTML, Markdown, LaTeX, plain text, docx or odt.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "src/csl/output.hpp"

namespace litrev {

struct AnnotatedEntry {
  std::string key;
  csl::Span reference;
  std::optional<int> year;
  std::string type;                // the store's type (article, book...)
  std::vector<std::string> notes;  // Markdown, oldest first
  std::vector<std::string> tags;
  std::optional<std::int64_t> cluster;
  std::string cluster_label;
  std::optional<std::uint32_t> citations;      // by works of the library
  std::optional<std::uint32_t> pagerank_rank;  // 1 = highest PageRank in the library
  double pagerank = 0.0;
  std::size_t style_order = 0;  // position in the style's bibliography
};

struct AnnotatedGroup {
  std::string heading;             // empty: no heading (--group-by none)
  std::vector<std::string> terms;  // a cluster's key terms
  std::vector<AnnotatedEntry> entries;
};

struct AnnotatedDocument {
  std::string title;
  std::string subtitle;  // date, style, selection
  std::string lang = "en";
  bool hanging_indent = true;
  std::vector<AnnotatedGroup> groups;
};

enum class GroupBy { none, cluster, tag, type, year };
enum class EntryOrder { style, year, citations, pagerank };

struct ClusterHeading {
  std::int64_t cluster = 0;
  std::string label;
  std::vector<std::string> terms;
};

// Groups entries (given in the style's order) and orders each group. Clusters come by number
// with their label and terms (and the entries forget their cluster, which the heading says);
// a work in several tags is under each; tags and types in alphabetical order, years newest
// first; works without the grouping value come last ("Not clustered", "Untagged", "No date").
std::vector<AnnotatedGroup> group_entries(std::vector<AnnotatedEntry> entries, GroupBy by, EntryOrder order,
                                          const std::vector<ClusterHeading>& clusters);

enum class AnnotatedFormat { text, html, markdown, latex, docx, odt };
bool parse_annotated_format(const std::string& name, AnnotatedFormat& out);

// The whole document as bytes (docx and odt are zip archives).
std::string write_annotated(const AnnotatedDocument& doc, AnnotatedFormat format);

// One line of what the entry's reader needs beside the notes: "Tags: a, b · Cluster 2: label ·
// cited by 4 works of the library · PageRank rank 3" (no citations: not said). Empty when
// there is nothing.
std::string entry_facts(const AnnotatedEntry& e);

}  // namespace litrev
