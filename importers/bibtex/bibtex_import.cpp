#include "importers/bibtex/bibtex_import.hpp"

#include <fmt/format.h>

#include <deque>
#include <functional>
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

// Where an entry starts: to parse it again.
struct Position {
  std::size_t offset;
  std::uint32_t line, column;
};

// ASCII case folding, as BibTeX compares keys: "dup" and "DUP" are one key.
inline char fold_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::size_t folded_hash(std::string_view key) {
  std::size_t h = 14695981039346656037ULL;  // FNV-1a over the folded bytes
  for (const char c : key) h = (h ^ static_cast<unsigned char>(fold_ascii(c))) * 1099511628211ULL;
  return h;
}

bool folded_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (fold_ascii(a[i]) != fold_ascii(b[i])) return false;
  return true;
}

// Entry keys -> where their first entry starts, keys compared ignoring ASCII case (BibTeX's
// rule). Looked up for every entry (duplicates) and held for the whole input, so it is a flat
// open-addressing table whose keys point into the text itself (no allocation per entry): a
// node-based map cost a tenth of the decode time.
class KeyIndex {
 public:
  explicit KeyIndex(std::string_view text) : text_(text) {
    std::size_t capacity = 64;
    // Typical files hold an entry per 500 bytes; start at half that and grow when needed.
    while (capacity * 7 / 10 < text.size() / 1000) capacity *= 2;
    slots_.resize(capacity);
  }

  struct First {
    Position at;
    std::string_view key;  // as the first entry spells it
  };

  // Adds the key of the entry at `at` unless it is there already (in any case); returns the
  // first entry with it when it was.
  std::optional<First> insert(std::string_view key, const Position& at) {
    const std::size_t h = folded_hash(key);
    if ((count_ + 1) * 10 > slots_.size() * 7) grow();
    Slot* slot = probe(key, h);
    if (slot->used) return First{slot->at, slot->key};
    *slot = {true, h, stable_view(key, at.offset), at};
    ++count_;
    return std::nullopt;
  }

  const Position* find(std::string_view key) const {
    const Slot* slot = const_cast<KeyIndex*>(this)->probe(key, folded_hash(key));
    return slot->used ? &slot->at : nullptr;
  }

 private:
  struct Slot {
    bool used = false;
    std::size_t hash = 0;
    std::string_view key;
    Position at{};
  };

  Slot* probe(std::string_view key, std::size_t h) {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (!slot.used || (slot.hash == h && folded_equal(slot.key, key))) return &slot;
    }
  }

  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const auto& slot : old)
      if (slot.used) *probe(slot.key, slot.hash) = slot;
  }

  // The key as written in the text near its entry's '@', else a copy kept here.
  std::string_view stable_view(std::string_view key, std::size_t entry_offset) {
    const std::string_view near = text_.substr(std::min(entry_offset, text_.size()), key.size() + 256);
    if (const auto at = near.find(key); at != std::string_view::npos) return near.substr(at, key.size());
    return owned_.emplace_back(key);
  }

  std::string_view text_;
  std::vector<Slot> slots_;
  std::size_t count_ = 0;
  std::deque<std::string> owned_;
};

class Importer {
 public:
  Importer(std::string_view text, std::string_view source, const RecordSink& sink,
           std::vector<Diagnostic>& diagnostics, const ImportOptions& options, ImportStats& stats)
      : text_(text), source_(source), sink_(sink), diagnostics_(diagnostics), options_(options), stats_(stats),
        keys_(text) {}

  void run() {
    EntrySink es;
    es.entry = [this](RawEntry&& e) { on_entry(std::move(e)); };
    es.preamble = [this](Preamble&& p) { stats_.preambles.push_back(std::move(p.value)); };
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
  // The first entry with the key of a later one.
  struct DuplicateOf {
    std::uint32_t line;
    std::string key;  // its spelling, when it differs from the later one's (case)
  };

  struct Deferred {
    Position at;
    std::optional<DuplicateOf> duplicate_of;
  };

  void on_entry(RawEntry&& e) {
    ++stats_.read;
    if (!e.complete) {
      // Cut short before any field could be read: there is nothing of it to keep, only its key,
      // and a record with a key alone would be half a record. The parser reported the error.
      if (e.fields.empty()) {
        ++stats_.skipped;
        return;
      }
      ++stats_.incomplete;  // kept with the fields read before the error (the parser dropped it otherwise)
    }
    std::optional<DuplicateOf> duplicate_of;
    if (!e.key.empty()) {
      if (auto first = keys_.insert(e.key, {e.offset, e.line, e.column}))
        duplicate_of = DuplicateOf{first->at.line, first->key == e.key ? std::string() : std::string(first->key)};
    }
    if (inherits(e)) {
      ++stats_.inheriting;
      deferred_.push_back({{e.offset, e.line, e.column}, duplicate_of});
      return;
    }
    emit(std::move(e), {}, duplicate_of, {});
  }

  void emit(RawEntry&& e, std::span<const RawField> inherited, const std::optional<DuplicateOf>& duplicate_of,
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
      d.message = duplicate_of->key.empty()
                      ? fmt::format("duplicate key '{}': the entry on line {} has it too; both are kept", key,
                                    duplicate_of->line)
                      : fmt::format("duplicate key '{}': the entry on line {} has it as '{}' (BibTeX ignores case "
                                    "in keys); both are kept",
                                    key, duplicate_of->line, duplicate_of->key);
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
    const Position* at = keys_.find(key);
    return at ? cached(*at) : nullptr;
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
  KeyIndex keys_;
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

input::ParseCounts parse_bibtex_file(const BibText& text, const RecordSink& sink, std::vector<Diagnostic>& diagnostics,
                                     const ImportOptions& options) {
  ImportStats stats = import_bibtex(text, sink, diagnostics, options);
  input::ParseCounts counts;
  counts.read = stats.read;
  counts.skipped = stats.skipped;
  counts.extra = {{"incomplete", stats.incomplete}, {"duplicate_keys", stats.duplicate_keys}};
  counts.preambles = std::move(stats.preambles);
  return counts;
}

std::vector<ImportRecord> import_bibtex_records(std::string_view utf8_text, std::string_view source,
                                                std::vector<Diagnostic>& diagnostics, const ImportOptions& options) {
  std::vector<ImportRecord> records;
  import_bibtex_string(utf8_text, source, [&](ImportRecord&& r) { records.push_back(std::move(r)); }, diagnostics,
                       options);
  return records;
}

}  // namespace litrev::bibtex
