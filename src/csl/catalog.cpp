#include "src/csl/catalog.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "src/core/text.hpp"
#include "src/csl/csl_error.hpp"

namespace litrev::csl {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kDebianRoot = "/usr/share/citation-style-language";

bool is_dir(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}
bool is_file(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

void add_csl_files(const fs::path& dir, bool dependent, std::vector<StyleFile>& out) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() != ".csl") continue;
    out.push_back({e.path().stem().string(), e.path(), dependent, {}});
  }
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// The <title> of a style, read from the start of the file only (it sits in <info>).
std::string read_title(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  const auto start = head.find("<title>");
  if (start == std::string::npos) return {};
  const auto end = head.find("</title>", start);
  if (end == std::string::npos) return {};
  std::string t = head.substr(start + 7, end - start - 7);
  // The few entities a title uses.
  for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"},
                          {"&quot;", "\""}, {"&apos;", "'"}}) {
    std::size_t p = 0;
    while ((p = t.find(from, p)) != std::string::npos) {
      t.replace(p, from.size(), to);
      p += to.size();
    }
  }
  return t;
}

}  // namespace

const std::vector<std::pair<std::string_view, std::string_view>>& style_aliases() {
  static const std::vector<std::pair<std::string_view, std::string_view>> kAliases = {
      {"asa", "american-sociological-association"},
      {"apa", "apa"},
      {"chicago", "chicago-author-date"},
      {"chicago-note", "chicago-note-bibliography"},
      {"mla", "modern-language-association"},
      {"harvard", "harvard-cite-them-right"},
      {"ieee", "ieee"},
      {"vancouver", "vancouver"},
      {"nature", "nature"},
      {"ama", "american-medical-association"},
      {"apsa", "american-political-science-association"},
      {"rfs", "revue-francaise-de-sociologie"},
      {"rfap", "revue-francaise-d-administration-publique"},
      {"sciences-po", "sciences-po-ecole-doctorale-author-date"},
      {"iso690", "iso690-author-date-fr-no-abstract"},
  };
  return kAliases;
}

StyleCatalog::StyleCatalog(std::vector<fs::path> style_dirs, std::vector<fs::path> locale_dirs)
    : style_dirs_(std::move(style_dirs)), locale_dirs_(std::move(locale_dirs)) {}

StyleCatalog StyleCatalog::from_environment() {
  std::vector<fs::path> styles, locales;
  if (const char* env = std::getenv("LITREV_CSL_DIR"); env && *env) {
    const fs::path root(env);
    styles.push_back(is_dir(root / "styles") ? root / "styles" : root);
    locales.push_back(is_dir(root / "locales") ? root / "locales" : root);
  }
  // The system's locales always back up a private folder that has none.
  if (styles.empty()) styles.push_back(fs::path(kDebianRoot) / "styles");
  locales.push_back(fs::path(kDebianRoot) / "locales");
  return StyleCatalog(std::move(styles), std::move(locales));
}

std::vector<StyleFile> StyleCatalog::list() const {
  std::vector<StyleFile> independent, dependent;
  for (const auto& dir : style_dirs_) {
    add_csl_files(dir, false, independent);
    if (is_dir(dir / "dependent")) add_csl_files(dir / "dependent", true, dependent);
  }
  auto by_name = [](const StyleFile& a, const StyleFile& b) { return a.name < b.name; };
  std::sort(independent.begin(), independent.end(), by_name);
  std::sort(dependent.begin(), dependent.end(), by_name);
  independent.insert(independent.end(), dependent.begin(), dependent.end());
  return independent;
}

std::vector<std::string> StyleCatalog::closest(std::string_view name, std::size_t n) const {
  const std::string wanted = ascii_lower(name);
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& f : list()) {
    // A name containing what was typed is close, whatever its length.
    std::size_t d = edit_distance(wanted, f.name);
    if (wanted.size() >= 3 && f.name.find(wanted) != std::string::npos) d = std::min<std::size_t>(d, 1 + (f.dependent ? 1 : 0));
    scored.emplace_back(d, f.name);
  }
  for (const auto& [alias, target] : style_aliases()) scored.emplace_back(edit_distance(wanted, alias), std::string(alias));
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (const auto& [d, s] : scored) {
    if (out.size() >= n) break;
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  }
  return out;
}

fs::path StyleCatalog::resolve(std::string_view name_in) const {
  std::string name(name_in);
  const bool looks_like_path = name.find('/') != std::string::npos || name.ends_with(".csl");
  if (looks_like_path) {
    if (is_file(name)) return fs::path(name);
    if (name.find('/') != std::string::npos)
      throw CslError(CslError::Kind::unreadable, name, 0, "", "no such style file");
    name.resize(name.size() - 4);
  }
  for (const auto& [alias, target] : style_aliases()) {
    if (alias == name) {
      name = std::string(target);
      break;
    }
  }
  for (const auto& dir : style_dirs_) {
    if (is_file(dir / (name + ".csl"))) return dir / (name + ".csl");
    if (is_file(dir / "dependent" / (name + ".csl"))) return dir / "dependent" / (name + ".csl");
  }
  std::string message = "unknown style \"" + std::string(name_in) + "\"";
  const auto near = closest(name_in);
  if (!near.empty()) {
    message += "; closest: ";
    for (std::size_t i = 0; i < near.size(); ++i) message += (i ? ", " : "") + near[i];
  }
  message += " (litrev styles --search WORD lists styles";
  message += style_dirs_.empty() ? ")" : "; looked in " + style_dirs_.front().string() + ")";
  throw CslError(CslError::Kind::unknown_style, "", 0, "", message);
}

StyleSources StyleCatalog::sources() const {
  StyleSources s;
  s.locale_file = [dirs = locale_dirs_](const std::string& lang) -> std::optional<fs::path> {
    for (const auto& dir : dirs)
      if (is_file(dir / ("locales-" + lang + ".xml"))) return dir / ("locales-" + lang + ".xml");
    return std::nullopt;
  };
  s.parent_file = [dirs = style_dirs_](const std::string& href, const fs::path& dependent) -> std::optional<fs::path> {
    std::string base = href;
    while (!base.empty() && base.back() == '/') base.pop_back();
    base = base.substr(base.rfind('/') + 1) + ".csl";
    // Beside the dependent style, one folder up (styles/dependent/x.csl), then the catalog.
    std::vector<fs::path> places = {dependent.parent_path(), dependent.parent_path().parent_path()};
    places.insert(places.end(), dirs.begin(), dirs.end());
    for (const auto& dir : places)
      if (!dir.empty() && is_file(dir / base)) return dir / base;
    return std::nullopt;
  };
  return s;
}

Style StyleCatalog::load(std::string_view name, const std::string& locale) const {
  return load_style_file(resolve(name), sources(), locale);
}

std::vector<StyleFile> StyleCatalog::search(std::string_view query) const {
  std::vector<std::string> words;
  for (const auto& w : litrev::words(query)) words.push_back(w);
  std::vector<StyleFile> out;
  for (auto& f : list()) {
    if (words.empty()) {
      if (f.dependent) continue;
      f.title = read_title(f.path);
      out.push_back(std::move(f));
      continue;
    }
    const std::string name_folded = fold(f.name);
    bool all = true;
    std::string title;
    bool title_read = false;
    for (const auto& w : words) {
      if (name_folded.find(w) != std::string::npos) continue;
      if (!title_read) {
        title = read_title(f.path);
        title_read = true;
      }
      if (fold(title).find(w) == std::string::npos) {
        all = false;
        break;
      }
    }
    if (!all) continue;
    f.title = title_read ? title : read_title(f.path);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace litrev::csl
