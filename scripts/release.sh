#!/usr/bin/env bash
# Builds a release of fracttal and packs it as dist/fracttal-VERSION-linux-x86_64.tar.gz,
# with dist/fracttal-VERSION-linux-x86_64.tar.gz.sha256 beside it.
#
#   scripts/release.sh VERSION        e.g. scripts/release.sh 0.1.0
#
# The binary links the Swift standard library and Foundation statically
# (--static-swift-stdlib), and libyaml from its static archive, and is stripped; it needs only
# libc, libstdc++, libgcc_s, zlib and libsqlite3 from the machine that runs it. The tarball holds:
#
#   fracttal-VERSION-linux-x86_64/
#     fracttal                                the binary; `fracttal --version` prints VERSION
#     fracttal_FracttalConfig.resources/      the schema `fracttal schema` prints (keep it beside the binary)
#     fracttal.schema.json                    the same JSON Schema, for editors
#     README.md  LICENSE
#     docs/                                   the reference documents README links to
#     completions/fracttal.bash  completions/_fracttal  completions/fracttal.fish
#     man/fracttal.1
#     contrib/secret-stores/                  the store helpers (Python 3) and their README, without their tests
#
# Environment: FRACTTAL_SCRATCH, the build folder (default .build-release, git-ignored);
# SOURCE_DATE_EPOCH, the time stamp of the packed files (default: the last commit's).
set -euo pipefail
cd "$(dirname "$0")/.."

version=${1:-}
if [[ ! $version =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]+)?$ ]]; then
    echo "usage: scripts/release.sh VERSION   (VERSION like 1.2.3 or 1.2.3-rc.1, without a leading v)" >&2
    exit 1
fi
if [[ $(uname -s) != Linux || $(uname -m) != x86_64 ]]; then
    echo "scripts/release.sh packs linux-x86_64 releases; this machine is $(uname -s) $(uname -m)" >&2
    exit 1
fi

scratch=${FRACTTAL_SCRATCH:-.build-release}
name=fracttal-$version-linux-x86_64

# libyaml (the CLibYAML target's `-lyaml`) comes from its static archive, from a folder that holds
# only libyaml.a, so that no libyaml.so is found first. SwiftPM reads yaml-0.1.pc itself and puts
# its `-L` (the system's folder, which holds libyaml.so too) ahead of everything on the link line;
# so the build reads a copy of that file whose libdir is the folder (--pkg-config-path). The folder
# is also given to swiftc (`-Xswiftc -L`), which hands it to clang ahead of clang's own system
# folders, for the module map's `link "yaml"` if SwiftPM finds no pkg-config file at all.
yaml_archive=$(pkg-config --variable=libdir yaml-0.1)/libyaml.a
yaml_pc=$(pkg-config --variable=pcfiledir yaml-0.1)/yaml-0.1.pc
if [[ ! -f $yaml_archive || ! -f $yaml_pc ]]; then
    echo "scripts/release.sh links libyaml statically and needs $yaml_archive and $yaml_pc: install libyaml-dev" >&2
    exit 1
fi
static_libraries=$PWD/$scratch/static-libraries
if [[ $scratch == /* ]]; then static_libraries=$scratch/static-libraries; fi
mkdir -p "$static_libraries/pkgconfig"
ln -sf "$yaml_archive" "$static_libraries/libyaml.a"
sed "s#^libdir=.*#libdir=$static_libraries#" "$yaml_pc" > "$static_libraries/pkgconfig/yaml-0.1.pc"
build=(swift build -c release --static-swift-stdlib --scratch-path "$scratch" --pkg-config-path "$static_libraries/pkgconfig" -Xswiftc -L"$static_libraries")

# The version reaches the binary through a git-ignored Swift file that exists only during the
# build (see Sources/FracttalCLI/Support/BuildVersion.swift): no tracked file changes, and no
# compiler flag changes, so a second release reuses every module but fracttal's own.
stamp=Sources/FracttalCLI/Support/ReleaseStamp.generated.swift
stage=$(mktemp -d)
trap 'rm -rf "$stage" "$stamp"' EXIT
printf '// Written by scripts/release.sh for the duration of a release build; git-ignored.\n' > "$stamp"
printf 'extension BuildVersion {\n    static var stamp: String? { "%s" }\n}\n' "$version" >> "$stamp"

echo "building fracttal $version (${build[*]})"
"${build[@]}" --product fracttal
rm -f "$stamp"
# generate-manual is swift-argument-parser's man page generator, the tool behind its
# `generate-manual` package plugin. The plugin itself is not used: it rebuilds every product of
# the package (fracttal-bench too) with its own build settings, without --static-swift-stdlib,
# that is a second full release build, and documents that binary instead of the one shipped.
# Run directly on the shipped binary, the tool reads exactly what that binary parses.
"${build[@]}" --product generate-manual
bin=$("${build[@]}" --show-bin-path)

root=$stage/$name
mkdir -p "$root/completions" "$root/man"
cp "$bin/fracttal" "$root/fracttal"
strip "$root/fracttal"
cp -R "$bin/fracttal_FracttalConfig.resources" "$root/"
cp README.md LICENSE "$root/"
cp -R docs "$root/"
cp schemas/fracttal.schema.json "$root/"
# The store helpers, as committed (executable bits kept), without their tests or caches: a CI job
# runs them as exec:$FOLDER/contrib/secret-stores/<store>/fracttal-store-<store>.
mkdir -p "$root/contrib"
git ls-files -z contrib/secret-stores | grep -zv '^contrib/secret-stores/tests/' \
    | tar --null -T - -cf - | tar -C "$root" -xf -

built=$("$root/fracttal" --version)
if [[ $built != "$version" ]]; then
    echo "the binary says it is '$built', not '$version'" >&2
    exit 1
fi
"$root/fracttal" --generate-completion-script bash > "$root/completions/fracttal.bash"
"$root/fracttal" --generate-completion-script zsh > "$root/completions/_fracttal"
"$root/fracttal" --generate-completion-script fish > "$root/completions/fracttal.fish"

epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
"$bin/generate-manual" "$root/fracttal" --output-directory "$root/man" \
    --date "$(date -u -d "@$epoch" +%Y-%m-%d)"
test -s "$root/man/fracttal.1"
# The help texts' blank lines reach the page as empty input lines, which mdoc warns about;
# .Pp is mdoc's paragraph break and renders the same.
sed -i 's/^$/.Pp/' "$root/man/fracttal.1"

# The same inputs give the same bytes: sorted names, fixed owner and time, no gzip time stamp.
mkdir -p dist
rm -f "dist/$name.tar.gz" "dist/$name.tar.gz.sha256"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
    -C "$stage" -cf - "$name" | gzip -n -9 > "dist/$name.tar.gz"
(cd dist && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")

echo "dist/$name.tar.gz: $(du -h "dist/$name.tar.gz" | cut -f1), binary $(du -h "$root/fracttal" | cut -f1)"
cat "dist/$name.tar.gz.sha256"
