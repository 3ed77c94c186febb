#include "importers/bibtex/latex.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

#include <utf8proc.h>

#include "src/core/text.hpp"

namespace litrev::bibtex {
namespace {

using namespace std::string_view_literals;

// What a control word does. Data, not code: one row per command in kCommands below.
enum class Action : std::uint8_t {
  symbol,       // emit text; following spaces are kept ("\LaTeX is" reads as "LaTeX is")
  letter,       // emit text; following spaces are swallowed as TeX does ("Stra\ss e")
  accent,       // combining mark in text; applies to the next argument's first letter
  content,      // one argument, decoded in place (\emph{x} -> x)
  drop_arg,     // one argument, dropped (\noopsort{1973}, \hspace{1em})
  second_arg,   // two arguments, only the second kept (\href{url}{text})
  ignore,       // nothing (declarations \it \bf \relax); following spaces are swallowed
  superscript,  // one argument, written with superscript characters when they all exist
  subscript,
  verbatim,     // one argument copied without decoding (\url{a_b~c})
  sqrt,         // "√" then the argument
  math_content, // one argument decoded in math mode (\ensuremath{\alpha})
};

struct Command {
  std::string_view name;
  Action action;
  std::string_view text;  // symbol/letter: the text; accent: the combining mark (UTF-8)
};

// clang-format off
constexpr auto kCommandsUnsorted = std::to_array<Command>({
  // Accents with letter names (the one-character ones are handled as control symbols).
  {"c", Action::accent, "\u0327"}, {"v", Action::accent, "\u030C"}, {"u", Action::accent, "\u0306"},
  {"H", Action::accent, "\u030B"}, {"k", Action::accent, "\u0328"}, {"r", Action::accent, "\u030A"},
  {"d", Action::accent, "\u0323"}, {"b", Action::accent, "\u0331"}, {"t", Action::accent, "\u0361"},
  {"G", Action::accent, "\u030F"}, {"textogonekcentered", Action::accent, "\u0328"},
  {"textcircumflex", Action::accent, "\u0302"},
  // Letters that are not accented Latin letters.
  {"ss", Action::letter, "ß"}, {"SS", Action::letter, "SS"}, {"o", Action::letter, "ø"}, {"O", Action::letter, "Ø"},
  {"ae", Action::letter, "æ"}, {"AE", Action::letter, "Æ"}, {"oe", Action::letter, "œ"}, {"OE", Action::letter, "Œ"},
  {"aa", Action::letter, "å"}, {"AA", Action::letter, "Å"}, {"l", Action::letter, "ł"}, {"L", Action::letter, "Ł"},
  {"i", Action::letter, "ı"}, {"j", Action::letter, "ȷ"}, {"dh", Action::letter, "ð"}, {"DH", Action::letter, "Ð"},
  {"th", Action::letter, "þ"}, {"TH", Action::letter, "Þ"}, {"ng", Action::letter, "ŋ"}, {"NG", Action::letter, "Ŋ"},
  {"dj", Action::letter, "đ"}, {"DJ", Action::letter, "Đ"}, {"ij", Action::letter, "ĳ"}, {"IJ", Action::letter, "Ĳ"},
  {"texttheta", Action::letter, "θ"}, {"textschwa", Action::letter, "ə"}, {"textbaro", Action::letter, "ɵ"},
  // Text symbols.
  {"textendash", Action::symbol, "–"}, {"textemdash", Action::symbol, "—"},
  {"textquotedblleft", Action::symbol, "“"}, {"textquotedblright", Action::symbol, "”"},
  {"textquoteleft", Action::symbol, "‘"}, {"textquoteright", Action::symbol, "’"},
  {"textquotesingle", Action::symbol, "'"}, {"textquotedbl", Action::symbol, "\""},
  {"quotedblbase", Action::symbol, "„"}, {"quotesinglbase", Action::symbol, "‚"},
  {"guillemotleft", Action::symbol, "«"}, {"guillemotright", Action::symbol, "»"},
  {"guillemetleft", Action::symbol, "«"}, {"guillemetright", Action::symbol, "»"},
  {"guilsinglleft", Action::symbol, "‹"}, {"guilsinglright", Action::symbol, "›"},
  {"textellipsis", Action::symbol, "…"}, {"ldots", Action::symbol, "…"}, {"dots", Action::symbol, "…"},
  {"cdots", Action::symbol, "⋯"}, {"textbullet", Action::symbol, "•"}, {"textperiodcentered", Action::symbol, "·"},
  {"textdagger", Action::symbol, "†"}, {"dag", Action::symbol, "†"}, {"textdaggerdbl", Action::symbol, "‡"},
  {"ddag", Action::symbol, "‡"}, {"textsection", Action::symbol, "§"}, {"S", Action::symbol, "§"},
  {"textparagraph", Action::symbol, "¶"}, {"P", Action::symbol, "¶"}, {"textcopyright", Action::symbol, "©"},
  {"copyright", Action::symbol, "©"}, {"textregistered", Action::symbol, "®"},
  {"texttrademark", Action::symbol, "™"}, {"textdegree", Action::symbol, "°"},
  {"textasciitilde", Action::symbol, "~"}, {"textasciicircum", Action::symbol, "^"},
  {"textbackslash", Action::symbol, "\\"}, {"textbar", Action::symbol, "|"}, {"textless", Action::symbol, "<"},
  {"textgreater", Action::symbol, ">"}, {"textunderscore", Action::symbol, "_"},
  {"textbraceleft", Action::symbol, "{"}, {"textbraceright", Action::symbol, "}"},
  {"textdollar", Action::symbol, "$"}, {"textpercent", Action::symbol, "%"}, {"textampersand", Action::symbol, "&"},
  {"textslash", Action::symbol, "/"}, {"slash", Action::symbol, "/"},
  {"pounds", Action::symbol, "£"}, {"textsterling", Action::symbol, "£"}, {"euro", Action::symbol, "€"},
  {"texteuro", Action::symbol, "€"}, {"EUR", Action::symbol, "€"}, {"textyen", Action::symbol, "¥"},
  {"textcent", Action::symbol, "¢"}, {"textexclamdown", Action::symbol, "¡"},
  {"textquestiondown", Action::symbol, "¿"}, {"textordfeminine", Action::symbol, "ª"},
  {"textordmasculine", Action::symbol, "º"}, {"textonehalf", Action::symbol, "½"},
  {"textonequarter", Action::symbol, "¼"}, {"textthreequarters", Action::symbol, "¾"},
  {"texttimes", Action::symbol, "×"}, {"textdiv", Action::symbol, "÷"}, {"textpm", Action::symbol, "±"},
  {"textminus", Action::symbol, "−"}, {"textmu", Action::symbol, "µ"}, {"textohm", Action::symbol, "Ω"},
  {"textnumero", Action::symbol, "№"}, {"textbrokenbar", Action::symbol, "¦"},
  {"textvisiblespace", Action::symbol, "␣"}, {"textasteriskcentered", Action::symbol, "*"},
  {"LaTeX", Action::symbol, "LaTeX"}, {"TeX", Action::symbol, "TeX"}, {"BibTeX", Action::symbol, "BibTeX"},
  {"LaTeXe", Action::symbol, "LaTeX2ε"}, {"XeTeX", Action::symbol, "XeTeX"}, {"XeLaTeX", Action::symbol, "XeLaTeX"},
  {"LuaTeX", Action::symbol, "LuaTeX"}, {"LuaLaTeX", Action::symbol, "LuaLaTeX"}, {"AmS", Action::symbol, "AMS"},
  {"BibLaTeX", Action::symbol, "BibLaTeX"}, {"ConTeXt", Action::symbol, "ConTeXt"}, {"eTeX", Action::symbol, "eTeX"},
  {"METAFONT", Action::symbol, "METAFONT"}, {"MF", Action::symbol, "METAFONT"}, {"MP", Action::symbol, "MetaPost"},
  {"space", Action::symbol, " "}, {"quad", Action::symbol, " "}, {"qquad", Action::symbol, " "},
  {"enspace", Action::symbol, " "}, {"thinspace", Action::symbol, " "}, {"enskip", Action::symbol, " "},
  {"nobreakspace", Action::symbol, "\u00A0"}, {"newline", Action::symbol, " "}, {"linebreak", Action::symbol, " "},
  {"par", Action::symbol, " "}, {"break", Action::symbol, " "}, {"hfill", Action::symbol, " "},
  {"hfil", Action::symbol, " "}, {"smallskip", Action::symbol, " "}, {"medskip", Action::symbol, " "},
  {"bigskip", Action::symbol, " "}, {"textemdashrule", Action::symbol, "—"},
  {"i.e.", Action::symbol, "i.e."}, {"etal", Action::symbol, "et al."}, {"dash", Action::symbol, "—"},
  // Math symbols and Greek letters (also accepted outside $...$, as biber does).
  {"alpha", Action::symbol, "α"}, {"beta", Action::symbol, "β"}, {"gamma", Action::symbol, "γ"},
  {"delta", Action::symbol, "δ"}, {"epsilon", Action::symbol, "ϵ"}, {"varepsilon", Action::symbol, "ε"},
  {"zeta", Action::symbol, "ζ"}, {"eta", Action::symbol, "η"}, {"theta", Action::symbol, "θ"},
  {"vartheta", Action::symbol, "ϑ"}, {"iota", Action::symbol, "ι"}, {"kappa", Action::symbol, "κ"},
  {"lambda", Action::symbol, "λ"}, {"mu", Action::symbol, "μ"}, {"nu", Action::symbol, "ν"},
  {"xi", Action::symbol, "ξ"}, {"pi", Action::symbol, "π"}, {"varpi", Action::symbol, "ϖ"},
  {"rho", Action::symbol, "ρ"}, {"varrho", Action::symbol, "ϱ"}, {"sigma", Action::symbol, "σ"},
  {"varsigma", Action::symbol, "ς"}, {"tau", Action::symbol, "τ"}, {"upsilon", Action::symbol, "υ"},
  {"phi", Action::symbol, "ϕ"}, {"varphi", Action::symbol, "φ"}, {"chi", Action::symbol, "χ"},
  {"psi", Action::symbol, "ψ"}, {"omega", Action::symbol, "ω"}, {"Gamma", Action::symbol, "Γ"},
  {"Delta", Action::symbol, "Δ"}, {"Theta", Action::symbol, "Θ"}, {"Lambda", Action::symbol, "Λ"},
  {"Xi", Action::symbol, "Ξ"}, {"Pi", Action::symbol, "Π"}, {"Sigma", Action::symbol, "Σ"},
  {"Upsilon", Action::symbol, "Υ"}, {"Phi", Action::symbol, "Φ"}, {"Psi", Action::symbol, "Ψ"},
  {"Omega", Action::symbol, "Ω"}, {"times", Action::symbol, "×"}, {"cdot", Action::symbol, "·"},
  {"pm", Action::symbol, "±"}, {"mp", Action::symbol, "∓"}, {"div", Action::symbol, "÷"},
  {"leq", Action::symbol, "≤"}, {"le", Action::symbol, "≤"}, {"geq", Action::symbol, "≥"},
  {"ge", Action::symbol, "≥"}, {"neq", Action::symbol, "≠"}, {"ne", Action::symbol, "≠"},
  {"approx", Action::symbol, "≈"}, {"sim", Action::symbol, "∼"}, {"simeq", Action::symbol, "≃"},
  {"cong", Action::symbol, "≅"}, {"equiv", Action::symbol, "≡"}, {"propto", Action::symbol, "∝"},
  {"infty", Action::symbol, "∞"}, {"partial", Action::symbol, "∂"}, {"nabla", Action::symbol, "∇"},
  {"sum", Action::symbol, "∑"}, {"prod", Action::symbol, "∏"}, {"int", Action::symbol, "∫"},
  {"rightarrow", Action::symbol, "→"}, {"to", Action::symbol, "→"}, {"leftarrow", Action::symbol, "←"},
  {"gets", Action::symbol, "←"}, {"leftrightarrow", Action::symbol, "↔"}, {"Rightarrow", Action::symbol, "⇒"},
  {"Leftarrow", Action::symbol, "⇐"}, {"Leftrightarrow", Action::symbol, "⇔"}, {"uparrow", Action::symbol, "↑"},
  {"downarrow", Action::symbol, "↓"}, {"mapsto", Action::symbol, "↦"}, {"longrightarrow", Action::symbol, "⟶"},
  {"in", Action::symbol, "∈"}, {"notin", Action::symbol, "∉"}, {"ni", Action::symbol, "∋"},
  {"subset", Action::symbol, "⊂"}, {"subseteq", Action::symbol, "⊆"}, {"supset", Action::symbol, "⊃"},
  {"supseteq", Action::symbol, "⊇"}, {"cup", Action::symbol, "∪"}, {"cap", Action::symbol, "∩"},
  {"setminus", Action::symbol, "∖"}, {"emptyset", Action::symbol, "∅"}, {"varnothing", Action::symbol, "∅"},
  {"forall", Action::symbol, "∀"}, {"exists", Action::symbol, "∃"}, {"neg", Action::symbol, "¬"},
  {"lnot", Action::symbol, "¬"}, {"wedge", Action::symbol, "∧"}, {"land", Action::symbol, "∧"},
  {"vee", Action::symbol, "∨"}, {"lor", Action::symbol, "∨"}, {"oplus", Action::symbol, "⊕"},
  {"otimes", Action::symbol, "⊗"}, {"circ", Action::symbol, "∘"}, {"bullet", Action::symbol, "•"},
  {"star", Action::symbol, "⋆"}, {"ast", Action::symbol, "∗"}, {"prime", Action::symbol, "′"},
  {"ell", Action::symbol, "ℓ"}, {"hbar", Action::symbol, "ℏ"}, {"aleph", Action::symbol, "ℵ"},
  {"Re", Action::symbol, "ℜ"}, {"Im", Action::symbol, "ℑ"}, {"wp", Action::symbol, "℘"},
  {"langle", Action::symbol, "⟨"}, {"rangle", Action::symbol, "⟩"}, {"lbrace", Action::symbol, "{"},
  {"rbrace", Action::symbol, "}"}, {"lbrack", Action::symbol, "["}, {"rbrack", Action::symbol, "]"},
  {"vert", Action::symbol, "|"}, {"mid", Action::symbol, "∣"}, {"Vert", Action::symbol, "‖"},
  {"parallel", Action::symbol, "∥"}, {"perp", Action::symbol, "⊥"}, {"ll", Action::symbol, "≪"},
  {"gg", Action::symbol, "≫"}, {"angle", Action::symbol, "∠"}, {"degree", Action::symbol, "°"},
  {"deg", Action::symbol, "deg"}, {"log", Action::symbol, "log"}, {"ln", Action::symbol, "ln"},
  {"exp", Action::symbol, "exp"}, {"sin", Action::symbol, "sin"}, {"cos", Action::symbol, "cos"},
  {"tan", Action::symbol, "tan"}, {"max", Action::symbol, "max"}, {"min", Action::symbol, "min"},
  {"lim", Action::symbol, "lim"}, {"det", Action::symbol, "det"}, {"Pr", Action::symbol, "Pr"},
  {"colon", Action::symbol, ":"}, {"backslash", Action::symbol, "\\"}, {"dagger", Action::symbol, "†"},
  {"ddagger", Action::symbol, "‡"}, {"checkmark", Action::symbol, "✓"}, {"square", Action::symbol, "□"},
  {"triangle", Action::symbol, "△"}, {"diamond", Action::symbol, "⋄"}, {"sharp", Action::symbol, "♯"},
  {"flat", Action::symbol, "♭"}, {"natural", Action::symbol, "♮"}, {"left", Action::ignore, ""},
  {"right", Action::ignore, ""}, {"big", Action::ignore, ""}, {"Big", Action::ignore, ""},
  {"bigl", Action::ignore, ""}, {"bigr", Action::ignore, ""}, {"displaystyle", Action::ignore, ""},
  {"textstyle", Action::ignore, ""}, {"limits", Action::ignore, ""},
  // Commands whose argument is the text.
  {"textit", Action::content, ""}, {"textbf", Action::content, ""}, {"textsc", Action::content, ""},
  {"textrm", Action::content, ""}, {"textsf", Action::content, ""}, {"texttt", Action::content, ""},
  {"textup", Action::content, ""}, {"textmd", Action::content, ""}, {"textsl", Action::content, ""},
  {"textnormal", Action::content, ""}, {"emph", Action::content, ""}, {"underline", Action::content, ""},
  {"uline", Action::content, ""}, {"mbox", Action::content, ""}, {"hbox", Action::content, ""},
  {"fbox", Action::content, ""}, {"text", Action::content, ""}, {"mathrm", Action::content, ""},
  {"mathbf", Action::content, ""}, {"mathit", Action::content, ""}, {"mathsf", Action::content, ""},
  {"mathtt", Action::content, ""}, {"mathcal", Action::content, ""}, {"mathbb", Action::content, ""},
  {"mathfrak", Action::content, ""}, {"mathnormal", Action::content, ""}, {"operatorname", Action::content, ""},
  {"boldsymbol", Action::content, ""}, {"bm", Action::content, ""}, {"mkbibquote", Action::content, ""},
  {"mkbibemph", Action::content, ""}, {"mkbibitalic", Action::content, ""}, {"mkbibbold", Action::content, ""},
  {"enquote", Action::content, ""}, {"enquote*", Action::content, ""}, {"textquote", Action::content, ""},
  {"mkbibparens", Action::content, ""}, {"mkbibbrackets", Action::content, ""}, {"NoCaseChange", Action::content, ""},
  {"nocase", Action::content, ""}, {"MakeUppercase", Action::content, ""}, {"MakeLowercase", Action::content, ""},
  {"uppercase", Action::content, ""}, {"lowercase", Action::content, ""}, {"MakeTextUppercase", Action::content, ""},
  {"bibstring", Action::content, ""}, {"biblatex", Action::content, ""}, {"textcite", Action::content, ""},
  {"cite", Action::content, ""}, {"citet", Action::content, ""}, {"citep", Action::content, ""},
  {"textsuperscript", Action::superscript, ""}, {"textsubscript", Action::subscript, ""},
  {"url", Action::verbatim, ""}, {"path", Action::verbatim, ""}, {"nolinkurl", Action::verbatim, ""},
  {"doi", Action::verbatim, ""}, {"href", Action::second_arg, ""}, {"foreignlanguage", Action::second_arg, ""},
  {"textcolor", Action::second_arg, ""}, {"sqrt", Action::sqrt, ""}, {"ensuremath", Action::math_content, ""},
  {"hyphenation", Action::drop_arg, ""}, {"noopsort", Action::drop_arg, ""}, {"SortNoop", Action::drop_arg, ""},
  {"sortnoop", Action::drop_arg, ""}, {"noop", Action::drop_arg, ""}, {"hspace", Action::drop_arg, ""},
  {"vspace", Action::drop_arg, ""}, {"label", Action::drop_arg, ""}, {"index", Action::drop_arg, ""},
  {"phantom", Action::drop_arg, ""}, {"hphantom", Action::drop_arg, ""}, {"vphantom", Action::drop_arg, ""},
  {"selectlanguage", Action::drop_arg, ""}, {"color", Action::drop_arg, ""}, {"footnote", Action::drop_arg, ""},
  {"fontfamily", Action::drop_arg, ""}, {"fontseries", Action::drop_arg, ""}, {"fontshape", Action::drop_arg, ""},
  {"begin", Action::drop_arg, ""}, {"end", Action::drop_arg, ""},
  // Declarations and no-ops.
  {"relax", Action::ignore, ""}, {"protect", Action::ignore, ""}, {"it", Action::ignore, ""},
  {"bf", Action::ignore, ""}, {"em", Action::ignore, ""}, {"sc", Action::ignore, ""}, {"rm", Action::ignore, ""},
  {"sf", Action::ignore, ""}, {"tt", Action::ignore, ""}, {"sl", Action::ignore, ""}, {"cal", Action::ignore, ""},
  {"itshape", Action::ignore, ""}, {"bfseries", Action::ignore, ""}, {"scshape", Action::ignore, ""},
  {"upshape", Action::ignore, ""}, {"slshape", Action::ignore, ""}, {"rmfamily", Action::ignore, ""},
  {"sffamily", Action::ignore, ""}, {"ttfamily", Action::ignore, ""}, {"mdseries", Action::ignore, ""},
  {"normalfont", Action::ignore, ""}, {"upshape", Action::ignore, ""}, {"small", Action::ignore, ""},
  {"footnotesize", Action::ignore, ""}, {"scriptsize", Action::ignore, ""}, {"tiny", Action::ignore, ""},
  {"large", Action::ignore, ""}, {"Large", Action::ignore, ""}, {"LARGE", Action::ignore, ""},
  {"huge", Action::ignore, ""}, {"Huge", Action::ignore, ""}, {"normalsize", Action::ignore, ""},
  {"noindent", Action::ignore, ""}, {"indent", Action::ignore, ""}, {"nobreak", Action::ignore, ""},
  {"allowbreak", Action::ignore, ""}, {"ignorespaces", Action::ignore, ""}, {"unskip", Action::ignore, ""},
  {"null", Action::ignore, ""}, {"strut", Action::ignore, ""}, {"nopunct", Action::ignore, ""},
  {"isdot", Action::ignore, ""}, {"xspace", Action::ignore, ""}, {"centering", Action::ignore, ""},
  {"raggedright", Action::ignore, ""}, {"hyphen", Action::symbol, "-"}, {"textnhtt", Action::ignore, ""},
});
// clang-format on

constexpr auto kCommands = [] {
  auto table = kCommandsUnsorted;
  std::sort(table.begin(), table.end(), [](const Command& a, const Command& b) { return a.name < b.name; });
  return table;
}();

const Command* find_command(std::string_view name) {
  auto it = std::lower_bound(kCommands.begin(), kCommands.end(), name,
                             [](const Command& c, std::string_view n) { return c.name < n; });
  return it != kCommands.end() && it->name == name ? &*it : nullptr;
}

// Control symbols that are accents: \'e \`e \^e \"e \~e \=e \.e
std::string_view accent_symbol_mark(char c) {
  switch (c) {
    case '\'': return "\u0301";
    case '`': return "\u0300";
    case '^': return "\u0302";
    case '"': return "\u0308";
    case '~': return "\u0303";
    case '=': return "\u0304";
    case '.': return "\u0307";
    default: return {};
  }
}

// The spacing form of an accent written without a letter ("\'{}"): ´ ¨ ^ ~ ...
std::string_view spacing_accent(std::string_view mark) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kSpacing = {{
      {"\u0301", "´"}, {"\u0300", "`"}, {"\u0302", "^"}, {"\u0308", "¨"}, {"\u0303", "~"},
      {"\u0304", "¯"}, {"\u0307", "˙"}, {"\u0306", "˘"}, {"\u030C", "ˇ"}, {"\u030B", "˝"},
      {"\u0327", "¸"}, {"\u0328", "˛"}, {"\u030A", "˚"}, {"\u0323", "."},
  }};
  for (const auto& [m, spacing] : kSpacing)
    if (m == mark) return spacing;
  return mark;
}

// Superscript/subscript forms; a character without one makes the whole argument plain text.
std::string_view superscript_of(char32_t c) {
  switch (c) {
    case '0': return "⁰"; case '1': return "¹"; case '2': return "²"; case '3': return "³";
    case '4': return "⁴"; case '5': return "⁵"; case '6': return "⁶"; case '7': return "⁷";
    case '8': return "⁸"; case '9': return "⁹"; case '+': return "⁺"; case '-': return "⁻";
    case U'−': return "⁻"; case '=': return "⁼"; case '(': return "⁽"; case ')': return "⁾";
    case 'n': return "ⁿ"; case 'i': return "ⁱ"; case U'∘': return "°";
    default: return {};
  }
}

std::string_view subscript_of(char32_t c) {
  switch (c) {
    case '0': return "₀"; case '1': return "₁"; case '2': return "₂"; case '3': return "₃";
    case '4': return "₄"; case '5': return "₅"; case '6': return "₆"; case '7': return "₇";
    case '8': return "₈"; case '9': return "₉"; case '+': return "₊"; case '-': return "₋";
    case U'−': return "₋"; case '=': return "₌"; case '(': return "₍"; case ')': return "₎";
    case 'a': return "ₐ"; case 'e': return "ₑ"; case 'o': return "ₒ"; case 'x': return "ₓ";
    case 'h': return "ₕ"; case 'k': return "ₖ"; case 'l': return "ₗ"; case 'm': return "ₘ";
    case 'n': return "ₙ"; case 'p': return "ₚ"; case 's': return "ₛ"; case 't': return "ₜ";
    case 'i': return "ᵢ"; case 'j': return "ⱼ"; case 'r': return "ᵣ"; case 'u': return "ᵤ";
    case 'v': return "ᵥ";
    default: return {};
  }
}

bool is_opening_quote(std::string_view s) {
  return s == "“" || s == "‘" || s == "„" || s == "‚" || s == "«" || s == "‹";
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Byte classes for the scanner: 0 = plain text copied as is.
constexpr std::array<std::uint8_t, 256> kSpecial = [] {
  std::array<std::uint8_t, 256> t{};
  for (unsigned char c : std::string_view("\\{}~-$`'")) t[c] = 1;
  return t;
}();

// Length of the UTF-8 sequence starting with lead byte c (1 for ASCII or a stray byte).
std::size_t utf8_length(unsigned char c) {
  if (c < 0xC0) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  return 4;
}

char32_t decode_utf8_at(std::string_view s, std::size_t i, std::size_t& len) {
  const auto c = static_cast<unsigned char>(s[i]);
  len = std::min(utf8_length(c), s.size() - i);
  if (len == 1) return c;
  char32_t cp = c & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return cp;
}

// True when NFC may change s. Code points below U+0300 are all NFC-stable on their own and
// cannot combine with what precedes them, so ASCII and Latin-1/Extended text is never passed to
// utf8proc; above, a code point is inert when it has no canonical decomposition, takes part in
// no composition and is no Hangul jamo/syllable (dashes, curly quotes, CJK, most symbols).
bool may_need_nfc(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0xCC) continue;
    std::size_t len = 0;
    const char32_t cp = decode_utf8_at(s, i, len);
    i += len - 1;
    if ((cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xAC00 && cp <= 0xD7FF))
      return true;
    const utf8proc_property_t* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
    if (p->combining_class != 0 || p->comp_exclusion || p->comb_index != UINT16_MAX ||
        (p->decomp_type == 0 && p->decomp_seqindex != UINT16_MAX))
      return true;
  }
  return false;
}

