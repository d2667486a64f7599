#!/usr/bin/env python3
"""Validates every model file under examples/ against the JSON Schema (Debian's python3-jsonschema)."""
import json
import pathlib
import sys

import jsonschema
import yaml

schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failures = 0
count = 0
for path in sorted(pathlib.Path(sys.argv[2]).glob("*/*.y*ml")):
    document = yaml.safe_load(path.read_text())
    count += 1
    for error in validator.iter_errors(document):
        failures += 1
        print(f"{path}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
print(f"{count - (1 if failures else 0)} passed, {1 if failures else 0} failed")
sys.exit(1 if failures or count == 0 else 0)
