#pragma once
// LaTeX -> Unicode for the readable values of BibTeX fields.
//
// The original field value (LaTeX kept) is stored beside the readable one, so this decoding only
// has to be readable and faithful, never reversible. Contract, for any input:
//  - never throws, never loses text: an unknown command `\foo{bar}` becomes "bar", a bare unknown
//    `\foo` becomes "foo", unbalanced braces are dropped, a lone `$` is dropped;
//  - accents in every form (`\'e`, `\'{e}`, `{\'e}`, `\c c`, `\^{\i}`...) become precomposed
//    letters: the result is NFC;
//  - braces are removed; groups at brace depth 0 that do not start with a command (`{SQL}`,
//    `{Agence nationale de la recherche}`) are brace-protected text, reported as protected spans
//    so that an exporter can protect them again;
//  - `--` / `---` -> en / em dash, `~` -> no-break space, ``` `` ''``` -> curly quotes,
//    escaped specials `\& \% \$ \# \_ \{ \}` -> the character;
//  - text commands (`\emph`, `\textbf`, `\url`, `\mkbibquote`...) -> their argument;
//  - simple math (`$\alpha$`, `$^{2}$`, `$\leq$`) -> Unicode; other math is kept as text
//    without the `$`.
// Whitespace is kept as given (the parser already collapsed it where BibTeX does), except that
// the spaces TeX itself swallows after a control word (`\ss e`, `\LaTeX is`) are dropped.

#include <string>
#include <string_view>
#include <vector>

namespace litrev::bibtex {

// Appends the readable Unicode form of `latex` to `out`. When `protected_spans` is not null,
// the readable text of every brace-protected group at depth 0 is appended to it, in order.
void decode_latex_into(std::string_view latex, std::string& out,
                       std::vector<std::string>* protected_spans = nullptr);

// The readable Unicode form of `latex`.
std::string decode_latex(std::string_view latex);

struct DecodedText {
  std::string text;
  std::vector<std::string> protected_spans;  // readable text of each brace-protected group
};
DecodedText decode_latex_with_spans(std::string_view latex);

// Only the readable text of the brace-protected groups: "The {SQL} Book of {Agence
// nationale}" -> {"SQL", "Agence nationale"}.
std::vector<std::string> protected_spans(std::string_view latex);

// True when decode_latex(s) == s for sure (no LaTeX syntax, ASCII or already-composed UTF-8):
// the cheap test that lets callers skip decoding for most values.
bool is_plain_text(std::string_view s);

}  // namespace litrev::bibtex
