// cs:date: localized and not, ranges collapsed on their largest differing part, seasons,
// literal dates, and the implicit year-suffix after the first year.
#include <algorithm>
#include <cstdio>

#include "src/csl/render.hpp"

namespace litrev::csl {
namespace {

int part_value(const DateParts& p, DatePartName name) {
  switch (name) {
    case DatePartName::year: return p.year;
    case DatePartName::month: return p.month;
    case DatePartName::day: return p.day;
  }
  return 0;
}

// Larger = coarser: year 2, month 1, day 0.
int rank(DatePartName n) { return n == DatePartName::year ? 2 : (n == DatePartName::month ? 1 : 0); }

std::string two_digits(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

}  // namespace

void Renderer::date(const Node& node, const DateNode& d, EntryState& st, std::vector<Blob>& out, Flags& flags) const {
  flags.called = true;
  const Date* dt = st.item->get_date(d.var);
  if (!dt || dt->empty() || suppressed(st, d.var)) return;
  flags.rendered = true;
  log(st, d.var);
  if (st.sort_mode) {
    // Sortable digits of the parts this date shows: "1983" "198304" "19830400".
    auto digits = [&](const DateParts& p) {
      std::string s;
      for (const auto& spec : d.parts) (void)spec;
      char buf[16];
      std::snprintf(buf, sizeof buf, "%05d", p.year + 50000);
      s += buf;
      bool has_month = false, has_day = false;
      for (const auto& spec : d.parts) {
        has_month = has_month || spec.name == DatePartName::month;
        has_day = has_day || spec.name == DatePartName::day;
      }
      if (has_month) s += two_digits(p.month > 12 ? 0 : p.month);
      if (has_day) s += two_digits(p.day);
      return s;
    };
    if (!dt->literal.empty() && dt->from.empty()) {
      out.push_back(Blob::of_text(dt->literal));
      return;
    }
    std::string key = digits(dt->from);
    if (dt->to) key += digits(*dt->to);
    out.push_back(Blob::of_text(key));
    return;
  }
  if (dt->from.empty()) {
    // A literal date stands for the year: a date showing only day and month shows nothing.
    if (std::none_of(d.parts.begin(), d.parts.end(), [](const DatePartSpec& p) { return p.name == DatePartName::year; }))
      return;
    Blob b = Blob::of_text(dt->literal);
    b.decorate(node.decor);
    out.push_back(std::move(b));
    return;
  }
  const Locale& loc = style_.locale;
  auto render_part = [&](const DatePartSpec& spec, const DateParts& p, int season) -> std::string {
    switch (spec.name) {
      case DatePartName::year: {
        if (p.year == 0) return {};
        std::string y;
        if (spec.form == DatePartForm::year_short && p.year > 0) y = two_digits(p.year % 100);
        else y = std::to_string(p.year < 0 ? -p.year : p.year);
        if (p.year < 0) y += loc.term_text("bc");
        else if (p.year < 1000) y += loc.term_text("ad");
        return y;
      }
      case DatePartName::month: {
        const int m = p.month;
        if (m >= 13 && m <= 16) return loc.term_text("season-0" + std::to_string(m - 12));
        if (m == 0) return season ? loc.term_text("season-0" + std::to_string(season)) : std::string();
        switch (spec.form) {
          case DatePartForm::month_numeric: return std::to_string(m);
          case DatePartForm::month_numeric_leading_zeros: return two_digits(m);
          case DatePartForm::short_: return loc.term_text("month-" + two_digits(m), TermForm::short_);
          default: return loc.term_text("month-" + two_digits(m));
        }
      }
      case DatePartName::day: {
        if (p.day == 0 || p.month == 0 || p.month > 12) return {};
        switch (spec.form) {
          case DatePartForm::numeric_leading_zeros: return two_digits(p.day);
          case DatePartForm::ordinal:
            if (loc.limit_day_ordinals_to_day_1 && p.day != 1) return std::to_string(p.day);
            return loc.ordinal(p.day, loc.gender_of("month-" + two_digits(p.month)));
          default: return std::to_string(p.day);
        }
      }
    }
    return {};
  };
  auto part_blob = [&](const DatePartSpec& spec, const DateParts& p, int season, bool keep_prefix, bool keep_suffix) {
    std::string text = render_part(spec, p, season);
    Blob b = Blob::of_text(std::move(text));
    if (b.text.empty()) return b;
    if (spec.strip_periods) strip_periods(b);
    Decor dec;
    dec.formatting = spec.formatting;
    dec.text_case = spec.text_case;
    if (keep_prefix) dec.affixes.prefix = spec.affixes.prefix;
    if (keep_suffix) dec.affixes.suffix = spec.affixes.suffix;
    b.decorate(dec);
    // The year-suffix goes after the first year when the style does not place it itself.
    if (spec.name == DatePartName::year && !st.year_suffix.empty() && !style_.renders_year_suffix && !st.year_suffix_done) {
      st.year_suffix_done = true;
      Blob g = Blob::group();
      g.children.push_back(std::move(b));
      g.children.push_back(Blob::of_text(st.year_suffix));
      return g;
    }
    return b;
  };

  Blob date = Blob::group();
  date.delimiter = d.delimiter;
  const DateParts& from = dt->from;
  // Parts that the date shows and the item has.
  std::vector<const DatePartSpec*> specs;
  for (const auto& spec : d.parts) specs.push_back(&spec);

  int diff_rank = -1;
  if (dt->to) {
    for (const auto* spec : specs)
      if (part_value(from, spec->name) != part_value(*dt->to, spec->name)) diff_rank = std::max(diff_rank, rank(spec->name));
  }
  if (diff_rank < 0) {
    for (const auto* spec : specs) {
      Blob b = part_blob(*spec, from, dt->season, true, true);
      if (!b.empty()) date.children.push_back(std::move(b));
    }
  } else {
    // The parts at or below the largest difference form a block written twice.
    std::size_t first = specs.size(), last = 0;
    for (std::size_t i = 0; i < specs.size(); ++i) {
      if (rank(specs[i]->name) <= diff_rank) {
        first = std::min(first, i);
        last = std::max(last, i);
      }
    }
    std::string delimiter;
    for (const auto* spec : specs)
      if (rank(spec->name) == diff_rank) delimiter = spec->range_delimiter;
    for (std::size_t i = 0; i < specs.size(); ++i) {
      if (i < first || i > last) {
        Blob b = part_blob(*specs[i], from, dt->season, true, true);
        if (!b.empty()) date.children.push_back(std::move(b));
        continue;
      }
      if (i != first) continue;
      Blob range = Blob::group();
      Blob from_block = Blob::group();
      Blob to_block = Blob::group();
      from_block.delimiter = to_block.delimiter = d.delimiter;
      for (std::size_t k = first; k <= last; ++k) {
        Blob a = part_blob(*specs[k], from, 0, true, k != last);
        if (!a.empty()) from_block.children.push_back(std::move(a));
        Blob b = part_blob(*specs[k], *dt->to, 0, k != first, true);
        if (!b.empty()) to_block.children.push_back(std::move(b));
      }
      range.children.push_back(std::move(from_block));
      range.children.push_back(Blob::of_text(delimiter));
      range.children.push_back(std::move(to_block));
      date.children.push_back(std::move(range));
    }
  }
  if (date.children.empty()) return;
  st.rendered_any = true;
  if (d.localized) {
    Decor ld;
    ld.affixes = d.localized_affixes;
    date.decorate(ld);
  }
  date.decorate(node.decor);
  out.push_back(std::move(date));
}

}  // namespace litrev::csl
