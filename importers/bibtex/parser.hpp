#pragma once
// The BibTeX/BibLaTeX parser: UTF-8 text in, RawEntry values out (one at a time, through a
// sink, so a 500 MB file never has all its entries in memory), plus diagnostics. A pure
// function: no I/O, no printing; getting the text (mmap, encodings) is bib_text.hpp's job.
//
// What it reads, as BibTeX and btparse/biber read it:
//  - `@type{key, name = value, ...}` and `@type(key, ...)`; types and field names are
//    case-insensitive (both lower-cased in the output); whitespace (newlines included) is
//    allowed between all tokens, also between '@' and the type.
//  - Keys: everything up to ',', whitespace, '=' or the closing delimiter (ADS bibcodes
//    "1973A&A....24..337S", WoS " ISI:000...", Arabic/CJK letters). A key may be empty
//    (`@misc{,title=...}`), an entry may have no fields (`@foo{}`, `@misc{key}`), a trailing
//    comma is fine.
//  - Field names: BibTeX's identifier characters plus '(' ')' and '@' (so "author+an",
//    "usage-count-(last-180-days)", "web:abc" all work). Several such words on one line
//    before the '=' are one name, as Web of Science writes some ("Early Access Date = {JAN
//    2020}" -> field "early access date", blanks collapsed to one space); BibTeX itself
//    cannot read such a name, so an exporter has to rename it.
//  - Values: {nested {braces}}, "quotes with {"} inside", bare numbers, macro names, and
//    `#` concatenation of any of these. RawField.value is the value after macro expansion
//    and concatenation, outer delimiters removed, inner braces and LaTeX verbatim:
//    `{The {SQL} Book}` -> `The {SQL} Book`, `"a {"} b"` -> `a {"} b`.
//    '%' is NOT a comment inside a value (`{5\% off}`, `{50%}` stay as written).
//  - Whitespace: see Spacing in parser_spacing.hpp: collapsed to single spaces and trimmed
//    (BibTeX's rule), except in ParseOptions::line_break_fields (cited-references,
//    abstract, note...), which keep their line breaks.
//  - `@string{name = value}` defines a macro (case-insensitive; a value may use earlier
//    macros; `@string{a = "x", b = "y"}` defines both). Months jan..dec are predefined as
//    "January".."December" (see MacroTable). An unknown macro is a warning and its name is
//    kept as the value text, as BibTeX does; the entry stays good.
//  - `@preamble{...}`: handed to EntrySink::preamble (line breaks kept).
//  - `@comment{...}` / `@comment(...)`: the balanced block is ignored, even if it holds an
//    `@article{...}` (btparse's reading; JabRef keeps its `jabref-meta:` data there, so the
//    text goes to EntrySink::comment). `@comment` without a delimiter ignores the rest of its
//    line. A block that never closes ignores only its first line (warning).
//  - Text between entries is ignored, as BibTeX ignores everything outside an '@' entry;
//    a '@' after a '%' on the same line is commented out (`% @misc{old,...}`), as JabRef and
//    Better BibTeX read it. '%' comments are also skipped where a field name, ',' or '='
//    is expected (`year = 2020,  % note`): no valid BibTeX has a '%' there.
//  - Duplicate keys and duplicate fields are all passed on: the record layer decides.
//
// Positions: lines are 1-based; columns are 1-based and count Unicode code points (what an
// editor shows), not bytes. RawEntry::line/column are those of its '@', RawEntry::offset the
// byte offset of that '@' in the text (to re-parse one entry later with
// ParseOptions::start_offset); RawField::line/column are those of the field name.
//
// Errors and recovery. Nothing stops the parse: every problem is a Diagnostic with line,
// column, the field concerned when known, and a message naming the entry by its key.
//  Warnings (the entry is complete; nothing is lost):
//   - missing ',' between two fields, or after the key, when what follows is `name =`;
//   - an entry not closed before the next line that starts an entry (`@type{`): its fields
//     are all complete, the missing '}' is reported where the next entry starts;
//   - `name = ,` (no value): read as an empty value;
//   - a key with spaces before its comma (`@article{Conference paper2022775,`): kept whole;
//   - `{D\}ead}`: when BibTeX's literal brace count leaves junk after a value but reading
//     `\{` `\}` as escaped braces (as LaTeX does) ends it cleanly, that reading is taken;
//   - unknown macro (once per macro name); `=` right after the "key" (`@article(foo=bar)`):
//     no key, `foo` is the first field; a @preamble that is raw TeX rather than a value.
//  Errors (the entry is handed over with complete == false -- or dropped when
//  ParseOptions::keep_incomplete_entries is false -- holding every field that could be read):
//   - a field that cannot be read (no field name, missing '=', no value, junk after a
//     value): the field is dropped and parsing skips to the next line that starts with
//     `name =` (or with the entry's closing '}' alone, or with '@'), so later fields are kept;
//   - a value whose braces do not balance. Three shapes, each found without reading past
//     the next entry: (a) the value runs into the next entry header (a line `@type{` while
//     a brace is open: a field value never holds one) or to the end of the file; (b) it is
//     closed only by the entry's own closing brace, and the entry then lacks one; (c) as (a)
//     or (b), with a line inside the value that starts `name =` right after a line ending in
//     ',': the value ran into the following fields. In (c) only the broken field is dropped
//     and the fields after it are read; in (a) and (b) the rest of the entry is lost and
//     parsing resumes at the next entry (like btparse);
//   - end of file inside an entry (a truncated file);
//   - '@word' at the start of a line without '{' or '(' (the entry is skipped, counted in
//     ParseStats::skipped_entries);
//   - errors inside @string/@preamble skip them (a macro stays undefined).
//  Messages read like this (FILE:LINE:COL: severity: is added by whoever prints them):
//    expected '=' after field name 'author' in entry 'x', found '💯'; skipped to the next field
//    unbalanced braces in field 'title' of entry 'x': '{' is not closed before the next entry
//      (line 52); rest of the entry skipped
//  Diagnostics point at the problem: the opening brace of an unbalanced value, the
//  character found where another was expected.
//  Cost stays linear on any input: once a value or a @comment has run to the end of the
//  file, later unclosed ones stop at the next line that starts with '@' (lex::Runaway).
//
// Limits. Hostile input must not make the parse (or what is built from it) unbounded, so three
// limits are errors, each naming the file, the line and the limit; the value concerned is
// dropped (a field: the entry is handed over with complete == false and its other fields; an
// @string: the macro stays undefined; a @preamble: skipped) and parsing goes on after it:
//   - braces nested deeper than 100 levels inside one value (10^5 nested braces);
//   - a value that takes more than 1 MiB of text from @string macros (a macro bomb: 12 nested
//     doublings of a 500-byte file made 2.6 GB);
//   - macros that have added more than 16 MiB, or 4 times the size of the text if that is more,
//     to the values of one file (one 1 MiB macro used in every entry). Counted in the
//     MacroTable, so re-parsing entries with the same table counts against the same limit.
//  Messages:
//    braces in field 'title' of entry 'x' are nested 99999 levels deep (limit: 100); field dropped
//    @string macros expand @string 'a17' to more than 1 MiB (limit: 1 MiB per value); macro left
//      undefined
//    @string macros have added more than 16 MiB to the values of this file (limit: 16 MiB, or 4
//      times the file's size if that is more); field dropped
//  The input as a whole is limited by input::InputFile (1 GiB).

