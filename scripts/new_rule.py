#!/usr/bin/env python3
"""Scaffolds a threat rule with every artefact it needs (clang-tidy's add_new_check.py).

    scripts/new_rule.py GROUP-NAME --title "Short title" [--stride Tampering] [--flow|--component]

creates
    src/rules/<group>/<name>_rule.cc           the rule class (in an anonymous namespace) with its
                                               RuleInfo, a Check() stub and its factory
                                               Make<Group><Name>Rule()
    docs/rules/<id>.md                         the doc page (checked against the metadata by a test)
    tests/rules/<id>/positive.yaml, negative.yaml, positive.expected
                                               golden models for the table-driven test
and adds the factory's declaration to src/rules/<group>/<group>_rules.h, the registration line to
src/rules/<group>/<group>_rules.cc and a line to docs/rules/index.md. Citations that several rules
share are constants in src/rules/rule_refs.h (refs::kTir57Threats, refs::kCapec94, ...). The MITRE
EMB3D threat ids a rule cites (info.emb3d) must also be listed by hand in docs/rules/emb3d.md
(catalog_refs_test.cc checks it). The golden test fails until positive.expected names real threat
ids, so no rule lands without its tests. Groups: comm, device, medical, env, model.
"""
import argparse
import copy
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GROUPS = ["comm", "device", "medical", "env", "model"]
EXPOSURES = ["design", "proximity", "network", "remote", "physical"]
LIKELIHOODS = ["Low", "Medium", "High"]
REGISTER_MARKER = "  // scripts/new_rule.py adds registrations above this line"
FACTORY_MARKER = "// scripts/new_rule.py adds factories above this line"

# The golden models start from this design, on which no built-in rule fires.
BASE_MODEL = {
    "medtra": 1,
    "system": {
        "id": "golden", "name": "Golden model", "intended_use": "Exercise one rule.",
        "essential_functions": [{"id": "EF-1", "name": "Monitor the patient", "component": "dev"}],
        "intended_environment": [{"id": "ENV-1", "name": "Clinic", "setting": "clinic",
                                  "physical_access": "controlled", "network": "none",
                                  "operated_by": "clinician"}],
    },
    "zones": [{"id": "Z-a", "name": "Zone A", "kind": "clinic"}],
    "components": [
        {"id": "dev", "name": "Device", "kind": "implant", "zone": "Z-a", "debug_port": "none",
         "update": "signed", "credentials": "unique", "keys": "per-device", "audit_log": True,
         "wakeup_limit": True},
        {"id": "hub", "name": "Hub", "kind": "programmer", "zone": "Z-a", "debug_port": "none",
         "update": "signed", "credentials": "unique", "keys": "per-device", "audit_log": True,
         "wakeup_limit": True},
    ],
    "assets": [{"id": "A-data", "name": "Data", "kind": "data", "protect": ["integrity"],
                "essential_function": "EF-1"}],
    "flows": [{"id": "F-1", "between": ["hub", "dev"], "medium": "rf", "carries": ["A-data"],
               "authentication": "certificate", "confidentiality": "encrypted",
               "integrity": "signature", "freshness": "nonce", "authorization": "role-based",
               "availability": "redundant"}],
}


def base_model():
    return copy.deepcopy(BASE_MODEL)


def names(rule_id):
    group, _, rest = rule_id.partition("-")
    stem = rest.replace("-", "_")
    cls = "".join(p.capitalize() for p in rule_id.split("-")) + "Rule"
    return group, stem, cls


def factory(rule_id):
    return "Make" + names(rule_id)[2]


