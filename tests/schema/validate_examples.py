#!/usr/bin/env python3
"""Validates every model file under EXAMPLES/*/ against the JSON Schema (python3-jsonschema).

usage: validate_examples.py SCHEMA EXAMPLES_DIR
Prints one line per problem and a closing `N passed, M failed` that counts files; exits 1 when a file
failed or when there was no file to validate.
"""
import json
import pathlib
import sys

import jsonschema
import yaml

schema = json.loads(pathlib.Path(sys.argv[1]).read_text())
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
passed = failed = 0
for path in sorted(pathlib.Path(sys.argv[2]).glob("*/*.y*ml")):
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        errors = [error]
    for error in errors:
        where = "/".join(map(str, getattr(error, "absolute_path", [])))
        print(f"{path}: {where}: {getattr(error, 'message', error)}")
    if errors:
        failed += 1
    else:
        passed += 1
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed or passed == 0 else 0)
