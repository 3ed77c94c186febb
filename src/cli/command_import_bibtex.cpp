// litrev import bibtex FILE...: each file is one transaction; bad entries are reported with
// FILE:LINE:COL and skipped, every good entry is stored, duplicates are merged and reported.
#include <fmt/format.h>

#include <chrono>
#include <map>

#include "importers/bibtex/bibtex_import.hpp"
#include "importers/input/input_file.hpp"
#include "importers/input/sniff.hpp"
#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/diagnostic_view.hpp"
#include "src/cli/exit_codes.hpp"

namespace litrev::cli {
namespace {

struct FileReport {
  std::string file;
  std::string format;  // what input::sniff says it looks like: "bibtex", "wos-plain-text"...
  std::string encoding;
  bool unreadable = false;
  bool interrupted = false;  // Ctrl-C during this file: rolled back
  bibtex::ImportStats stats;
  // merged: records that went into a work already stored; unchanged: those of them that were
  // stored already, exactly (the same file imported again), so changed nothing.
  std::size_t added = 0, merged = 0, unchanged = 0;
  std::map<std::string, std::size_t> merged_by_rule;
  std::vector<Diagnostic> errors, warnings;
  // Plain structs, not JSON values: a 50 MB file may report 80,000 merges (20 MB as JSON).
  struct Merge {
    std::string key, into, rule;
    std::uint32_t line = 0;
  };
  std::vector<Merge> merges;
};

class ImportBibtexCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("files", files_, "BibTeX/BibLaTeX files; - reads standard input")->required()->expected(1, -1);
    sub.add_flag("--json", json_, "Print one JSON object per file: file, read, new, merged, skipped, errors...");
    sub.add_flag("--no-incomplete", no_incomplete_,
                 "Skip entries cut short by a syntax error instead of keeping the fields read before it");
  }

  int run(Context& ctx) override {
    std::size_t readable = 0, partial = 0;
    for (const auto& file : files_) {
      // Ctrl-C between two files: the files before are stored, this one and the rest are not.
      if (interrupted()) {
        ctx.error(fmt::format("{}: interrupted before this file; the files before it are stored", file));
        return kInterrupted;
      }
      FileReport report = import_one(ctx, file);
      if (report.interrupted) return kInterrupted;
      if (!report.unreadable) ++readable;
      if (report.unreadable || report.stats.skipped > 0 || !report.errors.empty()) ++partial;
      print_report(ctx, report);
    }
    if (readable == 0) return kUnreadable;
    return partial > 0 ? kPartial : kOk;
  }

 private:
  FileReport import_one(Context& ctx, const std::string& file) {
    FileReport report;
    report.file = file;
    const auto refuse = [&](Diagnostic d) {
      report.unreadable = true;
      report.errors.push_back(std::move(d));
      return report;
    };
    auto input = input::InputFile::open(file);
    if (!input) return refuse(input.error());
    // Looked at before anything is read further or stored: a WoS export, a PDF or /dev/zero is
    // refused after its first 64 KiB.
    const input::Sniffed sniffed = input::sniff(input->head());
    report.format = input::format_name(sniffed.format);
    if (sniffed.format == input::Format::empty)
      return refuse({Diagnostic::Severity::error, file, 0, 0, "", "the file is empty; nothing imported"});
    if (sniffed.format != input::Format::bibtex && sniffed.format != input::Format::text)
      return refuse({Diagnostic::Severity::error, file, 0, 0, "",
                     fmt::format("this looks like {}, not BibTeX; nothing imported", sniffed.description)});
    auto bytes = std::move(*input).read_all();
    if (!bytes) return refuse(bytes.error());
    const bibtex::BibText text = bibtex::decode_bib_input(std::move(*bytes));
    report.encoding = text.encoding;
    bibtex::ImportOptions options;
    options.keep_incomplete_entries = !no_incomplete_;
    std::vector<Diagnostic> diagnostics;
    auto batch = ctx.store().begin_import();
    const auto started = std::chrono::steady_clock::now();
    auto last_progress = started;
    try {
      report.stats = bibtex::import_bibtex(text, [&](ImportRecord&& record) {
        throw_if_cancelled();
        const AddResult added = batch.add(record);
        // The duplicate-key warning comes first (bibtex_import.hpp): say where this one went.
        if (record.duplicate_key && !added.merged && added.key != record.work.key && !record.warnings.empty())
          record.warnings.front().message += fmt::format("; this one is stored as '{}'", added.key);
        for (auto& w : record.warnings) diagnostics.push_back(std::move(w));
        if (added.merged) {
          ++report.merged;
          if (added.merged_rule == kSameSourceRule) ++report.unchanged;
          ++report.merged_by_rule[added.merged_rule];
          report.merges.push_back({record.work.key, added.key, added.merged_rule, record.source.line});
        } else {
          ++report.added;
        }
        if (ctx.show_progress()) {
          const auto now = std::chrono::steady_clock::now();
          if (now - last_progress > std::chrono::milliseconds(250)) {
            last_progress = now;
            const double secs = std::chrono::duration<double>(now - started).count();
            const std::size_t done = report.added + report.merged;
            ctx.progress(fmt::format("{}: {} entries ({:.0f}/s)", file, done, done / secs));
          }
        }
      }, diagnostics, options);
      for (const auto& preamble : report.stats.preambles) batch.add_preamble(preamble, file);
      batch.commit();
    } catch (const Cancelled&) {
      // The batch rolled back as it unwound (also when the signal came during its commit).
      ctx.end_progress();
      ctx.error(fmt::format("{}: interrupted; nothing from this file was stored", file));
      report.interrupted = true;
      return report;
    }
    ctx.end_progress();
    for (auto& d : diagnostics)
      (d.severity == Diagnostic::Severity::error ? report.errors : report.warnings).push_back(std::move(d));
    // "Not BibTeX at all": text that holds no entry (a file with only @string definitions is
    // BibTeX), or whose would-be entries all failed.
    if (report.stats.read == 0 && (sniffed.format != input::Format::bibtex || !report.errors.empty())) {
      report.unreadable = true;
      report.errors.push_back({Diagnostic::Severity::error, file, 0, 0, "",
                               sniffed.format == input::Format::bibtex
                                   ? std::string("no BibTeX entry could be read")
                                   : fmt::format("no BibTeX entry found: this looks like {}", sniffed.description)});
    }
    return report;
  }

