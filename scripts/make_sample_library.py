#!/usr/bin/env python3
"""Writes bib/responsible-ai.bib, the sample library, from the team's verified reading list.

Usage: scripts/make_sample_library.py [READING_LIST_DIR] [OUT_FILE]
  READING_LIST_DIR  default ../shared/corpus/reading-list (relative to the repository)
  OUT_FILE          default bib/responsible-ai.bib

Only the reading list is read (works.tsv: metadata; cites.tsv: citation links with their
evidence). Nothing is looked up or completed: an empty cell stays out of the entry. The output is
deterministic, so running the script again on the same reading list gives the same file.

Decisions on links (see bib/README.md):
  * metcalf2019 -> power1997 is dropped: it rests on an in-text citation quoted by a third party;
    the reading list itself calls it the least certain link.
  * greenwood2016 -> freeman1984 is not an in-library link: its evidence is the CR line
    "Freeman Richard B., 1984, WHAT DO UNIONS DO", another Freeman's 1984 book. That CR line is
    kept as a cited reference of greenwood2016 instead.
"""

import csv
import re
import sys
from collections import OrderedDict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READING_LIST = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus" / "reading-list"
OUT = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "bib" / "responsible-ai.bib"

# Reading-list type -> BibTeX entry type, and the field the `container` column goes into.
TYPES = {
    "article": ("article", "journal"),
    "book": ("book", None),
    "conference": ("inproceedings", "booktitle"),
    "chapter": ("incollection", "booktitle"),
    "report": ("techreport", None),
}

# Topic labels of the reading list -> readable keywords (cluster labels are built from them).
TOPICS = {
    "ai-ethics": "AI ethics",
    "standards-certification": "standards and certification",
    "organizations": "organizations",
    "csr": "corporate social responsibility",
    "quantification": "quantification",
    "public-action": "public action",
}

DROPPED_LINKS = {("metcalf2019", "power1997")}
# In-library links whose evidence names another work: (citing, cited) -> the CR line to keep.
RELINKED_AS_REFERENCE = {("greenwood2016", "freeman1984"): "Freeman Richard B., 1984, WHAT DO UNIONS DO"}

SUFFIXES = ("Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV")


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def escape(value):
    """LaTeX specials in readable fields ("Big Data & Society")."""
    return re.sub(r"([&%$#_])", r"\\\1", value)


def protect_capitals(title):
    """Braces around acronyms and inner capitals ("AI", "ChatGPT", "FAccT") so that styles which
    change case keep them."""
    return re.sub(r"(?<![\w{])([\w-]*[A-Z][\w-]*[A-Z][\w-]*)", r"{\1}", title)


def bibtex_name(name):
    name = name.strip()
    if "," not in name:
        return "{" + escape(name) + "}"  # an organisation: one literal name
    family, given = [p.strip() for p in name.split(",", 1)]
    for suffix in SUFFIXES:  # "Daumé III, Hal" is written "Daumé, III, Hal" in BibTeX
        if family.endswith(" " + suffix):
            return f"{family[: -len(suffix) - 1]}, {suffix}, {given}"
    return f"{family}, {given}"


def pages(value):
    if re.fullmatch(r"\d+-\d+", value):
        return value.replace("-", "--")
    if re.fullmatch(r"\d+-", value):  # last page not verified: keep the open range
        return value[:-1] + "--"
    return value


def wos_ut(verified_by):
    m = re.search(r"record (WOS:\d+)", verified_by)
    return m.group(1) if m else ""


def main():
    works = read_tsv(READING_LIST / "works.tsv")
    links = read_tsv(READING_LIST / "cites.tsv")
    keys = [w["id"] for w in works]
    assert len(set(keys)) == len(keys), "duplicate ids in works.tsv"
    known = set(keys)

    cites = OrderedDict((k, []) for k in keys)
    cited_refs = OrderedDict((k, []) for k in keys)
    for link in links:
        citing, cited = link["citing_id"], link["cited_id_or_reference"]
        assert citing in known, f"unknown citing id {citing}"
        if (citing, cited) in DROPPED_LINKS:
            continue
        if (citing, cited) in RELINKED_AS_REFERENCE:
            cited_refs[citing].append(RELINKED_AS_REFERENCE[(citing, cited)])
            continue
        if cited.startswith("REF: "):
            if cited[5:] not in cited_refs[citing]:
                cited_refs[citing].append(cited[5:])
        else:
            assert cited in known, f"unknown cited id {cited}"
            if cited not in cites[citing]:
                cites[citing].append(cited)

    out = [HEADER.strip() + "\n"]
    for w in works:
        entry_type, container_field = TYPES[w["type"]]
        fields = [("author", " and ".join(bibtex_name(a) for a in w["authors"].split(";")))]
        fields.append(("title", protect_capitals(escape(w["title"]))))
        if w["container"]:
            if container_field:
                fields.append((container_field, escape(w["container"])))
            elif entry_type == "techreport":
                fields.append(("institution", escape(w["container"])))
        fields.append(("year", w["year"]))
        for name, column in (("volume", "volume"), ("number", "issue")):
            if w[column]:
                fields.append((name, w[column]))
        if w["pages"]:
            fields.append(("pages", pages(w["pages"])))
        if w["publisher"]:
            # A report's publisher is its institution in BibTeX.
            name = "institution" if entry_type == "techreport" and not w["container"] else "publisher"
            fields.append((name, escape(w["publisher"])))
        if w["doi"]:
            fields.append(("doi", w["doi"]))
        fields.append(("keywords", TOPICS[w["topic"]]))
        ut = wos_ut(w["verified_by"])
        if ut:
            fields.append(("unique-id", ut))
        if cites[w["id"]]:
            fields.append(("cites", ", ".join(cites[w["id"]])))
        if cited_refs[w["id"]]:
            fields.append(("cited-references", "\n   ".join(cited_refs[w["id"]])))
        width = max(len(n) for n, _ in fields)
        body = ",\n".join(f"  {n.ljust(width)} = {{{v}}}" for n, v in fields)
        out.append(f"@{entry_type}{{{w['id']},\n{body}\n}}\n")

    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(out), encoding="utf-8")
    n_cites = sum(len(v) for v in cites.values())
    n_refs = sum(len(v) for v in cited_refs.values())
    print(f"{OUT}: {len(works)} entries, {n_cites} cites links, {n_refs} cited references", file=sys.stderr)


HEADER = """
@comment{
  litrev sample library: responsible-AI labels, certification and metrics, read through the
  sociology of organizations (institutional theory, standards and certification), the sociology
  of public action (policy instruments), economic sociology (quantification, commensuration,
  rankings) and corporate social responsibility.

  Where the data comes from: the team's verified reading list (corpus/reading-list in the shared
  material), written out by scripts/make_sample_library.py. The key works' metadata was checked
  against Web of Science cited-reference lines, public reference lists, publisher pages and
  curated bibliographies; a field that could not be verified is absent, never guessed (no DOI
  was made up). The other records are Web of Science records (Clarivate exports, field by field,
  journal names in capitals as WoS gives them, unique-id = the WoS accession number): they are
  test and demo data, not for release artefacts.

  How citations are written (two fields):
  - cites: the keys of the works of this file that the entry cites, comma-separated (a litrev
    field; it also accepts doi:10.x/y items);
  - cited-references: references to works outside this file, one Web of Science cited-reference
    line per line, as WoS's own BibTeX export writes its Cited-References field.
  litrev imports both as the entry's references: cites become citations inside the library,
  cited references become the cited works the library is missing (litrev graph missing).
}
"""

if __name__ == "__main__":
    main()
