#include "src/csl/style_loader.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <memory>
#include <unordered_map>

#include "src/csl/xml_file.hpp"

namespace litrev::csl {
namespace {

using Attrs = std::map<std::string, std::string>;
using Kind = CslError::Kind;

// Inheritable name options as written at one level, under their <name> spelling.
Attrs name_attrs(pugi::xml_node node, bool context_level) {
  static constexpr const char* kShared[] = {
      "and", "delimiter-precedes-et-al", "delimiter-precedes-last", "et-al-min", "et-al-use-first",
      "et-al-use-last", "initialize", "initialize-with", "name-as-sort-order", "sort-separator"};
  Attrs out;
  for (const char* a : kShared)
    if (auto v = node.attribute(a)) out[a] = v.value();
  if (context_level) {
    if (auto v = node.attribute("name-form")) out["form"] = v.value();
    if (auto v = node.attribute("name-delimiter")) out["delimiter"] = v.value();
    if (auto v = node.attribute("names-delimiter")) out["names-delimiter"] = v.value();
  } else {
    if (auto v = node.attribute("form")) out["form"] = v.value();
    if (auto v = node.attribute("delimiter")) out["delimiter"] = v.value();
  }
  return out;
}

void overlay(Attrs& base, const Attrs& over) {
  for (const auto& [k, v] : over) base[k] = v;
}

int to_int(const std::string& s, int fallback) {
  int v = fallback;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

DelimiterRule delimiter_rule(const std::string& v) {
  if (v == "after-inverted-name") return DelimiterRule::after_inverted_name;
  if (v == "always") return DelimiterRule::always;
  if (v == "never") return DelimiterRule::never;
  return DelimiterRule::contextual;
}

NameOptions resolve_name_options(const Attrs& a, const Locale& locale) {
  NameOptions o;
  auto get = [&](const char* k) -> const std::string* {
    const auto it = a.find(k);
    return it == a.end() ? nullptr : &it->second;
  };
  if (const auto* v = get("and")) {
    o.and_mode = *v == "symbol" ? AndMode::symbol : (*v == "text" ? AndMode::text : AndMode::none);
    o.and_text = o.and_mode == AndMode::symbol ? "&" : locale.term_text("and");
  }
  if (const auto* v = get("delimiter")) o.delimiter = *v;
  if (const auto* v = get("delimiter-precedes-et-al")) o.delimiter_precedes_et_al = delimiter_rule(*v);
  if (const auto* v = get("delimiter-precedes-last")) o.delimiter_precedes_last = delimiter_rule(*v);
  if (const auto* v = get("et-al-min")) o.et_al_min = to_int(*v, 0);
  if (const auto* v = get("et-al-use-first")) o.et_al_use_first = to_int(*v, 0);
  if (const auto* v = get("et-al-use-last")) o.et_al_use_last = *v == "true";
  if (const auto* v = get("initialize")) o.initialize = *v != "false";
  if (const auto* v = get("initialize-with")) {
    o.has_initialize_with = true;
    o.initialize_with = *v;
  }
  if (const auto* v = get("name-as-sort-order"))
    o.name_as_sort_order = *v == "all" ? NameAsSortOrder::all : (*v == "first" ? NameAsSortOrder::first : NameAsSortOrder::none);
  if (const auto* v = get("sort-separator")) o.sort_separator = *v;
  if (const auto* v = get("form")) o.form = *v == "short" ? NameForm::short_ : (*v == "count" ? NameForm::count : NameForm::long_);
  return o;
}

class Compiler {
 public:
  Compiler(const XmlFile& file, Style& style) : file_(file), style_(style) {}

  void compile() {
    const auto root = file_.root();
    read_style_options(root);
    for (auto m : root.children("macro")) {
      const std::string name = m.attribute("name").value();
      if (name.empty()) file_.fail(Kind::invalid, m, "macro without a name");
      macro_nodes_.emplace(name, m);
    }
    if (auto citation = root.child("citation")) {
      contexts_[0] = style_attrs_;
      overlay(contexts_[0], name_attrs(citation, true));
      style_.disambiguation.add_year_suffix = attr_bool(citation, "disambiguate-add-year-suffix", false);
      style_.disambiguation.add_names = attr_bool(citation, "disambiguate-add-names", false);
      style_.disambiguation.add_givenname = attr_bool(citation, "disambiguate-add-givenname", false);
      const std::string_view rule = citation.attribute("givenname-disambiguation-rule").value();
      style_.disambiguation.givenname_full = !rule.ends_with("-with-initials");
      style_.disambiguation.givenname_primary_only = rule.starts_with("primary-name");
      style_.disambiguation.givenname_by_cite = rule.empty() || rule == "by-cite";
    } else {
      contexts_[0] = style_attrs_;
    }
    contexts_[1] = style_attrs_;
    if (auto bib = root.child("bibliography")) overlay(contexts_[1], name_attrs(bib, true));
    if (auto citation = root.child("citation")) {
      style_.citation = layout(citation.child("layout"));
      style_.citation_sort = sort_keys(citation.child("sort"));
    }
    if (auto bib = root.child("bibliography")) {
      style_.has_bibliography = true;
      read_bibliography_options(bib);
      if (!bib.child("layout")) file_.fail(Kind::invalid, bib, "bibliography without <layout>");
      style_.bibliography = layout(bib.child("layout"));
      style_.bibliography_sort = sort_keys(bib.child("sort"));
    }
  }

 private:
  void read_style_options(pugi::xml_node root) {
    const std::string_view demote = root.attribute("demote-non-dropping-particle").value();
    if (demote == "never") style_.demote_non_dropping_particle = DemoteParticle::never;
    else if (demote == "sort-only") style_.demote_non_dropping_particle = DemoteParticle::sort_only;
    style_.initialize_with_hyphen = attr_bool(root, "initialize-with-hyphen", true);
    const std::string_view prf = root.attribute("page-range-format").value();
    if (prf == "expanded") style_.page_range_format = PageRangeFormat::expanded;
    else if (prf == "minimal") style_.page_range_format = PageRangeFormat::minimal;
    else if (prf == "minimal-two") style_.page_range_format = PageRangeFormat::minimal_two;
    else if (prf == "chicago" || prf == "chicago-15") style_.page_range_format = PageRangeFormat::chicago;
    else if (prf == "chicago-16") style_.page_range_format = PageRangeFormat::chicago_16;
    else if (!prf.empty()) file_.fail(Kind::unimplemented, root, "page-range-format \"" + std::string(prf) + "\"");
    style_attrs_ = name_attrs(root, true);
    style_.info.css_class = root.attribute("class").value();
  }

  void read_bibliography_options(pugi::xml_node bib) {
    auto& o = style_.bibliography_options;
    o.hanging_indent = attr_bool(bib, "hanging-indent", false);
    o.entry_spacing = to_int(bib.attribute("entry-spacing").value(), 1);
    o.line_spacing = to_int(bib.attribute("line-spacing").value(), 1);
    const std::string_view sfa = bib.attribute("second-field-align").value();
    o.second_field_align = sfa == "flush" ? SecondFieldAlign::flush : (sfa == "margin" ? SecondFieldAlign::margin : SecondFieldAlign::none);
    if (auto sas = bib.attribute("subsequent-author-substitute")) {
      o.has_subsequent_author_substitute = true;
      o.subsequent_author_substitute = sas.value();
    }
    const std::string_view rule = bib.attribute("subsequent-author-substitute-rule").value();
    if (rule == "complete-each") o.subsequent_author_substitute_rule = SubsequentAuthorRule::complete_each;
    else if (rule == "partial-each") o.subsequent_author_substitute_rule = SubsequentAuthorRule::partial_each;
    else if (rule == "partial-first") o.subsequent_author_substitute_rule = SubsequentAuthorRule::partial_first;
  }

  Layout layout(pugi::xml_node node) {
    Layout l;
    if (!node) return l;
    l.decor = file_.decor(node);
    l.delimiter = node.attribute("delimiter").value();
    l.children = children(node);
    return l;
  }

  std::vector<SortKey> sort_keys(pugi::xml_node sort) {
    std::vector<SortKey> keys;
    for (auto k : sort.children("key")) {
      SortKey key;
      key.descending = std::string_view(k.attribute("sort").value()) == "descending";
      if (auto m = k.attribute("macro")) {
        key.is_macro = true;
        key.macro = macro(m.value(), k);
      } else if (auto v = k.attribute("variable")) {
        const auto var = find_var(v.value());
        if (!var) continue;  // an unknown variable sorts nothing
        key.var = *var;
      } else {
        file_.fail(Kind::invalid, k, "sort key needs variable= or macro=");
      }
      if (auto a = k.attribute("names-min")) key.names_min = a.as_int();
      if (auto a = k.attribute("names-use-first")) key.names_use_first = a.as_int();
      if (auto a = k.attribute("names-use-last")) key.names_use_last = attr_bool(k, "names-use-last", false);
      keys.push_back(key);
    }
    return keys;
  }

  // Macros compile on first use; a macro met again while it is being compiled is a cycle.
  const Macro* macro(const std::string& name, pugi::xml_node caller) {
    if (const auto it = compiled_.find(name); it != compiled_.end()) return it->second;
    const auto node = macro_nodes_.find(name);
    if (node == macro_nodes_.end()) file_.fail(Kind::invalid, caller, "calls macro \"" + name + "\", which is not defined");
    if (std::find(in_progress_.begin(), in_progress_.end(), name) != in_progress_.end()) {
      std::string chain;
      bool started = false;
      for (const auto& m : in_progress_) {
        started = started || m == name;
        if (started) chain += "\"" + m + "\" -> ";
      }
      file_.fail(Kind::macro_cycle, caller, "macro \"" + name + "\" calls itself (" + chain + "\"" + name + "\")");
    }
    in_progress_.push_back(name);
    auto& m = style_.macros.emplace_back();
    m.name = name;
    m.children = children(node->second);
    in_progress_.pop_back();
    compiled_[name] = &m;
    return &m;
  }

  std::vector<Node> children(pugi::xml_node parent) {
    std::vector<Node> out;
    for (auto child : parent.children()) {
      if (child.type() != pugi::node_element) continue;
      out.push_back(element(child));
    }
    return out;
  }

  Node element(pugi::xml_node n) {
    Node node;
    node.line = file_.line_of(n);
    node.decor = file_.decor(n);
    const std::string_view name = n.name();
    if (name == "text") node.v = text(n);
    else if (name == "number") node.v = number(n);
    else if (name == "label") node.v = label(n);
    else if (name == "group") node.v = GroupNode{children(n), n.attribute("delimiter").value()};
    else if (name == "choose") node.v = choose(n);
    else if (name == "names") node.v = names(n);
    else if (name == "date") node.v = date(n, node.decor);
    else file_.fail(Kind::unimplemented, n, "element <" + std::string(name) + "> is not part of CSL 1.0.2 bibliographies");
    return node;
  }

  TextNode text(pugi::xml_node n) {
    TextNode t;
    if (auto v = n.attribute("variable")) {
      t.source = TextNode::Source::variable;
      std::string var = v.value();
      t.short_form = std::string_view(n.attribute("form").value()) == "short";
      const auto found = find_var(var);
      if (!found) {
        // Not a CSL variable (an extension's): always empty, but still a variable for groups.
        t.source = TextNode::Source::value;
        t.unknown_variable = true;
        return t;
      }
      t.var = *found;
      if (t.var == Var::year_suffix) style_.renders_year_suffix = true;
    } else if (auto m = n.attribute("macro")) {
      t.source = TextNode::Source::macro;
      t.macro = macro(m.value(), n);
    } else if (auto term = n.attribute("term")) {
      t.source = TextNode::Source::term;
      t.term_name = term.value();
      const auto form = term_form_from(n.attribute("form").value());
      t.plural = attr_bool(n, "plural", false);
      if (const auto* found = style_.locale.term(t.term_name, form)) {
        t.value = found->single;
        t.term_plural = found->has_multiple ? found->multiple : found->single;
      }
    } else if (auto value = n.attribute("value")) {
      t.source = TextNode::Source::value;
      t.value = value.value();
    } else {
      file_.fail(Kind::invalid, n, "<text> needs variable=, macro=, term= or value=");
    }
    return t;
  }

  NumberNode number(pugi::xml_node n) {
    NumberNode num;
    const auto var = find_var(n.attribute("variable").value());
    if (!var) file_.fail(Kind::unimplemented, n, std::string("number variable \"") + n.attribute("variable").value() + "\"");
    num.var = *var;
    const std::string_view form = n.attribute("form").value();
    if (form == "ordinal") num.form = NumberForm::ordinal;
    else if (form == "long-ordinal") num.form = NumberForm::long_ordinal;
    else if (form == "roman") num.form = NumberForm::roman;
    return num;
  }

  static Plural plural_of(pugi::xml_node n) {
    const std::string_view p = n.attribute("plural").value();
    return p == "always" ? Plural::always : (p == "never" ? Plural::never : Plural::contextual);
  }

  LabelNode label(pugi::xml_node n) {
    LabelNode l;
    const std::string var_name = n.attribute("variable").value();
    const auto var = find_var(var_name);
    if (!var) file_.fail(Kind::unimplemented, n, "label for variable \"" + var_name + "\"");
    l.var = *var;
    l.plural = plural_of(n);
    const auto form = term_form_from(n.attribute("form").value());
    if (const auto* t = style_.locale.term(var_name, form)) {
      l.single = t->single;
      l.multiple = t->has_multiple ? t->multiple : t->single;
    }
    return l;
  }

  ChooseNode choose(pugi::xml_node n) {
    ChooseNode c;
    for (auto b : n.children()) {
      if (b.type() != pugi::node_element) continue;
      const std::string_view name = b.name();
      ChooseBranch branch;
      if (name == "else") {
        branch.is_else = true;
      } else if (name == "if" || name == "else-if") {
        branch.condition = condition(b);
      } else {
        file_.fail(Kind::unimplemented, b, "element <" + std::string(name) + "> inside <choose>");
      }
      branch.children = children(b);
      c.branches.push_back(std::move(branch));
    }
    return c;
  }

  Condition condition(pugi::xml_node b) {
    using T = Condition::Test::Kind;
    Condition c;
    const std::string_view match = b.attribute("match").value();
    if (match == "any") c.match = Condition::Match::any;
    else if (match == "none") c.match = Condition::Match::none;
    else if (!match.empty() && match != "all") file_.fail(Kind::invalid, b, "match must be all, any or none");
    auto words = [](std::string_view s) {
      std::vector<std::string> out;
      std::size_t i = 0;
      while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ') ++j;
        if (j > i) out.emplace_back(s.substr(i, j - i));
        i = j;
      }
      return out;
    };
    for (auto a : b.attributes()) {
      const std::string_view name = a.name();
      if (name == "match") continue;
      if (name == "type") {
        // One test for the whole list: citeproc-js matches any of the types.
        Condition::Test t;
        t.kind = T::type;
        t.values = words(a.value());
        c.tests.push_back(std::move(t));
      } else if (name == "variable" || name == "is-numeric" || name == "is-uncertain-date") {
        const T kind = name == "variable" ? T::variable : (name == "is-numeric" ? T::is_numeric : T::is_uncertain_date);
        for (const auto& w : words(a.value())) {
          Condition::Test t;
          t.kind = kind;
          if (const auto var = find_var(w)) {
            t.var = *var;
          } else {
            t.flag = true;  // unknown variable: always empty
          }
          c.tests.push_back(std::move(t));
        }
      } else if (name == "locator" || name == "position") {
        for (const auto& w : words(a.value())) {
          Condition::Test t;
          t.kind = name == "locator" ? T::locator : T::position;
          t.values = {w};
          c.tests.push_back(std::move(t));
        }
      } else if (name == "disambiguate") {
        Condition::Test t;
        t.kind = T::disambiguate;
        t.flag = std::string_view(a.value()) == "true";
        c.tests.push_back(std::move(t));
      } else {
        file_.fail(Kind::unimplemented, b, "condition " + std::string(name) + "=");
      }
    }
    return c;
  }

  NamesNode names(pugi::xml_node n) {
    NamesNode out;
    std::string_view vars = n.attribute("variable").value();
    std::size_t i = 0;
    while (i < vars.size()) {
      while (i < vars.size() && vars[i] == ' ') ++i;
      std::size_t j = i;
      while (j < vars.size() && vars[j] != ' ') ++j;
      if (j > i) {
        const std::string v(vars.substr(i, j - i));
        if (const auto var = find_var(v); var && var_kind(*var) == VarKind::name) out.vars.push_back(*var);
      }
      i = j;
    }
    // Names options: the context's, then <names>' own (old styles put et-al-* there), then <name>'s.
    Attrs names_level = name_attrs(n, false);
    names_level.erase("delimiter");
    names_level.erase("form");
    Attrs name_level;
    bool seen_name = false;
    for (auto c : n.children()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view cname = c.name();
      if (cname == "name") {
        out.has_name = true;
        seen_name = true;
        name_level = name_attrs(c, false);
        out.name.formatting = file_.formatting(c);
        out.name.affixes = file_.affixes(c);
        for (auto part : c.children("name-part")) {
          const std::string_view pn = part.attribute("name").value();
          NamePart p{file_.formatting(part), file_.affixes(part), file_.text_case(part)};
          if (pn == "family") out.name.family = p;
          else if (pn == "given") out.name.given = p;
          else file_.fail(Kind::invalid, part, "name-part name must be family or given");
        }
      } else if (cname == "et-al") {
        out.has_et_al = true;
        const std::string term = c.attribute("term") ? c.attribute("term").value() : "et-al";
        out.et_al.text = style_.locale.term_text(term);
        out.et_al.formatting = file_.formatting(c);
        out.et_al.affixes = file_.affixes(c);
      } else if (cname == "label") {
        out.label.present = true;
        out.label.after_name = seen_name;
        out.label.form = term_form_from(c.attribute("form").value());
        out.label.plural = plural_of(c);
        out.label.decor = file_.decor(c);
      } else if (cname == "substitute") {
        out.has_substitute = true;
        out.substitute = children(c);
      } else {
        file_.fail(Kind::unimplemented, c, "element <" + std::string(cname) + "> inside <names>");
      }
    }
    if (!out.has_et_al) out.et_al.text = style_.locale.term_text("et-al");
    // citeproc-js applies a "normal" on a name part only when <name> itself sets that property:
    // <name-part font-variant="normal"> under small caps set on cs:names stays small caps.
    for (NamePart* p : {&out.name.family, &out.name.given}) {
      auto& f = p->formatting;
      const auto& a = out.name.formatting;
      if (f.font_style == FontStyle::normal && a.font_style != FontStyle::italic && a.font_style != FontStyle::oblique)
        f.font_style = FontStyle::unset;
      if (f.font_variant == FontVariant::normal && a.font_variant != FontVariant::small_caps)
        f.font_variant = FontVariant::unset;
      if (f.font_weight == FontWeight::normal && a.font_weight != FontWeight::bold) f.font_weight = FontWeight::unset;
    }
    for (int ctx = 0; ctx < 2; ++ctx) {
      Attrs a = contexts_[ctx];
      const auto names_delim = a.find("names-delimiter");
      out.delimiter[ctx] = names_delim == a.end() ? std::string() : names_delim->second;
      a.erase("names-delimiter");
      overlay(a, names_level);
      overlay(a, name_level);
      out.name.options[ctx] = resolve_name_options(a, style_.locale);
    }
    if (auto d = n.attribute("delimiter")) out.delimiter[0] = out.delimiter[1] = d.value();
    return out;
  }

  DateNode date(pugi::xml_node n, Decor& decor) {
    DateNode d;
    const auto var = find_var(n.attribute("variable").value());
    if (!var || var_kind(*var) != VarKind::date)
      file_.fail(Kind::unimplemented, n, std::string("date variable \"") + n.attribute("variable").value() + "\"");
    d.var = *var;
    d.delimiter = n.attribute("delimiter").value();
    const std::string_view form = n.attribute("form").value();
    std::vector<DatePartSpec> own;
    for (auto p : n.children("date-part")) own.push_back(file_.date_part(p));
    if (form.empty()) {
      d.parts = std::move(own);
      return d;
    }
    d.localized = true;
    const auto& loc = form == "numeric" ? style_.locale.date_numeric : style_.locale.date_text;
    if (form != "numeric" && form != "text") file_.fail(Kind::invalid, n, "date form must be text or numeric");
    const std::string_view sel = n.attribute("date-parts").value();
    const bool want_month = sel.empty() || sel == "year-month-day" || sel == "year-month";
    const bool want_day = sel.empty() || sel == "year-month-day";
    d.localized_affixes = loc.affixes;
    (void)decor;
    for (auto part : loc.parts) {
      if (part.name == DatePartName::month && !want_month) continue;
      if (part.name == DatePartName::day && !want_day) continue;
      // The style's date-part of the same name overrides the locale's attributes but its affixes.
      for (const auto& o : own) {
        if (o.name != part.name) continue;
        if (o.form_set) part.form = o.form;
        if (!o.formatting.empty()) part.formatting = o.formatting;
        if (o.text_case != TextCase::none) part.text_case = o.text_case;
        if (o.strip_periods) part.strip_periods = true;
        if (o.range_delimiter_set) part.range_delimiter = o.range_delimiter;
      }
      d.parts.push_back(part);
    }
    return d;
  }

  const XmlFile& file_;
  Style& style_;
  Attrs style_attrs_;
  Attrs contexts_[2];
  std::unordered_map<std::string, pugi::xml_node> macro_nodes_;
  std::unordered_map<std::string, const Macro*> compiled_;
  std::vector<std::string> in_progress_;
};

std::string default_locale_of(pugi::xml_node root) { return root.attribute("default-locale").value(); }

std::string parent_href(pugi::xml_node root) {
  for (auto link : root.child("info").children("link"))
    if (std::string_view(link.attribute("rel").value()) == "independent-parent") return link.attribute("href").value();
  return {};
}

void check_is_style(const XmlFile& file) {
  const auto root = file.root();
  if (std::string_view(root.name()) != "style")
    file.fail(Kind::not_csl, root, "not a CSL style: the root element is <" + std::string(root.name()) + ">, not <style>");
}

Locale build_locale(const XmlFile& style_file, const std::string& wanted, bool explicit_request, const StyleSources& sources,
                    const std::string& style_source) {
  const std::string best = normalize_lang(wanted.empty() ? "en-US" : wanted);
  const std::string base = base_dialect(best);
  const std::string bare = best.substr(0, best.find('-'));
  Locale locale;
  locale.lang = best;
  std::vector<std::unique_ptr<XmlFile>> files;
  auto load = [&](const std::string& lang) -> bool {
    if (!sources.locale_file) return false;
    const auto path = sources.locale_file(lang);
    if (!path) return false;
    auto file = std::make_unique<XmlFile>(read_text_file(path->string()), path->string());
    if (std::string_view(file->root().name()) != "locale")
      file->fail(Kind::not_csl, file->root(), "not a CSL locale: the root element is not <locale>");
    locale.apply(*file, file->root());
    files.push_back(std::move(file));
    return true;
  };
  bool found = false;
  if (base != best) found = load(base);
  found = load(best) || found;
  if (!found) {
    if (explicit_request) {
      throw CslError(Kind::missing_locale, style_source, 0, "",
                     "no locale file for \"" + best + "\" (nor for " + base + ")");
    }
    if (!load("en-US"))
      throw CslError(Kind::missing_locale, style_source, 0, "", "no locale file for \"" + best + "\" nor en-US");
  }
  // The style's own locales, least specific first.
  const auto root = style_file.root();
  for (const std::string& lang : {std::string(), bare, base != best ? base : std::string("\x01"), best}) {
    if (lang == "\x01") continue;
    for (auto l : root.children("locale")) {
      const std::string own = normalize_lang(l.attribute("xml:lang").value());
      if (own == lang) locale.apply(style_file, l);
    }
  }
  locale.fill_defaults();
  return locale;
}

Style compile(const XmlFile& requested, const StyleSources& sources, const std::string& locale_override,
              const std::filesystem::path& requested_path) {
  check_is_style(requested);
  const XmlFile* file = &requested;
  std::unique_ptr<XmlFile> parent;
  const auto href = parent_href(requested.root());
  std::string default_locale = default_locale_of(requested.root());
  if (!href.empty() && !requested.root().child("bibliography") && !requested.root().child("citation")) {
    const auto path = sources.parent_file ? sources.parent_file(href, requested_path) : std::nullopt;
    if (!path) {
      pugi::xml_node link;
      for (auto l : requested.root().child("info").children("link"))
        if (std::string_view(l.attribute("rel").value()) == "independent-parent") link = l;
      requested.fail(Kind::invalid, link, "dependent style: its parent \"" + href + "\" is not in the styles folder");
    }
    parent = std::make_unique<XmlFile>(read_text_file(path->string()), path->string());
    check_is_style(*parent);
    if (!parent_href(parent->root()).empty() && !parent->root().child("bibliography") && !parent->root().child("citation"))
      parent->fail(Kind::invalid, parent->root(), "the parent of a dependent style is itself dependent");
    if (default_locale.empty()) default_locale = default_locale_of(parent->root());
    file = parent.get();
  }
  Style style;
  style.info.id = requested.root().child("info").child("id").text().get();
  style.info.title = requested.root().child("info").child("title").text().get();
  style.info.source = file->source();
  style.info.requested = requested.source();
  const bool explicit_locale = !locale_override.empty();
  style.info.default_locale = explicit_locale ? locale_override : default_locale;
  style.locale = build_locale(*file, style.info.default_locale, explicit_locale, sources, requested.source());
  style.info.default_locale = style.locale.lang;
  style.page_range_delimiter = style.locale.term_text("page-range-delimiter");
  Compiler(*file, style).compile();
  if (!style.has_bibliography && style.citation.children.empty())
    file->fail(Kind::invalid, file->root(), "the style has neither <bibliography> nor <citation>");
  return style;
}

}  // namespace

Style load_style_text(const std::string& xml, const std::string& source, const StyleSources& sources,
                      const std::string& locale) {
  const XmlFile file(xml, source);
  return compile(file, sources, locale, std::filesystem::path(source));
}

Style load_style_file(const std::filesystem::path& path, const StyleSources& sources, const std::string& locale) {
  const XmlFile file(read_text_file(path.string()), path.string());
  return compile(file, sources, locale, path);
}

}  // namespace litrev::csl
