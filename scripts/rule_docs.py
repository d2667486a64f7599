#!/usr/bin/env python3
"""Writes the metadata part of every built-in rule's page docs/rules/<id>.md from the catalog.

    scripts/rule_docs.py BIN_DIR [--check]

Asks `BIN_DIR/medtra rules list/explain --format json` for each rule's RuleInfo and renders the
page as scripts/new_rule.py does (title, field table, what it detects, why it is a threat,
mitigation, references, examples); whatever a page has after its "## Examples" section is kept.
With --check it writes nothing and exits 1 when a page differs. src/rules/rule_docs_test.cc checks
the same metadata on every test run; run this after changing a rule's RuleInfo.
"""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import new_rule  # noqa: E402  (render_doc: one page format for both scripts)

EXAMPLES = "## Examples\n"


def spec_of(info):
    """RuleInfo as `medtra rules explain --format json` gives it -> new_rule.py's spec."""
    return {
        "id": info["id"], "title": info["title"], "stride": info["stride"],
        "capec": [(r["id"], r["name"]) for r in info["capec_names"]],
        "cwe": [(r["id"], r["name"]) for r in info["cwe_names"]],
        "emb3d": info["emb3d"],
        "fda": info["fda_category"], "iec": info["iec62443"], "exposure": info["exposure"],
        "likelihood": info["base_likelihood"], "detects": info["detects"],
        "rationale": info["rationale"], "mitigation": info["mitigation"],
        "refs": info["references"],
    }


def medtra(bin_dir, *args):
    out = subprocess.run([os.path.join(bin_dir, "medtra"), "rules", *args, "--format", "json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    if len(sys.argv) not in (2, 3) or (len(sys.argv) == 3 and sys.argv[2] != "--check"):
        sys.exit("usage: scripts/rule_docs.py BIN_DIR [--check]")
    bin_dir, check = sys.argv[1], len(sys.argv) == 3
    listed = medtra(bin_dir, "list")
    rules = listed["rules"] if isinstance(listed, dict) else listed
    stale = []
    for rule in rules:
        if rule["group"] == "user":
            continue
        info = medtra(bin_dir, "explain", rule["id"])
        path = os.path.join(new_rule.ROOT, "docs/rules", rule["id"] + ".md")
        old = open(path).read() if os.path.exists(path) else ""
        page = new_rule.render_doc(spec_of(info))
        if EXAMPLES in old:  # keep the page's own examples and anything after them
            page = page[:page.index(EXAMPLES)] + old[old.index(EXAMPLES):]
        if page == old:
            continue
        stale.append(os.path.relpath(path, new_rule.ROOT))
        if not check:
            with open(path, "w") as f:
                f.write(page)
    for path in stale:
        print(("differs: " if check else "wrote ") + path)
    sys.exit(1 if check and stale else 0)


if __name__ == "__main__":
    main()
