#!/usr/bin/env python3
"""Check newsgraph's property-graph exports with networkx (a reader other than ours).

    check_property_graphs.py FILE... [--expect "NER expulsion FRA"]...

Reads every FILE by its name: .graphml with networkx.read_graphml, .nodes-links.json
with networkx.node_link_graph(edges="links"), a .neo4j folder's nodes.csv and
relationships.csv with Python's csv module; prints its node and edge counts, and
checks that every edge ends at a node, that node ids are unique (Neo4j), and that all
files given agree on the counts.

--expect "S kind T" (repeatable) requires, in every file, an edge from S to T whose
`kind` is the given one.

Exits 0 when every file reads and every check holds; 1 with a message naming the file
and the check otherwise; 2 on bad arguments.
"""

import argparse
import csv
import json
import os
import sys

try:
    import networkx as nx
except ImportError:
    sys.exit("check_property_graphs.py: networkx is not installed (pip install networkx)")


def fail(path, message):
    print(f"check_property_graphs.py: {path}: {message}", file=sys.stderr)
    sys.exit(1)


def read_networkx(path):
    """(node ids, [(source, target, kind)]) of a GraphML or nodes/links file."""
    if path.endswith(".graphml"):
        graph = nx.read_graphml(path)
    else:
        with open(path, encoding="utf-8") as f:
            graph = nx.node_link_graph(json.load(f), edges="links")
    if not graph.is_directed() or not graph.is_multigraph():
        fail(path, f"expected a directed multigraph, found {type(graph).__name__}")
    edges = [(s, t, d.get("kind")) for s, t, d in graph.edges(data=True)]
    return set(graph.nodes), edges


def read_neo4j(folder):
    """(node ids, [(source, target, kind)]) of a .neo4j folder."""
    ids = set()
    with open(os.path.join(folder, "nodes.csv"), encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        for row in rows:
            if len(row) != len(header):
                fail(folder, f"nodes.csv: {len(row)} fields, header has {len(header)}")
            if row[0] in ids:
                fail(folder, f"nodes.csv: duplicate id {row[0]!r}")
            ids.add(row[0])
    edges = []
    with open(os.path.join(folder, "relationships.csv"), encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f)
        for row in rows:
            if None in row or None in row.values():
                fail(folder, "relationships.csv: a row with the wrong number of fields")
            edges.append((row[":START_ID"], row[":END_ID"], row["kind"]))
    return ids, edges


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--expect", action="append", default=[], metavar="S KIND T")
    args = parser.parse_args()
    expected = []
    for e in args.expect:
        parts = e.split()
        if len(parts) != 3:
            parser.error(f"--expect takes 'SOURCE KIND TARGET', found {e!r}")
        expected.append(tuple(parts))

    counts = {}
    for path in args.files:
        p = path.rstrip("/")
        if p.endswith(".neo4j"):
            nodes, edges = read_neo4j(p)
        elif p.endswith(".graphml") or p.endswith(".nodes-links.json"):
            nodes, edges = read_networkx(p)
        else:
            parser.error(f"{path}: expected .graphml, .nodes-links.json or a .neo4j folder")
        for s, t, kind in edges:
            if s not in nodes or t not in nodes:
                fail(path, f"the edge {s} {kind} {t} ends outside the nodes")
        for s, kind, t in expected:
            if (s, t, kind) not in edges:
                fail(path, f"no edge {s} {kind} {t}")
        counts[path] = (len(nodes), len(edges))
        print(f"{path}: {len(nodes)} nodes, {len(edges)} edges")
    if len(set(counts.values())) > 1:
        fail(", ".join(counts), f"the files disagree on the counts: {counts}")


if __name__ == "__main__":
    main()
