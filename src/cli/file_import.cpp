#include "src/cli/file_import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <variant>

#include "importers/input/input_file.hpp"
#include "importers/input/text_decoding.hpp"
#include "src/cli/diagnostic_view.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/import_tally.hpp"

namespace litrev::cli {
namespace {

struct FileReport {
  std::string file;
  std::string format;  // what input::sniff says it looks like: "bibtex", "wos-plain-text"...
  const FileFormat* read_as = nullptr;
  std::string encoding;
  bool unreadable = false;
  bool interrupted = false;  // Ctrl-C during this file: rolled back
  input::ParseCounts counts;
  ImportTally tally;
  std::vector<Diagnostic> errors, warnings;
  // Plain structs, not JSON values: a 50 MB file may report 80,000 merges (20 MB as JSON).
  struct Merge {
    std::string key, into, rule;
    std::uint32_t line = 0;
  };
  std::vector<Merge> merges;
};

std::string plural(std::string_view noun) {
  return noun.ends_with('y') ? std::string(noun.substr(0, noun.size() - 1)) + "ies" : std::string(noun) + "s";
}

bool reads(const std::vector<input::Format>& formats, input::Format f) {
  return std::find(formats.begin(), formats.end(), f) != formats.end();
}

// The parser for a file that looks like `sniffed`, or the message that refuses it.
std::variant<const FileFormat*, std::string> choose_format(const input::Sniffed& sniffed, const std::string& file,
                                                           const FileFormat* forced) {
  if (sniffed.format == input::Format::empty) return std::string("the file is empty; nothing imported");
  const FileFormat* detected = file_format_for(sniffed.format);
  if (forced) {
    if (reads(forced->formats, sniffed.format) || reads(forced->when_forced, sniffed.format)) return forced;
    std::string message = fmt::format("this looks like {}, not {}; nothing imported", sniffed.description, forced->label);
    if (detected) message += fmt::format(" (`litrev import {}` reads it)", file);
    return message;
  }
  if (detected) return detected;
  std::string names;
  for (const auto& f : file_formats()) names += (names.empty() ? "" : "|") + std::string(f.name);
  if (sniffed.format == input::Format::text || sniffed.format == input::Format::csv)
    return fmt::format("cannot tell which bibliographic format this is ({}); nothing imported. If you know, name it: "
                       "litrev import {} {}",
                       sniffed.description, names, file);
  return fmt::format("this looks like {}, which litrev does not import; nothing imported", sniffed.description);
}

class FileImporter {
 public:
  FileImporter(Context& ctx, const FileImportOptions& options) : ctx_(ctx), options_(options) {}

  FileReport import_one(const std::string& file) {
    FileReport report;
    report.file = file;
    const auto refuse = [&](Diagnostic d) {
      report.unreadable = true;
      report.errors.push_back(std::move(d));
      return report;
    };
    const auto error = [&](std::string message) {
      return Diagnostic{Diagnostic::Severity::error, file, 0, 0, "", std::move(message)};
    };
    auto input = input::InputFile::open(file);
    if (!input) return refuse(input.error());
    // Looked at before anything is read further or stored: a PDF or /dev/zero is refused after
    // its first 64 KiB.
    const input::Sniffed sniffed = input::sniff(input->head());
    report.format = input::format_name(sniffed.format);
    const auto chosen = choose_format(sniffed, file, options_.forced);
    if (const auto* message = std::get_if<std::string>(&chosen)) return refuse(error(*message));
    const FileFormat& format = *std::get<const FileFormat*>(chosen);
    report.read_as = &format;
    auto bytes = std::move(*input).read_all();
    if (!bytes) return refuse(bytes.error());
    const input::DecodedText text = input::decode_text_input(std::move(*bytes));
    report.encoding = text.encoding;
    const input::FileParser parse = format.make_parser(options_.parser);
    std::vector<Diagnostic> diagnostics;
    auto batch = ctx_.store().begin_import();
    started_ = last_progress_ = std::chrono::steady_clock::now();
    try {
      report.counts = parse(text, [&](ImportRecord&& record) { store(batch, record, report, diagnostics); },
                            diagnostics);
      for (const auto& preamble : report.counts.preambles) batch.add_preamble(preamble, file);
      batch.commit();
    } catch (const Cancelled&) {
      // The batch rolled back as it unwound (also when the signal came during its commit).
      ctx_.end_progress();
      ctx_.error(fmt::format("{}: interrupted; nothing from this file was stored", file));
      report.interrupted = true;
      return report;
    }
    ctx_.end_progress();
    for (auto& d : diagnostics)
      (d.severity == Diagnostic::Severity::error ? report.errors : report.warnings).push_back(std::move(d));
    // Not this format at all: text that holds no record (a BibTeX file with only @string
    // definitions is BibTeX), or whose would-be records all failed.
    if (report.counts.read == 0 && (!reads(format.formats, sniffed.format) || !report.errors.empty())) {
      report.unreadable = true;
      report.errors.push_back(error(reads(format.formats, sniffed.format)
                                        ? fmt::format("no {} {} could be read", format.label, format.record)
                                        : fmt::format("no {} {} found: this looks like {}", format.label,
                                                      format.record, sniffed.description)));
    }
    return report;
  }

