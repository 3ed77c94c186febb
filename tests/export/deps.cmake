set(extra_deps litrev_bibtex)
