// litrev set KEY FIELD VALUE / litrev unset KEY FIELD [--hide]: the user's corrections of a
// work's fields, kept by the store as the work's "user" source record (see Store::set_field).
#include <fmt/format.h>

#include <iostream>
#include <iterator>

#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/core/suggest.hpp"
#include "src/core/text.hpp"
#include "src/core/work_fields.hpp"

namespace litrev::cli {
namespace {

std::string field_list() {
  std::vector<std::string_view> names;
  for (const auto& f : work_fields()) names.push_back(f.name);
  return fmt::format("{}", fmt::join(names, ", "));
}

const WorkFieldSpec& field_named(const std::string& name) {
  if (const auto* spec = find_work_field(name)) return *spec;
  const auto near = closest_matches(ascii_lower(name), work_field_names());
  throw UsageError(fmt::format("'{}' is not a field litrev can set{} Fields: {}", name,
                               near.empty() ? "." : "; did you mean " + quoted_alternatives(near) + "?", field_list()));
}

nlohmann::json change_json(const FieldChange& c, bool hidden) {
  auto value = [](const std::string& v) { return v.empty() ? nlohmann::json(nullptr) : nlohmann::json(v); };
  return {{"key", c.key}, {"field", c.field}, {"before", value(c.before)}, {"after", value(c.after)},
          {"changed", c.changed()}, {"hidden", hidden}};
}

std::string shown(const std::string& v) { return v.empty() ? "(empty)" : "'" + v + "'"; }

// KEY FIELD and --json: what set and unset share.
struct FieldArguments {
  std::string key, field;
  bool json = false;
  void declare(CLI::App& sub) {
    sub.add_option("key", key, "Key of the work")->required();
    sub.add_option("field", field, "Field: " + field_list())->required();
    sub.add_flag("--json", json, "Print the field's value before and after as JSON");
  }
};

class SetCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    args_.declare(sub);
    sub.add_option("value", value_, "The value (- reads it from stdin); identifiers and keywords: separated by ;")
        ->required()
        ->expected(1, -1);
    sub.footer(
        "BibTeX names (journal, address, language, issue...) work too. The value is checked as an import would "
        "check it and kept as your own source record of the work: `show` names it, exports, search and dedup use "
        "it, and no later import of any source changes it. `litrev unset KEY FIELD` gives back the sources' value; "
        "`litrev unset KEY FIELD --hide` empties a field. Authors and editors cannot be set yet.");
  }

  int run(Context& ctx) override {
    const WorkFieldSpec& spec = field_named(args_.field);
    std::string raw;
    if (value_.size() == 1 && value_[0] == "-") raw.assign(std::istreambuf_iterator<char>(std::cin), {});
    else
      for (const auto& part : value_) raw += (raw.empty() ? "" : " ") + part;
    const auto value = normalize_work_field(spec, raw);
    if (!value) throw UsageError(fmt::format("{}: {}", spec.name, value.error()));
    const FieldChange change = ctx.store().set_field(args_.key, std::string(spec.name), *value);
    if (args_.json) ctx.print_json(change_json(change, false));
    else
      ctx.summary(change.changed()
                      ? fmt::format("{}: {} {} -> {} (set by you)", change.key, change.field, shown(change.before), shown(change.after))
                      : fmt::format("{}: {} is {} already (now set by you)", change.key, change.field, shown(change.after)));
    return kOk;
  }

 private:
  FieldArguments args_;
  std::vector<std::string> value_;
};

class UnsetCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    args_.declare(sub);
    sub.add_flag("--hide", hide_, "Hide the field whatever the sources say (until a plain unset)");
    sub.footer(
        "Without --hide: forgets your value (litrev set) or your hiding, and the value the sources gave comes "
        "back. With --hide: the field stays empty, even after later imports.");
  }

  int run(Context& ctx) override {
    const WorkFieldSpec& spec = field_named(args_.field);
    auto& store = ctx.store();
    const std::string name(spec.name);
    const FieldChange change = hide_ ? store.hide_field(args_.key, name) : store.unset_field(args_.key, name);
    if (args_.json) {
      ctx.print_json(change_json(change, hide_));
    } else if (hide_) {
      ctx.summary(fmt::format("{}: {} hidden (was {})", change.key, change.field, shown(change.before)));
    } else if (change.changed()) {
      ctx.summary(fmt::format("{}: {} {} -> {} (the sources' value)", change.key, change.field, shown(change.before),
                              shown(change.after)));
    } else {
      ctx.summary(fmt::format("{}: {} has no value of yours; nothing changed{}", change.key, change.field,
                              change.before.empty() ? "" : " (use --hide to hide the sources' value)"));
    }
    return kOk;
  }

 private:
  FieldArguments args_;
  bool hide_ = false;
};

}  // namespace

std::unique_ptr<Command> make_set_command() { return std::make_unique<SetCommand>(); }
std::unique_ptr<Command> make_unset_command() { return std::make_unique<UnsetCommand>(); }

}  // namespace litrev::cli
