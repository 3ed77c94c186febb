#!/usr/bin/env python3
"""Writes a BibTeX file of N distinct articles with long abstracts (~250 words each), for the
search benchmark: every abstract holds the common words ("the", "social", "organizations"...),
so a search for them has tens of thousands of hits. Deterministic for a given seed.

    make_abstracts_bib.py N OUT [--seed S] [--words W]

--words: words per abstract (default 250); 280000 makes the full-text-sized abstracts on which
FTS5's snippet() took minutes.
"""
import random
import sys

WORDS = """the of and in to a is that for on as with by this are from be an which or at it we
social organizations institutional responsible artificial intelligence ethics label certification
governance public action policy market economic sociology firms corporate responsibility csr
legitimacy isomorphism field actors standards audit trust regulation compliance accountability
data algorithms platform transparency fairness bias discrimination stakeholders norms values
professional expertise state europe france law soft hard instruments voluntary disclosure risk
innovation technology industry startups consultants evaluation metrics rankings valuation worth
conventions justification critique capitalism finance investors sustainability environmental
labour work workers management organization network movement activism civil society ngo
qualitative interviews ethnography survey case study comparative historical analysis theory
framework concept mechanism process change diffusion adoption translation decoupling myth
ceremony symbolic practice routine identity category classification boundary jurisdiction""".split()
FAMILIES = """Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent
Lefebvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard Andre Mercier Dupont
Lambert Bonnet Francois Martinez Smith Johnson Brown Jones Miller Davis Wilson Anderson Taylor""".split()
GIVEN = "Anne Paul Marie Jean Claire Pierre Sophie Luc Julie Marc Emma Hugo Alice Louis Chloe".split()


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 7
    words = int(sys.argv[sys.argv.index("--words") + 1]) if "--words" in sys.argv else 250
    rng = random.Random(seed)
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            title = " ".join(rng.choice(WORDS[20:]) for _ in range(8)).capitalize()
            abstract = " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."
            authors = " and ".join(f"{rng.choice(FAMILIES)}, {rng.choice(GIVEN)}" for _ in range(rng.randint(1, 4)))
            f.write(f"@article{{a{i},\n  author = {{{authors}}},\n  title = {{{title} {i}}},\n"
                    f"  journal = {{Journal of Synthetic Studies}},\n  year = {{{1990 + i % 35}}},\n"
                    f"  volume = {{{1 + i % 60}}}, pages = {{{1 + i % 300}--{20 + i % 300}}},\n"
                    f"  abstract = {{{abstract}}}\n}}\n\n")


if __name__ == "__main__":
    main()
