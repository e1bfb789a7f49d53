"""Test oracle: pip's own verdict on requirements-file lines (never used by the product).

Reads a JSON list of line texts, prints a JSON list of verdicts: "ok", "legacy" (accepted only
because this pip still takes legacy versions), or "err:<reason>".
"""
import json
import os
import sys
import tempfile
import logging

logging.disable(logging.CRITICAL)
from pip._internal.req.req_file import preprocess, get_line_parser, ParsedLine, handle_requirement_line
from pip._internal.req.constructors import install_req_from_parsed_requirement
from pip._vendor.packaging.specifiers import LegacySpecifier

with open(sys.argv[1], encoding="utf-8") as f:
    lines = json.load(f)
os.chdir(tempfile.mkdtemp())
for k in list(os.environ):
    if k.isupper() and k.startswith("REQ_"):
        del os.environ[k]
parse_line = get_line_parser(None)
out = []
for text in lines:
    try:
        verdict = "ok"
        for lineno, line in preprocess(text):
            args_str, opts = parse_line(line)
            parsed = ParsedLine("r.txt", lineno, args_str, opts, False)
            if parsed.is_requirement:
                ireq = install_req_from_parsed_requirement(handle_requirement_line(parsed))
                if ireq.req is not None and any(isinstance(s, LegacySpecifier) for s in ireq.req.specifier):
                    verdict = "legacy"
        out.append(verdict)
    except BaseException as e:  # optparse exits, InstallationError, InvalidMarker, ...
        out.append("err:" + type(e).__name__ + ": " + str(e).replace("\n", " ")[:300])
sys.stdout.write(json.dumps(out))