#include "importers/bibtex/parser_macros.hpp"
#include "importers/bibtex/parser_spacing.hpp"
#include "importers/bibtex/raw_entry.hpp"
#include "src/core/record.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace litrev::bibtex {

// Limits (see "Limits" above). Real files stay far below them: the deepest braces in the
// 135 files of the shared corpus are 28 levels (a Better BibTeX test file), the longest @string
// value is a few hundred bytes, and macros add at most 0.64 times the file's size (tugboat.bib,
// 1.7 MB of macro text in 2.7 MB). A hostile file is held to 16 MiB of macro text, which a
// library stores about three times (value, original field, search index).
inline constexpr std::size_t kMaxBraceDepth = 100;
inline constexpr std::size_t kMaxMacroBytesPerValue = std::size_t{1} << 20;  // 1 MiB
inline constexpr std::size_t kMinMacroBytesPerFile = std::size_t{16} << 20;  // 16 MiB
inline constexpr std::size_t kMacroBytesPerInputByte = 4;

struct Preamble {
  std::string value;  // after concatenation and macro expansion, line breaks kept
  std::uint32_t line = 0, column = 0;
  std::size_t offset = 0;
};

struct Comment {
  std::string text;  // the block's content verbatim (delimiters removed), or the rest of the line
  std::uint32_t line = 0, column = 0;
  std::size_t offset = 0;
};

