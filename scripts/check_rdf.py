#!/usr/bin/env python3
"""Check newsgraph's RDF exports with an RDF library other than oxigraph (rdflib).

    check_rdf.py FILE... [--expect "S P O"]... [--min-graphs N]

Parses every FILE in the format its extension gives (.ttl Turtle, .nt N-Triples,
.nq N-Quads, .trig TriG) and prints its triple or quad count and, for the quad formats,
its number of named graphs.

--expect "NER expulsion FRA" (repeatable) requires, in every file, a triple whose subject
IRI ends with /NER or #NER, whose predicate IRI's local name (after the last / or #) is
expulsion, and whose object IRI ends with /FRA or #FRA; in a quad format the triple may be
in any graph. --min-graphs N requires at least N named graphs in every quad-format file
(triple formats have none and are not checked).

Exits 0 when every file parses and every check holds; 1 with a message naming the file
and the check otherwise; 2 on bad arguments.
"""

import argparse
import os
import sys

try:
    from rdflib import Dataset, Graph, URIRef
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
except ImportError:
    sys.exit("check_rdf.py: rdflib is not installed (pip install rdflib)")

# extension -> (rdflib format, holds named graphs)
FORMATS = {
    ".ttl": ("turtle", False),
    ".nt": ("nt", False),
    ".nq": ("nquads", True),
    ".trig": ("trig", True),
}


def local_name(iri):
    """The part of an IRI after its last / or #."""
    cut = max(iri.rfind("/"), iri.rfind("#"))
    return iri[cut + 1:]


def parse_expectation(text):
    parts = text.split()
    if len(parts) != 3:
        raise argparse.ArgumentTypeError(
            f'expected "SUBJECT PREDICATE OBJECT" (three words), found {text!r}')
    return tuple(parts)


def load(path, fmt, is_dataset):
    """Parses a file; returns a list of (s, p, o, g), g None for the default graph."""
    if is_dataset:
        ds = Dataset()
        ds.parse(path, format=fmt)
        quads = []
        for s, p, o, g in ds.quads((None, None, None, None)):
            name = getattr(g, "identifier", g)
            quads.append((s, p, o, None if name in (None, DATASET_DEFAULT_GRAPH_ID) else name))
        return quads
    graph = Graph()
    graph.parse(path, format=fmt)
    return [(s, p, o, None) for s, p, o in graph]


def holds(quads, expectation):
    s_want, p_want, o_want = expectation
    for s, p, o, _ in quads:
        if not (isinstance(s, URIRef) and isinstance(p, URIRef) and isinstance(o, URIRef)):
            continue
        if local_name(str(p)) != p_want:
            continue
        if local_name(str(s)) == s_want and local_name(str(o)) == o_want:
            # local_name cuts at the last / or #, so this is "ends with /X or #X"
            return True
    return False


def check_file(path, expectations, min_graphs):
    """Returns a list of failure messages for one file (empty when it passes)."""
    ext = os.path.splitext(path)[1].lower()
    if ext not in FORMATS:
        known = ", ".join(sorted(FORMATS))
        return [f"{path}: unknown extension {ext or '(none)'!r}; expected one of {known}"]
    fmt, is_dataset = FORMATS[ext]
    try:
        quads = load(path, fmt, is_dataset)
    except FileNotFoundError:
        return [f"{path}: no such file"]
    except Exception as e:  # rdflib raises many kinds of parse errors
        return [f"{path}: does not parse: {type(e).__name__}: {e}"]
    failures = []
    if is_dataset:
        graphs = {g for *_, g in quads if g is not None}
        in_default = sum(1 for *_, g in quads if g is None)
        print(f"{path}: {len(quads)} quads, {len(graphs)} named graphs, "
              f"{in_default} quads in the default graph")
        if min_graphs is not None and len(graphs) < min_graphs:
            failures.append(f"{path}: expected at least {min_graphs} named graphs, "
                            f"found {len(graphs)}")
    else:
        print(f"{path}: {len(quads)} triples")
        if min_graphs is not None:
            print(f"{path}: a triple format has no named graphs; --min-graphs not checked")
    if not quads:
        failures.append(f"{path}: no triples at all")
    for e in expectations:
        if holds(quads, e):
            print(f"{path}: found {' '.join(e)}")
        else:
            failures.append(
                f"{path}: expected a triple <…/{e[0]}> <…{e[1]}> <…/{e[2]}> "
                f"(subject ending /{e[0]} or #{e[0]}, predicate local name {e[1]!r}, "
                f"object ending /{e[2]} or #{e[2]}), found none")
    return failures


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Parse RDF files with rdflib, print counts, check expected triples.")
    ap.add_argument("files", nargs="+", metavar="FILE",
                    help="an RDF file: .ttl, .nt, .nq or .trig")
    ap.add_argument("--expect", action="append", default=[], type=parse_expectation,
                    metavar='"S P O"',
                    help="a triple that must exist: subject id, predicate local name, "
                         "object id (repeatable)")
    ap.add_argument("--min-graphs", type=int, default=None, metavar="N",
                    help="minimum number of named graphs in each .nq/.trig file")
    args = ap.parse_args(argv)
    failures = []
    for path in args.files:
        failures.extend(check_file(path, args.expect, args.min_graphs))
    if failures:
        for f in failures:
            print(f"check_rdf.py: FAILED: {f}", file=sys.stderr)
        return 1
    print(f"check_rdf.py: {len(args.files)} file(s) OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
