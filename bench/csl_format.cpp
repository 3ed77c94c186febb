// bench_csl_format: formats a CSL-JSON library with a style, one entry per line, and times it.
//
//   bench_csl_format [--ids] [--html] [--locale L] [--repeat N] [--time] STYLE.csl|NAME LIB.json
//
// Prints "id<TAB>entry" lines (--ids) in the style's order, as citeproc_js_bibliography.js
// does, so that both outputs can be compared with compare_bib_lines.py. --time prints
// "entries/s" on stderr instead of the entries (the benchmark in bench/csl.sh).
#include <chrono>
#include <ctime>
#include <cstring>
#include <iostream>
#include <string>

#include "src/csl/bibliography.hpp"
#include "src/csl/catalog.hpp"
#include "src/csl/csl_error.hpp"
#include "src/csl/item_json.hpp"
#include "src/csl/xml_file.hpp"

int main(int argc, char** argv) {
  using namespace litrev::csl;
  bool ids = false, html = false, time = false;
  std::string locale;
  int repeat = 1;
  int i = 1;
  for (; i < argc && std::strncmp(argv[i], "--", 2) == 0; ++i) {
    const std::string a = argv[i];
    if (a == "--ids") ids = true;
    else if (a == "--html") html = true;
    else if (a == "--time") time = true;
    else if (a == "--locale" && i + 1 < argc) locale = argv[++i];
    else if (a == "--repeat" && i + 1 < argc) repeat = std::stoi(argv[++i]);
    else {
      std::cerr << "unknown option " << a << "\n";
      return 2;
    }
  }
  if (argc - i != 2) {
    std::cerr << "usage: bench_csl_format [--ids] [--html] [--locale L] [--repeat N] [--time] STYLE LIB.json\n";
    return 2;
  }
  try {
    const auto catalog = StyleCatalog::from_environment();
    const auto t0 = std::chrono::steady_clock::now();
    Processor processor(catalog.load(argv[i], locale));
    const auto t1 = std::chrono::steady_clock::now();
    const auto items = read_csl_json(read_text_file(argv[i + 1])).items;
    const auto t2 = std::chrono::steady_clock::now();
    const std::clock_t c2 = std::clock();
    std::size_t entries = 0;
    std::string out;
    for (int r = 0; r < repeat; ++r) {
      const auto bib = processor.bibliography(items);
      out.clear();
      for (const auto& e : bib.entries) {
        if (ids) out += e.id + "\t";
        out += render(e.content, html ? OutputFormat::html : OutputFormat::text);
        out += '\n';
      }
      entries += bib.entries.size();
    }
    const auto t3 = std::chrono::steady_clock::now();
    const double cpu = static_cast<double>(std::clock() - c2) / CLOCKS_PER_SEC;
    auto secs = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
    if (time) {
      std::cerr << "style load " << secs(t0, t1) * 1000 << " ms, json read " << secs(t1, t2) * 1000 << " ms, "
                << entries << " entries in " << secs(t2, t3) << " s (" << cpu << " s CPU): "
                << static_cast<long>(entries / secs(t2, t3)) << " entries/s, " << static_cast<long>(entries / cpu)
                << " entries per CPU second\n";
    } else {
      std::cout << out;
    }
  } catch (const CslError& e) {
    std::cerr << "bench_csl_format: " << e.what() << "\n";
    return 3;
  } catch (const std::exception& e) {
    std::cerr << "bench_csl_format: " << e.what() << "\n";
    return 3;
  }
  return 0;
}
