// litrev note KEY TEXT: appends a Markdown note to a work ("-" reads it from stdin).
#include <fmt/format.h>

#include <iostream>
#include <iterator>

#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/core/text.hpp"

namespace litrev::cli {
namespace {

class NoteCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("key", key_, "Key of the work")->required();
    sub.add_option("text", text_, "The note (Markdown); - reads it from stdin")->required()->expected(1, -1);
    sub.add_flag("--json", json_, "Print the note's id and time as JSON");
  }

  int run(Context& ctx) override {
    std::string text;
    if (text_.size() == 1 && text_[0] == "-") {
      text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
      for (const auto& part : text_) text += (text.empty() ? "" : " ") + part;
    }
    if (trim(text).empty()) throw UsageError("the note is empty");
    if (!is_valid_utf8(text)) throw UsageError("the note is not valid UTF-8");
    const auto id = ctx.store().add_note(key_, std::string(trim(text)));
    if (json_) ctx.print_json({{"key", key_}, {"note", id}});
    else ctx.summary(fmt::format("note {} added to {}", id, key_));
    return kOk;
  }

 private:
  std::string key_;
  std::vector<std::string> text_;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_note_command() { return std::make_unique<NoteCommand>(); }

}  // namespace litrev::cli