constexpr int kMaxNesting = 64;  // argument decoding recursion; deeper input is copied as text

class Decoder {
 public:
  Decoder(std::string& out, std::vector<std::string>* spans, int nesting)
      : out_(out), spans_(spans), nesting_(nesting) {}

  // Decodes s (a whole value or one argument) into out_.
  void run(std::string_view s, bool math) {
    in_ = s;
    pos_ = 0;
    math_ = math;
    groups_.clear();
    while (pos_ < in_.size()) {
      // Copy the run of plain bytes in one go: most of any value is plain text.
      std::size_t run = pos_;
      while (run < in_.size() && !kSpecial[static_cast<unsigned char>(in_[run])] &&
             !(math_ && (in_[run] == '^' || in_[run] == '_')))
        ++run;
      out_.append(in_, pos_, run - pos_);
      pos_ = run;
      if (pos_ >= in_.size()) break;
      step();
    }
    // Unclosed protected groups still count as protected up to the end.
    while (!groups_.empty()) close_group();
  }

 private:
  struct Group {
    bool protect;          // a brace group at value depth 0 that does not start with a command
    std::size_t start;     // out_ offset where its text starts
  };

  void step() {
    const char c = in_[pos_];
    switch (c) {
      case '\\': command(); return;
      case '{': open_group(); return;
      case '}':
        ++pos_;
        if (!groups_.empty()) close_group();  // an unbalanced '}' is dropped
        return;
      case '$':
        ++pos_;
        if (pos_ < in_.size() && in_[pos_] == '$') ++pos_;  // $$...$$: display math, same reading
        math_ = !math_;
        return;
      case '~':
        ++pos_;
        out_ += "\u00A0";
        return;
      case '-':
        dashes();
        return;
      case '`':
        ++pos_;
        if (!math_ && pos_ < in_.size() && in_[pos_] == '`') {
          ++pos_;
          out_ += "“";
        } else {
          out_ += math_ ? "`" : "‘";
        }
        return;
      case '\'':
        ++pos_;
        if (!math_ && pos_ < in_.size() && in_[pos_] == '\'') {
          ++pos_;
          out_ += "”";
        } else {
          out_ += math_ ? "′" : "'";
        }
        return;
      case '^':
      case '_':
        ++pos_;
        script(c == '^' ? Action::superscript : Action::subscript, next_argument(false));
        return;
      default:
        out_.push_back(c);
        ++pos_;
    }
  }

