#include "importers/crossref/crossref_work.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <optional>
#include <utility>

#include "importers/crossref/markup_text.hpp"
#include "importers/net/json_fields.hpp"
#include "importers/references/reference_parser.hpp"
#include "src/core/identifiers.hpp"
#include "src/core/text.hpp"
#include "src/core/data_model.hpp"

namespace litrev {
namespace {

using nlohmann::json;

// ---- tolerant readers: Crossref is consistent, but one odd record must not sink an import ----

using json_read::as_text;
using json_read::member;
using json_read::text_of;

// Crossref wraps titles and container titles in arrays: the first non-empty one is the title.
std::string first_of(const json& j, std::string_view key) {
  const json* v = member(j, key);
  if (v == nullptr) return {};
  if (v->is_array()) {
    for (const auto& e : *v)
      if (auto s = as_text(&e); !trim(s).empty()) return s;
    return {};
  }
  return as_text(v);
}

std::vector<std::string> strings_of(const json& j, std::string_view key) {
  std::vector<std::string> out;
  const json* v = member(j, key);
  if (v == nullptr) return out;
  if (v->is_array()) {
    for (const auto& e : *v)
      if (auto s = as_text(&e); !s.empty()) out.push_back(std::move(s));
  } else if (auto s = as_text(v); !s.empty()) {
    out.push_back(std::move(s));
  }
  return out;
}

// ---- dates ------------------------------------------------------------------------------------

struct PartialDate {
  std::optional<int> year, month, day;
};

// {"date-parts": [[2021, 5]]} -> 2021-05; [[null]] -> nothing.
PartialDate date_of(const json& j, std::string_view key) {
  PartialDate d;
  const json* v = member(j, key);
  if (v == nullptr) return d;
  const json* parts = member(*v, "date-parts");
  if (parts == nullptr || !parts->is_array() || parts->empty() || !(*parts)[0].is_array()) return d;
  const json& p = (*parts)[0];
  auto part = [&](std::size_t i) -> std::optional<int> {
    if (i >= p.size()) return std::nullopt;
    if (p[i].is_number_integer()) return p[i].get<int>();
    if (p[i].is_string()) {  // very old deposits carry strings
      int n = 0;
      const std::string s = p[i].get<std::string>();
      const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
      if (ec == std::errc{} && ptr == s.data() + s.size()) return n;
    }
    return std::nullopt;
  };
  d.year = part(0);
  if (!d.year) return d;
  d.month = part(1);
  if (d.month && (*d.month < 1 || *d.month > 12)) d.month.reset();
  if (d.month) d.day = part(2);
  if (d.day && (*d.day < 1 || *d.day > 31)) d.day.reset();
  return d;
}

std::string iso_date(const PartialDate& d) {
  if (!d.year) return {};
  char buf[16];
  if (d.month && d.day) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", *d.year, *d.month, *d.day);
  else if (d.month) std::snprintf(buf, sizeof buf, "%04d-%02d", *d.year, *d.month);
  else std::snprintf(buf, sizeof buf, "%04d", *d.year);
  return buf;
}

// ---- contributors -----------------------------------------------------------------------------

struct RoleKey {
  std::string_view key;
  Role role;
};
constexpr std::array kRoles = {RoleKey{"author", Role::author}, RoleKey{"editor", Role::editor},
                               RoleKey{"translator", Role::translator}, RoleKey{"chair", Role::contributor}};

Person person_of(const json& p) {
  Person person;
  person.family = collapse_spaces(text_of(p, "family"));
  person.given = collapse_spaces(text_of(p, "given"));
  person.suffix = collapse_spaces(text_of(p, "suffix"));
  if (person.family.empty()) {
    // Organisations ("name") and the rare given-only person become a literal name.
    person.literal = collapse_spaces(text_of(p, "name"));
    if (person.literal.empty()) person.literal = std::exchange(person.given, {});
  }
  if (auto orcid = normalize_orcid(text_of(p, "ORCID"))) person.orcid = *orcid;
  std::vector<std::string> affiliations;
  if (const json* aff = member(p, "affiliation"); aff && aff->is_array())
    for (const auto& a : *aff)
      if (auto name = collapse_spaces(text_of(a, "name")); !name.empty()) affiliations.push_back(std::move(name));
  for (const auto& a : affiliations) person.affiliation += (person.affiliation.empty() ? "" : "; ") + a;
  return person;
}

void add_contributors(const json& work, Work& out) {
  for (const auto& [key, role] : kRoles) {
    const json* list = member(work, key);
    if (list == nullptr || !list->is_array()) continue;
    std::vector<std::pair<bool, Person>> people;  // (is first, person)
    for (const auto& p : *list) {
      if (!p.is_object()) continue;
      people.emplace_back(text_of(p, "sequence") == "first", person_of(p));
    }
    // `sequence: first` marks the first author even when a deposit lists it later.
    std::stable_partition(people.begin(), people.end(), [](const auto& e) { return e.first; });
    for (auto& [first, person] : people) out.contributors.push_back({role, std::move(person)});
  }
}

// ---- identifiers ------------------------------------------------------------------------------

void add_id(Work& work, IdScheme scheme, std::string value) {
  for (const auto& id : work.ids)
    if (id.scheme == scheme && id.value == value) return;
  work.ids.push_back({scheme, std::move(value)});
}

// Typed list ("issn-type": [{"value","type"}]) when present, else the plain array.
std::vector<std::string> typed_values(const json& work, std::string_view typed_key, std::string_view plain_key) {
  std::vector<std::string> out;
  if (const json* typed = member(work, typed_key); typed && typed->is_array())
    for (const auto& t : *typed)
      if (auto v = text_of(t, "value"); !v.empty()) out.push_back(std::move(v));
  for (auto& v : strings_of(work, plain_key))
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(std::move(v));
  return out;
}

Diagnostic warning(std::string_view origin, std::string field, std::string message) {
  return Diagnostic{Diagnostic::Severity::warning, std::string(origin), 0, 0, std::move(field), std::move(message)};
}

std::optional<int> leading_year(std::string_view s) {
  s = trim(s);
  if (s.size() < 4) return std::nullopt;
  int y = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + 4, y);
  if (ec != std::errc{} || ptr != s.data() + 4 || y < 1000 || y > 2999) return std::nullopt;
  return y;
}

}  // namespace

