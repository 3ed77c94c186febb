# The sample-library test reads bib/ through the real BibTeX importer, as `litrev import` does.
set(extra_deps litrev_bibtex)
