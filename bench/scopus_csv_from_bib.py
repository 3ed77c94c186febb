#!/usr/bin/env python3
"""Writes a Scopus CSV export (the columns and quoting of Scopus's "Export > CSV", UTF-8 with a
BOM) from a Scopus BibTeX export, for measurements that need a Scopus CSV of real records
(importers/references/README.md: one cited work whatever the database wrote). Scopus writes
one `field={value},` per line in its BibTeX; that is all this reads.

    python3 bench/scopus_csv_from_bib.py ../shared/corpus/bibtex/bibliometrix/scopus_*.bib > scopus.csv
"""
import csv
import re
import sys

COLUMNS = ["Authors", "Author full names", "Author(s) ID", "Title", "Year", "Source title", "Volume", "Issue",
           "Art. No.", "Page start", "Page end", "Page count", "Cited by", "DOI", "Link", "Affiliations",
           "Authors with affiliations", "Abstract", "Author Keywords", "Index Keywords", "References",
           "Correspondence Address", "Editors", "Publisher", "ISSN", "ISBN", "CODEN", "PubMed ID",
           "Language of Original Document", "Abbreviated Source Title", "Document Type", "Publication Stage",
           "Open Access", "Source", "EID"]
FIELD = re.compile(r"^([a-z_0-9]+)=\{(.*)\},?\s*$")
ENTRY = re.compile(r"^@([A-Za-z]+)\{([^,]*),\s*$")
DOC_TYPES = {"ARTICLE": "Article", "BOOK": "Book", "INBOOK": "Book Chapter", "CONFERENCE": "Conference Paper",
             "INPROCEEDINGS": "Conference Paper"}


def scopus_author(bib_name):
    """'Guler, A.T.a' (BibTeX export, affiliation letters glued on) -> 'Guler A.T.'"""
    family, _, initials = bib_name.strip().partition(",")
    initials = re.sub(r"(?<=\.)[a-z]+([\s,]+[a-z])*$", "", initials.strip())
    return f"{family.strip()} {initials}".strip()


def entries(path):
    entry = None
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            if m := ENTRY.match(line):
                entry = {"@type": m.group(1).upper(), "@key": m.group(2)}
            elif entry is not None and (m := FIELD.match(line)):
                entry[m.group(1)] = m.group(2)
            elif entry is not None and line.startswith("}"):
                yield entry
                entry = None


def row(e):
    authors = [scopus_author(a) for a in e.get("author", "").split(" and ") if a.strip()]
    start, _, end = e.get("pages", "").partition("-")
    cited = re.search(r"cited By (\d+)", e.get("note", ""))
    eid = re.search(r"eid=([0-9a-z.\-]+)", e.get("url", ""))
    return {
        "Authors": ", ".join(authors),
        "Title": e.get("title", ""),
        "Year": e.get("year", ""),
        "Source title": e.get("journal", e.get("booktitle", "")),
        "Volume": e.get("volume", ""),
        "Issue": e.get("number", ""),
        "Art. No.": e.get("art_number", ""),
        "Page start": start,
        "Page end": end,
        "Cited by": cited.group(1) if cited else "",
        "DOI": e.get("doi", ""),
        "Link": e.get("url", ""),
        "Affiliations": e.get("affiliation", ""),
        "Abstract": e.get("abstract", ""),
        "Author Keywords": e.get("author_keywords", ""),
        "Index Keywords": e.get("keywords", ""),
        "References": e.get("references", ""),
        "Correspondence Address": e.get("correspondence_address1", ""),
        "Publisher": e.get("publisher", ""),
        "ISSN": e.get("issn", ""),
        "ISBN": e.get("isbn", ""),
        "Language of Original Document": e.get("language", ""),
        "Abbreviated Source Title": e.get("abbrev_source_title", ""),
        "Document Type": e.get("document_type", DOC_TYPES.get(e["@type"], "Article")),
        "Source": "Scopus",
        "EID": eid.group(1) if eid else "",
    }


def main():
    sys.stdout.reconfigure(encoding="utf-8", newline="")
    sys.stdout.write("\ufeff")
    writer = csv.DictWriter(sys.stdout, fieldnames=COLUMNS, quoting=csv.QUOTE_ALL, lineterminator="\r\n", restval="")
    writer.writeheader()
    n = 0
    for path in sys.argv[1:]:
        for e in entries(path):
            writer.writerow(row(e))
            n += 1
    print(f"{n} records", file=sys.stderr)


if __name__ == "__main__":
    main()