struct MacroDefinition {
  std::string name;   // as written
  std::string value;  // expanded
  std::uint32_t line = 0, column = 0;
  std::size_t offset = 0;
};

// Where parse_bibtex hands what it reads. Only `entry` is needed; the others may be empty.
// Each object is handed over as an rvalue: move from it freely. The parser reuses the
// storage of what is left (not moved) for the next entry, so a sink that only reads the
// entry costs no allocation per entry.
struct EntrySink {
  std::function<void(RawEntry&&)> entry;
  std::function<void(Preamble&&)> preamble;
  std::function<void(Comment&&)> comment;
  std::function<void(MacroDefinition&&)> macro;
};

struct ParseOptions {
  // Fields whose line breaks are kept (lower case); see Spacing.
  std::span<const std::string_view> line_break_fields = default_line_break_fields();
  // Hand entries cut short by an error to the sink (with complete == false) instead of
  // dropping them. Either way the error is reported.
  bool keep_incomplete_entries = true;
  // Diagnostics beyond this many are counted in ParseStats but not stored (a binary file
  // of 500 MB must not make millions); a last warning says how many were left out.
  std::size_t max_diagnostics = 10000;
  // Macro table to use and fill (e.g. to re-parse one entry later with the macros of the
  // whole file). nullptr: a fresh table with the month macros.
  MacroTable* macros = nullptr;
  // Start at this byte offset (e.g. RawEntry::offset of an entry read earlier); positions
  // stay those of the whole text, which costs a count of the newlines before the offset.
  // To re-parse many entries of a big file, pass text.substr(offset) instead and add the
  // entry's known line/column to the positions.
  std::size_t start_offset = 0;
  // Stop after this many regular entries (0: no limit).
  std::size_t max_entries = 0;
  // Limits against hostile input (see "Limits" above).
  std::size_t max_brace_depth = kMaxBraceDepth;
  std::size_t max_macro_bytes_per_value = kMaxMacroBytesPerValue;
  // 0: the larger of kMinMacroBytesPerFile and kMacroBytesPerInputByte times the text's size.
  std::size_t max_macro_bytes_per_file = 0;
};

struct ParseStats {
  std::size_t entries = 0;             // regular entries handed to the sink
  std::size_t macro_bytes = 0;         // text copied into values from @string macros
  std::size_t incomplete_entries = 0;  // of those, how many have complete == false
  std::size_t skipped_entries = 0;     // entries dropped because of an error
  std::size_t fields = 0;              // fields in the entries handed over
  std::size_t macros = 0;              // @string definitions read
  std::size_t unknown_macro_uses = 0;  // uses of undefined macros (each name is reported once)
  std::size_t preambles = 0;
  std::size_t comments = 0;
  std::size_t errors = 0;      // error diagnostics raised (including any not stored)
  std::size_t warnings = 0;    // warning diagnostics raised (including any not stored)
  std::size_t end_offset = 0;  // where parsing stopped: the text size, or after max_entries
};

// Parses utf8_text (BibTeX/BibLaTeX, UTF-8 without BOM: see bib_text.hpp). Every entry goes
// to sink.entry in file order; diagnostics are appended to `diagnostics` with
// source = source_name. Invalid UTF-8 does no harm: bytes are passed through as they are.
ParseStats parse_bibtex(std::string_view utf8_text, std::string_view source_name, const EntrySink& sink,
                        std::vector<Diagnostic>& diagnostics, const ParseOptions& options = {});

// Convenience for tests and small inputs: every entry in a vector.
std::vector<RawEntry> parse_bibtex_entries(std::string_view utf8_text, std::string_view source_name,
                                           std::vector<Diagnostic>& diagnostics, const ParseOptions& options = {});

}  // namespace litrev::bibtex
