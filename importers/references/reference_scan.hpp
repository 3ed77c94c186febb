#pragma once
// Small scanning helpers shared by the reference parsers of this folder (not a public API).
// They work on bytes: ASCII decides structure, and any byte >= 0x80 is treated as part of a
// word (letters of accented or non-Latin names), which is all the parsers need to know.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "src/core/record.hpp"

namespace litrev::refscan {

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_high(char c) { return static_cast<unsigned char>(c) >= 0x80; }
inline bool is_letter(char c) { return is_upper(c) || is_lower(c) || is_high(c); }
inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Trims spaces and the punctuation that closes a field (",", ";", ".") at the end.
std::string_view trim_field(std::string_view s);

// A plausible publication year written as exactly four digits (1400-2100).
std::optional<int> year_of(std::string_view s);

// Splits at ", " outside square brackets: "A, 2001, SRC, DOI [10.1/x, 10.2/y]" -> 4 fields.
std::vector<std::string_view> split_commas(std::string_view s);

// Finds "(YYYY)" (also "(YYYYa)") at or after `from`; returns the position of '(' or npos.
std::size_t find_parenthesized_year(std::string_view s, std::size_t from, int* year = nullptr);

// A token of initials: "J.D.", "J.", "M.-L.", "Ch.", "JD", "T.F", "J. E." is two tokens.
// Undotted tokens count only when all upper case and at most three letters ("JD", "MEP").
bool is_initials_token(std::string_view token);

// The upper-case letters of an initials token or the first letters of given names:
// "J.-L." -> "JL", "Tiffany H" -> "TH".
std::string initials_of(std::string_view given);

// Name particles written before a family name (van, von, de, der, da, di, le, la, du...),
// compared case-insensitively.
bool is_name_particle(std::string_view word);

// Reads a name written family first ("MCCARTHY JD", "Reyes Nieto J. E.", "Audet Rene",
// "van der Berg A"): fills ref.first_author and ref.author_initials.
void read_family_first_name(std::string_view name, Reference& ref);

// Reads a name written given first ("J. de Kraker", "R Kalidasan", "Jürgen Howaldt").
void read_given_first_name(std::string_view name, Reference& ref);

// find_dois after undoing the TeX escapes a BibTeX export puts into DOIs ("10.1007/1187\\_29",
// "...co;2-\\#"), so a value read with or without LaTeX decoding gives the same DOI.
std::vector<std::string> find_dois_unescaped(std::string_view text);

// The DOI arXiv registers for a new-style arXiv identifier written in the text
// ("arXiv:2303.08774v2", "arXiv preprint arXiv:2107.03374" -> "10.48550/arxiv.2303.08774"):
// WoS lists the two as one item ("DOI [arXiv:2303.08774, DOI 10.48550/ARXIV.2303.08774]"), and
// without it every "Zhang, 2023, Arxiv" would be one cited work. Empty when there is none.
std::string arxiv_doi(std::string_view text);

// ISBN after an "ISBN" marker anywhere in the text, normalized; empty when none is valid.
std::string find_isbn(std::string_view text);

}  // namespace litrev::refscan
