set(extra_deps litrev_bibtex litrev_ris)
