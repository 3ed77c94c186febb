#include "importers/openalex/openalex_work.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "importers/net/json_fields.hpp"
#include "src/core/identifiers.hpp"
#include "src/core/person_names.hpp"
#include "src/core/reference_keys.hpp"
#include "src/core/text.hpp"
#include "src/core/data_model.hpp"

namespace litrev {
namespace {

using nlohmann::json;

using json_read::member;

// OpenAlex's strings carry stray double spaces and line breaks: one line each.
std::string text_of(const json& j, std::string_view key) { return collapse_spaces(json_read::text_of(j, key)); }

void add_id(Work& work, IdScheme scheme, std::string value) {
  for (const auto& id : work.ids)
    if (id.scheme == scheme && id.value == value) return;
  work.ids.push_back({scheme, std::move(value)});
}

// Only sources that are the work's container: a chapter's "ebook platform" or a repository
// names where the file lives, not what the work is part of.
bool is_container_source(std::string_view source_type) {
  return source_type.empty() || source_type == "journal" || source_type == "conference" ||
         source_type == "book series";
}

Person person_of(const json& authorship) {
  Person p;
  const json* author = member(authorship, "author");
  std::string name = author ? text_of(*author, "display_name") : std::string{};
  if (name.empty()) name = text_of(authorship, "raw_author_name");
  auto [family, given] = split_display_name(name);
  p.family = std::move(family);
  p.given = std::move(given);
  if (p.family.empty()) p.literal = name;
  if (author) {
    if (auto orcid = normalize_orcid(text_of(*author, "orcid"))) p.orcid = *orcid;
    if (auto id = normalize_person_id(PersonIdScheme::openalex, text_of(*author, "id")))
      p.ids.push_back({PersonIdScheme::openalex, *id});
  }
  if (const json* insts = member(authorship, "institutions"); insts && insts->is_array())
    for (const auto& inst : *insts)
      if (auto n = text_of(inst, "display_name"); !n.empty()) p.affiliation += (p.affiliation.empty() ? "" : "; ") + n;
  if (p.affiliation.empty())
    if (const json* raw = member(authorship, "raw_affiliation_strings"); raw && raw->is_array())
      for (const auto& r : *raw)
        if (r.is_string()) p.affiliation += (p.affiliation.empty() ? "" : "; ") + collapse_spaces(r.get<std::string>());
  return p;
}

std::optional<int> year_of(const json& work) {
  if (const json* y = member(work, "publication_year"); y && y->is_number_integer()) return y->get<int>();
  const std::string date = text_of(work, "publication_date");
  int y = 0;
  if (date.size() >= 4 && std::from_chars(date.data(), date.data() + 4, y).ec == std::errc{}) return y;
  return std::nullopt;
}

}  // namespace

std::string abstract_from_inverted_index(const json& index) {
  if (!index.is_object()) return {};
  std::map<long long, const std::string*> at;
  for (const auto& [word, positions] : index.items()) {
    if (!positions.is_array()) continue;
    for (const auto& pos : positions)
      if (pos.is_number_integer() && pos.get<long long>() >= 0) at.emplace(pos.get<long long>(), &word);
  }
  std::string out;
  for (const auto& [pos, word] : at) out += (out.empty() ? "" : " ") + *word;
  return collapse_spaces(nfc(out));
}

std::string openalex_id_of(const ImportRecord& record) {
  for (const auto& id : record.work.ids)
    if (id.scheme == IdScheme::openalex) return id.value;
  return {};
}

ImportRecord openalex_work_to_record(const json& work, std::string_view origin) {
  ImportRecord rec;
  Work& w = rec.work;
  const std::string type = text_of(work, "type");
  w.type = std::string(store_type_from(TypeVocabulary::openalex, type));
  w.title = text_of(work, "title");
  if (w.title.empty()) w.title = text_of(work, "display_name");
  w.year = year_of(work);
  w.date = text_of(work, "publication_date");
  if (w.date.empty() && w.year) w.date = std::to_string(*w.year);
  w.language = text_of(work, "language");
  if (const json* biblio = member(work, "biblio")) {
    w.volume = text_of(*biblio, "volume");
    w.issue = text_of(*biblio, "issue");
    const std::string first = text_of(*biblio, "first_page"), last = text_of(*biblio, "last_page");
    w.pages = first.empty() || last.empty() || first == last ? (first.empty() ? last : first) : first + "-" + last;
  }
  if (const json* loc = member(work, "primary_location")) {
    if (const json* source = member(*loc, "source")) {
      const std::string source_type = text_of(*source, "type");
      if (is_container_source(source_type)) {
        w.container = text_of(*source, "display_name");
        if (auto issn = normalize_issn(text_of(*source, "issn_l"))) add_id(w, IdScheme::issn, *issn);
      }
      w.publisher = text_of(*source, "host_organization_name");
    }
    w.url = text_of(*loc, "landing_page_url");
  }
  if (const json* abstract = member(work, "abstract_inverted_index")) w.abstract_text = abstract_from_inverted_index(*abstract);
  if (const json* n = member(work, "cited_by_count"); n && n->is_number_integer()) w.global_citations = n->get<std::int64_t>();

  if (const json* authorships = member(work, "authorships"); authorships && authorships->is_array())
    for (const auto& a : *authorships)
      if (a.is_object()) w.contributors.push_back({Role::author, person_of(a)});

  const std::string work_id_text = text_of(work, "id");
  const auto work_id = normalize_openalex_work(work_id_text);
  if (work_id) add_id(w, IdScheme::openalex, *work_id);
  const json* ids = member(work, "ids");
  std::string doi_text = text_of(work, "doi");
  if (doi_text.empty() && ids) doi_text = text_of(*ids, "doi");
  if (auto doi = normalize_doi(doi_text)) add_id(w, IdScheme::doi, *doi);
  else if (!doi_text.empty())
    rec.warnings.push_back({Diagnostic::Severity::warning, std::string(origin), 0, 0, "doi", "not a valid DOI: " + doi_text});
  if (ids) {
    const std::string pmid = text_of(*ids, "pmid");
    if (const auto slash = pmid.find_last_of('/'); !pmid.empty())
      if (auto v = pmid.substr(slash == std::string::npos ? 0 : slash + 1); !v.empty()) add_id(w, IdScheme::pmid, v);
    const std::string pmcid = text_of(*ids, "pmcid");
    if (const auto slash = pmcid.find_last_of('/'); !pmcid.empty())
      if (auto v = pmcid.substr(slash == std::string::npos ? 0 : slash + 1); !v.empty())
        add_id(w, IdScheme::pmcid, v.starts_with("PMC") ? v : "PMC" + v);
  }

  if (const json* refs = member(work, "referenced_works"); refs && refs->is_array())
    for (const auto& r : *refs) {
      if (!r.is_string()) continue;
      auto id = normalize_openalex_work(r.get<std::string>());
      if (!id) continue;
      Reference ref;
      ref.openalex = *id;
      ref.raw = "openalex:" + *id;
      w.references.push_back(std::move(ref));
    }

  rec.source.source_kind = "openalex";
  rec.source.origin = std::string(origin);
  rec.source.original_key = work_id ? *work_id : work_id_text;
  rec.source.entry_type = type;
  rec.source.fields = json_read::source_fields(work);
  if (!work_id)
    rec.warnings.push_back({Diagnostic::Severity::warning, std::string(origin), 0, 0, "id",
                            "OpenAlex work without a usable id: " + (work_id_text.empty() ? "(none)" : work_id_text)});
  return rec;
}

}  // namespace litrev

