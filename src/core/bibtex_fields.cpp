#include "src/core/bibtex_fields.hpp"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace litrev {
namespace {

using K = BibFieldKind;
struct KindRow {
  std::string_view field;
  BibFieldKind kind;
};

// Fields not listed are literal.
constexpr auto kKindsUnsorted = std::to_array<KindRow>({
    {"author", K::name_list}, {"editor", K::name_list}, {"editora", K::name_list}, {"editorb", K::name_list},
    {"editorc", K::name_list}, {"translator", K::name_list}, {"bookauthor", K::name_list},
    {"introduction", K::name_list}, {"foreword", K::name_list}, {"afterword", K::name_list},
    {"commentator", K::name_list}, {"annotator", K::name_list}, {"holder", K::name_list},
    {"shortauthor", K::name_list}, {"shorteditor", K::name_list}, {"namea", K::name_list},
    {"nameb", K::name_list}, {"namec", K::name_list},
    {"publisher", K::literal_list}, {"location", K::literal_list}, {"address", K::literal_list},
    {"institution", K::literal_list}, {"school", K::literal_list}, {"organization", K::literal_list},
    {"language", K::literal_list}, {"origlocation", K::literal_list}, {"origpublisher", K::literal_list},
    {"date", K::date}, {"urldate", K::date}, {"origdate", K::date}, {"eventdate", K::date},
    {"doi", K::verbatim}, {"eprint", K::verbatim}, {"file", K::verbatim}, {"pdf", K::verbatim},
    {"verba", K::verbatim}, {"verbb", K::verbatim}, {"verbc", K::verbatim}, {"isbn", K::verbatim},
    {"issn", K::verbatim}, {"isrn", K::verbatim}, {"eid", K::verbatim}, {"hal_id", K::verbatim},
    {"pmid", K::verbatim}, {"pmcid", K::verbatim}, {"unique-id", K::verbatim}, {"arxivid", K::verbatim},
    {"url", K::uri}, {"urlraw", K::uri}, {"howpublishedurl", K::uri},
    {"crossref", K::key}, {"xref", K::key},
    {"xdata", K::key_list}, {"related", K::key_list}, {"entryset", K::key_list}, {"ids", K::key_list},
    {"cites", K::key_list},
    {"pages", K::range}, {"pagetotal", K::range},
    {"year", K::integer}, {"month", K::integer},
    {"keywords", K::keywords}, {"author_keywords", K::keywords}, {"author-keywords", K::keywords},
    {"keywords-plus", K::keywords},
});

constexpr auto kKinds = [] {
  auto t = kKindsUnsorted;
  std::sort(t.begin(), t.end(), [](const KindRow& a, const KindRow& b) { return a.field < b.field; });
  return t;
}();

using Pair = std::pair<std::string_view, std::string_view>;
// {legacy BibTeX name, BibLaTeX name}: biblatex manual §2.2.5.
constexpr auto kFieldAliases = std::to_array<Pair>({
    {"address", "location"}, {"annote", "annotation"}, {"archiveprefix", "eprinttype"},
    {"journal", "journaltitle"}, {"key", "sortkey"}, {"pdf", "file"}, {"primaryclass", "eprintclass"},
    {"school", "institution"}, {"hyphenation", "langid"},
});

struct TypeRow {
  std::string_view bibtex;
  BibTypeAlias alias;
};
constexpr auto kTypeAliases = std::to_array<TypeRow>({
    {"phdthesis", {"thesis", "phdthesis"}},
    {"mastersthesis", {"thesis", "mathesis"}},
    {"techreport", {"report", "techreport"}},
    {"conference", {"inproceedings", ""}},
    {"electronic", {"online", ""}},
    {"www", {"online", ""}},
});

}  // namespace

BibFieldKind bib_field_kind(std::string_view field) {
  auto it = std::lower_bound(kKinds.begin(), kKinds.end(), field,
                             [](const KindRow& r, std::string_view f) { return r.field < f; });
  return it != kKinds.end() && it->field == field ? it->kind : BibFieldKind::literal;
}

bool is_verbatim_kind(BibFieldKind kind) {
  return kind == BibFieldKind::verbatim || kind == BibFieldKind::uri || kind == BibFieldKind::key ||
         kind == BibFieldKind::key_list;
}

std::optional<std::string_view> biblatex_field_for(std::string_view bibtex_field) {
  for (const auto& [legacy, modern] : kFieldAliases)
    if (legacy == bibtex_field) return modern;
  return std::nullopt;
}

std::optional<std::string_view> bibtex_field_for(std::string_view biblatex_field) {
  for (const auto& [legacy, modern] : kFieldAliases)
    if (modern == biblatex_field) return legacy;
  return std::nullopt;
}

std::optional<BibTypeAlias> biblatex_type_for(std::string_view bibtex_type) {
  for (const auto& row : kTypeAliases)
    if (row.bibtex == bibtex_type) return row.alias;
  return std::nullopt;
}

bool is_initials_token(std::string_view t) {
  if (t.empty() || t.back() != '.') return false;
  bool letter_before = false;  // a letter waiting for its period
  for (std::size_t i = 0; i < t.size();) {
    const auto c = static_cast<unsigned char>(t[i]);
    if (c == '.') {
      if (!letter_before) return false;
      letter_before = false;
      ++i;
    } else if (c == '-' && !letter_before && i > 0) {
      ++i;
    } else if (!letter_before && ((c >= 'A' && c <= 'Z') || c >= 0xC0)) {
      ++i;
      while (i < t.size() && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) ++i;  // UTF-8 continuation
      letter_before = true;
    } else {
      return false;
    }
  }
  return true;
}

bool is_comma_separated_name_list(std::string_view name) {
  std::size_t parts = 0;
  std::vector<std::string_view> tokens;
  auto part_ok = [&](std::string_view part) {
    tokens.clear();
    int depth = 0;
    std::size_t start = std::string_view::npos;
    for (std::size_t i = 0; i <= part.size(); ++i) {
      const char c = i < part.size() ? part[i] : ' ';
      if (c == '{') ++depth;
      else if (c == '}' && depth > 0) --depth;
      const bool sep = depth == 0 && (c == ' ' || c == '~' || c == '\t' || c == '\n' || c == '\r');
      if (sep && start != std::string_view::npos) {
        tokens.push_back(part.substr(start, i - start));
        start = std::string_view::npos;
      } else if (!sep && start == std::string_view::npos) {
        start = i;
      }
    }
    if (tokens.size() < 2 || !is_initials_token(tokens.back())) return false;
    return std::none_of(tokens.begin(), tokens.end() - 1, [](std::string_view t) { return is_initials_token(t); });
  };
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= name.size(); ++i) {
    const char c = i < name.size() ? name[i] : ',';
    if (c == '{') ++depth;
    else if (c == '}' && depth > 0) --depth;
    else if (c == ',' && depth == 0) {
      if (!part_ok(name.substr(start, i - start))) return false;
      ++parts;
      start = i + 1;
    }
  }
  return parts >= 2;
}

}  // namespace litrev
