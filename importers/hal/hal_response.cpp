#include "importers/hal/hal_response.hpp"

#include <algorithm>

#include "importers/hal/hal_tei.hpp"
#include "src/core/identifiers.hpp"
#include "src/core/text.hpp"
#include "src/core/data_model.hpp"

namespace litrev {
namespace {

using nlohmann::json;

std::string_view first_non_blank(std::string_view body) {
  body = trim(body);
  if (body.starts_with("\xEF\xBB\xBF")) body = trim(body.substr(3));
  return body;
}

// ---- tolerant JSON readers -------------------------------------------------------------------

std::string scalar(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_number() || v.is_boolean()) return v.dump();
  return {};
}

std::vector<std::string> strings(const json& doc, const char* key) {
  std::vector<std::string> out;
  const auto it = doc.find(key);
  if (it == doc.end()) return out;
  if (it->is_array()) {
    for (const auto& e : *it)
      if (auto s = scalar(e); !s.empty()) out.push_back(std::move(s));
  } else if (auto s = scalar(*it); !s.empty()) {
    out.push_back(std::move(s));
  }
  return out;
}

std::string first(const json& doc, const char* key) {
  auto v = strings(doc, key);
  return v.empty() ? std::string{} : collapse_spaces(v.front());
}

std::string first_of(const json& doc, std::initializer_list<const char*> keys) {
  for (const char* k : keys)
    if (auto v = first(doc, k); !v.empty()) return v;
  return {};
}

void add_id(Work& w, IdScheme scheme, std::string value) {
  for (const auto& id : w.ids)
    if (id.scheme == scheme && id.value == value) return;
  w.ids.push_back({scheme, std::move(value)});
}

std::string iso_date(std::string_view s) {
  s = trim(s);
  std::size_t n = 0;
  while (n < s.size() && n < 10 && ((s[n] >= '0' && s[n] <= '9') || (s[n] == '-' && (n == 4 || n == 7)))) ++n;
  if (n < 4) return {};
  if (n != 4 && n != 7 && n != 10) n = n >= 7 ? 7 : 4;
  return std::string(s.substr(0, n));
}

// "Stéphane Maisonneuve_FacetSep_182759_FacetSep_stephane-maisonneuve" -> idHAL (may be empty).
std::string facet_idhal(std::string_view facet) {
  constexpr std::string_view sep = "_FacetSep_";
  const auto last = facet.rfind(sep);
  if (last == std::string_view::npos || facet.find(sep) == last) return {};
  return std::string(trim(facet.substr(last + sep.size())));
}

ImportRecord from_solr_fields(const json& doc, std::string_view origin) {
  ImportRecord rec;
  Work& w = rec.work;
  const std::string doc_type = first(doc, "docType_s");
  w.type = std::string(store_type_from(TypeVocabulary::hal, doc_type));
  w.language = first(doc, "language_s");
  const char* lang_title = w.language == "fr" ? "fr_title_s" : "en_title_s";
  w.title = first_of(doc, {lang_title, "title_s", "en_title_s", "fr_title_s"});
  w.subtitle = first_of(doc, {"subTitle_s", "en_subTitle_s", "fr_subTitle_s"});

  const auto first_names = strings(doc, "authFirstName_s");
  const auto last_names = strings(doc, "authLastName_s");
  const auto qualities = strings(doc, "authQuality_s");
  const auto facets = strings(doc, "authFullNamePersonIDIDHal_fs");
  if (!last_names.empty()) {
    for (std::size_t i = 0; i < last_names.size(); ++i) {
      Person p;
      p.family = collapse_spaces(last_names[i]);
      if (i < first_names.size()) p.given = collapse_spaces(first_names[i]);
      // The facet list is aligned with the name lists when it has the same length.
      if (facets.size() == last_names.size()) p.idhal = facet_idhal(facets[i]);
      const std::string q = i < qualities.size() ? qualities[i] : "aut";
      const Role role = q == "edt" ? Role::editor : q == "trl" ? Role::translator
                        : (q == "aut" || q == "crp") ? Role::author : Role::contributor;
      w.contributors.push_back({role, std::move(p)});
    }
  } else {
    for (const auto& full : strings(doc, "authFullName_s")) {
      Person p;
      const std::string name = collapse_spaces(full);
      const auto space = name.rfind(' ');
      p.family = space == std::string::npos ? name : name.substr(space + 1);
      if (space != std::string::npos) p.given = name.substr(0, space);
      w.contributors.push_back({Role::author, std::move(p)});
    }
  }

  w.container = first_of(doc, {"journalTitle_s", "bookTitle_s", "conferenceTitle_s"});
  w.volume = first(doc, "volume_s");
  w.issue = first(doc, "issue_s");
  w.pages = first(doc, "page_s");
  w.publisher = first_of(doc, {"publisher_s", "journalPublisher_s"});
  w.place = first(doc, "city_s");
  for (const char* key : {"publicationDate_s", "producedDate_s", "conferenceStartDate_s"}) {
    if (auto iso = iso_date(first(doc, key)); !iso.empty()) {
      w.date = iso;
      w.year = std::stoi(iso.substr(0, 4));
      break;
    }
  }
  for (const char* key : {"keyword_s", "en_keyword_s", "fr_keyword_s"})
    for (auto& k : strings(doc, key))
      if (std::find(w.keywords.begin(), w.keywords.end(), k) == w.keywords.end()) w.keywords.push_back(std::move(k));
  w.abstract_text = first_of(doc, {w.language == "fr" ? "fr_abstract_s" : "en_abstract_s", "abstract_s", "en_abstract_s", "fr_abstract_s"});
  w.url = first(doc, "uri_s");

  std::string hal_id = first(doc, "halId_s");
  if (hal_id.empty()) {
    if (auto from_uri = normalize_hal_id(w.url)) hal_id = *from_uri;
  }
  if (auto id = normalize_hal_id(hal_id)) add_id(w, IdScheme::hal, *id);
  if (auto doi = normalize_doi(first(doc, "doiId_s"))) add_id(w, IdScheme::doi, *doi);
  for (const char* key : {"journalIssn_s", "journalEissn_s"})
    if (auto issn = normalize_issn(first(doc, key))) add_id(w, IdScheme::issn, *issn);
  for (const auto& isbn : strings(doc, "isbn_s"))
    if (auto n = normalize_isbn(isbn)) add_id(w, IdScheme::isbn, *n);
  if (auto arxiv = normalize_arxiv(first(doc, "arxivId_s"))) add_id(w, IdScheme::arxiv, *arxiv);
  if (auto pmid = first(doc, "pubmedId_s"); !pmid.empty()) add_id(w, IdScheme::pmid, pmid);

  rec.source.source_kind = "hal";
  rec.source.origin = std::string(origin);
  rec.source.original_key = hal_id;
  rec.source.entry_type = doc_type;
  return rec;
}

// Every Solr field, strings as they are, anything else as JSON; label_xml is the TEI the record
// was read from and is kept under "tei" by the TEI reader.
void keep_fields(const json& doc, SourceRecord& source) {
  for (const auto& [key, value] : doc.items()) {
    if (key == "label_xml") continue;
    const bool known = std::any_of(source.fields.begin(), source.fields.end(), [&](const SourceField& f) { return f.name == key; });
    if (known) continue;
    source.fields.push_back({key, value.is_string() ? value.get<std::string>()
                                                    : value.dump(-1, ' ', false, json::error_handler_t::replace)});
  }
}

HalError error(HalError::Kind kind, const HttpResponse& r, std::string message) {
  return HalError{kind, r.url, r.status, std::move(message)};
}

std::expected<HalPage, HalError> parse_json(const HttpResponse& r) {
  const json j = json::parse(r.body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::unexpected(error(HalError::Kind::unreadable, r, "malformed JSON"));
  const auto response = j.find("response");
  if (response == j.end() || !response->is_object())
    return std::unexpected(error(HalError::Kind::unreadable, r, "JSON without a `response` object"));
  HalPage page;
  if (const auto n = response->find("numFound"); n != response->end() && n->is_number_unsigned()) page.num_found = n->get<std::size_t>();
  if (const auto c = j.find("nextCursorMark"); c != j.end() && c->is_string()) page.next_cursor_mark = c->get<std::string>();
  const auto docs = response->find("docs");
  if (docs == response->end() || !docs->is_array()) return page;
  page.docs = docs->size();
  for (const auto& doc : *docs) {
    if (!doc.is_object()) continue;
    ImportRecord rec = hal_json_doc_to_record(doc, r.url, page.diagnostics);
    if (rec.work.title.empty()) {
      std::string id;
      for (const auto& i : rec.work.ids)
        if (i.scheme == IdScheme::hal) id = i.value;
      page.unusable.push_back(id.empty() ? "docid " + first(doc, "docid") : id);
      continue;
    }
    page.records.push_back(std::move(rec));
  }
  return page;
}

}  // namespace

std::string HalError::describe() const {
  std::string out = "HAL: " + message;
  if (status != 0) out += " (HTTP " + std::to_string(status) + ")";
  return out + ": " + url;
}

std::optional<std::string> hal_error_message(std::string_view body) {
  body = first_non_blank(body);
  if (body.starts_with("{")) {
    const json j = json::parse(body, nullptr, false);
    if (!j.is_discarded()) {
      const auto e = j.find("error");
      if (e == j.end()) return std::nullopt;
      if (e->is_string()) return collapse_spaces(e->get<std::string>());
      if (e->is_object()) {
        const auto msg = e->find("msg");
        if (msg != e->end() && msg->is_string()) return collapse_spaces(msg->get<std::string>());
        return e->dump();
      }
      return std::nullopt;
    }
    // HAL's front end writes '{"error":{"msg":"' . json_encode($msg) . '"}}': the message
    // arrives with doubled quotes, so the body is not JSON. Read it by hand.
    constexpr std::string_view head = "\"msg\":";
    const auto at = body.find(head);
    if (!body.starts_with("{\"error\"") || at == std::string_view::npos) return std::nullopt;
    std::string_view msg = trim(body.substr(at + head.size()));
    while (msg.ends_with("}")) msg = trim(msg.substr(0, msg.size() - 1));
    while (!msg.empty() && msg.front() == '"') msg.remove_prefix(1);
    while (!msg.empty() && msg.back() == '"') msg.remove_suffix(1);
    std::string out;
    for (std::size_t i = 0; i < msg.size(); ++i) {  // undo the inner json_encode's escapes
      if (msg[i] == '\\' && i + 1 < msg.size() && (msg[i + 1] == '"' || msg[i + 1] == '\\' || msg[i + 1] == '/')) ++i;
      out.push_back(msg[i]);
    }
    return collapse_spaces(out);
  }
  if (body.starts_with("<")) {
    // Solr XML: <response><lst name="error"><str name="msg">...</str>
    const auto lst = body.find("<lst name=\"error\">");
    if (lst == std::string_view::npos) return std::nullopt;
    const auto start = body.find("<str name=\"msg\">", lst);
    if (start == std::string_view::npos) return std::string("error");
    const auto from = start + std::string_view("<str name=\"msg\">").size();
    const auto end = body.find("</str>", from);
    return collapse_spaces(body.substr(from, end == std::string_view::npos ? std::string_view::npos : end - from));
  }
  return std::nullopt;
}

ImportRecord hal_json_doc_to_record(const json& doc, std::string_view origin, std::vector<Diagnostic>& diagnostics) {
  if (const auto xml = doc.find("label_xml"); xml != doc.end() && xml->is_string()) {
    auto tei = parse_hal_tei(xml->get<std::string>(), origin);
    if (tei && tei->records.size() == 1) {
      ImportRecord rec = std::move(tei->records.front());
      keep_fields(doc, rec.source);
      return rec;
    }
    diagnostics.push_back({Diagnostic::Severity::warning, std::string(origin), 0, 0, "label_xml",
                           "unreadable label_xml for " + first(doc, "halId_s") + " (" +
                               (tei ? std::string("no single biblFull") : tei.error()) + "): Solr fields used instead"});
  }
  ImportRecord rec = from_solr_fields(doc, origin);
  keep_fields(doc, rec.source);
  return rec;
}

std::expected<HalPage, HalError> parse_hal_response(const HttpResponse& r) {
  if (auto message = hal_error_message(r.body)) return std::unexpected(error(HalError::Kind::api_error, r, *message));
  if (r.status != 200) {
    std::string what(first_non_blank(r.body).substr(0, 120));
    return std::unexpected(error(HalError::Kind::http_status, r, what.empty() ? "empty answer" : collapse_spaces(what)));
  }
  const std::string_view body = first_non_blank(r.body);
  if (body.starts_with("{")) return parse_json(r);
  if (body.starts_with("<")) {
    auto tei = parse_hal_tei(r.body, r.url);
    if (!tei) return std::unexpected(error(HalError::Kind::unreadable, r, tei.error()));
    HalPage page;
    page.docs = tei->records.size();
    page.num_found = tei->total;
    page.records = std::move(tei->records);
    page.diagnostics = std::move(tei->diagnostics);
    return page;
  }
  return std::unexpected(error(HalError::Kind::unreadable, r, body.empty() ? "empty answer" : "neither JSON nor XML"));
}

}  // namespace litrev
