#include "importers/tagged/note_markup.hpp"

#include <array>
#include <cstdlib>
#include <vector>
#include <utility>

#include "src/core/text.hpp"

namespace litrev::tagged {
namespace {

using namespace std::string_view_literals;

// Tag name (lower case) -> what it becomes, opening and closing.
struct TagRule {
  std::string_view tag, open, close;
};
constexpr std::array kTags = {
    TagRule{"p", "\n\n", "\n\n"},     TagRule{"div", "\n\n", "\n\n"}, TagRule{"br", "\n", ""},
    TagRule{"strong", "**", "**"},    TagRule{"b", "**", "**"},       TagRule{"em", "*", "*"},
    TagRule{"i", "*", "*"},           TagRule{"li", "\n- ", ""},      TagRule{"ul", "\n\n", "\n\n"},
    TagRule{"ol", "\n\n", "\n\n"},    TagRule{"h1", "\n\n# ", "\n\n"}, TagRule{"h2", "\n\n## ", "\n\n"},
    TagRule{"h3", "\n\n### ", "\n\n"}, TagRule{"blockquote", "\n\n> ", "\n\n"}, TagRule{"span", "", ""},
    TagRule{"a", "[", ""},            TagRule{"pre", "\n\n", "\n\n"}, TagRule{"code", "`", "`"},
    TagRule{"u", "", ""},             TagRule{"sup", "^", ""},        TagRule{"sub", "", ""},
    TagRule{"html", "", ""},          TagRule{"body", "", ""},        TagRule{"head", "", ""},
};

const TagRule* rule_for(std::string_view name) {
  for (const auto& r : kTags)
    if (r.tag == name) return &r;
  return nullptr;
}

constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kEntities = {{
    {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}, {"#39", "'"}, {"mdash", "—"},
}};

std::string tag_name(std::string_view tag) {
  std::size_t i = 0;
  if (i < tag.size() && tag[i] == '/') ++i;
  std::size_t e = i;
  while (e < tag.size() && ((tag[e] >= 'a' && tag[e] <= 'z') || (tag[e] >= 'A' && tag[e] <= 'Z') || (tag[e] >= '0' && tag[e] <= '9')))
    ++e;
  return ascii_lower(tag.substr(i, e - i));
}

std::string attribute(std::string_view tag, std::string_view name) {
  const std::string lower = ascii_lower(tag);
  const auto at = lower.find(std::string(name) + "=\"");
  if (at == std::string::npos) return {};
  const auto start = at + name.size() + 2;
  const auto end = tag.find('"', start);
  return end == std::string_view::npos ? std::string() : std::string(tag.substr(start, end - start));
}

// Collapses blanks, keeps at most one empty line, trims lines and the whole.
std::string tidy(std::string_view s) {
  std::string out;
  int breaks = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] != '\n') continue;
    const std::string line = collapse_spaces(s.substr(start, i - start));
    start = i + 1;
    if (line.empty()) {
      ++breaks;
      continue;
    }
    if (!out.empty()) out += breaks > 0 ? "\n\n" : "\n";
    breaks = 0;
    out += line;
  }
  return out;
}

}  // namespace

bool looks_like_html(std::string_view value) {
  for (std::size_t at = value.find('<'); at != std::string_view::npos; at = value.find('<', at + 1)) {
    const auto end = value.find('>', at);
    if (end == std::string_view::npos) return false;
    if (rule_for(tag_name(value.substr(at + 1, end - at - 1)))) return true;
  }
  return false;
}

std::string html_note_to_markdown(std::string_view html) {
  std::string out;
  std::vector<std::string> links;  // href of each open <a>
  for (std::size_t i = 0; i < html.size();) {
    const char c = html[i];
    if (c == '<') {
      const auto end = html.find('>', i);
      if (end == std::string_view::npos) {
        out.append(html.substr(i));
        break;
      }
      const std::string_view tag = html.substr(i + 1, end - i - 1);
      const bool closing = !tag.empty() && tag.front() == '/';
      const std::string name = tag_name(tag);
      if (const TagRule* r = rule_for(name)) {
        if (name == "a") {
          if (closing) {
            out += "](" + (links.empty() ? std::string() : links.back()) + ")";
            if (!links.empty()) links.pop_back();
          } else {
            links.push_back(attribute(tag, "href"));
            out += r->open;
          }
        } else {
          out += closing ? r->close : r->open;
        }
      }
      i = end + 1;
      continue;
    }
    if (c == '&') {
      const auto semi = html.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 8) {
        const std::string_view name = html.substr(i + 1, semi - i - 1);
        if (name.size() > 1 && name.front() == '#') {  // &#233; &#xE9;
          const bool hex = name[1] == 'x' || name[1] == 'X';
          const std::string digits(name.substr(hex ? 2 : 1));
          char* parsed_end = nullptr;
          const unsigned long cp = std::strtoul(digits.c_str(), &parsed_end, hex ? 16 : 10);
          if (!digits.empty() && parsed_end && *parsed_end == '\0' && cp > 0 && cp <= 0x10FFFF) {
            append_utf8(out, static_cast<char32_t>(cp));
            i = semi + 1;
            continue;
          }
        }
        bool known = false;
        for (const auto& [entity, text] : kEntities)
          if (entity == name) {
            out += text;
            known = true;
          }
        if (known) {
          i = semi + 1;
          continue;
        }
      }
    }
    out.push_back(c == '\n' ? ' ' : c);  // HTML line breaks are blanks; <br> and <p> break lines
    ++i;
  }
  return tidy(out);
}

}  // namespace litrev::tagged
