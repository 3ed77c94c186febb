#include "importers/input/text_decoding.hpp"

#include "importers/input/sniff.hpp"
#include "src/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace litrev::input {

namespace {

std::uint32_t line_of(std::string_view s, std::size_t i) {
  return 1 + static_cast<std::uint32_t>(std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(i), '\n'));
}

Diagnostic warning(const std::string& source, std::uint32_t line, std::string message) {
  return {Diagnostic::Severity::warning, source, line, 0, {}, std::move(message)};
}

std::string utf16_to_utf8(std::string_view raw, bool little_endian, std::size_t& bad_units) {
  std::string out;
  out.reserve(raw.size());
  const auto unit = [&](std::size_t i) -> char32_t {
    const auto a = static_cast<unsigned char>(raw[i]), b = static_cast<unsigned char>(raw[i + 1]);
    return little_endian ? static_cast<char32_t>(a | (b << 8)) : static_cast<char32_t>((a << 8) | b);
  };
  const std::size_t n = raw.size() & ~std::size_t{1};
  for (std::size_t i = 0; i < n; i += 2) {
    char32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < n) {
      const char32_t lo = unit(i + 2);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        i += 2;
      } else {
        cp = 0xFFFD;
        ++bad_units;
      }
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = 0xFFFD;
      ++bad_units;
    }
    append_utf8(out, cp);
  }
  return out;
}

// Counts, over the whole text, the bytes in valid multi-byte UTF-8 sequences and the bytes
// that start no valid sequence.
void count_utf8(std::string_view s, std::size_t from, std::size_t& multibyte, std::size_t& invalid) {
  std::size_t i = from;
  while (i < s.size()) {
    const std::size_t ok = valid_utf8_prefix(s.substr(i));
    for (std::size_t k = i; k < i + ok; ++k) multibyte += (static_cast<unsigned char>(s[k]) >= 0x80);
    i += ok;
    if (i >= s.size()) break;
    ++invalid;
    ++i;
  }
}

// Valid UTF-8 sequences kept, every other byte read as Windows-1252.
std::string repair_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 16);
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t ok = valid_utf8_prefix(s.substr(i));
    out.append(s.substr(i, ok));
    i += ok;
    if (i >= s.size()) break;
    out += cp1252_to_utf8(s.substr(i, 1));
    ++i;
  }
  return out;
}

// An 8-bit encoding named in the file's first lines (Emacs "-*- coding: latin-9 -*-",
// JabRef "% Encoding: ISO8859_15"). Only consulted when the text is not UTF-8. Latin-9 is
// the one worth knowing: it differs from Windows-1252 on letters (0xA6 is Š, not ¦).
bool declares_latin9(std::string_view raw) {
  std::string head = ascii_lower(raw.substr(0, 1024));
  for (const std::string_view tag : {"coding:", "encoding:"}) {
    for (std::size_t at = head.find(tag); at != std::string::npos; at = head.find(tag, at + 1)) {
      std::size_t b = at + tag.size();
      while (b < head.size() && (head[b] == ' ' || head[b] == '\t')) ++b;
      std::size_t e = b;
      while (e < head.size() && (std::isalnum(static_cast<unsigned char>(head[e])) || head[e] == '-' || head[e] == '_'))
        ++e;
      std::string name = head.substr(b, e - b);
      std::erase(name, '-');
      std::erase(name, '_');
      if (name.starts_with("latin9") || name.starts_with("iso885915")) return true;
    }
  }
  return false;
}

std::string latin9_to_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    char32_t cp = c;
    switch (c) {
      case 0xA4: cp = 0x20AC; break;
      case 0xA6: cp = 0x0160; break;
      case 0xA8: cp = 0x0161; break;
      case 0xB4: cp = 0x017D; break;
      case 0xB8: cp = 0x017E; break;
      case 0xBC: cp = 0x0152; break;
      case 0xBD: cp = 0x0153; break;
      case 0xBE: cp = 0x0178; break;
      default: break;
    }
    if (c >= 0x80 && c < 0xA0)
      out += cp1252_to_utf8(s.substr(i, 1));  // C1 controls: read as Windows-1252
    else
      append_utf8(out, cp);
  }
  return out;
}

// Fills out.text/encoding/warnings from raw, whose bytes are kept alive by owner.
// UTF-32 with a BOM: rare, but its BOM starts like UTF-16LE's, so it must be told apart.
std::string utf32_to_utf8(std::string_view raw, bool little_endian, std::size_t& bad_units) {
  std::string out;
  out.reserve(raw.size() / 2);
  for (std::size_t i = 0; i + 4 <= raw.size(); i += 4) {
    char32_t cp = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const auto byte = static_cast<unsigned char>(raw[i + (little_endian ? 3 - k : k)]);
      cp = (cp << 8) | byte;
    }
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      cp = 0xFFFD;
      ++bad_units;
    }
    append_utf8(out, cp);
  }
  return out;
}

