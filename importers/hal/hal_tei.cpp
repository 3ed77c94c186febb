#include "importers/hal/hal_tei.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <sstream>

#include "src/core/identifiers.hpp"
#include "src/core/text.hpp"
#include "src/core/data_model.hpp"

namespace litrev {
namespace {

using namespace std::string_view_literals;

// ---- element access by local name: HAL writes TEI in the default namespace, but a `tei:`
// prefix is legal XML and costs nothing to accept. ------------------------------------------

std::string_view local_name(const char* name) {
  std::string_view n(name);
  const auto colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
  for (const pugi::xml_node& c : node.children())
    if (c.type() == pugi::node_element && local_name(c.name()) == name) return c;
  return {};
}

std::vector<pugi::xml_node> children(const pugi::xml_node& node, std::string_view name) {
  std::vector<pugi::xml_node> out;
  for (const pugi::xml_node& c : node.children())
    if (c.type() == pugi::node_element && local_name(c.name()) == name) out.push_back(c);
  return out;
}

pugi::xml_node path(pugi::xml_node node, std::initializer_list<std::string_view> names) {
  for (auto n : names) node = child(node, n);
  return node;
}

std::string_view attr(const pugi::xml_node& node, const char* name) { return node.attribute(name).value(); }

pugi::xml_node child_with(const pugi::xml_node& node, std::string_view name, const char* attribute, std::string_view value) {
  for (const pugi::xml_node& c : node.children())
    if (c.type() == pugi::node_element && local_name(c.name()) == name && attr(c, attribute) == value) return c;
  return {};
}

// All text below node, whitespace collapsed (the search export wraps long lines).
std::string text(const pugi::xml_node& node) {
  if (!node) return {};
  std::string out;
  struct Walker : pugi::xml_tree_walker {
    std::string* out;
    bool for_each(pugi::xml_node& n) override {
      if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) *out += n.value();
      return true;
    }
  } walker;
  walker.out = &out;
  if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
    out = node.value();
  } else {
    pugi::xml_node handle = node;  // traverse() is not const; a node is only a handle
    handle.traverse(walker);
  }
  // HAL stores what depositors typed, decomposed accents included ("c" + U+0327): NFC makes
  // equal text compare equal.
  return nfc(collapse_spaces(out));
}

// Paragraphs of an abstract, a blank line between them.
std::string paragraphs(const pugi::xml_node& node) {
  const auto ps = children(node, "p");
  if (ps.empty()) return text(node);
  std::string out;
  for (const auto& p : ps)
    if (auto t = text(p); !t.empty()) out += (out.empty() ? "" : "\n\n") + t;
  return out;
}

