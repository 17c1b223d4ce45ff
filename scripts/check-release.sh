#!/usr/bin/env bash
# Checks a packed release the way a user gets it: unpacked outside the checkout and started with
# an empty environment (env -i), loading no library from the Swift toolchain.
#
#   scripts/check-release.sh dist/fracttal-VERSION-linux-x86_64.tar.gz
set -euo pipefail
cd "$(dirname "$0")/.."
repository=$PWD

tarball=${1:-}
if [[ ! -f $tarball ]]; then
    echo "usage: scripts/check-release.sh dist/fracttal-VERSION-linux-x86_64.tar.gz" >&2
    exit 1
fi
name=$(basename "$tarball" .tar.gz)
version=${name#fracttal-}
version=${version%-linux-x86_64}

fail() {
    echo "check-release: $*" >&2
    exit 1
}

echo "--- release: checksum and contents"
(cd "$(dirname "$tarball")" && sha256sum -c "$name.tar.gz.sha256")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$tarball" -C "$work"
root=$work/$name
binary=$root/fracttal
(cd "$root" && find . -type f -printf '%10s  %p\n' | sort -k2)
echo "tarball $(stat -c %s "$tarball") bytes ($(du -h "$tarball" | cut -f1)), binary $(stat -c %s "$binary") bytes ($(du -h "$binary" | cut -f1))"
for file in fracttal README.md LICENSE docs/cli.md fracttal.schema.json fracttal_FracttalConfig.resources/fracttal.schema.json \
    completions/fracttal.bash completions/_fracttal completions/fracttal.fish man/fracttal.1; do
    [[ -s $root/$file ]] || fail "$file is missing from the tarball"
done
for store in folder aws pass github; do
    [[ -x $root/contrib/secret-stores/$store/fracttal-store-$store ]] \
        || fail "contrib/secret-stores/$store/fracttal-store-$store is missing from the tarball, or not executable"
done
[[ -s $root/contrib/secret-stores/fracttal_store.py && -s $root/contrib/secret-stores/README.md ]] \
    || fail "contrib/secret-stores/fracttal_store.py or its README is missing from the tarball"
[[ ! -e $root/contrib/secret-stores/tests ]] || fail "the store helpers' tests are in the tarball"

echo "--- release: shared libraries (ldd under env -i)"
env -i ldd "$binary" | tee "$work/ldd.txt"
toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")
if grep -F "$toolchain" "$work/ldd.txt"; then
    fail "the binary loads the libraries above from the Swift toolchain ($toolchain)"
fi
if grep -E 'not found|libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime' "$work/ldd.txt"; then
    fail "the binary needs the libraries above, which a machine without Swift lacks"
fi
# README's "Install" section lists what the binary needs; a new library must be added there.
# libyaml is not among them: scripts/release.sh links its static archive.
while read -r library _; do
    case "$library" in
        linux-vdso.so.* | /lib64/ld-linux-x86-64.so.* | libc.so.* | libm.so.* | libstdc++.so.* | libgcc_s.so.* | libz.so.* | libsqlite3.so.*) ;;
        *) fail "the binary needs $library, which README's Install section does not list" ;;
    esac
done < "$work/ldd.txt"
# SwiftPM links with the run path $ORIGIN (the binary's own folder) and nothing else.
if readelf -d "$binary" | grep -E 'RPATH|RUNPATH' | grep -vF "path: [\$ORIGIN]"; then
    fail "the binary searches for libraries in the places above"
fi

echo "--- release: --version, outside the checkout, under env -i"
mkdir "$work/project"
cp -R "$repository/examples/quickstart" "$work/project/"
cd "$work/project"
printed=$(env -i "$binary" --version)
echo "fracttal --version: $printed"
[[ $printed == "$version" ]] || fail "--version prints '$printed', not '$version'"

echo "--- release: validate and plan examples/quickstart against the embedded sandbox, under env -i"
env -i "$binary" validate quickstart
env -i "$binary" plan quickstart | tee "$work/plan.txt"
grep -q "sandbox:" "$work/plan.txt" || fail "the plan does not name the embedded sandbox as its target"
[[ -f .fracttal/sandbox.sqlite ]] || fail "the embedded sandbox's store was not created"
env -i "$binary" schema | cmp - "$repository/schemas/fracttal.schema.json" \
    || fail "fracttal schema does not print schemas/fracttal.schema.json"

echo "--- release: a store helper runs from the unpacked tarball"
"$root/contrib/secret-stores/folder/fracttal-store-folder" --help > "$work/helper-help.txt" \
    || fail "contrib/secret-stores/folder/fracttal-store-folder --help failed from the tarball"

echo "--- release: completions and man page"
bash -n "$root/completions/fracttal.bash"
MANWIDTH=100 man --warnings -l "$root/man/fracttal.1" > "$work/man.txt" 2> "$work/man-warnings.txt"
if [[ -s $work/man-warnings.txt ]]; then
    cat "$work/man-warnings.txt" >&2
    fail "man reports the warnings above for man/fracttal.1"
fi
head -n 12 "$work/man.txt"
grep -q 'fracttal plan' "$work/man.txt" || fail "the man page does not describe fracttal plan"
echo "release $version checked"
