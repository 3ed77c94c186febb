#include "importers/crossref/markup_text.hpp"

#include <pugixml.hpp>

#include <array>
#include <vector>

#include "src/core/text.hpp"

namespace litrev {
namespace {

using namespace std::string_view_literals;

std::string_view local_name(std::string_view name) {
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// Elements that start a new paragraph (JATS and the HTML Crossref sometimes gets instead).
bool is_block(std::string_view name) {
  static constexpr std::array kBlocks = {"p"sv, "title"sv, "sec"sv, "list"sv, "list-item"sv, "disp-quote"sv,
                                         "caption"sv, "abstract"sv, "div"sv, "br"sv, "li"sv, "h1"sv, "h2"sv,
                                         "h3"sv, "h4"sv, "def-list"sv, "def-item"sv, "table-wrap"sv, "fig"sv};
  const std::string lower = ascii_lower(local_name(name));
  for (auto b : kBlocks)
    if (b == lower) return true;
  return false;
}

// Pretty-printed XML puts line breaks around inline elements: "(\n  <italic>KRAS</italic>\n  )"
// collapses to "( KRAS )". Drop the space just inside brackets and before a comma or full stop.
std::string tidy_spaces(std::string s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ') {
      const bool after_open = !out.empty() && (out.back() == '(' || out.back() == '[');
      const bool before_close = i + 1 < s.size() && (s[i + 1] == ')' || s[i + 1] == ']' || s[i + 1] == ',' || s[i + 1] == '.');
      if (after_open || before_close) continue;
    }
    out.push_back(s[i]);
  }
  return out;
}

class ParagraphCollector {
 public:
  void walk(const pugi::xml_node& node) {
    for (const pugi::xml_node& child : node.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        current_ += child.value();
      } else if (child.type() == pugi::node_element) {
        const bool block = is_block(child.name());
        if (block) flush(is_title(child.name()));
        walk(child);
        if (block) flush(is_title(child.name()));
      }
    }
  }

  std::string finish() {
    flush(false);
    // "Abstract" as the first heading is the abstract's label, not its content.
    if (paragraphs_.size() > 1 && titles_.front() && ascii_lower(paragraphs_.front()) == "abstract") {
      paragraphs_.erase(paragraphs_.begin());
      titles_.erase(titles_.begin());
    }
    std::string out;
    for (const auto& p : paragraphs_) {
      if (!out.empty()) out += "\n\n";
      out += p;
    }
    return out;
  }

 private:
  static bool is_title(std::string_view name) { return ascii_lower(local_name(name)) == "title"; }

  void flush(bool was_title) {
    std::string text = tidy_spaces(collapse_spaces(current_));
    current_.clear();
    if (text.empty()) return;
    paragraphs_.push_back(std::move(text));
    titles_.push_back(was_title);
  }

  std::string current_;
  std::vector<std::string> paragraphs_;
  std::vector<bool> titles_;
};

// Fallback for markup pugixml refuses: drop everything between '<' and '>'.
std::string strip_tags(std::string_view s) {
  std::string out;
  bool in_tag = false;
  for (char c : s) {
    if (c == '<') in_tag = true;
    else if (c == '>' && in_tag) { in_tag = false; out.push_back(' '); }
    else if (!in_tag) out.push_back(c);
  }
  return out;
}

bool parse_fragment(pugi::xml_document& doc, std::string_view fragment) {
  std::string wrapped = "<litrev-root>";
  wrapped += fragment;
  wrapped += "</litrev-root>";
  const auto result = doc.load_buffer(wrapped.data(), wrapped.size(), pugi::parse_default | pugi::parse_ws_pcdata);
  return static_cast<bool>(result);
}

}  // namespace

std::string jats_to_text(std::string_view fragment) {
  if (fragment.find('<') == std::string_view::npos && fragment.find('&') == std::string_view::npos)
    return collapse_spaces(fragment);
  pugi::xml_document doc;
  if (!parse_fragment(doc, fragment)) return collapse_spaces(strip_tags(fragment));
  ParagraphCollector collector;
  collector.walk(doc.first_child());
  return collector.finish();
}

std::string markup_to_line(std::string_view s) {
  if (s.find('<') == std::string_view::npos && s.find('&') == std::string_view::npos) return collapse_spaces(s);
  pugi::xml_document doc;
  if (!parse_fragment(doc, s)) return collapse_spaces(strip_tags(s));
  struct TextWalker : pugi::xml_tree_walker {
    std::string text;
    bool for_each(pugi::xml_node& node) override {
      if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) text += node.value();
      return true;
    }
  } walker;
  doc.first_child().traverse(walker);
  return tidy_spaces(collapse_spaces(walker.text));
}

}  // namespace litrev
