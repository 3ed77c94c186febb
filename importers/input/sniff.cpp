#include "importers/input/sniff.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace litrev::input {

namespace {

constexpr std::size_t kSniffWindow = std::size_t{1} << 16;

struct Magic {
  std::string_view bytes;
  Format format;
  std::string_view description;
};

// clang-format off
constexpr auto kMagic = std::to_array<Magic>({
  {"%PDF-", Format::pdf, "a PDF document"},
  {std::string_view("SQLite format 3\0", 16), Format::sqlite, "an SQLite database (such as a litrev library)"},
  {"\x7f" "ELF", Format::executable, "an executable program (ELF)"},
  {"\xcf\xfa\xed\xfe", Format::executable, "an executable program (Mach-O)"},
  {"\xce\xfa\xed\xfe", Format::executable, "an executable program (Mach-O)"},
  {"PK\x03\x04", Format::archive, "a ZIP archive (or a .xlsx/.docx/.odt document, which are ZIP files)"},
  {"\x1f\x8b", Format::archive, "a gzip-compressed file"},
  {"\x89PNG", Format::image, "an image (PNG)"},
  {"\xff\xd8\xff", Format::image, "an image (JPEG)"},
  {"GIF8", Format::image, "an image (GIF)"},
  {"\xd0\xcf\x11\xe0", Format::office, "a Microsoft Office document (.doc/.xls)"},
  {"{\\rtf", Format::office, "an RTF document"},
});

struct FormatInfo {
  Format format;
  std::string_view name;  // for scripts (--json) and options
  std::string_view description;
};

constexpr auto kFormats = std::to_array<FormatInfo>({
  {Format::empty, "empty", "an empty file"},
  {Format::bibtex, "bibtex", "a BibTeX file"},
  {Format::ris, "ris", "a RIS export"},
  {Format::wos_plain_text, "wos-plain-text", "a Web of Science plain-text export"},
  {Format::wos_tab_delimited, "wos-tab-delimited", "a Web of Science tab-delimited export"},
  {Format::scopus_csv, "scopus-csv", "a Scopus CSV export"},
  {Format::csv, "csv", "a CSV table"},
  {Format::csl_json, "csl-json", "a CSL-JSON file"},
  {Format::json, "json", "a JSON file"},
  {Format::xml, "xml", "an XML document"},
  {Format::html, "html", "a web page (HTML)"},
  {Format::pdf, "pdf", "a PDF document"},
  {Format::sqlite, "sqlite", "an SQLite database"},
  {Format::executable, "executable", "an executable program"},
  {Format::archive, "archive", "a compressed archive"},
  {Format::image, "image", "an image"},
  {Format::office, "office", "an office document"},
  {Format::binary, "binary", "binary data"},
  {Format::text, "text", "text in none of the bibliographic formats litrev knows"},
});
// clang-format on

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool is_space(char c) { return is_blank(c) || c == '\n'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper_or_digit(char c) { return (c >= 'A' && c <= 'Z') || is_digit(c); }

std::string_view trim_blank(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Calls f(line) for each line of s (without its '\n'); stops when f returns false.
template <typename F>
void for_each_line(std::string_view s, F&& f) {
  while (!s.empty()) {
    const std::size_t nl = s.find('\n');
    const std::string_view line = s.substr(0, nl);
    if (!f(line) || nl == std::string_view::npos) return;
    s.remove_prefix(nl + 1);
  }
}

// The head as text: UTF-8 as it is, UTF-16/32 with each code unit above 0x7F shown as '?'
// (the formats are told apart by their ASCII syntax).
std::string as_text(std::string_view head, const TextEncoding& enc) {
  const std::string_view body = head.substr(std::min(enc.bom_size, head.size()));
  const std::size_t unit = enc.name.starts_with("utf-16") ? 2 : enc.name.starts_with("utf-32") ? 4 : 1;
  if (unit == 1) return std::string(body);
  const bool little = enc.name.ends_with("le");
  std::string out;
  out.reserve(body.size() / unit);
  for (std::size_t i = 0; i + unit <= body.size(); i += unit) {
    std::uint32_t cp = 0;
    for (std::size_t k = 0; k < unit; ++k)
      cp = (cp << 8) | static_cast<unsigned char>(body[i + (little ? unit - 1 - k : k)]);
    out.push_back(cp < 0x80 ? static_cast<char>(cp) : '?');
  }
  return out;
}

// NUL bytes, or other control characters (not whitespace, not ^Z or ESC, which old DOS files
// and terminal logs hold) in more than 1 byte in 20.
bool looks_binary(std::string_view text) {
  std::size_t controls = 0;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0) return true;
    if ((c < 0x20 && !is_space(ch) && c != 0x1A && c != 0x1B) || c == 0x7F) ++controls;
  }
  return controls * 20 > text.size();
}

// "@article{", "@ string (", blanks allowed before the '@' and around the type.
bool is_entry_header(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && is_blank(line[i])) ++i;
  if (i == line.size() || line[i] != '@') return false;
  ++i;
  while (i < line.size() && is_blank(line[i])) ++i;
  if (i == line.size() || !is_letter(line[i])) return false;
  while (i < line.size() && (is_letter(line[i]) || is_digit(line[i]) || line[i] == '_' || line[i] == '-' || line[i] == ':'))
    ++i;
  while (i < line.size() && is_blank(line[i])) ++i;
  return i < line.size() && (line[i] == '{' || line[i] == '(');
}

