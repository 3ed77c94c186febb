#include "importers/bibtex/bibtex_import.hpp"

#include <optional>
#include <unordered_map>
#include <utility>

#include "importers/bibtex/bibtex_records.hpp"
#include "importers/bibtex/parser.hpp"
#include "src/core/text.hpp"

namespace litrev::bibtex {
namespace {

bool inherits(const RawEntry& e) {
  for (const auto& f : e.fields)
    if ((f.name == "crossref" || f.name == "xdata") && !trim(f.value).empty()) return true;
  return false;
}

class Importer {
 public:
  Importer(std::string_view text, std::string_view source, const RecordSink& sink,
           std::vector<Diagnostic>& diagnostics, const ImportOptions& options, ImportStats& stats)
      : text_(text), source_(source), sink_(sink), diagnostics_(diagnostics), options_(options), stats_(stats) {}

  void run() {
    EntrySink es;
    es.entry = [this](RawEntry&& e) { on_entry(std::move(e)); };
    ParseOptions po;
    po.macros = &macros_;
    po.keep_incomplete_entries = options_.keep_incomplete_entries;
    po.max_diagnostics = options_.max_diagnostics;
    const ParseStats ps = parse_bibtex(text_, source_, es, diagnostics_, po);
    stats_.skipped += ps.skipped_entries;
    stats_.errors += ps.errors;
    stats_.warnings += ps.warnings;
    resolve_deferred();
  }

 private:
  // Where an entry starts: to parse it again.
  struct Position {
    std::size_t offset;
    std::uint32_t line, column;
  };
  struct KeyInfo {
    Position at;
  };
  struct Deferred {
    Position at;
    std::optional<std::uint32_t> duplicate_of;  // line of the first entry with this key
  };

  void on_entry(RawEntry&& e) {
    ++stats_.read;
    if (!e.complete) ++stats_.incomplete;  // the parser dropped it already unless kept
    std::optional<std::uint32_t> duplicate_of;
    if (!e.key.empty()) {
      auto [it, inserted] = keys_.try_emplace(e.key, KeyInfo{{e.offset, e.line, e.column}});
      if (!inserted) duplicate_of = it->second.at.line;
    }
    if (inherits(e)) {
      ++stats_.inheriting;
      deferred_.push_back({{e.offset, e.line, e.column}, duplicate_of});
      return;
    }
    emit(std::move(e), {}, duplicate_of, {});
  }

  void emit(RawEntry&& e, std::span<const RawField> inherited, std::optional<std::uint32_t> duplicate_of,
            std::vector<Diagnostic>&& inherit_warnings) {
    const std::string key = duplicate_of ? e.key : std::string();
    const std::uint32_t line = e.line, column = e.column;
    ImportRecord rec = make_import_record(std::move(e), inherited, source_);
    for (auto& w : inherit_warnings) rec.warnings.push_back(std::move(w));
    if (duplicate_of) {
      ++stats_.duplicate_keys;
      rec.duplicate_key = true;
      Diagnostic d;
      d.severity = Diagnostic::Severity::warning;
      d.source = std::string(source_);
      d.line = line;
      d.column = column;
      d.message = "duplicate key '" + key + "': the entry on line " + std::to_string(*duplicate_of) +
                  " has it too; both are kept";
      rec.warnings.insert(rec.warnings.begin(), std::move(d));
    }
    stats_.warnings += rec.warnings.size();
    ++stats_.records;
    sink_(std::move(rec));
  }

  // Parses the one entry that starts at `at`, with the macros of the whole file. Its
  // diagnostics were reported by the first pass already. The parse runs on the text from that
  // offset on (so it costs the entry, not the file before it) and positions are shifted back.
  std::optional<RawEntry> reparse(const Position& at) {
    std::optional<RawEntry> out;
    EntrySink es;
    es.entry = [&out](RawEntry&& e) { out = std::move(e); };
    ParseOptions po;
    po.macros = &macros_;
    po.max_entries = 1;
    po.keep_incomplete_entries = true;
    std::vector<Diagnostic> repeated;
    parse_bibtex(text_.substr(at.offset), source_, es, repeated, po);
    if (out) {
      auto shift = [&](std::uint32_t& line, std::uint32_t& column) {
        if (line == 1) column += at.column - 1;
        line += at.line - 1;
      };
      shift(out->line, out->column);
      for (auto& f : out->fields) shift(f.line, f.column);
      out->offset += at.offset;
    }
    return out;
  }

  const RawEntry* find_parent(std::string_view key) {
    auto it = keys_.find(std::string(key));
    if (it == keys_.end()) {
      // BibTeX matches crossref keys ignoring case.
      if (folded_keys_.empty()) {
        for (const auto& [k, info] : keys_) folded_keys_.try_emplace(ascii_lower(k), info);
      }
      auto f = folded_keys_.find(ascii_lower(key));
      if (f == folded_keys_.end()) return nullptr;
      return cached(f->second.at);
    }
    return cached(it->second.at);
  }

  const RawEntry* cached(const Position& at) {
    if (auto c = parents_.find(at.offset); c != parents_.end()) return &c->second;
    auto e = reparse(at);
    if (!e) return nullptr;
    return &parents_.emplace(at.offset, std::move(*e)).first->second;
  }

  void resolve_deferred() {
    const EntryLookup lookup = [this](std::string_view key) { return find_parent(key); };
    for (const auto& d : deferred_) {
      auto child = reparse(d.at);
      if (!child) continue;  // cannot happen: it was read at this offset before
      std::vector<Diagnostic> warnings;
      const auto inherited = inherited_fields(*child, lookup, warnings, source_);
      emit(std::move(*child), inherited, d.duplicate_of, std::move(warnings));
      // Bound the parent cache on inputs with very many distinct parents.
      if (parents_.size() > 4096) parents_.clear();
    }
  }

  std::string_view text_;
  std::string_view source_;
  const RecordSink& sink_;
  std::vector<Diagnostic>& diagnostics_;
  const ImportOptions& options_;
  ImportStats& stats_;
  MacroTable macros_;
  std::unordered_map<std::string, KeyInfo> keys_;
  std::unordered_map<std::string, KeyInfo> folded_keys_;
  std::vector<Deferred> deferred_;
  std::unordered_map<std::size_t, RawEntry> parents_;
};

}  // namespace

ImportStats import_bibtex_string(std::string_view utf8_text, std::string_view source, const RecordSink& sink,
                                 std::vector<Diagnostic>& diagnostics, const ImportOptions& options) {
  ImportStats stats;
  stats.source = std::string(source);
  stats.encoding = "utf-8";
  Importer(utf8_text, source, sink, diagnostics, options, stats).run();
  return stats;
}

ImportStats import_bibtex(const BibText& text, const RecordSink& sink, std::vector<Diagnostic>& diagnostics,
                          const ImportOptions& options) {
  for (const auto& w : text.warnings) diagnostics.push_back(w);
  ImportStats stats = import_bibtex_string(text.text, text.source, sink, diagnostics, options);
  stats.encoding = text.encoding;
  stats.warnings += text.warnings.size();
  return stats;
}

std::vector<ImportRecord> import_bibtex_records(std::string_view utf8_text, std::string_view source,
                                                std::vector<Diagnostic>& diagnostics, const ImportOptions& options) {
  std::vector<ImportRecord> records;
  import_bibtex_string(utf8_text, source, [&](ImportRecord&& r) { records.push_back(std::move(r)); }, diagnostics,
                       options);
  return records;
}

}  // namespace litrev::bibtex
