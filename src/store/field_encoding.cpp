#include "src/store/field_encoding.hpp"

#include "src/core/text.hpp"

namespace litrev::store {
namespace {

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 15]);
        } else {
          out.push_back(ch);  // UTF-8 bytes as they are
        }
    }
  }
  out.push_back('"');
}

class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}
  void skip_space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r')) ++i_;
  }
  bool eat(char c) {
    skip_space();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  bool at_end() {
    skip_space();
    return i_ == s_.size();
  }
  std::optional<std::string> string() {
    if (!eat('"')) return std::nullopt;
    std::string out;
    while (i_ < s_.size()) {
      const char c = s_[i_++];
      if (c == '"') return out;
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (i_ >= s_.size()) return std::nullopt;
      const char e = s_[i_++];
      switch (e) {
        case '"': case '\\': case '/': out.push_back(e); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'u': {
          auto cp = hex4();
          if (!cp) return std::nullopt;
          char32_t code = *cp;
          if (code >= 0xD800 && code < 0xDC00 && s_.substr(i_, 2) == "\\u") {  // surrogate pair
            i_ += 2;
            const auto low = hex4();
            if (!low) return std::nullopt;
            code = 0x10000 + ((code - 0xD800) << 10) + (*low - 0xDC00);
          }
          append_utf8(out, code);
          break;
        }
        default: return std::nullopt;
      }
    }
    return std::nullopt;
  }

 private:
  std::optional<char32_t> hex4() {
    if (i_ + 4 > s_.size()) return std::nullopt;
    char32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = s_[i_++];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= static_cast<char32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') v |= static_cast<char32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') v |= static_cast<char32_t>(c - 'A' + 10);
      else return std::nullopt;
    }
    return v;
  }
  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

std::string encode_fields(const std::vector<SourceField>& fields) {
  std::size_t size = 2;
  for (const auto& f : fields) size += f.name.size() + f.value.size() + 8;
  std::string out;
  out.reserve(size);
  out.push_back('[');
  for (const auto& f : fields) {
    if (out.size() > 1) out.push_back(',');
    out.push_back('[');
    append_json_string(out, f.name);
    out.push_back(',');
    append_json_string(out, f.value);
    out.push_back(']');
  }
  out.push_back(']');
  return out;
}

std::optional<std::vector<SourceField>> decode_fields(std::string_view text) {
  Reader r(text);
  std::vector<SourceField> out;
  if (!r.eat('[')) return std::nullopt;
  if (r.eat(']')) return r.at_end() ? std::optional(out) : std::nullopt;
  do {
    if (!r.eat('[')) return std::nullopt;
    auto name = r.string();
    if (!name || !r.eat(',')) return std::nullopt;
    auto value = r.string();
    if (!value || !r.eat(']')) return std::nullopt;
    out.push_back(SourceField{std::move(*name), std::move(*value)});
  } while (r.eat(','));
  if (!r.eat(']') || !r.at_end()) return std::nullopt;
  return out;
}

}  // namespace litrev::store
