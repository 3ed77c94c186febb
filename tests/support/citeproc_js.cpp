#include "support/citeproc_js.hpp"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

#include "support/test_support.hpp"

namespace litrev::test {
namespace {

namespace fs = std::filesystem;

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out.push_back(c);
  }
  return out + "'";
}

int run(const std::string& command, std::string& out) {
  out.clear();
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return -1;
  std::array<char, 65536> buf{};
  std::size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  const int status = pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool has_citeproc(const fs::path& prefix) {
  return !prefix.empty() && fs::exists(prefix / "node_modules" / "citeproc" / "citeproc_commonjs.js");
}

void decode_entities(std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      const auto semi = s.find(';', i);
      if (semi != std::string::npos && semi - i <= 8) {
        const std::string ent = s.substr(i + 1, semi - i - 1);
        std::string rep;
        if (ent == "amp") rep = "&";
        else if (ent == "lt") rep = "<";
        else if (ent == "gt") rep = ">";
        else if (ent == "quot") rep = "\"";
        else if (ent == "nbsp") rep = " ";
        else if (!ent.empty() && ent[0] == '#') {
          const long cp = std::strtol(ent.c_str() + 1 + (ent[1] == 'x' ? 1 : 0), nullptr, ent[1] == 'x' ? 16 : 10);
          if (cp < 0x80) rep.push_back(static_cast<char>(cp));
          else if (cp < 0x800) {
            rep.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            rep.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
          } else {
            rep.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            rep.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            rep.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
          }
        }
        if (!rep.empty()) {
          out += rep;
          i = semi;
          continue;
        }
      }
    }
    out.push_back(s[i]);
  }
  s = std::move(out);
}

// Any Unicode space CSL locales and citeproc-js use.
std::size_t space_at(const std::string& s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n') return 1;
  for (std::string_view sp : {"\u00A0", "\u202F", "\u2009", "\u200B", "\u2002", "\u2003", "\u2007", "\u2008", "\u200A"})
    if (s.compare(i, sp.size(), sp) == 0) return sp.size();
  return 0;
}

}  // namespace

fs::path citeproc_js_prefix(std::string& reason) {
  if (const char* env = std::getenv("LITREV_CITEPROC_JS_DIR"); env && has_citeproc(env)) return env;
  std::string out;
  if (run("command -v node >/dev/null 2>&1", out) != 0) {
    reason = "node is not installed";
    return {};
  }
  const fs::path prefix = fs::path(LITREV_BUILD_DIR) / "npm";
  if (has_citeproc(prefix)) return prefix;
  if (run("command -v npm >/dev/null 2>&1", out) != 0) {
    reason = "npm is not installed (or set LITREV_CITEPROC_JS_DIR to a folder with node_modules/citeproc)";
    return {};
  }
  // Several test processes may get here at once: one installs, the others wait on the lock.
  fs::create_directories(prefix);
  const std::string cmd = "cd " + shell_quote(prefix.string()) + " && flock install.lock sh -c " +
                          shell_quote("test -e node_modules/citeproc/citeproc_commonjs.js || npm install --prefix . "
                                      "citeproc --no-audit --no-fund --loglevel=error") +
                          " 2>&1";
  if (run(cmd, out) != 0 || !has_citeproc(prefix)) {
    reason = "npm install citeproc failed (offline?): " + out.substr(0, 300);
    return {};
  }
  return prefix;
}

Bib citeproc_js_bibliography(const fs::path& prefix, const fs::path& style, const fs::path& library,
                             const fs::path& locales_dir) {
  const fs::path tool = shared_dir() / "tools" / "citeproc_js_bibliography.js";
  const std::string cmd = "NODE_PATH=" + shell_quote((prefix / "node_modules").string()) + " node " +
                          shell_quote(tool.string()) + " --html --ids --locales " + shell_quote(locales_dir.string()) +
                          " " + shell_quote(style.string()) + " " + shell_quote(library.string()) + " 2>&1";
  std::string out;
  const int code = run(cmd, out);
  if (code != 0) throw std::runtime_error("citeproc-js failed on " + style.string() + ": " + out.substr(0, 500));
  Bib bib;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    const auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    const std::string id = line.substr(0, tab);
    bib.ids.push_back(id);
    bib.entries[id] = canonical_entry(line.substr(tab + 1));
  }
  return bib;
}

std::string canonical_entry(const std::string& html) {
  // A stack of formatting flags from the tags; text chars carry the current set.
  struct Flag {
    char prop;
    bool on;
  };
  std::vector<Flag> stack;
  std::string out;
  std::string current = "-";
  std::size_t i = 0;
  while (i < html.size()) {
    if (html[i] == '<') {
      const auto end = html.find('>', i);
      if (end == std::string::npos) break;
      const std::string tag = html.substr(i, end - i + 1);
      i = end + 1;
      if (tag.starts_with("</")) {
        if (!stack.empty()) stack.pop_back();
      } else if (tag == "<i>" || tag == "<em>") stack.push_back({'i', true});
      else if (tag == "<b>") stack.push_back({'b', true});
      else if (tag == "<sup>") stack.push_back({'^', true});
      else if (tag == "<sub>") stack.push_back({'_', true});
      else if (tag.find("small-caps") != std::string::npos) stack.push_back({'c', true});
      else if (tag.find("font-variant:normal") != std::string::npos) stack.push_back({'c', false});
      else if (tag.find("font-style:normal") != std::string::npos) stack.push_back({'i', false});
      else if (tag.find("font-weight:normal") != std::string::npos) stack.push_back({'b', false});
      else if (tag.find("underline") != std::string::npos) stack.push_back({'u', true});
      else stack.push_back({'x', true});
      continue;
    }
    // Text up to the next tag.
    const auto next = html.find('<', i);
    std::string text = html.substr(i, next == std::string::npos ? std::string::npos : next - i);
    i = next == std::string::npos ? html.size() : next;
    decode_entities(text);
    std::string state;
    for (const char p : {'i', 'b', 'c', '^', '_', 'u'}) {
      bool on = false;
      for (const auto& f : stack)
        if (f.prop == p) on = f.on;
      if (on) state.push_back(p);
    }
    for (std::size_t k = 0; k < text.size();) {
      if (const auto n = space_at(text, k)) {
        if (!out.empty() && out.back() != ' ') out.push_back(' ');
        k += n;
        continue;
      }
      if (state != current) {
        out += "{" + state + "}";
        current = state;
      }
      out.push_back(text[k++]);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  const auto first = out.find_first_not_of(' ');
  return first == std::string::npos ? std::string() : out.substr(first);
}

Agreement compare_bibliographies(const Bib& reference, const Bib& candidate) {
  Agreement a;
  a.total = reference.ids.size();
  a.order_same = reference.ids == candidate.ids;
  for (const auto& id : reference.ids) {
    const auto ref = reference.entries.at(id);
    const auto it = candidate.entries.find(id);
    if (it != candidate.entries.end() && it->second == ref) {
      ++a.same;
    } else {
      a.report += "  " + id + "\n    citeproc-js: " + ref + "\n    litrev:      " +
                  (it == candidate.entries.end() ? std::string("(missing)") : it->second) + "\n";
    }
  }
  return a;
}

}  // namespace litrev::test
