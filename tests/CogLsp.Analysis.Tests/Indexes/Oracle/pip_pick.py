"""Oracle for PipPicker and ImageTags: asks pip itself (test-only, never at run time).

Input (JSON file, argv[1]):
  {"tag_targets": [target...], "cases": [{"id", "project", "specifier", "pre", "target", "sources": [
      {"kind": "simple"|"findlinks", "files": [{"filename", "requires_python", "yanked_reason"}]}]}]}
  target = {"major", "minor", "micro", "arch", "glibc_minor"}; yanked_reason null = not yanked.
  Optional per case: "format_options": [["no"|"only", value]...] (applied in order as --no-binary/--only-binary
  values through pip's FormatControl), "prefer_binary": bool, "hashes": ["sha256:..."] (the line's --hash values);
  per file: "sha256" (written as a #sha256= fragment of its link, as PEP 503 does).

Each case's sources are written as PEP 503 pages (and find-links pages) under a temporary directory that
pip's own PackageFinder reads through file:// URLs (pip reads a file:// index directory's index.html and a
local find-links .html page the same way as remote ones; loopback HTTP made no difference but was slower). The pick is the first candidate pip's resolver would
take: the real Factory._iter_found_candidates (yank rule included), with building the candidate replaced
by returning its link (no download, no metadata).

The image's tags are packaging's native ones for glibc 2.N (its _manylinux.platform_tags with the glibc
version patched), not get_supported(platforms=[...]), which reorders manylinux aliases.
"plans": [{"id", "default", "files": {"requirements.txt": text, ...}, "env": {NAME: value}}]: pip's own
parse_requirements reads requirements.txt (and what it includes) into a finder that starts with the default
index, as `pip install -r requirements.txt` does; the result is the finder's index URLs, find-links, --pre,
--prefer-binary and its FormatControl's sets.
Output (stdout): {"tags": [[tag...]...], "picks": [{"id", "version", "filename"} ...],
"plans": [{"id", "index_urls", "find_links", "pre", "prefer_binary", "no_binary", "only_binary"}]}.
"""
import html
import json
import os
import sys
import shutil
import tempfile
import urllib.parse
from types import SimpleNamespace

from pip._internal.index.collector import LinkCollector
from pip._internal.index.package_finder import PackageFinder
from pip._internal.models.format_control import FormatControl
from pip._internal.models.search_scope import SearchScope
from pip._internal.models.selection_prefs import SelectionPreferences
from pip._internal.models.target_python import TargetPython
from pip._internal.network.session import PipSession
from pip._internal.req.constructors import install_req_from_line
from pip._internal.req.req_file import parse_requirements
from pip._internal.resolution.resolvelib.factory import Factory
from pip._internal.utils.hashes import Hashes
from pip._vendor.packaging import _manylinux, tags
from pip._vendor.packaging.specifiers import SpecifierSet


_TAGS = {}


def native_tags(t):
    key = (t["major"], t["minor"], t["arch"], t["glibc_minor"])
    if key not in _TAGS:
        _TAGS[key] = _native_tags(t)
    return _TAGS[key]


def _native_tags(t):
    _manylinux._get_glibc_version = lambda: (2, t["glibc_minor"])
    _manylinux._have_compatible_abi = lambda arch: True
    arch = t["arch"]
    linux = "linux_" + arch
    platforms = list(_manylinux.platform_tags(linux, arch)) + [linux]
    version = (t["major"], t["minor"])
    interp = "cp%d%d" % version
    return list(tags.cpython_tags(version, [interp], platforms)) + list(
        tags.compatible_tags(version, interp, platforms)
    )


def write_pages(root, case):
    find_links, index_urls = [], []
    for i, source in enumerate(case["sources"]):
        anchors = []
        for f in source["files"]:
            attrs = ""
            if f.get("requires_python") is not None:
                attrs += ' data-requires-python="%s"' % html.escape(f["requires_python"])
            if f.get("yanked_reason") is not None:
                attrs += ' data-yanked="%s"' % html.escape(f["yanked_reason"])
            href = "/files/s%d/%s" % (i, urllib.parse.quote(f["filename"]))
            if f.get("sha256") is not None:
                href += "#sha256=" + f["sha256"]
            anchors.append('<a href="%s"%s>%s</a><br/>' % (href, attrs, html.escape(f["filename"])))
        body = "<!DOCTYPE html><html><body>\n" + "\n".join(anchors) + "\n</body></html>\n"
        base = os.path.join(root, case["id"], "s%d" % i)
        if source["kind"] == "simple":
            page_dir = os.path.join(base, case["project"])
            os.makedirs(page_dir, exist_ok=True)
            with open(os.path.join(page_dir, "index.html"), "w") as out:
                out.write(body)
            index_urls.append("/%s/s%d/" % (case["id"], i))
        else:
            os.makedirs(base, exist_ok=True)
            with open(os.path.join(base, "links.html"), "w") as out:
                out.write(body)
            find_links.append("/%s/s%d/links.html" % (case["id"], i))
    return find_links, index_urls