  void print_report(const FileReport& r) {
    for (const auto& line : format_diagnostics(r.errors)) ctx_.err() << line << '\n';
    if (!ctx_.quiet())
      for (const auto& line : format_diagnostics(r.warnings)) ctx_.err() << line << '\n';
    if (options_.json) {
      print_json(r);
      return;
    }
    if (ctx_.quiet() || r.unreadable) return;
    // A record already stored from this very source (the file imported again) changed nothing:
    // the summary counts it, a line each would only be noise.
    constexpr std::size_t kShownMerges = 20;
    std::size_t shown = 0, more = 0;
    for (const auto& m : r.merges) {
      if (m.rule == kSameSourceRule) continue;
      if (shown++ < kShownMerges)
        // RIS, WoS and Scopus records have no key of their own.
        ctx_.err() << fmt::format("{}:{}: merged {}into '{}' (same {})\n", r.file, m.line,
                                  m.key.empty() ? "" : fmt::format("'{}' ", m.key), m.into, m.rule);
      else
        ++more;
    }
    if (more > 0) ctx_.err() << fmt::format("... and {} more merges (--json lists them all)\n", more);
    // Guessed formats are named, so that a wrong guess shows.
    const std::string read_as = options_.forced ? std::string() : fmt::format(" {},", input::describe(format_of(r)));
    ctx_.err() << fmt::format("{}:{} {} {} read, {} new, {} merged{}, {} skipped, {} warnings\n", r.file, read_as,
                              r.counts.read, plural(r.read_as->record), r.tally.added, r.tally.merged,
                              r.tally.merged_detail(), r.counts.skipped, r.warnings.size());
  }

 private:
  static input::Format format_of(const FileReport& r) {
    for (const auto f : r.read_as->formats)
      if (input::format_name(f) == r.format) return f;
    return r.read_as->formats.front();
  }

  void store(Store::ImportBatch& batch, ImportRecord& record, FileReport& report, std::vector<Diagnostic>& diagnostics) {
    throw_if_cancelled();
    const AddResult added = batch.add(record);
    // The duplicate-key warning comes first (bibtex_import.hpp): say where this one went.
    if (record.duplicate_key && !added.merged && added.key != record.work.key && !record.warnings.empty())
      record.warnings.front().message += fmt::format("; this one is stored as '{}'", added.key);
    for (auto& w : record.warnings) diagnostics.push_back(std::move(w));
    report.tally.count(added);
    if (added.merged) report.merges.push_back({record.work.key, added.key, added.merged_rule, record.source.line});
    if (!ctx_.show_progress()) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_progress_ < std::chrono::milliseconds(250)) return;
    last_progress_ = now;
    const double secs = std::chrono::duration<double>(now - started_).count();
    const std::size_t done = report.tally.added + report.tally.merged;
    ctx_.progress(fmt::format("{}: {} {} ({:.0f}/s)", report.file, done, plural(report.read_as->record), done / secs));
  }

  void print_json(const FileReport& r) {
    auto errors = nlohmann::json::array(), warnings = nlohmann::json::array(), merges = nlohmann::json::array();
    for (const auto& d : r.errors) errors.push_back(diagnostic_json(d));
    for (const auto& d : r.warnings) warnings.push_back(diagnostic_json(d));
    for (const auto& m : r.merges) merges.push_back({{"key", m.key}, {"line", m.line}, {"into", m.into}, {"rule", m.rule}});
    nlohmann::json out = {{"file", r.file},
                          {"format", r.format},
                          {"read_as", r.read_as ? nlohmann::json(r.read_as->name) : nlohmann::json(nullptr)},
                          {"encoding", r.encoding},
                          {"read", r.counts.read},
                          {"new", r.tally.added},
                          {"merged", r.tally.merged},
                          {"unchanged", r.tally.unchanged},
                          {"skipped", r.unreadable ? r.counts.read : r.counts.skipped}};
    for (const auto& [name, n] : r.counts.extra) out[name] = n;
    out["errors"] = std::move(errors);
    out["warnings"] = std::move(warnings);
    out["merges"] = std::move(merges);
    out["stored"] = !r.unreadable;
    ctx_.print_json(out);
  }

  Context& ctx_;
  const FileImportOptions& options_;
  std::chrono::steady_clock::time_point started_, last_progress_;
};

}  // namespace

int import_files(Context& ctx, const std::vector<std::string>& files, const FileImportOptions& options) {
  FileImporter importer(ctx, options);
  std::size_t readable = 0, partial = 0;
  for (const auto& file : files) {
    // Ctrl-C between two files: the files before are stored, this one and the rest are not.
    if (interrupted()) {
      ctx.error(fmt::format("{}: interrupted before this file; the files before it are stored", file));
      return kInterrupted;
    }
    const FileReport report = importer.import_one(file);
    if (report.interrupted) return kInterrupted;
    if (!report.unreadable) ++readable;
    if (report.unreadable || report.counts.skipped > 0 || !report.errors.empty()) ++partial;
    importer.print_report(report);
  }
  if (readable == 0) return kUnreadable;
  return partial > 0 ? kPartial : kOk;
}

}  // namespace litrev::cli
