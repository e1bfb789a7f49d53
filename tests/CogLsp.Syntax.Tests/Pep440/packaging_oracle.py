"""Test oracle: ordering and specifier matching by pip's vendored packaging (never used by the product).

Input JSON: {"versions": [...], "specifiers": [...]}. Output JSON: {"order": [indexes sorted],
"contains": [[spec, version, prereleases(None/True/False), result]...]}.
"""
import json
import sys
from functools import cmp_to_key
from pip._vendor.packaging.version import Version
from pip._vendor.packaging.specifiers import SpecifierSet

with open(sys.argv[1], encoding="utf-8") as f:
    data = json.load(f)
versions = [Version(v) for v in data["versions"]]
order = sorted(range(len(versions)), key=lambda i: (versions[i], i))
contains = []
for s in data["specifiers"]:
    spec = SpecifierSet(s)
    for v in versions:
        for pre in (None, True, False):
            contains.append(1 if spec.contains(v, prereleases=pre) else 0)
canon = [str(v) for v in versions]
sys.stdout.write(json.dumps({"order": order, "contains": contains, "canonical": canon}))