def pick(case, origin, find_links, index_urls, session):
    t = case["target"]
    target = TargetPython(py_version_info=(t["major"], t["minor"], t["micro"]))
    target._valid_tags = native_tags(t)
    collector = LinkCollector(
        session=session,
        search_scope=SearchScope.create(
            find_links=[origin + u for u in find_links],
            index_urls=[origin + u for u in index_urls],
            no_index=False,
        ),
    )
    format_control = FormatControl(set(), set())
    for kind, value in case.get("format_options") or []:
        if kind == "no":
            FormatControl.handle_mutual_excludes(value, format_control.no_binary, format_control.only_binary)
        else:
            FormatControl.handle_mutual_excludes(value, format_control.only_binary, format_control.no_binary)
    finder = PackageFinder.create(
        link_collector=collector,
        selection_prefs=SelectionPreferences(
            allow_yanked=True,
            allow_all_prereleases=case["pre"],
            format_control=format_control,
            prefer_binary=bool(case.get("prefer_binary")),
        ),
        target_python=target,
    )
    factory = Factory(
        finder=finder,
        preparer=None,
        make_install_req=None,
        wheel_cache=None,
        use_user_site=False,
        force_reinstall=False,
        ignore_installed=True,
        ignore_requires_python=False,
        py_version_info=(t["major"], t["minor"], t["micro"]),
    )
    factory._make_candidate_from_link = lambda link, extras, template, name, version: SimpleNamespace(
        link=link, version=version
    )
    ireq = install_req_from_line(case["project"] + case["specifier"])
    allowed = {}
    for value in case.get("hashes") or []:
        name, digest = value.split(":", 1)
        allowed.setdefault(name, []).append(digest)
    found = factory._iter_found_candidates([ireq], SpecifierSet(), Hashes(allowed), False, set())
    for candidate in found:
        return {"id": case["id"], "version": str(candidate.version), "filename": candidate.link.filename}
    return {"id": case["id"], "version": None, "filename": None}


def plan(case):
    root = tempfile.mkdtemp(prefix="coglsp-pip-plan-")
    for name, text in case["files"].items():
        with open(os.path.join(root, name), "w") as out:
            out.write(text)
    saved = {name: os.environ.get(name) for name in case.get("env", {})}
    os.environ.update(case.get("env", {}))
    try:
        collector = LinkCollector(
            session=PipSession(),
            search_scope=SearchScope.create(find_links=[], index_urls=[case["default"]], no_index=False),
        )
        finder = PackageFinder.create(
            link_collector=collector,
            selection_prefs=SelectionPreferences(allow_yanked=True),
        )
        for _ in parse_requirements(os.path.join(root, "requirements.txt"), PipSession(), finder=finder):
            pass
        return {
            "id": case["id"],
            "index_urls": list(finder.index_urls),
            "find_links": list(finder.find_links),
            "pre": finder.allow_all_prereleases,
            "prefer_binary": finder.prefer_binary,
            "no_binary": sorted(finder.format_control.no_binary),
            "only_binary": sorted(finder.format_control.only_binary),
        }
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        shutil.rmtree(root, ignore_errors=True)


def main():
    with open(sys.argv[1]) as f:
        data = json.load(f)
    result = {
        "tags": [[str(t) for t in native_tags(t)] for t in data.get("tag_targets", [])],
        "picks": [],
        "plans": [plan(case) for case in data.get("plans", [])],
    }
    cases = data.get("cases", [])
    if cases:
        root = tempfile.mkdtemp(prefix="coglsp-pip-oracle-")
        pages = [write_pages(root, case) for case in cases]
        origin = "file://" + urllib.parse.quote(root)
        session = PipSession()
        for case, (find_links, index_urls) in zip(cases, pages):
            result["picks"].append(pick(case, origin, find_links, index_urls, session))
        shutil.rmtree(root, ignore_errors=True)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
