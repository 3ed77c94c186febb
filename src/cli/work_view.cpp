#include "src/cli/work_view.hpp"

#include <fmt/format.h>

#include "src/core/identifiers.hpp"
#include "src/core/data_model.hpp"

namespace litrev::cli {

using nlohmann::json;

std::string person_display(const Person& p) {
  if (!p.literal.empty()) return p.literal;
  std::string family = p.particle.empty() ? p.family : p.particle + " " + p.family;
  if (!p.suffix.empty()) family += ", " + p.suffix;
  return p.given.empty() ? family : family + ", " + p.given;
}

static std::string family_display(const Person& p) {
  if (!p.literal.empty()) return p.literal;
  return p.particle.empty() ? p.family : p.particle + " " + p.family;
}

std::string authors_short(const Work& w) {
  std::vector<const Person*> authors;
  for (const auto& c : w.contributors)
    if (c.role == Role::author) authors.push_back(&c.person);
  if (authors.empty())
    for (const auto& c : w.contributors)
      if (c.role == Role::editor) authors.push_back(&c.person);
  if (authors.empty()) return "Anon.";
  if (authors.size() == 1) return family_display(*authors[0]);
  if (authors.size() == 2) return family_display(*authors[0]) + " & " + family_display(*authors[1]);
  return family_display(*authors[0]) + " et al.";
}

std::string doi_of(const Work& w) {
  for (const auto& id : w.ids)
    if (id.scheme == IdScheme::doi) return id.value;
  return {};
}

std::string year_text(const std::optional<int>& year) { return year ? std::to_string(*year) : "n.d."; }

static json person_json(const Person& p) {
  json j = {{"family", p.literal.empty() ? p.family : p.literal}, {"given", p.given}};
  if (!p.particle.empty()) j["particle"] = p.particle;
  if (!p.suffix.empty()) j["suffix"] = p.suffix;
  if (!p.literal.empty()) j["literal"] = true;
  if (!p.orcid.empty()) j["orcid"] = p.orcid;
  if (!p.idhal.empty()) j["idhal"] = p.idhal;
  for (const auto& id : p.ids) j[std::string(person_id_scheme_name(id.scheme))] = id.value;
  if (!p.affiliation.empty()) j["affiliation"] = p.affiliation;
  return j;
}

// " (ORCID 0000-...; IdRef 0123...)" or "".
static std::string person_ids_text(const Person& p) {
  std::string out;
  auto add = [&](std::string_view label, const std::string& value) {
    if (!value.empty()) out += fmt::format("{}{} {}", out.empty() ? "" : "; ", label, value);
  };
  add("ORCID", p.orcid);
  add("idHAL", p.idhal);
  for (const auto& id : p.ids) add(person_id_scheme_label(id.scheme), id.value);
  return out.empty() ? out : " (" + out + ")";
}

json work_summary_json(const StoredWork& sw) {
  const Work& w = sw.work;
  json authors = json::array();
  for (const auto& c : w.contributors)
    if (c.role == Role::author) authors.push_back(person_json(c.person));
  json fields = json::object();
  for (const auto& f : sw.fields)
    if (!fields.contains(f.name)) fields[f.name] = f.value;
  const std::string doi = doi_of(w);
  return {
      {"key", w.key},
      {"type", w.type},
      {"title", w.title},
      {"year", w.year ? json(*w.year) : json(nullptr)},
      {"doi", doi.empty() ? json(nullptr) : json(doi)},
      {"authors", std::move(authors)},
      {"container", w.container},
      {"tags", sw.tags},
      {"notes", sw.notes.size()},
      {"fields", std::move(fields)},
  };
}

json work_detail_json(const StoredWork& sw, bool with_sources) {
  const Work& w = sw.work;
  json j = work_summary_json(sw);
  j["subtitle"] = w.subtitle;
  j["date"] = w.date;
  j["volume"] = w.volume;
  j["issue"] = w.issue;
  j["pages"] = w.pages;
  j["publisher"] = w.publisher;
  j["place"] = w.place;
  j["edition"] = w.edition;
  j["language"] = w.language;
  j["abstract"] = w.abstract_text;
  j["keywords"] = w.keywords;
  j["url"] = w.url;
  j["global_citations"] = w.global_citations ? json(*w.global_citations) : json(nullptr);
  json contributors = json::array();
  for (const auto& c : w.contributors) {
    json p = person_json(c.person);
    p["role"] = role_name(c.role);
    contributors.push_back(std::move(p));
  }
  j["contributors"] = std::move(contributors);
  json ids = json::object();
  for (const auto& id : w.ids) ids[std::string(id_scheme_name(id.scheme))].push_back(id.value);
  j["identifiers"] = std::move(ids);
  json notes = json::array();
  for (const auto& n : sw.notes) notes.push_back({{"id", n.id}, {"created_at", n.created_at}, {"text", n.text}});
  j["notes"] = std::move(notes);
  json refs = json::array();
  for (const auto& r : sw.references) {
    json rj = {{"raw", r.reference.raw}};
    if (!r.reference.doi.empty()) rj["doi"] = r.reference.doi;
    if (!r.reference.openalex.empty()) rj["openalex"] = r.reference.openalex;
    if (!r.reference.first_author.empty()) rj["first_author"] = r.reference.first_author;
    if (r.reference.year) rj["year"] = *r.reference.year;
    if (!r.reference.title.empty()) rj["title"] = r.reference.title;
    if (!r.reference.container.empty()) rj["container"] = r.reference.container;
    if (!r.reference.volume.empty()) rj["volume"] = r.reference.volume;
    if (!r.reference.first_page.empty()) rj["first_page"] = r.reference.first_page;
    if (r.cited_work) rj["cited_key"] = r.cited_key;
    else if (!r.identity.empty()) rj["identity"] = r.identity;
    refs.push_back(std::move(rj));
  }
  j["references"] = std::move(refs);
  // Fields the user set (value) or hid (null): their values above come from the user.
  json by_user = json::object();
  for (const auto& s : sw.sources)
    if (s.source_kind == kUserSourceKind)
      for (const auto& f : s.fields) by_user[f.name] = f.value == kHiddenValue ? json(nullptr) : json(f.value);
  j["set_by_user"] = std::move(by_user);
  if (with_sources) {
    json sources = json::array();
    for (const auto& s : sw.sources) {
      json fields = json::array();
      for (const auto& f : s.fields) fields.push_back({{"name", f.name}, {"value", f.value}});
      sources.push_back({{"source", s.source_kind},
                         {"origin", s.origin},
                         {"original_key", s.original_key},
                         {"entry_type", s.entry_type},
                         {"line", s.line},
                         {"imported_at", s.imported_at},
                         {"fields", std::move(fields)}});
    }
    j["sources"] = std::move(sources);
  }
  return j;
}

std::string work_line(const StoredWork& sw) {
  const Work& w = sw.work;
  return fmt::format("{}  {} ({}) {}", w.key, authors_short(w), year_text(w.year), w.title);
}

std::string work_page(const StoredWork& sw, bool with_sources) {
  const Work& w = sw.work;
  std::string out;
  auto line = [&](std::string_view label, const std::string& value) {
    if (!value.empty()) out += fmt::format("{:<11}{}\n", label, value);
  };
  line("key", w.key);
  line("type", w.type);
  line("title", w.subtitle.empty() ? w.title : w.title + ": " + w.subtitle);
  for (const auto& c : w.contributors) line(role_name(c.role), person_display(c.person) + person_ids_text(c.person));
  line("date", w.date.empty() ? (w.year ? std::to_string(*w.year) : "") : w.date);
  line("in", w.container);
  line("volume", w.volume);
  line("issue", w.issue);
  line("pages", w.pages);
  line("publisher", w.place.empty() ? w.publisher : w.place + ": " + w.publisher);
  line("edition", w.edition);
  line("language", w.language);
  for (const auto& id : w.ids) line(id_scheme_name(id.scheme), id.value);
  line("url", w.url);
  if (w.global_citations) line("cited by", fmt::format("{} (global count from the source)", *w.global_citations));
  if (!w.keywords.empty()) line("keywords", fmt::format("{}", fmt::join(w.keywords, "; ")));
  if (!sw.tags.empty()) line("tags", fmt::format("{}", fmt::join(sw.tags, ", ")));
  if (!w.abstract_text.empty()) out += "\nAbstract\n  " + w.abstract_text + "\n";
  if (!sw.notes.empty()) {
    out += "\nNotes\n";
    for (const auto& n : sw.notes) out += fmt::format("  [{}] {}\n", n.created_at, n.text);
  }
  if (!sw.references.empty()) {
    std::size_t resolved = 0;
    for (const auto& r : sw.references) resolved += r.cited_work ? 1 : 0;
    out += fmt::format("\nReferences ({}, {} in the library)\n", sw.references.size(), resolved);
    for (const auto& r : sw.references)
      out += fmt::format("  {} {}\n", r.cited_work ? "->" + r.cited_key : "  ", r.reference.raw);
  }
  out += fmt::format("\nSources ({})\n", sw.sources.size());
  for (const auto& s : sw.sources) {
    if (s.source_kind == kUserSourceKind) {
      // The user's corrections are always shown: they say where a value came from.
      std::vector<std::string> changes;
      for (const auto& f : s.fields)
        changes.push_back(f.value == kHiddenValue ? f.name + " hidden" : fmt::format("{} = {}", f.name, f.value));
      out += fmt::format("  you (litrev set) at {}: {}\n", s.imported_at, fmt::join(changes, "; "));
      continue;
    }
    out += fmt::format("  {} {}{} key={} type={} at {}\n", s.source_kind, s.origin,
                       s.line ? fmt::format(":{}", s.line) : "", s.original_key, s.entry_type, s.imported_at);
    if (with_sources)
      for (const auto& f : s.fields) out += fmt::format("      {} = {}\n", f.name, f.value);
  }
  return out;
}

}  // namespace litrev::cli