namespace litrev {

namespace {

// "Bruno" -> "B", "Jean-Claude" -> "J-C", "Walter W." -> "W W": the first character of each part.
std::string initials_of(std::string_view given) {
  std::string out;
  bool start = true;
  for (std::size_t i = 0; i < given.size(); ++i) {
    const char c = given[i];
    if (c == ' ' || c == '.' || c == '-') {
      if (c == '-' && !out.empty()) out += '-';
      else if (c == ' ' && !out.empty() && out.back() != ' ' && out.back() != '-') out += ' ';
      start = true;
      continue;
    }
    if (!start) continue;
    start = false;
    std::size_t len = 1;
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0xF0) len = 4;
    else if (u >= 0xE0) len = 3;
    else if (u >= 0xC0) len = 2;
    out += given.substr(i, len);
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '-')) out.pop_back();
  return out;
}

}  // namespace

void describe_reference(Reference& ref, const Work& cited) {
  for (const auto& id : cited.ids)
    if (id.scheme == IdScheme::doi && ref.doi.empty()) ref.doi = id.value;
  ref.authors.clear();
  for (const auto& c : cited.contributors) {
    if (c.role != Role::author) continue;
    ReferenceAuthor a{!c.person.family.empty() ? c.person.family : c.person.literal, {}};
    for (char ch : initials_of(c.person.given))
      if (ch != ' ') a.initials += ch;
    ref.authors.push_back(std::move(a));
  }
  if (!ref.authors.empty()) {
    ref.first_author = ref.authors.front().family;
    ref.author_initials = ref.authors.front().initials;
  }
  ref.year = cited.year;
  ref.title = cited.title.empty() ? "[untitled]" : cited.title;
  ref.container = cited.container;
  ref.volume = cited.volume;
  ref.first_page = cited.pages.substr(0, cited.pages.find('-'));
  ref.raw = reference_label(ref) + (ref.doi.empty() ? "" : " https://doi.org/" + ref.doi);
}

}  // namespace litrev