  void dashes() {
    std::size_t n = 0;
    while (pos_ + n < in_.size() && in_[pos_ + n] == '-') ++n;
    pos_ += n;
    if (math_) {
      out_.append(n, '-');
      return;
    }
    // "---" em dash, "--" en dash; longer runs read greedily as TeX's ligatures do.
    while (n >= 3) out_ += "—", n -= 3;
    if (n == 2) out_ += "–";
    else if (n == 1) out_.push_back('-');
  }

  void open_group() {
    ++pos_;
    const bool top = groups_.empty() && !math_;
    const bool special = pos_ < in_.size() && in_[pos_] == '\\';
    groups_.push_back({top && !special, out_.size()});
  }

  void close_group() {
    const Group g = groups_.back();
    groups_.pop_back();
    if (g.protect && spans_) {
      std::string span = out_.substr(g.start);
      if (!trim(span).empty()) spans_->push_back(may_need_nfc(span) ? nfc(span) : std::move(span));
    }
  }

  void skip_spaces() {
    while (pos_ < in_.size() && is_space(in_[pos_])) ++pos_;
  }

  // The raw text of the next argument: a brace group's content, a control sequence, or one
  // (UTF-8) character. Spaces before it are skipped when skip_space (after control words).
  std::string_view next_argument(bool skip_space) {
    if (skip_space) skip_spaces();
    if (pos_ >= in_.size()) return {};
    const std::size_t start = pos_;
    const char c = in_[pos_];
    if (c == '{') {
      int depth = 0;
      for (; pos_ < in_.size(); ++pos_) {
        if (in_[pos_] == '\\') {
          ++pos_;  // an escaped brace does not count
          continue;
        }
        if (in_[pos_] == '{') ++depth;
        else if (in_[pos_] == '}' && --depth == 0) {
          ++pos_;
          return in_.substr(start + 1, pos_ - start - 2);
        }
      }
      pos_ = in_.size();
      return in_.substr(std::min(start + 1, in_.size()));  // unclosed: up to the end
    }
    if (c == '\\') {
      ++pos_;
      if (pos_ < in_.size() && is_letter(in_[pos_])) {
        while (pos_ < in_.size() && is_letter(in_[pos_])) ++pos_;
      } else if (pos_ < in_.size()) {
        ++pos_;
      }
      return in_.substr(start, pos_ - start);
    }
    if (c == '}') return {};  // no argument before the group closes
    pos_ += std::min(utf8_length(static_cast<unsigned char>(c)), in_.size() - pos_);
    return in_.substr(start, pos_ - start);
  }