bool has_entry_header(std::string_view text) {
  bool found = false;
  for_each_line(text, [&](std::string_view line) { return !(found = is_entry_header(line)); });
  return found;
}

// Only '%' comment lines (and blank ones): a .bib without entries, such as litrev's own export
// of an empty selection.
bool only_percent_comments(std::string_view text) {
  bool only = true;
  for_each_line(text, [&](std::string_view line) {
    const std::string_view t = trim_blank(line);
    return (only = t.empty() || t.front() == '%');
  });
  return only;
}

// A RIS tag line: two characters (capital, capital or digit), two spaces, '-', then a space or
// the end of the line ("ER  -").
bool is_ris_line(std::string_view line, std::string_view tag = {}) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.size() < 5 || !is_upper_or_digit(line[0]) || !is_upper_or_digit(line[1])) return false;
  if (line.substr(2, 3) != "  -" || (line.size() > 5 && line[5] != ' ')) return false;
  return tag.empty() || line.substr(0, 2) == tag;
}

// A WoS plain-text tag line: the tag, then a space or the end of the line ("PT J", "ER").
bool is_wos_tag_line(std::string_view line, std::string_view tag) {
  if (line.starts_with("null")) line.remove_prefix(4);  // a known artefact of concatenated exports
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line.starts_with(tag) && (line.size() == tag.size() || line[tag.size()] == ' ');
}

bool has_line(std::string_view text, bool (*pred)(std::string_view, std::string_view), std::string_view tag) {
  bool found = false;
  for_each_line(text, [&](std::string_view line) { return !(found = pred(line, tag)); });
  return found;
}

// The cells of a CSV line split at `sep` outside double quotes, quotes removed, trimmed.
std::vector<std::string_view> csv_cells(std::string_view line, char sep) {
  std::vector<std::string_view> cells;
  bool quoted = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i < line.size() && line[i] == '"') quoted = !quoted;
    if (i == line.size() || (line[i] == sep && !quoted)) {
      std::string_view cell = trim_blank(line.substr(start, i - start));
      if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"') cell = cell.substr(1, cell.size() - 2);
      cells.push_back(cell);
      start = i + 1;
    }
  }
  return cells;
}

// A header of at least three short cells, and a second line with the same separator.
std::optional<Sniffed> sniff_csv(std::string_view first, std::string_view second, std::string_view encoding) {
  for (const char sep : {',', ';', '\t'}) {
    const auto cells = csv_cells(first, sep);
    if (cells.size() < 3 || second.find(sep) == std::string_view::npos) continue;
    if (std::any_of(cells.begin(), cells.end(), [](std::string_view c) { return c.size() > 64; })) continue;
    const auto has = [&](std::string_view name) { return std::find(cells.begin(), cells.end(), name) != cells.end(); };
    if (has("Authors") && has("Title") && (has("Source title") || has("EID") || has("Link")))
      return Sniffed{Format::scopus_csv, encoding, describe(Format::scopus_csv)};
    return Sniffed{Format::csv, encoding, sep == '\t' ? "a tab-separated table" : describe(Format::csv)};
  }
  return std::nullopt;
}

