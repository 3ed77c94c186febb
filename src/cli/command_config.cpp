// litrev config: the library's own settings (stored in the library file, table config), so that
// a contact address or an API key need not be exported in every shell.
//   litrev config                      every setting (keys shown masked)
//   litrev config get NAME             one value (exit 4 when unset)
//   litrev config set NAME VALUE
//   litrev config unset NAME
#include <fmt/format.h>

#include <array>
#include <string_view>

#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"

namespace litrev::cli {
namespace {

struct Setting {
  std::string_view name;
  std::string_view meaning;
  bool secret;
};

// The settings litrev reads; any other name is a typo, refused.
constexpr std::array kSettings = {
    Setting{"mailto", "contact address for Crossref's polite pool (also --mailto, $LITREV_MAILTO)", false},
    Setting{"openalex.key", "OpenAlex API key (also $LITREV_OPENALEX_KEY): https://openalex.org/settings/api", true},
};

const Setting& setting(const std::string& name) {
  for (const auto& s : kSettings)
    if (s.name == name) return s;
  std::string known;
  for (const auto& s : kSettings) known += (known.empty() ? "" : ", ") + std::string(s.name);
  throw UsageError(fmt::format("config: unknown setting '{}' (known: {})", name, known));
}

std::string masked(const std::string& value) {
  return value.size() <= 4 ? std::string(value.size(), '*') : std::string(value.size() - 4, '*') + value.substr(value.size() - 4);
}

class ConfigCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("action", action_, "get, set or unset (nothing: list every setting)")
        ->check(CLI::IsMember({"get", "set", "unset"}));
    sub.add_option("name", name_, "Setting name: mailto, openalex.key");
    sub.add_option("value", value_, "With set: the value");
  }

  int run(Context& ctx) override {
    if (action_.empty()) {
      for (const auto& s : kSettings) {
        const auto v = ctx.store().config(std::string(s.name));
        const std::string shown = !v || v->empty() ? "(unset)" : s.secret ? masked(*v) : *v;
        ctx.out() << fmt::format("{} = {}    # {}\n", s.name, shown, s.meaning);
      }
      return kOk;
    }
    if (name_.empty()) throw UsageError(fmt::format("config {}: give a setting name", action_));
    const Setting& s = setting(name_);
    if (action_ == "get") {
      const auto v = ctx.store().config(name_);
      if (!v || v->empty()) throw NotFoundError(fmt::format("config: {} is not set in {}", name_, ctx.db_path().string()));
      ctx.out() << *v << '\n';
      return kOk;
    }
    if (action_ == "set" && value_.empty()) throw UsageError(fmt::format("config set {}: give a value", name_));
    if (action_ == "unset" && !value_.empty()) throw UsageError("config unset: takes a name only");
    ctx.store().set_config(name_, action_ == "set" ? value_ : std::string{});
    ctx.summary(action_ == "set" ? fmt::format("{} set{}", s.name, s.secret ? " (shown masked by `litrev config`)" : "")
                                 : fmt::format("{} unset", s.name));
    return kOk;
  }

 private:
  std::string action_;
  std::string name_;
  std::string value_;
};

}  // namespace

std::unique_ptr<Command> make_config_command() { return std::make_unique<ConfigCommand>(); }

}  // namespace litrev::cli