  // Decodes an argument with a fresh decoder (own group stack, no protected spans).
  std::string decode_argument(std::string_view arg, bool math) {
    std::string text;
    if (nesting_ >= kMaxNesting) {
      text.assign(arg);
      return text;
    }
    Decoder inner(text, nullptr, nesting_ + 1);
    inner.run(arg, math);
    return text;
  }

  void command() {
    ++pos_;  // the backslash
    if (pos_ >= in_.size()) return;
    const char c = in_[pos_];
    if (!is_letter(c)) {
      control_symbol(c);
      return;
    }
    const std::size_t start = pos_;
    while (pos_ < in_.size() && is_letter(in_[pos_])) ++pos_;
    // "\enquote*" is one command.
    if (pos_ < in_.size() && in_[pos_] == '*') ++pos_;
    const std::string_view name = in_.substr(start, pos_ - start);
    const Command* cmd = find_command(name);
    if (!cmd && name.back() == '*') {
      --pos_;
      cmd = find_command(name.substr(0, name.size() - 1));
    }
    if (!cmd) {
      unknown_command(name.back() == '*' ? name.substr(0, name.size() - 1) : name);
      return;
    }
    switch (cmd->action) {
      case Action::symbol:
        out_ += cmd->text;
        // TeX would swallow the following spaces after every control word; keeping them reads
        // better ("\ldots and", "\LaTeX is"), except after an opening quote.
        if (!eat_empty_group() && is_opening_quote(cmd->text)) skip_spaces();
        return;
      case Action::letter:
        // TeX swallows the spaces after a control word: "Stra\ss e" is "Straße".
        if (!eat_empty_group()) skip_spaces();
        out_ += cmd->text;
        return;
      case Action::ignore: skip_spaces(); eat_empty_group(); return;
      case Action::accent: accent(cmd->text, next_argument(true)); return;
      case Action::content: content(next_argument(true), math_); return;
      case Action::math_content: content(next_argument(true), true); return;
      case Action::drop_arg: next_argument(true); return;
      case Action::second_arg:
        next_argument(true);
        content(next_argument(true), math_);
        return;
      case Action::superscript:
      case Action::subscript: script(cmd->action, next_argument(true)); return;
      case Action::verbatim: out_ += next_argument(true); return;
      case Action::sqrt:
        out_ += "√";
        content(next_argument(true), math_);
        return;
    }
  }