Sniffed sniff_json(std::string_view text, std::string_view encoding) {
  const auto has = [&](std::string_view key) { return text.find(key) != std::string_view::npos; };
  if (has("\"message-type\"")) return {Format::json, encoding, "a Crossref API answer (JSON)"};
  if (has("\"response\"") && has("\"docs\"")) return {Format::json, encoding, "a HAL API answer (JSON)"};
  if (has("\"type\"") && (has("\"title\"") || has("\"author\"") || has("\"issued\"") || has("\"container-title\"")))
    return {Format::csl_json, encoding, describe(Format::csl_json)};
  return {Format::json, encoding, describe(Format::json)};
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

TextEncoding detect_text_encoding(std::string_view head) {
  const auto starts = [&](std::string_view p) { return head.substr(0, p.size()) == p; };
  if (starts(std::string_view("\xFF\xFE\0\0", 4))) return {"utf-32le", 4, false};
  if (starts(std::string_view("\0\0\xFE\xFF", 4))) return {"utf-32be", 4, false};
  if (starts("\xEF\xBB\xBF")) return {"utf-8-bom", 3, false};
  if (starts("\xFF\xFE")) return {"utf-16le", 2, false};
  if (starts("\xFE\xFF")) return {"utf-16be", 2, false};
  const std::size_t n = std::min<std::size_t>(head.size(), kSniffWindow) & ~std::size_t{1};
  if (n < 8) return {};
  std::size_t even = 0, odd = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    even += head[i] == '\0';
    odd += head[i + 1] == '\0';
  }
  const std::size_t pairs = n / 2;
  if (odd * 10 > pairs * 3 && even * 8 < odd) return {"utf-16le", 0, true};
  if (even * 10 > pairs * 3 && odd * 8 < even) return {"utf-16be", 0, true};
  return {};
}

std::string_view describe(Format format) {
  for (const auto& f : kFormats)
    if (f.format == format) return f.description;
  return "an unknown format";
}

std::string_view format_name(Format format) {
  for (const auto& f : kFormats)
    if (f.format == format) return f.name;
  return "unknown";
}

Sniffed sniff(std::string_view head) {
  if (trim_blank(head).empty()) return {Format::empty, {}, describe(Format::empty)};
  for (const auto& m : kMagic)
    if (head.starts_with(m.bytes)) return {m.format, {}, m.description};

  const TextEncoding enc = detect_text_encoding(head);
  const std::string text = as_text(head, enc);
  const std::string_view encoding = enc.name;
  if (trim_blank(text).empty()) return {Format::empty, encoding, describe(Format::empty)};
  const bool bibtex = has_entry_header(text);
  if (looks_binary(text) && !bibtex) {
    if (head.starts_with("MZ")) return {Format::executable, {}, "an executable program (Windows)"};
    return {Format::binary, {}, describe(Format::binary)};
  }

  // The first two non-blank lines decide the formats with a signature at the top.
  std::string_view first, second;
  for_each_line(text, [&](std::string_view line) {
    if (trim_blank(line).empty()) return true;
    (first.empty() ? first : second) = line;
    return second.empty();
  });
  const std::string_view lead = trim_blank(first);
  if (is_wos_tag_line(first, "FN") || (is_wos_tag_line(first, "PT") && has_line(text, is_wos_tag_line, "ER")))
    return {Format::wos_plain_text, encoding, describe(Format::wos_plain_text)};
  if (first.starts_with("PT\t") && (first.find("\tAU\t") != std::string_view::npos || first.find("\tTI\t") != std::string_view::npos))
    return {Format::wos_tab_delimited, encoding, describe(Format::wos_tab_delimited)};
  if (is_ris_line(first, "TY")) return {Format::ris, encoding, describe(Format::ris)};
  if (lead.starts_with('[') || lead.starts_with('{')) {
    const std::string_view rest = trim_blank(std::string_view(text).substr(text.find(lead.front()) + 1));
    if (rest.empty() || rest.front() == '{' || rest.front() == '"' || rest.front() == ']' || rest.front() == '}')
      return sniff_json(text, encoding);
  }
  const std::string start = ascii_lower(lead.substr(0, 64));
  if (start.starts_with("<!doctype html") || start.starts_with("<html")) return {Format::html, encoding, describe(Format::html)};
  if (start.starts_with("<?xml") || start.starts_with('<')) {
    const bool html = ascii_lower(std::string_view(text).substr(0, 1024)).find("<html") != std::string::npos;
    return html ? Sniffed{Format::html, encoding, describe(Format::html)} : Sniffed{Format::xml, encoding, describe(Format::xml)};
  }

  if (bibtex || only_percent_comments(text)) return {Format::bibtex, encoding, describe(Format::bibtex)};
  if (auto csv = sniff_csv(first, second, encoding)) return *csv;
  if (has_line(text, is_ris_line, "TY") && has_line(text, is_ris_line, "ER"))
    return {Format::ris, encoding, describe(Format::ris)};
  if (has_line(text, is_wos_tag_line, "PT") && has_line(text, is_wos_tag_line, "ER"))
    return {Format::wos_plain_text, encoding, describe(Format::wos_plain_text)};
  return {Format::text, encoding, describe(Format::text)};
}

}  // namespace litrev::input
