# fracttal's container image: Debian slim, the release binary, a non-root user, fracttal as the
# entrypoint and the working folder /work as a volume.
#
#   scripts/release.sh 0.1.0                                  # makes dist/fracttal-0.1.0-linux-x86_64.tar.gz
#   docker build --build-arg VERSION=0.1.0 -t fracttal:0.1.0 .
#   docker run --rm -v "$PWD:/work" --user "$(id -u):$(id -g)" fracttal:0.1.0 plan config/
#
# The binary is the one scripts/release.sh packs, never a second compile: when dist/ already
# holds that version's tarball (a release pipeline runs the script first), the build stage only
# checks and unpacks it; otherwise it runs the script, in the Swift image of the same Debian
# release as the image that runs it, so the C libraries match.

ARG VERSION=0.0.0-dev

FROM swift:6.3-bookworm AS build
ARG VERSION
WORKDIR /src
COPY . .
# A build needs libyaml's headers and static archive (libyaml-dev), found through pkg-config.
# hadolint ignore=DL3008
RUN if [ ! -f "dist/fracttal-${VERSION}-linux-x86_64.tar.gz" ]; then \
        apt-get update \
        && apt-get install -y --no-install-recommends libyaml-dev pkg-config \
        && rm -rf /var/lib/apt/lists/* \
        && scripts/release.sh "${VERSION}"; \
    fi
WORKDIR /src/dist
RUN sha256sum -c "fracttal-${VERSION}-linux-x86_64.tar.gz.sha256" \
    && mkdir /out \
    && tar -xzf "fracttal-${VERSION}-linux-x86_64.tar.gz" -C /out --strip-components=1

FROM debian:bookworm-slim
ARG VERSION
LABEL org.opencontainers.image.title="fracttal" \
      org.opencontainers.image.description="Fracttal OAuth consumers and permission groups as code: validate, plan, apply" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="Apache-2.0"
# What the binary loads (libc, libstdc++, libgcc_s, zlib, libsqlite3), CA certificates for HTTPS,
# and curl and jq, with which CI jobs running in this image talk to their CI system's API (the
# GitLab recipe posts plans with them), and Python 3 with boto3 for the store helpers of
# contrib/secret-stores, which the release ships and which are put on PATH below (the GitLab
# recipe stores new secrets with fracttal-store-aws). Versions come from the Debian
# release the tag names, with its security updates: pinning them would break each rebuild.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates curl jq libgcc-s1 libsqlite3-0 libstdc++6 zlib1g python3 python3-boto3 \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 fracttal \
    && useradd --system --uid 10001 --gid fracttal --create-home --home-dir /home/fracttal fracttal \
    && mkdir /work \
    && chown 10001:10001 /work
# The schema's resource folder must stay beside the binary; the link keeps it there.
COPY --from=build /out/ /opt/fracttal/
RUN ln -s /opt/fracttal/fracttal /usr/local/bin/fracttal \
    && for store in aws folder github pass; do \
        ln -s "/opt/fracttal/contrib/secret-stores/$store/fracttal-store-$store" /usr/local/bin/; \
    done
USER 10001:10001
WORKDIR /work
VOLUME ["/work"]
ENTRYPOINT ["fracttal"]
CMD ["--help"]