  // `\ss{}` / `\LaTeX{}`: the empty group only ends the command name.
  bool eat_empty_group() {
    if (pos_ + 1 < in_.size() && in_[pos_] == '{' && in_[pos_ + 1] == '}') {
      pos_ += 2;
      return true;
    }
    return false;
  }

  void content(std::string_view arg, bool math) { out_ += decode_argument(arg, math); }

  void unknown_command(std::string_view name) {
    // Keep it readable and lose no text: the argument when there is one, else the name.
    if (pos_ < in_.size() && in_[pos_] == '{') {
      const std::string_view arg = next_argument(false);
      if (trim(arg).empty()) out_ += name;
      else content(arg, math_);
      return;
    }
    out_ += name;
  }

  void control_symbol(char c) {
    ++pos_;
    if (auto mark = accent_symbol_mark(c); !mark.empty()) {
      accent(mark, next_argument(true));
      return;
    }
    switch (c) {
      case '&': case '%': case '$': case '#': case '_': case '{': case '}': case '|':
        out_.push_back(c);
        return;
      case ' ': case '\n': case '\t': case '\r': case '\\': case ',': case ';': case ':': case '>':
        out_.push_back(' ');
        return;
      case '-': case '/': case '!': case '@': case '*':
        return;  // discretionary hyphen, italic correction, negative space, space factor
      case '(': case '[':
        math_ = true;
        return;
      case ')': case ']':
        math_ = false;
        return;
      default:
        if (static_cast<unsigned char>(c) >= 0x80) {
          // `\é`: not a command; keep the whole character.
          --pos_;
          const std::size_t len = std::min(utf8_length(static_cast<unsigned char>(c)), in_.size() - pos_);
          out_.append(in_, pos_, len);
          pos_ += len;
          return;
        }
        out_.push_back(c);
    }
  }