Reference crossref_reference(const json& item) {
  Reference ref;
  ref.raw = collapse_spaces(text_of(item, "unstructured"));
  if (auto doi = normalize_doi(text_of(item, "DOI"))) ref.doi = *doi;
  // The deposited author is usually the first author's family name ("ramakrishnan"), often
  // with initials before or after it ("LD Johnston", "Smith JD") or "Smith, J.": keep the
  // family part, move the initials aside.
  std::string author = collapse_spaces(text_of(item, "author"));
  auto initials_like = [](std::string_view t) {
    return !t.empty() && t.size() <= 4 &&
           std::all_of(t.begin(), t.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '.' || c == '-'; });
  };
  if (const auto comma = author.find(','); comma != std::string::npos) {
    ref.author_initials = collapse_spaces(std::string_view(author).substr(comma + 1));
    author = std::string(trim(std::string_view(author).substr(0, comma)));
  } else if (const auto first_space = author.find(' '); first_space != std::string::npos) {
    const std::string_view head = std::string_view(author).substr(0, first_space);
    const auto last_space = author.rfind(' ');
    const std::string_view tail = std::string_view(author).substr(last_space + 1);
    if (initials_like(head) && !initials_like(tail)) {
      ref.author_initials = std::string(head);
      author = author.substr(first_space + 1);
    } else if (initials_like(tail) && !initials_like(head)) {
      ref.author_initials = std::string(tail);
      author.resize(last_space);
    }
  }
  ref.first_author = author;
  ref.year = leading_year(text_of(item, "year"));
  const std::string article_title = collapse_spaces(text_of(item, "article-title"));
  const std::string volume_title = collapse_spaces(text_of(item, "volume-title"));
  ref.title = !article_title.empty() ? article_title : volume_title;
  ref.container = collapse_spaces(text_of(item, "journal-title"));
  if (ref.container.empty() && !article_title.empty()) ref.container = volume_title;
  if (ref.container.empty()) ref.container = collapse_spaces(text_of(item, "series-title"));
  ref.volume = collapse_spaces(text_of(item, "volume"));
  ref.first_page = collapse_spaces(text_of(item, "first-page"));
  if (auto isbn = normalize_isbn(text_of(item, "ISBN"))) ref.isbn = *isbn;

  const bool structured = !ref.first_author.empty() || ref.year || !ref.title.empty() || !ref.container.empty();
  if (!structured && !ref.raw.empty()) {
    // Only a citation string was deposited: read what the reference parser can find in it.
    Reference parsed = parse_reference(ref.raw, ReferenceStyle::unstructured);
    if (ref.doi.empty()) ref.doi = parsed.doi;
    ref.first_author = parsed.first_author;
    ref.author_initials = parsed.author_initials;
    ref.year = parsed.year;
    ref.title = parsed.title;
    ref.container = parsed.container;
    if (ref.volume.empty()) ref.volume = parsed.volume;
    if (ref.first_page.empty()) ref.first_page = parsed.first_page;
    if (ref.isbn.empty()) ref.isbn = parsed.isbn;
  }
  if (ref.raw.empty()) {
    // A readable line for `show` when only parts were deposited: "Author (Year) Title. Container, Volume, Page".
    std::string line = ref.first_author;
    if (ref.year) line += (line.empty() ? "" : " ") + std::string("(") + std::to_string(*ref.year) + ")";
    for (const auto* part : {&ref.title, &ref.container, &ref.volume, &ref.first_page})
      if (!part->empty()) line += (line.empty() ? "" : ", ") + *part;
    if (line.empty() && !ref.doi.empty()) line = "doi:" + ref.doi;
    ref.raw = line;
  }
  return ref;
}