// "2019-07-18", "2016-06", "2017", "2021-08-24 08:44:54" -> the ISO date part, or empty.
std::string iso_date(std::string_view s) {
  s = trim(s);
  auto digits = [&](std::size_t from, std::size_t n) {
    if (s.size() < from + n) return false;
    for (std::size_t i = from; i < from + n; ++i)
      if (s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  if (!digits(0, 4)) return {};
  if (s.size() >= 10 && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2)) return std::string(s.substr(0, 10));
  if (s.size() >= 7 && s[4] == '-' && digits(5, 2)) return std::string(s.substr(0, 7));
  return std::string(s.substr(0, 4));
}

std::optional<int> year_of(std::string_view iso) {
  if (iso.size() < 4) return std::nullopt;
  return (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
}

// ---- data: HAL author roles (MARC relator codes) onto litrev roles --------------------------

struct RoleRow {
  std::string_view code;
  Role role;
};
constexpr std::array kRoles = {RoleRow{"aut", Role::author},      RoleRow{"crp", Role::author},
                               RoleRow{"edt", Role::editor},      RoleRow{"trl", Role::translator},
                               RoleRow{"ann", Role::annotator},   RoleRow{"win", Role::introduction},
                               RoleRow{"aft", Role::afterword},   RoleRow{"cmm", Role::commentator}};

Role role_of(std::string_view code) {
  for (const auto& r : kRoles)
    if (r.code == code) return r.role;
  return Role::contributor;  // ctb, ill, sad, ths, dir...: named, but not authors
}

// Identifier types found beside monogr in biblStruct.
struct IdRow {
  std::string_view type;
  IdScheme scheme;
};
constexpr std::array kWorkIds = {IdRow{"doi", IdScheme::doi}, IdRow{"arxiv", IdScheme::arxiv},
                                 IdRow{"pubmed", IdScheme::pmid}, IdRow{"pubmedcentral", IdScheme::pmcid}};

// ---- structures (affiliations) ------------------------------------------------------------

using OrgIndex = std::map<std::string, std::string, std::less<>>;

void index_orgs(const pugi::xml_node& node, OrgIndex& index) {
  for (const pugi::xml_node& c : node.children()) {
    if (c.type() != pugi::node_element) continue;
    if (local_name(c.name()) == "org") {
      std::string name, acronym;
      for (const auto& n : children(c, "orgName")) {
        if (attr(n, "type") == "acronym") { if (acronym.empty()) acronym = text(n); }
        else if (name.empty()) name = text(n);
      }
      if (name.empty()) name = acronym;
      else if (!acronym.empty() && name.find(acronym) == std::string::npos) name += " (" + acronym + ")";
      if (const auto id = attr(c, "xml:id"); !id.empty() && !name.empty()) index.emplace(std::string(id), name);
    }
    index_orgs(c, index);
  }
}

// ---- one record ----------------------------------------------------------------------------

class RecordBuilder {
 public:
  RecordBuilder(const OrgIndex& orgs, std::string_view origin) : orgs_(orgs), origin_(origin) {}

  ImportRecord build(const pugi::xml_node& bibl) {
    const auto title_stmt = child(bibl, "titleStmt");
    const auto publication = child(bibl, "publicationStmt");
    const auto bibl_struct = path(bibl, {"sourceDesc", "biblStruct"});
    const auto monogr = child(bibl_struct, "monogr");
    const auto imprint = child(monogr, "imprint");
    const auto profile = child(bibl, "profileDesc");
    Work& w = rec_.work;

    // Type and identity.
    const std::string doc_type(attr(child_with(child(profile, "textClass"), "classCode", "scheme", "halTypology"), "n"));
    w.type = std::string(store_type_from(TypeVocabulary::hal, doc_type));
    add_field("docType", doc_type);
    const std::string hal_id = text(child_with(publication, "idno", "type", "halId"));
    const std::string hal_uri = text(child_with(publication, "idno", "type", "halUri"));
    if (auto id = normalize_hal_id(hal_id)) add_id(IdScheme::hal, *id);
    add_field("halId", hal_id);
    add_field("halUri", hal_uri);
    add_field("halVersion", std::string(attr(child_with(child(bibl, "editionStmt"), "edition", "type", "current"), "n")));
    add_field("halRef", text(child_with(publication, "idno", "type", "halRef")));
    w.url = hal_uri;

    // Language first: it picks the title and abstract shown.
    w.language = std::string(attr(path(profile, {"langUsage", "language"}), "ident"));
    add_field("language", w.language);

    // Titles per language.
    std::vector<std::pair<std::string, std::string>> titles, subtitles;
    for (const auto& t : children(title_stmt, "title")) {
      const std::string lang(attr(t, "xml:lang"));
      (attr(t, "type") == "sub" ? subtitles : titles).emplace_back(lang, text(t));
    }
    w.title = pick(titles);
    w.subtitle = pick(subtitles);
    for (const auto& [lang, t] : titles) add_field(lang.empty() ? "title" : "title@" + lang, t);
    for (const auto& [lang, t] : subtitles) add_field(lang.empty() ? "subtitle" : "subtitle@" + lang, t);

    // People. monogr/editor are the book's editors, except when a depositor typed the
    // publisher there (it then repeats imprint/publisher); series editors stay in the fields.
    for (const auto& a : children(title_stmt, "author")) add_person(a, role_of(attr(a, "role")));
    std::vector<std::string> imprint_publishers;
    for (const auto& p : children(imprint, "publisher")) imprint_publishers.push_back(text(p));
    for (const auto& e : children(monogr, "editor")) {
      const std::string name = text(e);
      if (std::find(imprint_publishers.begin(), imprint_publishers.end(), name) != imprint_publishers.end()) continue;
      add_named(name, Role::editor);
      add_field("editor", name);
    }
    for (const auto& e : children(child(bibl_struct, "series"), "editor")) add_field("seriesEditor", text(e));
    add_field("series", text(child(child(bibl_struct, "series"), "title")));

    // Identifiers beside monogr (DOI, arXiv, PubMed) and inside it (ISSN, ISBN).
    for (const auto& id : children(bibl_struct, "idno")) {
      const std::string type = ascii_lower(attr(id, "type"));
      const std::string value = text(id);
      add_field(std::string(attr(id, "type")), value);
      for (const auto& row : kWorkIds) {
        if (row.type != type) continue;
        std::optional<std::string> n;
        if (row.scheme == IdScheme::doi) n = normalize_doi(value);
        else if (row.scheme == IdScheme::arxiv) n = normalize_arxiv(value);
        else n = std::string(trim(value));
        if (n && !n->empty()) add_id(row.scheme, *n);
      }
    }
    for (const auto& id : children(monogr, "idno")) {
      const std::string type = ascii_lower(attr(id, "type"));
      const std::string value = text(id);
      add_field(std::string(attr(id, "type")), value);
      if (type == "issn" || type == "eissn") {
        if (auto n = normalize_issn(value)) add_id(IdScheme::issn, *n);
      } else if (type == "isbn") {
        if (auto n = normalize_isbn(value)) add_id(IdScheme::isbn, *n);
      }
    }

    // Venue.
    const std::string journal = text(child_with(monogr, "title", "level", "j"));
    const std::string book = text(child_with(monogr, "title", "level", "m"));
    const auto meeting = child(monogr, "meeting");
    const std::string conference = text(child(meeting, "title"));
    w.container = !journal.empty() ? journal : !book.empty() ? book : conference;
    add_field("journal", journal);
    add_field("booktitle", book);
    add_field("conference", conference);
    add_field("conferenceStartDate", text(child_with(meeting, "date", "type", "start")));
    add_field("conferenceEndDate", text(child_with(meeting, "date", "type", "end")));
    add_field("conferenceSettlement", text(child(meeting, "settlement")));
    add_field("conferenceCountry", text(child(meeting, "country")));

    std::vector<std::string> publishers;
    for (const auto& p : children(imprint, "publisher"))
      if (auto t = text(p); !t.empty()) publishers.push_back(t);
    if (!publishers.empty()) w.publisher = publishers.front();
    for (const auto& p : publishers) add_field("publisher", p);
    w.place = text(child(imprint, "pubPlace"));
    add_field("pubPlace", w.place);
    for (const auto& scope : children(imprint, "biblScope")) {
      const std::string unit(attr(scope, "unit"));
      const std::string value = text(scope);
      add_field(unit.empty() ? "biblScope" : unit, value);
      if (unit == "volume") w.volume = value;
      else if (unit == "issue") w.issue = value;
      else if (unit == "pp") w.pages = value;
    }

    // Theses: the degree-granting institution stands in for the publisher.
    for (const auto& a : children(monogr, "authority")) add_field(std::string(attr(a, "type")), text(a));
    if (w.publisher.empty()) w.publisher = text(child_with(monogr, "authority", "type", "institution"));

    // Dates: publication, else defence, else the conference, else when HAL says it was produced.
    const auto edition = child_with(child(bibl, "editionStmt"), "edition", "type", "current");
    for (const auto& d : children(imprint, "date")) add_field(std::string(attr(d, "type")), text(d));
    for (const auto& d : children(edition, "date")) add_field(std::string(attr(d, "type")), text(d));
    for (const std::string& candidate : {text(child_with(imprint, "date", "type", "datePub")),
                                         text(child_with(imprint, "date", "type", "dateDefended")),
                                         text(child_with(meeting, "date", "type", "start")),
                                         text(child_with(edition, "date", "type", "whenProduced"))}) {
      if (auto iso = iso_date(candidate); !iso.empty()) {
        w.date = iso;
        w.year = year_of(iso);
        break;
      }
    }

    // Keywords (author's, every language) and abstracts (every language).
    const auto text_class = child(profile, "textClass");
    std::map<std::string, std::string> keyword_lines;
    for (const auto& kw : children(text_class, "keywords")) {
      for (const auto& term : children(kw, "term")) {
        const std::string t = text(term);
        if (t.empty()) continue;
        if (std::find(w.keywords.begin(), w.keywords.end(), t) == w.keywords.end()) w.keywords.push_back(t);
        std::string& line = keyword_lines[std::string(attr(term, "xml:lang"))];
        line += (line.empty() ? "" : "; ") + t;
      }
    }
    for (const auto& [lang, line] : keyword_lines) add_field(lang.empty() ? "keywords" : "keywords@" + lang, line);
    for (const auto& c : children(text_class, "classCode"))
      if (attr(c, "scheme") == "halDomain") add_field("domain", std::string(attr(c, "n")));
    std::vector<std::pair<std::string, std::string>> abstracts;
    for (const auto& a : children(profile, "abstract")) {
      const std::string lang(attr(a, "xml:lang"));
      abstracts.emplace_back(lang, paragraphs(a));
      add_field(lang.empty() ? "abstract" : "abstract@" + lang, abstracts.back().second);
    }
    w.abstract_text = pick(abstracts);

    for (const auto& note : children(child(bibl, "notesStmt"), "note"))
      add_field("note." + std::string(attr(note, "type")), text(note));

    std::ostringstream raw;
    bibl.print(raw, "", pugi::format_raw);
    add_field("tei", raw.str());

    rec_.source.source_kind = "hal";
    rec_.source.origin = std::string(origin_);
    rec_.source.original_key = hal_id;
    rec_.source.entry_type = doc_type;
    if (hal_id.empty())
      rec_.warnings.push_back({Diagnostic::Severity::warning, std::string(origin_), 0, 0, "halId", "record without a HAL id"});
    return std::move(rec_);
  }

 private:
  // The entry in the document's language, else English, else the first one.
  std::string pick(const std::vector<std::pair<std::string, std::string>>& by_lang) const {
    for (const char* want : {rec_.work.language.c_str(), "en"})
      for (const auto& [lang, value] : by_lang)
        if (!value.empty() && lang == want) return value;
    for (const auto& [lang, value] : by_lang)
      if (!value.empty()) return value;
    return {};
  }

  void add_field(std::string name, std::string value) {
    if (name.empty() || trim(value).empty()) return;
    rec_.source.fields.push_back({std::move(name), std::move(value)});
  }

  void add_id(IdScheme scheme, std::string value) {
    for (const auto& id : rec_.work.ids)
      if (id.scheme == scheme && id.value == value) return;
    rec_.work.ids.push_back({scheme, std::move(value)});
  }

  void add_person(const pugi::xml_node& author, Role role) {
    Person p;
    const auto pers = child(author, "persName");
    std::string given;
    for (const auto& f : children(pers, "forename")) given += (given.empty() ? "" : " ") + text(f);
    p.given = given;
    p.family = text(child(pers, "surname"));
    if (p.family.empty()) p.literal = text(child(author, "orgName")).empty() ? text(pers) : text(child(author, "orgName"));
    for (const auto& id : children(author, "idno")) {
      const std::string type = ascii_lower(attr(id, "type"));
      if (type == "idhal" && attr(id, "notation") != "numeric" && p.idhal.empty()) {
        // The string idHAL ("nathalie-limodin"); the numeric form is an internal number.
        const std::string v = text(id);
        if (!v.empty() && !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) p.idhal = v;
      } else if (type == "orcid") {
        if (auto o = normalize_orcid(text(id))) p.orcid = *o;
      } else if (type == "idref" || type == "researcherid") {
        // HAL writes "IdRef"/"IDREF" and "ResearcherId" as URLs; one value per scheme.
        const auto scheme = type == "idref" ? PersonIdScheme::idref : PersonIdScheme::researcherid;
        const auto v = normalize_person_id(scheme, text(id));
        if (v && std::none_of(p.ids.begin(), p.ids.end(), [&](const PersonId& x) { return x.scheme == scheme; }))
          p.ids.push_back({scheme, *v});
      }
    }
    std::string affiliations;
    for (const auto& a : children(author, "affiliation")) {
      std::string_view ref = attr(a, "ref");
      if (ref.starts_with('#')) ref.remove_prefix(1);
      const auto it = orgs_.find(ref);
      const std::string name = it != orgs_.end() ? it->second : text(a);
      if (!name.empty() && affiliations.find(name) == std::string::npos)
        affiliations += (affiliations.empty() ? "" : "; ") + name;
    }
    p.affiliation = affiliations;
    if (p.family.empty() && p.literal.empty() && p.given.empty()) return;
    rec_.work.contributors.push_back({role, std::move(p)});
  }

  // monogr/editor is free text: "Sofia Lodén,  Vanessa Obry (dir.)", "Dupont, Jean",
  // "A. Martin et B. Durand". Parenthesised roles go, then names are split on ';', " et ",
  // " and ", " & ", and on ',' when every piece is a "Given Family" pair (else the comma is the
  // one of "Family, Given").
  void add_named(const std::string& raw, Role role) {
    std::string cleaned;
    int depth = 0;
    for (char c : raw) {
      if (c == '(') ++depth;
      else if (c == ')' && depth > 0) --depth;
      else if (depth == 0) cleaned.push_back(c);
    }
    cleaned = collapse_spaces(cleaned);
    std::vector<std::string> pieces{cleaned};
    for (std::string_view sep : {";"sv, " et "sv, " and "sv, " & "sv}) {
      std::vector<std::string> next;
      for (const auto& p : pieces) {
        std::string_view rest = p;
        for (auto at = rest.find(sep); at != std::string_view::npos; at = rest.find(sep)) {
          next.emplace_back(trim(rest.substr(0, at)));
          rest = rest.substr(at + sep.size());
        }
        next.emplace_back(trim(rest));
      }
      pieces = std::move(next);
    }
    auto words = [](std::string_view s) { return std::count(s.begin(), s.end(), ' ') + (trim(s).empty() ? 0 : 1); };
    for (const auto& piece : pieces) {
      if (piece.empty()) continue;
      std::vector<std::string> parts;
      std::string_view rest = piece;
      for (auto at = rest.find(','); at != std::string_view::npos; at = rest.find(',')) {
        parts.emplace_back(collapse_spaces(rest.substr(0, at)));
        rest = rest.substr(at + 1);
      }
      parts.emplace_back(collapse_spaces(rest));
      const bool name_list = parts.size() > 1 && std::all_of(parts.begin(), parts.end(), [&](const std::string& x) { return words(x) >= 2; });
      if (parts.size() == 2 && !name_list) {
        Person p;
        p.family = parts[0];
        p.given = parts[1];
        rec_.work.contributors.push_back({role, std::move(p)});
        continue;
      }
      for (const auto& name : name_list ? parts : std::vector<std::string>{collapse_spaces(piece)}) {
        if (name.empty()) continue;
        Person p;
        if (const auto space = name.rfind(' '); space != std::string::npos) {
          p.given = name.substr(0, space);
          p.family = name.substr(space + 1);
        } else {
          p.family = name;
        }
        rec_.work.contributors.push_back({role, std::move(p)});
      }
    }
  }

  const OrgIndex& orgs_;
  std::string_view origin_;
  ImportRecord rec_;
};

void collect_bibl_full(const pugi::xml_node& node, std::vector<pugi::xml_node>& out) {
  for (const pugi::xml_node& c : node.children()) {
    if (c.type() != pugi::node_element) continue;
    if (local_name(c.name()) == "biblFull") out.push_back(c);
    else collect_bibl_full(c, out);
  }
}

}  // namespace

std::expected<HalTeiPage, std::string> parse_hal_tei(std::string_view xml, std::string_view origin) {
  pugi::xml_document doc;
  const auto result = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result) return std::unexpected("not well-formed XML (" + std::string(result.description()) +
                                      " at byte " + std::to_string(result.offset) + ")");
  pugi::xml_node root = doc.document_element();
  if (local_name(root.name()) != "TEI" && local_name(root.name()) != "teiCorpus")
    return std::unexpected("XML without a TEI element (root is <" + std::string(root.name()) + ">)");

  HalTeiPage page;
  for (const auto& m : children(path(root, {"teiHeader", "profileDesc", "creation"}), "measure"))
    if (attr(m, "commodity") == "totalSearchResults") page.total = m.attribute("quantity").as_ullong();

  OrgIndex orgs;
  index_orgs(child(child(root, "text"), "back"), orgs);
  std::vector<pugi::xml_node> bibls;
  collect_bibl_full(child(root, "text"), bibls);
  for (const auto& b : bibls) page.records.push_back(RecordBuilder(orgs, origin).build(b));
  return page;
}

}  // namespace litrev
