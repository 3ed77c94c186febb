#!/usr/bin/env python3
"""How identifiers change who is who (issue 10 §3): a library of BibTeX records is enriched from
OpenAlex, and its author groups (`litrev people list --json`) are compared before and after.

The records are the works of the recorded OpenAlex answers in ../shared/fixtures/openalex (read in
place, never copied). A loopback server (127.0.0.1) answers `filter=doi:a|b|...` from them, as
OpenAlex would. The BibTeX side is what a citation index exports for those works: litrev's own
BibTeX export of them, with given names cut to initials as WoS and Scopus write them unless
--full-names. Then, on that library:

  before  people list --json                  names only: BibTeX carries no identifiers
          import openalex --enrich            records merge by DOI; people gain ORCID and
                                              OpenAlex ids when the author lists match one to one
  after   people list --json

and prints how many people carry an identifier, how many groups of `before` identifiers join
(one group after holds names of several groups before) and split (one group before lands in
several after).

    python3 bench/people_identifiers.py build/src/cli/litrev [--full-names]
"""
import http.server
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import threading
import urllib.parse

SHARED = pathlib.Path(__file__).resolve().parent.parent.parent / "shared" / "fixtures" / "openalex"


def fixture_works():
    works = {}
    for path in sorted(SHARED.glob("*.json")):
        try:
            body = json.loads(path.read_text())
        except ValueError:
            continue
        items = body.get("results", [body]) if isinstance(body, dict) else []
        for w in items:
            if isinstance(w, dict) and w.get("doi") and w.get("id"):
                works.setdefault(w["doi"].lower().removeprefix("https://doi.org/"), w)
    return works


class Replay(http.server.BaseHTTPRequestHandler):
    works = {}

    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        query = urllib.parse.parse_qs(url.query)
        match = re.match(r"doi:(.*)", query.get("filter", [""])[0])
        if url.path != "/works" or not match:
            self.send_response(404)
            self.end_headers()
            return
        results = []
        if query.get("cursor", ["*"])[0] == "*":
            for doi in match.group(1).split("|"):
                work = self.works.get(doi.lower().removeprefix("https://doi.org/"))
                if work:
                    results.append(work)
        body = json.dumps({"meta": {"count": len(results), "per_page": 200,
                                    "next_cursor": "end" if results else None},
                           "results": results}).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def initials_only(bib):
    """'Rakotomalala, Jean Pierre' -> 'Rakotomalala, J. P.' inside author fields."""
    def cut(name):
        family, sep, given = name.partition(",")
        if not sep:
            return name
        initials = " ".join(p[0] + "." for p in re.split(r"[\s.\-]+", given.strip()) if p and p[0].isalpha())
        return f"{family.strip()}, {initials}" if initials else family.strip()

    def field(m):
        return m.group(1) + " and ".join(cut(n) for n in m.group(2).split(" and ")) + m.group(3)

    return re.sub(r"(\bauthor\s*=\s*\{)(.*?)(\},?\n)", field, bib)


def groups(litrev, db):
    out = subprocess.run([litrev, "--db", db, "people", "list", "--json"], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    litrev, full_names = sys.argv[1], "--full-names" in sys.argv
    Replay.works = fixture_works()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Replay)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    env = {"LITREV_OPENALEX_API": f"http://127.0.0.1:{server.server_port}", "PATH": "/usr/bin:/bin"}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        (tmp / "dois.txt").write_text("\n".join(Replay.works) + "\n")
        run = lambda db, *args: subprocess.run([litrev, "--db", str(tmp / db), "-q", *args], check=True, env=env,
                                               capture_output=True, text=True)
        run("records.db", "import", "openalex", "--doi-file", str(tmp / "dois.txt"))
        bib = run("records.db", "export", "bibtex").stdout
        (tmp / "library.bib").write_text(bib if full_names else initials_only(bib))
        run("library.db", "import", "bibtex", str(tmp / "library.bib"))
        before = groups(litrev, str(tmp / "library.db"))
        run("library.db", "import", "openalex", "--enrich")
        after = groups(litrev, str(tmp / "library.db"))
    server.shutdown()

    people = sum(len(g["people"]) for g in after)
    with_id = sum(1 for g in after for p in g["people"] if p["identifiers"])
    group_before = {p["person"]: i for i, g in enumerate(before) for p in g["people"]}
    group_after = {p["person"]: i for i, g in enumerate(after) for p in g["people"]}
    # People new after --enrich (a record whose author list did not match brings its own) are in
    # no group before: they neither join nor split anything.
    joins = sum(1 for g in after if len({group_before[p["person"]] for p in g["people"] if p["person"] in group_before}) > 1)
    splits = sum(1 for g in before if len({group_after.get(p["person"]) for p in g["people"]}) > 1)
    by_id = sum(1 for g in after for p in g["people"] if p["reason"] == "identifier")
    new_people = sum(1 for g in after for p in g["people"] if p["person"] not in group_before)
    print(f"works: {len(Replay.works)} recorded OpenAlex works, BibTeX names "
          f"{'in full' if full_names else 'cut to initials'}")
    print(f"people: {people}; carrying an identifier after --enrich: {with_id} ({100 * with_id / max(people, 1):.0f}%)")
    print(f"author groups: {len(before)} before, {len(after)} after; "
          f"groups that identifiers join: {joins}; groups they split: {splits}; "
          f"people joined to their group by an identifier: {by_id}; people new after --enrich: {new_people}")


if __name__ == "__main__":
    main()
