#include "src/export/latex_encode.hpp"

#include <utf8proc.h>

#include <array>
#include <cstdint>

#include "src/core/text.hpp"

namespace litrev {
namespace {

using namespace std::string_view_literals;

// Code point at s[i] and its length; invalid bytes are returned as themselves (length 1).
char32_t next_code_point(std::string_view s, std::size_t i, std::size_t& len) {
  utf8proc_int32_t cp = 0;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                  static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) {
    len = 1;
    return static_cast<unsigned char>(s[i]);
  }
  len = static_cast<std::size_t>(n);
  return static_cast<char32_t>(cp);
}

// ASCII spellings of characters that are not base letter + accent.
struct Spelling {
  char32_t cp;
  std::string_view latex;
};
constexpr auto kSpellings = std::to_array<Spelling>({
    {U'ß', "{\\ss}"}, {U'ø', "{\\o}"}, {U'Ø', "{\\O}"}, {U'æ', "{\\ae}"}, {U'Æ', "{\\AE}"},
    {U'œ', "{\\oe}"}, {U'Œ', "{\\OE}"}, {U'ł', "{\\l}"}, {U'Ł', "{\\L}"}, {U'ı', "{\\i}"},
    {U'ȷ', "{\\j}"}, {U'ð', "{\\dh}"}, {U'Ð', "{\\DH}"}, {U'þ', "{\\th}"}, {U'Þ', "{\\TH}"},
    {U'ŋ', "{\\ng}"}, {U'Ŋ', "{\\NG}"}, {U'đ', "{\\dj}"}, {U'Đ', "{\\DJ}"}, {U'–', "--"},
    {U'—', "---"}, {U'“', "``"}, {U'”', "''"}, {U'‘', "`"}, {U'’', "{\\textquoteright}"}, {U'„', "{\\quotedblbase}"},
    {U'«', "{\\guillemotleft}"}, {U'»', "{\\guillemotright}"}, {U'…', "\\ldots{}"},
    {U'§', "{\\S}"}, {U'¶', "{\\P}"}, {U'©', "{\\textcopyright}"}, {U'®', "{\\textregistered}"},
    {U'™', "{\\texttrademark}"}, {U'°', "{\\textdegree}"}, {U'£', "{\\pounds}"}, {U'€', "{\\texteuro}"},
    {U'¡', "{\\textexclamdown}"}, {U'¿', "{\\textquestiondown}"}, {U'†', "{\\dag}"}, {U'‡', "{\\ddag}"},
    {U'•', "{\\textbullet}"}, {U'×', "{\\texttimes}"}, {U'±', "{\\textpm}"}, {U'·', "{\\textperiodcentered}"},
    {U'α', "$\\alpha$"}, {U'β', "$\\beta$"}, {U'γ', "$\\gamma$"}, {U'δ', "$\\delta$"}, {U'μ', "$\\mu$"},
    {U'π', "$\\pi$"}, {U'σ', "$\\sigma$"}, {U'λ', "$\\lambda$"}, {U'Ω', "$\\Omega$"}, {U'≤', "$\\leq$"},
    {U'≥', "$\\geq$"}, {U'≠', "$\\neq$"}, {U'→', "$\\rightarrow$"}, {U'∞', "$\\infty$"},
});

// Accent commands for combining marks; letter-named ones take their argument in braces.
struct Accent {
  char32_t mark;
  std::string_view command;
  bool above;  // an accent above: i and j lose their dot (\i, \j)
};
constexpr auto kAccents = std::to_array<Accent>({
    {0x0300, "\\`", true},  {0x0301, "\\'", true},  {0x0302, "\\^", true},  {0x0303, "\\~", true},
    {0x0304, "\\=", true},  {0x0306, "\\u", true},  {0x0307, "\\.", true},  {0x0308, "\\\"", true},
    {0x030A, "\\r", true},  {0x030B, "\\H", true},  {0x030C, "\\v", true},  {0x0327, "\\c", false},
    {0x0328, "\\k", false}, {0x0323, "\\d", false}, {0x0331, "\\b", false},
});

const Accent* accent_for(char32_t mark) {
  for (const auto& a : kAccents)
    if (a.mark == mark) return &a;
  return nullptr;
}

void append_escaped_ascii(std::string& out, char c) {
  switch (c) {
    case '\\': out += "\\textbackslash{}"; break;
    case '{': out += "\\{"; break;
    case '}': out += "\\}"; break;
    case '&': out += "\\&"; break;
    case '%': out += "\\%"; break;
    case '$': out += "\\$"; break;
    case '#': out += "\\#"; break;
    case '_': out += "\\_"; break;
    case '~': out += "\\textasciitilde{}"; break;
    case '^': out += "\\textasciicircum{}"; break;
    default: out.push_back(c);
  }
}

// A letter with accents, spelled with accent commands: é -> {\'e}, ç -> {\c{c}}, î -> {\^\i}.
// false when some mark has no command (the caller keeps the UTF-8 character).
bool append_accented(std::string& out, char32_t cp) {
  std::array<utf8proc_int32_t, 8> parts{};
  utf8proc_int32_t last_boundclass = 0;
  const auto n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), parts.data(), parts.size(),
                                         UTF8PROC_DECOMPOSE, &last_boundclass);
  if (n < 2 || n > static_cast<utf8proc_ssize_t>(parts.size()) || parts[0] >= 0x80) return false;
  std::string base(1, static_cast<char>(parts[0]));
  for (utf8proc_ssize_t k = 1; k < n; ++k) {
    const Accent* a = accent_for(static_cast<char32_t>(parts[static_cast<std::size_t>(k)]));
    if (!a) return false;
    if (a->above && (base == "i" || base == "j")) base = base == "i" ? "\\i" : "\\j";
    const bool letter_command = a->command.size() == 2 && ((a->command[1] >= 'a' && a->command[1] <= 'z') ||
                                                           (a->command[1] >= 'A' && a->command[1] <= 'Z'));
    if (letter_command || base.size() > 1) base = std::string(a->command) + "{" + base + "}";
    else base = std::string(a->command) + base;
  }
  out += "{" + base + "}";
  return true;
}

