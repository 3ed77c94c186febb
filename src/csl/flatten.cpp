#include "src/csl/flatten.hpp"

#include "src/csl/text_case.hpp"

namespace litrev::csl {
namespace {

void collect_segments(Blob& b, bool protect, std::vector<CaseSegment>& out) {
  protect = protect || b.nocase;
  if (b.leaf) {
    out.push_back({&b.text, protect});
    return;
  }
  for (std::size_t i = 0; i < b.children.size(); ++i) {
    auto& c = b.children[i];
    if (i > 0 && !b.delimiter.empty()) out.push_back({&b.delimiter, protect});
    if (!c.prefix.empty()) out.push_back({&c.prefix, protect});
    collect_segments(c, protect, out);
    if (!c.suffix.empty()) out.push_back({&c.suffix, protect});
  }
}

void case_pass(Blob& b) {
  for (auto& c : b.children) case_pass(c);
  if (b.text_case == TextCase::none || b.nocase) return;
  std::vector<CaseSegment> segments;
  collect_segments(b, false, segments);
  apply_text_case(b.text_case, segments);
}

struct State {
  bool italic = false;
  bool bold = false;
  bool small_caps = false;
  int quote_depth = 0;
};

class Flattener {
 public:
  explicit Flattener(const Locale& locale)
      : open_(locale.term_text("open-quote")),
        close_(locale.term_text("close-quote")),
        open_inner_(locale.term_text("open-inner-quote")),
        close_inner_(locale.term_text("close-inner-quote")) {
    if (open_.empty()) open_ = "\u201C";
    if (close_.empty()) close_ = "\u201D";
    if (open_inner_.empty()) open_inner_ = "\u2018";
    if (close_inner_.empty()) close_inner_ = "\u2019";
  }

  // Writes a blob's spans into out. Spans are made only where formatting or a display block
  // starts; plain text next to plain text is one leaf (a compact tree is quicker to render
  // and to free).
  void emit(Blob& b, State st, std::vector<Span>& out) const {
    Formatting f = b.formatting;
    if (b.flip) {
      // Rich-text markup toggles: <i> inside italics is upright.
      if (f.font_style == FontStyle::italic && st.italic) f.font_style = FontStyle::normal;
      if (f.font_weight == FontWeight::bold && st.bold) f.font_weight = FontWeight::normal;
      if (f.font_variant == FontVariant::small_caps && st.small_caps) f.font_variant = FontVariant::normal;
    }
    if (f.font_style != FontStyle::unset) st.italic = f.font_style != FontStyle::normal;
    if (f.font_weight != FontWeight::unset) st.bold = f.font_weight == FontWeight::bold;
    if (f.font_variant != FontVariant::unset) st.small_caps = f.font_variant == FontVariant::small_caps;

    // A display block holds the element's affixes too ("[1]" in the left margin).
    std::vector<Span>* target = &out;
    if (b.display != Display::none) {
      Span block;
      block.display = b.display;
      out.push_back(std::move(block));
      target = &out.back().children;
    }
    text(*target, b.prefix);
    std::vector<Span>* content = target;
    if (!f.empty()) {
      Span formatted;
      formatted.formatting = f;
      target->push_back(std::move(formatted));
      content = &target->back().children;
    }
    const bool quoted = b.quotes;
    // A style's quotes are always the outer ones (citeproc-js does not alternate them);
    // quotes written inside a field alternate with what encloses them.
    const int depth = quoted && !b.rich_quotes ? 0 : st.quote_depth;
    if (quoted) {
      st.quote_depth = depth + 1;
      text(*content, depth % 2 == 0 ? open_ : open_inner_);
    }
    if (b.leaf) {
      text(*content, b.text);
    } else {
      for (std::size_t i = 0; i < b.children.size(); ++i) {
        if (i > 0) text(*content, b.delimiter);
        emit(b.children[i], st, *content);
      }
    }
    if (quoted) text(*content, depth % 2 == 0 ? close_ : close_inner_);
    // An element that set formatting but wrote nothing leaves no empty span behind.
    if (content != target && content->empty()) target->pop_back();
    text(*target, b.suffix);
  }

  static void text(std::vector<Span>& out, const std::string& t) {
    if (t.empty()) return;
    if (!out.empty() && out.back().is_leaf() && out.back().formatting.empty() && out.back().display == Display::none) {
      out.back().text += t;
      return;
    }
    Span leaf;
    leaf.text = t;
    out.push_back(std::move(leaf));
  }

 private:
  std::string open_, close_, open_inner_, close_inner_;
};

}  // namespace

Span flatten(Blob& root, const Locale& locale) {
  case_pass(root);
  Span out;
  Flattener(locale).emit(root, State{}, out.children);
  // One plain leaf needs no parent.
  if (out.children.size() == 1 && out.children[0].formatting.empty() && out.children[0].display == Display::none)
    return std::move(out.children[0]);
  return out;
}

}  // namespace litrev::csl