  static nlohmann::json merges_json(const FileReport& r) {
    auto out = nlohmann::json::array();
    for (const auto& m : r.merges) out.push_back({{"key", m.key}, {"line", m.line}, {"into", m.into}, {"rule", m.rule}});
    return out;
  }

  void print_report(Context& ctx, const FileReport& r) {
    for (const auto& line : format_diagnostics(r.errors)) ctx.err() << line << '\n';
    if (!ctx.quiet())
      for (const auto& line : format_diagnostics(r.warnings)) ctx.err() << line << '\n';
    if (json_) {
      auto errors = nlohmann::json::array(), warnings = nlohmann::json::array();
      for (const auto& d : r.errors) errors.push_back(diagnostic_json(d));
      for (const auto& d : r.warnings) warnings.push_back(diagnostic_json(d));
      ctx.print_json({{"file", r.file},
                      {"format", r.format},
                      {"encoding", r.encoding},
                      {"read", r.stats.read},
                      {"new", r.added},
                      {"merged", r.merged},
                      {"unchanged", r.unchanged},
                      {"skipped", r.unreadable ? r.stats.read : r.stats.skipped},
                      {"incomplete", r.stats.incomplete},
                      {"duplicate_keys", r.stats.duplicate_keys},
                      {"errors", std::move(errors)},
                      {"warnings", std::move(warnings)},
                      {"merges", merges_json(r)},
                      {"stored", !r.unreadable}});
      return;
    }
    if (ctx.quiet() || r.unreadable) return;
    // A record already stored from this very source (the file imported again) changed nothing:
    // the summary counts it, a line each would only be noise.
    constexpr std::size_t kShownMerges = 20;
    std::size_t shown = 0, more = 0;
    for (const auto& m : r.merges) {
      if (m.rule == kSameSourceRule) continue;
      if (shown++ < kShownMerges)
        ctx.err() << fmt::format("{}:{}: merged '{}' into '{}' (same {})\n", r.file, m.line, m.key, m.into, m.rule);
      else
        ++more;
    }
    if (more > 0) ctx.err() << fmt::format("... and {} more merges (--json lists them all)\n", more);
    std::string merged;
    for (const auto& [rule, n] : r.merged_by_rule) merged += fmt::format("{}{} by {}", merged.empty() ? "" : ", ", n, rule);
    ctx.err() << fmt::format("{}: {} entries read, {} new, {} merged{}, {} skipped, {} warnings\n", r.file,
                             r.stats.read, r.added, r.merged, merged.empty() ? "" : " (" + merged + ")",
                             r.stats.skipped, r.warnings.size());
  }

  std::vector<std::string> files_;
  bool json_ = false;
  bool no_incomplete_ = false;
};

}  // namespace

std::unique_ptr<Command> make_import_bibtex_command() { return std::make_unique<ImportBibtexCommand>(); }

}  // namespace litrev::cli