void decode(DecodedText& out, std::string_view raw, std::shared_ptr<const void> owner) {
  out.input_bytes = raw.size();
  const TextEncoding enc = detect_text_encoding(raw);
  const bool utf32 = enc.name.starts_with("utf-32"), utf16 = enc.name.starts_with("utf-16");
  if (utf32 || utf16) {
    const bool little = enc.name.ends_with("le");
    const std::string_view units = raw.substr(enc.bom_size);
    std::size_t bad = 0;
    auto text = std::make_shared<std::string>(utf32 ? utf32_to_utf8(units, little, bad) : utf16_to_utf8(units, little, bad));
    const std::string_view name = utf32 ? "UTF-32" : "UTF-16";
    if (enc.guessed)
      out.warnings.push_back(warning(out.source, 0,
                                     fmt::format("no byte-order mark, but the NUL bytes say UTF-16{}; read as such",
                                                 little ? "LE" : "BE")));
    if (bad > 0)
      out.warnings.push_back(
          warning(out.source, 0, fmt::format("{} invalid {} code units replaced by U+FFFD", bad, name)));
    if (units.size() % (utf32 ? 4 : 2) != 0)
      out.warnings.push_back(warning(out.source, 0,
                                     utf32 ? "UTF-32 file size is not a multiple of 4: last bytes ignored"
                                           : "odd number of bytes in a UTF-16 file: last byte ignored"));
    out.encoding = std::string(enc.name);
    out.text = *text;
    out.storage = std::move(text);
    return;
  }
  const std::size_t skip = enc.bom_size;
  if (skip > 0) out.encoding = "utf-8-bom";
  const std::string_view body = raw.substr(skip);
  const std::size_t valid = valid_utf8_prefix(body);
  if (valid == body.size()) {
    if (out.encoding.empty()) out.encoding = "utf-8";
    out.text = body;
    out.storage = std::move(owner);
  } else {
    std::size_t multibyte = 0, invalid = 0;
    count_utf8(body, 0, multibyte, invalid);
    const std::uint32_t line = line_of(body, valid);
    std::shared_ptr<std::string> text;
    if (declares_latin9(body)) {
      text = std::make_shared<std::string>(latin9_to_utf8(body));
      out.encoding = "iso-8859-15";
      out.warnings.push_back(
          warning(out.source, line, "not valid UTF-8; read as ISO-8859-15 (Latin-9), as the file declares"));
    } else if (multibyte > invalid) {
      text = std::make_shared<std::string>(repair_utf8(body));
      out.encoding = "utf-8+windows-1252";
      out.warnings.push_back(warning(
          out.source, line,
          fmt::format("not valid UTF-8 ({} stray bytes in UTF-8 text); those bytes read as Windows-1252/Latin-1",
                      invalid)));
    } else {
      text = std::make_shared<std::string>(cp1252_to_utf8(body));
      out.encoding = "windows-1252";
      out.warnings.push_back(warning(out.source, line, "not valid UTF-8; read as Windows-1252/Latin-1"));
    }
    out.text = *text;
    out.storage = std::move(text);
  }
  if (const void* nul = std::memchr(out.text.data(), '\0', out.text.size())) {
    // A NUL byte means nothing in a text export and ends the string in C APIs, terminals and most
    // tools that will read the value later: each becomes U+FFFD, which shows where it was.
    const auto at = static_cast<std::size_t>(static_cast<const char*>(nul) - out.text.data());
    const std::size_t count = static_cast<std::size_t>(std::count(out.text.begin() + static_cast<std::ptrdiff_t>(at), out.text.end(), '\0'));
    auto text = std::make_shared<std::string>();
    text->reserve(out.text.size() + 2 * count);
    for (const char c : out.text) {
      if (c == '\0') append_utf8(*text, 0xFFFD);
      else text->push_back(c);
    }
    out.warnings.push_back(warning(out.source, line_of(out.text, at),
                                   fmt::format("{} NUL byte{} (binary data in a text file?) replaced by U+FFFD", count,
                                               count == 1 ? "" : "s")));
    out.text = *text;
    out.storage = std::move(text);
  }
}

}  // namespace

DecodedText decode_text_bytes(std::string bytes, std::string source) {
  DecodedText out;
  out.source = std::move(source);
  auto owned = std::make_shared<std::string>(std::move(bytes));
  const std::string_view raw = *owned;
  decode(out, raw, std::move(owned));
  return out;
}

DecodedText decode_text_input(InputBytes input) {
  DecodedText out;
  out.source = std::move(input.source);
  decode(out, input.bytes, std::move(input.storage));
  return out;
}

namespace {
std::expected<DecodedText, Diagnostic> read_whole(std::expected<InputFile, Diagnostic> file) {
  if (!file) return std::unexpected(std::move(file.error()));
  auto bytes = std::move(*file).read_all();
  if (!bytes) return std::unexpected(std::move(bytes.error()));
  return decode_text_input(std::move(*bytes));
}
}  // namespace

std::expected<DecodedText, Diagnostic> read_text_fd(int fd, std::string source) {
  return read_whole(InputFile::from_fd(fd, std::move(source)));
}

std::expected<DecodedText, Diagnostic> read_text_file(const std::string& path) {
  return read_whole(InputFile::open(path));
}

}  // namespace litrev::input