ImportRecord crossref_work_to_record(const json& work, std::string_view origin) {
  ImportRecord rec;
  Work& w = rec.work;
  const std::string crossref_type = text_of(work, "type");
  w.type = std::string(store_type_from(TypeVocabulary::crossref, crossref_type));
  w.title = markup_to_line(first_of(work, "title"));
  w.subtitle = markup_to_line(first_of(work, "subtitle"));
  w.container = markup_to_line(first_of(work, "container-title"));

  for (const char* key : {"issued", "published-print", "published-online", "published"}) {
    const PartialDate d = date_of(work, key);
    if (!d.year) continue;
    w.date = iso_date(d);
    w.year = d.year;
    break;
  }
  w.volume = collapse_spaces(text_of(work, "volume"));
  w.issue = collapse_spaces(text_of(work, "issue"));
  w.pages = collapse_spaces(text_of(work, "page"));
  if (w.pages.empty()) w.pages = collapse_spaces(text_of(work, "article-number"));
  w.publisher = collapse_spaces(text_of(work, "publisher"));
  w.place = collapse_spaces(text_of(work, "publisher-location"));
  w.edition = collapse_spaces(text_of(work, "edition-number"));
  w.language = collapse_spaces(text_of(work, "language"));
  if (const std::string abstract = text_of(work, "abstract"); !abstract.empty()) w.abstract_text = jats_to_text(abstract);
  w.url = text_of(work, "URL");
  if (const json* count = member(work, "is-referenced-by-count"); count && count->is_number_integer())
    w.global_citations = count->get<std::int64_t>();

  add_contributors(work, w);

  const std::string registered_doi = text_of(work, "DOI");
  if (auto doi = normalize_doi(registered_doi)) add_id(w, IdScheme::doi, *doi);
  else if (!registered_doi.empty()) rec.warnings.push_back(warning(origin, "DOI", "not a valid DOI: " + registered_doi));
  for (const auto& issn : typed_values(work, "issn-type", "ISSN")) {
    if (auto n = normalize_issn(issn)) add_id(w, IdScheme::issn, *n);
    else rec.warnings.push_back(warning(origin, "ISSN", "invalid ISSN skipped: " + issn));
  }
  for (const auto& isbn : typed_values(work, "isbn-type", "ISBN")) {
    if (auto n = normalize_isbn(isbn)) add_id(w, IdScheme::isbn, *n);
    else rec.warnings.push_back(warning(origin, "ISBN", "invalid ISBN skipped: " + isbn));
  }

  if (const json* refs = member(work, "reference"); refs && refs->is_array())
    for (const auto& item : *refs)
      if (item.is_object()) w.references.push_back(crossref_reference(item));

  rec.source.source_kind = "crossref";
  rec.source.origin = std::string(origin);
  rec.source.original_key = registered_doi;
  rec.source.entry_type = crossref_type;
  rec.source.fields = json_read::source_fields(work);
  return rec;
}

}  // namespace litrev
