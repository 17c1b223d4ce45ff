#!/usr/bin/env bash
# Checks that the repository stands alone: what its comments and documents refer to is in it.
#
# 1. No source, test, script, example, schema or document mentions a reference document that
#    lives outside the repository (api-contract.md, config-language.md, style.md, a cli.md that
#    is not docs/cli.md, a ../shared folder) or an issue by number ("issue 8", "#8"). A
#    cross-repository reference such as apple/swift-openapi-generator#934 is fine, and so is a
#    Markdown link to a file beside the document ([the command line](cli.md) in docs/). The verb
#    "issue" followed by a number reads as an issue reference: write "issue two secrets".
# 2. Every relative link in README.md, BENCHMARKS.md and docs/*.md leads to a file or folder that
#    exists, and a link to a heading of a Markdown file (file.md#heading, or #heading) to a
#    heading that exists, with GitHub's rules for heading anchors.
#
# Each problem is printed as FILE:LINE: what is wrong; the exit status is 1 when there is any.
# Needs git, GNU grep and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

failed=0

echo "--- references: no document outside the repository, no issue numbers"
outside='api-contract\.md|config-language\.md|style\.md|\.\./shared|/work/shared'
bare_cli='(?<![\w./-])(?<!\]\()cli\.md'
issue_word='(?i)\bissues?\s*#?\s*[0-9]'
issue_hash='(?<![0-9A-Za-z_&/#.-])(?<!\]\()#[0-9]+(?![0-9A-Za-z_-]|[^\x00-\x7F])'
mapfile -d '' files < <(
    git ls-files -z --cached --others --exclude-standard -- \
        Sources Tests scripts examples schemas docs contrib README.md BENCHMARKS.md .ci action.yml Dockerfile Package.swift |
        grep -zv '^scripts/check-references\.sh$'
)
# C locale: the patterns work on bytes, so any non-ASCII byte after a number (an emoji marker) ends a match.
if matches=$(LC_ALL=C grep -nIP "$outside|$bare_cli|$issue_word|$issue_hash" -- "${files[@]}"); then
    while IFS= read -r match; do
        file=${match%%:*}
        rest=${match#*:}
        echo "$file:${rest%%:*}: refers to something outside the repository (a reference document or an issue number): ${rest#*:}"
    done <<< "$matches"
    failed=1
fi

echo "--- references: relative links in README.md, BENCHMARKS.md and docs/"
python3 - README.md BENCHMARKS.md docs/*.md <<'EOF' || failed=1
import os, re, sys, unicodedata

def slug(heading):
    """GitHub's anchor for a heading: lower case, only letters, digits, spaces, - and _, spaces as -."""
    text = re.sub(r"<[^>]+>", "", heading)                 # inline HTML
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links keep their text
    text = text.strip().lower()
    kept = "".join(c for c in text if c in " -_" or unicodedata.category(c)[0] in "LN")
    return kept.replace(" ", "-")

def code_free_lines(path, keep_inline_code=False):
    """The file's lines with fenced code blocks blanked and, unless kept, inline code spans removed."""
    fence = None
    for line in open(path, encoding="utf-8").read().split("\n"):
        stripped = line.lstrip()
        marker = re.match(r"(`{3,}|~{3,})", stripped)
        if fence:
            if marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence):
                fence = None
            yield ""
        elif marker:
            fence = marker.group(1)
            yield ""
        else:
            yield line if keep_inline_code else re.sub(r"(`+)(?:(?!\1).)+?\1", "", line)

anchors_of = {}
def anchors(path):
    if path not in anchors_of:
        found, seen = set(), {}
        for line in code_free_lines(path, keep_inline_code=True):
            heading = re.match(r" {0,3}#{1,6}\s+(.*?)\s*#*\s*$", line)
            if heading:
                base = slug(heading.group(1))
                count = seen.get(base, 0)
                seen[base] = count + 1
                found.add(base if count == 0 else f"{base}-{count}")
        for raw in re.findall(r"""<a\s+(?:id|name)=["']([^"']+)["']""", open(path, encoding="utf-8").read()):
            found.add(raw)
        anchors_of[path] = found
    return anchors_of[path]

link = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
problems = 0
for document in sys.argv[1:]:
    if not os.path.exists(document):
        continue
    for number, line in enumerate(code_free_lines(document), start=1):
        for match in link.finditer(line):
            target = match.group(1) or match.group(2)
            if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", target) or target.startswith("//"):
                continue  # http:, https:, mailto: and other absolute addresses
            path, _, fragment = target.partition("#")
            resolved = os.path.normpath(os.path.join(os.path.dirname(document), path)) if path else document
            problem = None
            if os.path.isabs(path):
                problem = f"the link {target} is absolute; write it relative to {document}"
            elif not os.path.exists(resolved):
                problem = f"the link {target} leads to {resolved}, which does not exist"
            elif fragment and resolved.endswith(".md") and fragment not in anchors(resolved):
                problem = f"the link {target} names #{fragment}, which is no heading of {resolved}"
            if problem:
                print(f"{document}:{number}: {problem}")
                problems += 1
sys.exit(1 if problems else 0)
EOF

if ((failed)); then
    echo "check-references: fix the places above" >&2
    exit 1
fi
echo "references: nothing to report"
