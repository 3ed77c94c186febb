// litrev note KEY TEXT: appends a Markdown note to a work ("-" reads it from stdin);
// --list numbers the work's notes, --edit N TEXT replaces note N, --delete N removes it.
#include <fmt/format.h>

#include <iostream>
#include <iterator>

#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/option_checks.hpp"
#include "src/core/text.hpp"

namespace litrev::cli {
namespace {

class NoteCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("key", key_, "Key of the work")->required();
    sub.add_option("text", text_, "The note (Markdown); - reads it from stdin")->expected(0, -1);
    auto* list = sub.add_flag("--list", list_, "Number the work's notes (N for --edit and --delete), with ids and times");
    auto* edit = sub.add_option("--edit", edit_, "Replace note N (as --list numbers them) with TEXT")->check(at_least(1));
    auto* del = sub.add_option("--delete", delete_, "Delete note N (as --list numbers them)")->check(at_least(1));
    list->excludes(edit)->excludes(del);
    edit->excludes(del);
    sub.add_flag("--json", json_, "Print the note's id and time (--list: every note) as JSON");
  }

  int run(Context& ctx) override {
    auto& store = ctx.store();
    if (list_ || delete_ > 0) {
      if (!text_.empty()) throw UsageError(fmt::format("--{} takes no note text", list_ ? "list" : "delete"));
    } else if (text_.empty()) {
      throw UsageError("the note text is missing (litrev note KEY TEXT, or --list, --edit N TEXT, --delete N)");
    }
    if (list_) return list(ctx);
    if (delete_ > 0) {
      const auto note = numbered(store, delete_);
      store.delete_note(key_, note.id);
      if (json_) ctx.print_json({{"key", key_}, {"deleted", note.id}, {"number", delete_}});
      else ctx.summary(fmt::format("note {} (id {}) of {} deleted", delete_, note.id, key_));
      return kOk;
    }
    const std::string text = note_text();
    if (edit_ > 0) {
      const auto note = numbered(store, edit_);
      store.edit_note(key_, note.id, text);
      if (json_) ctx.print_json({{"key", key_}, {"edited", note.id}, {"number", edit_}});
      else ctx.summary(fmt::format("note {} (id {}) of {} replaced", edit_, note.id, key_));
      return kOk;
    }
    const auto id = store.add_note(key_, text);
    if (json_) ctx.print_json({{"key", key_}, {"note", id}});
    else ctx.summary(fmt::format("note {} added to {}", id, key_));
    return kOk;
  }

 private:
  std::string note_text() const {
    std::string text;
    if (text_.size() == 1 && text_[0] == "-") {
      text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
      for (const auto& part : text_) text += (text.empty() ? "" : " ") + part;
    }
    if (trim(text).empty()) throw UsageError("the note is empty");
    if (!is_valid_utf8(text)) throw UsageError("the note is not valid UTF-8");
    return std::string(trim(text));
  }

  // Note n (1-based, oldest first, as --list shows them).
  StoredWork::Note numbered(Store& store, std::int64_t n) const {
    const auto notes = store.notes(key_);
    if (n > static_cast<std::int64_t>(notes.size()))
      throw UsageError(fmt::format("{} has {} note{}; there is no note {} (litrev note {} --list)", key_, notes.size(),
                                   notes.size() == 1 ? "" : "s", n, key_));
    return notes[static_cast<std::size_t>(n - 1)];
  }

  int list(Context& ctx) const {
    const auto notes = ctx.store().notes(key_);
    if (json_) {
      auto arr = nlohmann::json::array();
      for (std::size_t i = 0; i < notes.size(); ++i)
        arr.push_back({{"number", i + 1},
                       {"id", notes[i].id},
                       {"created_at", notes[i].created_at},
                       {"edited_at", notes[i].edited_at.empty() ? nlohmann::json(nullptr) : nlohmann::json(notes[i].edited_at)},
                       {"text", notes[i].text}});
      ctx.print_json(arr);
      return kOk;
    }
    if (notes.empty()) ctx.summary(fmt::format("{} has no notes", key_));
    for (std::size_t i = 0; i < notes.size(); ++i) {
      const auto& n = notes[i];
      ctx.out() << fmt::format("{}. [id {}, {}{}]\n", i + 1, n.id, n.created_at,
                               n.edited_at.empty() ? "" : ", edited " + n.edited_at);
      // Indented so that a multi-line Markdown note stays under its number.
      for (const auto& line : split_lines(n.text)) ctx.out() << "   " << line << '\n';
    }
    return kOk;
  }

  static std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i)
      if (i == text.size() || text[i] == '\n') {
        out.push_back(text.substr(start, i - start));
        start = i + 1;
      }
    return out;
  }

  std::string key_;
  std::vector<std::string> text_;
  bool list_ = false;
  std::int64_t edit_ = 0, delete_ = 0;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_note_command() { return std::make_unique<NoteCommand>(); }

}  // namespace litrev::cli