  // The accent goes on the first character of the argument: "\'{e}" -> e + U+0301 (NFC then
  // composes it). Dotless i/j stand for i/j when accented ("\^{\i}" -> î).
  void accent(std::string_view mark, std::string_view arg) {
    std::string base = decode_argument(arg, math_);
    if (base.empty()) {
      // "\'{}" or "\^" at the end: the accent alone, as its spacing character.
      out_ += spacing_accent(mark);
      return;
    }
    std::size_t len = 0;
    const char32_t first = decode_utf8_at(base, 0, len);
    if (first == U'ı') base.replace(0, len, "i"), len = 1;
    else if (first == U'ȷ') base.replace(0, len, "j"), len = 1;
    // Keep the marks that already follow the first character (stacked accents) before ours.
    std::size_t end = len;
    while (end < base.size()) {
      std::size_t l = 0;
      const char32_t cp = decode_utf8_at(base, end, l);
      if (cp < 0x300 || cp > 0x36F) break;
      end += l;
    }
    base.insert(end, mark);  // the tie accent (\t{oo}) too: it joins the first two characters
    out_ += base;
  }

  void script(Action which, std::string_view arg) {
    const std::string text = decode_argument(arg, true);
    std::string converted;
    for (std::size_t i = 0; i < text.size();) {
      std::size_t len = 0;
      const char32_t cp = decode_utf8_at(text, i, len);
      const auto sub = which == Action::superscript ? superscript_of(cp) : subscript_of(cp);
      if (sub.empty()) {
        out_ += text;  // not every character has a form: plain text, as written
        return;
      }
      converted += sub;
      i += len;
    }
    out_ += converted;
  }

