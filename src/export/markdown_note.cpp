#include "src/export/markdown_note.hpp"

#include <cmark.h>

#include <cstdlib>
#include <memory>

namespace litrev {
namespace {

struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using Document = std::unique_ptr<cmark_node, NodeDeleter>;

Document parse(const std::string& markdown) {
  return Document(cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_SMART));
}

std::string take(char* rendered) {
  std::string out = rendered ? rendered : "";
  std::free(rendered);
  return out;
}

// Walks the tree once, opening a paragraph at each block and a run at each text leaf.
class ParagraphWalk {
 public:
  std::vector<NoteParagraph> run(cmark_node* root) {
    cmark_iter* iter = cmark_iter_new(root);
    for (auto ev = cmark_iter_next(iter); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(iter))
      visit(cmark_iter_get_node(iter), ev == CMARK_EVENT_ENTER);
    cmark_iter_free(iter);
    return std::move(out_);
  }

 private:
  void visit(cmark_node* node, bool enter) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_LIST: depth_ += enter ? 1 : -1; break;
      case CMARK_NODE_ITEM: bullet_ = enter; break;
      case CMARK_NODE_BLOCK_QUOTE: quote_ += enter ? 1 : -1; break;
      case CMARK_NODE_PARAGRAPH:
      case CMARK_NODE_HEADING:
        if (enter) open(cmark_node_get_type(node) == CMARK_NODE_HEADING);
        break;
      case CMARK_NODE_CODE_BLOCK:
        open(false);
        add(cmark_node_get_literal(node), true);
        break;
      case CMARK_NODE_EMPH: italic_ += enter ? 1 : -1; break;
      case CMARK_NODE_STRONG: bold_ += enter ? 1 : -1; break;
      case CMARK_NODE_TEXT: add(cmark_node_get_literal(node), false); break;
      case CMARK_NODE_CODE: add(cmark_node_get_literal(node), true); break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: add(" ", false); break;
      case CMARK_NODE_LINK:
        if (!enter) add(std::string(" <") + cmark_node_get_url(node) + ">", false);
        break;
      default: break;  // raw HTML is dropped; images keep their alt text (TEXT children)
    }
  }
  void open(bool heading) {
    NoteParagraph p;
    p.list_depth = depth_;
    p.heading = heading;
    p.quote = quote_ > 0;
    if (bullet_) p.runs.push_back({"• "});
    bullet_ = false;  // later paragraphs of the item carry no bullet
    out_.push_back(std::move(p));
  }
  void add(const std::string& text, bool code) {
    if (out_.empty()) open(false);
    auto& runs = out_.back().runs;
    NoteRun r{text, italic_ > 0, bold_ > 0 || out_.back().heading, code};
    if (!runs.empty() && runs.back().italic == r.italic && runs.back().bold == r.bold && runs.back().code == r.code)
      runs.back().text += r.text;
    else
      runs.push_back(std::move(r));
  }

  std::vector<NoteParagraph> out_;
  int depth_ = 0, quote_ = 0, italic_ = 0, bold_ = 0;
  bool bullet_ = false;
};

}  // namespace

std::string note_html(const std::string& markdown) {
  return take(cmark_render_html(parse(markdown).get(), CMARK_OPT_SMART));
}

std::string note_latex(const std::string& markdown) {
  return take(cmark_render_latex(parse(markdown).get(), CMARK_OPT_SMART, 0));
}

std::vector<NoteParagraph> note_paragraphs(const std::string& markdown) {
  return ParagraphWalk().run(parse(markdown).get());
}

}  // namespace litrev