bool has_inner_capital(std::string_view word) {
  bool first = true;
  for (std::size_t i = 0; i < word.size();) {
    std::size_t len = 0;
    const char32_t cp = next_code_point(word, i, len);
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    const bool letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
    if (letter) {
      if (!first && (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT)) return true;
      first = false;
    }
    i += len;
  }
  return false;
}

bool starts_lower(std::string_view word) {
  if (word.empty()) return false;
  std::size_t len = 0;
  return utf8proc_category(static_cast<utf8proc_int32_t>(next_code_point(word, 0, len))) == UTF8PROC_CATEGORY_LL;
}

// Words of a name part that would make BibTeX read the part differently.
bool needs_braces(std::string_view part, bool is_family_without_particle) {
  if (part.find(',') != std::string_view::npos) return true;
  // " and " splits name lists, at any case.
  const std::string lower = ascii_lower(part);
  if (lower.find(" and ") != std::string::npos || lower == "and" || lower.starts_with("and ") ||
      lower.ends_with(" and"))
    return true;
  if (is_family_without_particle) {
    // "de la Cruz" as a family name: BibTeX would take "de la" for a particle.
    std::size_t start = 0;
    while (start < part.size()) {
      const auto end = part.find(' ', start);
      const std::string_view word = part.substr(start, end == std::string_view::npos ? part.npos : end - start);
      if (end != std::string_view::npos && starts_lower(word)) return true;
      if (end == std::string_view::npos) break;
      start = end + 1;
    }
  }
  return false;
}

}  // namespace

std::string latex_encode(std::string_view text, const LatexEncodeOptions& options) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      append_escaped_ascii(out, static_cast<char>(c));
      ++i;
      continue;
    }
    std::size_t len = 0;
    const char32_t cp = next_code_point(text, i, len);
    if (cp == 0xA0) {
      out.push_back('~');
    } else if (options.ascii) {
      bool done = false;
      for (const auto& s : kSpellings)
        if (s.cp == cp) {
          out += s.latex;
          done = true;
          break;
        }
      if (!done) done = append_accented(out, cp);
      if (!done) out.append(text, i, len);
    } else {
      out.append(text, i, len);
    }
    i += len;
  }
  return out;
}

std::string latex_encode_title(std::string_view title, const LatexEncodeOptions& options) {
  std::string out;
  std::size_t i = 0;
  while (i < title.size()) {
    // Words are cut at blanks; punctuation attached to a word stays inside its braces, which
    // does no harm ("{AI:}").
    std::size_t j = i;
    while (j < title.size() && title[j] != ' ') ++j;
    const std::string_view word = title.substr(i, j - i);
    if (has_inner_capital(word)) out += "{" + latex_encode(word, options) + "}";
    else out += latex_encode(word, options);
    if (j < title.size()) out.push_back(' ');
    i = j + 1;
  }
  return out;
}

std::string bibtex_name(const Person& p, const LatexEncodeOptions& options) {
  if (!p.literal.empty() || (p.family.empty() && p.given.empty())) {
    const std::string& literal = p.literal.empty() ? p.particle : p.literal;
    return "{" + latex_encode(literal, options) + "}";
  }
  auto part = [&](const std::string& s, bool family_without_particle) {
    const std::string encoded = latex_encode(s, options);
    return needs_braces(s, family_without_particle) ? "{" + encoded + "}" : encoded;
  };
  std::string out;
  if (!p.particle.empty()) out = part(p.particle, false) + " ";
  out += part(p.family, p.particle.empty());
  // A mononym of one word ("Aristotle") needs no comma.
  if (p.given.empty() && p.suffix.empty() && p.particle.empty() && p.family.find(' ') == std::string::npos) return out;
  // Otherwise comma forms: "von Last, First" is never ambiguous, and "Last," keeps a
  // multi-word family name whole when there is no given name.
  if (!p.suffix.empty()) out += ", " + part(p.suffix, false);
  out += ",";
  if (!p.given.empty()) out += " " + part(p.given, false);
  return out;
}

}  // namespace litrev