  std::string& out_;
  std::vector<std::string>* spans_;
  int nesting_;
  std::string_view in_;
  std::size_t pos_ = 0;
  bool math_ = false;
  std::vector<Group> groups_;
};

}  // namespace

namespace {
// One pass over the value: bit 1 = LaTeX syntax, bit 2 = a byte that may start a code point
// NFC could change (>= U+0300).
constexpr std::array<std::uint8_t, 256> kScan = [] {
  std::array<std::uint8_t, 256> t{};
  for (std::size_t c = 0; c < 256; ++c) t[c] = static_cast<std::uint8_t>((kSpecial[c] ? 1 : 0) | (c >= 0xCC ? 2 : 0));
  return t;
}();

unsigned scan(std::string_view s) {
  unsigned flags = 0;
  for (unsigned char c : s) flags |= kScan[c];
  return flags;
}
}  // namespace

bool is_plain_text(std::string_view s) {
  const unsigned flags = scan(s);
  return flags == 0 || (flags == 2 && !may_need_nfc(s));
}

void decode_latex_into(std::string_view latex, std::string& out, std::vector<std::string>* protected_spans) {
  const unsigned flags = scan(latex);
  const std::size_t start = out.size();
  if (!(flags & 1)) {
    out += latex;  // the common case: nothing to decode
    if (!(flags & 2)) return;
  } else {
    Decoder decoder(out, protected_spans, 0);
    decoder.run(latex, false);
  }
  const std::string_view added = std::string_view(out).substr(start);
  if (may_need_nfc(added)) {
    std::string composed = nfc(added);
    out.replace(start, std::string::npos, composed);
  }
}

std::string decode_latex(std::string_view latex) {
  std::string out;
  out.reserve(latex.size());
  decode_latex_into(latex, out);
  return out;
}

DecodedText decode_latex_with_spans(std::string_view latex) {
  DecodedText d;
  d.text.reserve(latex.size());
  decode_latex_into(latex, d.text, &d.protected_spans);
  return d;
}

std::vector<std::string> protected_spans(std::string_view latex) {
  return decode_latex_with_spans(latex).protected_spans;
}

}  // namespace litrev::bibtex