def cxx(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def cxx_list(items):
    return "{" + ", ".join(cxx(i) for i in items) + "}"


def cxx_refs(refs):
    return "{" + ", ".join("{%s, %s}" % (cxx(i), cxx(n)) for i, n in refs) + "}"


def render_factory(spec):
    """The factory definition as clang-format writes it: one line when it fits in 100 columns."""
    cls = names(spec["id"])[2]
    head = f"std::unique_ptr<ThreatRule> {factory(spec['id'])}() {{"
    body = f"return std::make_unique<{cls}>();"
    one_line = f"{head} {body} }}"
    return (one_line if len(one_line) <= 100 else f"{head}\n  {body}\n}}") + "\n"


def render_source(spec):
    group, stem, cls = names(spec["id"])
    body = spec.get("body", "  (void)context;\n  (void)out;  // TODO: find the threat\n")
    exposure = "k" + spec.get("exposure", "design").capitalize()
    system = "".join(f"#include {i}\n" for i in sorted(set(spec.get("includes", []))))
    system = system + "\n" if system else ""
    return f"""// {spec['id']}: {spec['title']}. Documented in docs/rules/{spec['id']}.md.
{system}#include "medtra/rules/rule_context.h"
#include "rules/{group}/{group}_rules.h"
#include "rules/rule_helpers.h"

namespace medtra::rules {{
namespace {{

RuleInfo MakeInfo() {{
  RuleInfo info;
  info.id = {cxx(spec['id'])};
  info.group = {cxx(group)};
  info.title = {cxx(spec['title'])};
  info.stride = {cxx_list(spec.get('stride', []))};
  info.capec = {cxx_refs(spec.get('capec', []))};
  info.cwe = {cxx_refs(spec.get('cwe', []))};
  info.emb3d = {cxx_list(spec.get('emb3d', []))};
  info.detects = {cxx(spec['detects'])};
  info.rationale = {cxx(spec.get('rationale', 'TODO'))};
  info.mitigation = {cxx(spec.get('mitigation', 'TODO'))};
  info.fda_category = {cxx(spec.get('fda', ''))};
  info.iec62443 = {cxx_list(spec.get('iec', []))};
  info.references = {cxx_list(spec.get('refs', []))};
  info.exposure = Exposure::{exposure};
  info.base_likelihood = {spec.get('likelihood', 1)};
  return info;
}}

/// {spec['detects']}
class {cls} final : public BuiltinRule {{
 public:
  {cls}() : BuiltinRule(MakeInfo()) {{}}
  void Check(const RuleContext& context, MatchList& out) const override;
}};

void {cls}::Check(const RuleContext& context, MatchList& out) const {{
{body}}}

}}  // namespace

{render_factory(spec)}
}}  // namespace medtra::rules
"""


def join_refs(refs):
    return ", ".join(f"{i} ({n})" for i, n in refs) or "—"


def render_doc(spec):
    """Keep in sync with DocLines() in src/rules/rule_docs_test.cc."""
    group, _, _ = names(spec["id"])
    rows = [
        ("Group", group),
        ("STRIDE", ", ".join(spec.get("stride", [])) or "—"),
        ("CAPEC", join_refs(spec.get("capec", []))),
        ("CWE", join_refs(spec.get("cwe", []))),
        ("EMB3D", ", ".join(spec.get("emb3d", [])) or "—"),
        ("FDA control category", spec.get("fda", "") or "—"),
        ("IEC 62443-4-2", ", ".join(spec.get("iec", [])) or "—"),
        ("Exposure", spec.get("exposure", "design")),
        ("Base likelihood", LIKELIHOODS[spec.get("likelihood", 1)]),
    ]
    table = "\n".join(f"| {k} | {v} |" for k, v in rows)
    refs = "\n".join(f"- {r}" for r in spec.get("refs", [])) or "- —"
    rid = spec["id"]
    return f"""# {rid}: {spec['title']}

| Field | Value |
| --- | --- |
{table}

## What it detects

{spec['detects']}

## Why it is a threat

{spec.get('rationale', 'TODO')}

## Mitigation

{spec.get('mitigation', 'TODO')}

## References

{refs}

## Examples

Golden models: [`positive.yaml`](../../tests/rules/{rid}/positive.yaml) fires
(`positive.expected` lists the threat ids), [`negative.yaml`](../../tests/rules/{rid}/negative.yaml)
does not. `medtra explain MODEL THREAT-ID` shows which attributes made it fire.
"""


def dump_yaml(model):
    import yaml
    return yaml.safe_dump(model, sort_keys=False, default_flow_style=False, width=100)


def write(path, text, force):
    full = os.path.join(ROOT, path)
    if os.path.exists(full) and not force:
        sys.exit(f"new_rule.py: {path} exists; not overwriting (use --force)")
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(text)


def insert_before(path, marker, line):
    """Puts `line` before `marker` in the file at `path`, once."""
    text = open(path).read()
    if line in text:
        return
    if marker not in text:
        sys.exit(f"new_rule.py: {os.path.relpath(path, ROOT)} has no line '{marker.strip()}'")
    with open(path, "w") as f:
        f.write(text.replace(marker, line + marker, 1))


def register(spec):
    group = names(spec["id"])[0]
    make = factory(spec["id"])
    insert_before(os.path.join(ROOT, "src/rules", group, f"{group}_rules.h"), FACTORY_MARKER,
                  f"/// {spec['id']}: {spec['title']}.\nstd::unique_ptr<ThreatRule> {make}();\n")
    insert_before(os.path.join(ROOT, "src/rules", group, f"{group}_rules.cc"), REGISTER_MARKER,
                  f"  Add(catalog, {make}());\n")


def render_index(specs):
    lines = ["# Threat rules", "",
             "One page per rule; `medtra rules list` and `medtra rules explain RULE` show the same",
             "metadata. Each page is checked against the rule's RuleInfo by `rule_docs_test.cc`.",
             "[emb3d.md](emb3d.md) lists the MITRE EMB3D threats that the rules cite.",
             "", "| Rule | Title | STRIDE |", "| --- | --- | --- |"]
    for s in sorted(specs, key=lambda s: s["id"]):
        lines.append(f"| [{s['id']}]({s['id']}.md) | {s['title']} | {', '.join(s.get('stride', []))} |")
    return "\n".join(lines) + "\n"


def add_index_line(spec):
    path = os.path.join(ROOT, "docs/rules/index.md")
    line = f"| [{spec['id']}]({spec['id']}.md) | {spec['title']} | {', '.join(spec.get('stride', []))} |"
    text = open(path).read().rstrip("\n").split("\n")
    if line not in text:
        text.append(line)
    head = [l for l in text if not l.startswith("| [")]
    rows = sorted(l for l in text if l.startswith("| ["))
    with open(path, "w") as f:
        f.write("\n".join(head + rows) + "\n")


def scaffold(spec, positive, negative, expected, force=False):
    group, stem, _ = names(spec["id"])
    write(f"src/rules/{group}/{stem}_rule.cc", render_source(spec), force)
    write(f"docs/rules/{spec['id']}.md", render_doc(spec), force)
    write(f"tests/rules/{spec['id']}/positive.yaml", dump_yaml(positive), force)
    write(f"tests/rules/{spec['id']}/negative.yaml", dump_yaml(negative), force)
    write(f"tests/rules/{spec['id']}/positive.expected", "".join(e + "\n" for e in expected), force)
    register(spec)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("id", help="GROUP-NAME, e.g. comm-weak-pairing")
    parser.add_argument("--title", required=True)
    parser.add_argument("--stride", action="append", default=[])
    parser.add_argument("--exposure", choices=EXPOSURES, default="design")
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args()
    if not re.fullmatch(r"[a-z]+(-[a-z0-9]+)+", args.id):
        sys.exit("new_rule.py: the id is kebab-case GROUP-NAME, e.g. comm-weak-pairing")
    group = args.id.split("-")[0]
    if group not in GROUPS:
        sys.exit(f"new_rule.py: unknown group '{group}'; one of: {', '.join(GROUPS)}")
    spec = {"id": args.id, "title": args.title, "stride": args.stride or ["Tampering"],
            "exposure": args.exposure, "detects": "TODO: which attributes make it fire."}
    scaffold(spec, base_model(), base_model(), [args.id + "@TODO"], args.force)
    add_index_line(spec)
    print(f"created {args.id}: edit src/rules/{group}/{names(args.id)[1]}_rule.cc (metadata and "
          f"Check), docs/rules/{args.id}.md, tests/rules/{args.id}/")


if __name__ == "__main__":
    main()
