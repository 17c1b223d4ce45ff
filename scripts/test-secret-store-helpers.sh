#!/usr/bin/env bash
# Runs the tests of the store helpers in contrib/secret-stores: the conformance suite over the
# folder, AWS Secrets Manager, pass and GitHub helpers, and each helper's own tests. Needs
# python3 with pytest, pytest-xdist, boto3 and moto[server] (pip), and pass and gnupg (apt).
# moto_server runs on a free loopback port and GnuPG in a throw-away home; GitHub is played by
# a stand-in gh. Extra arguments go to pytest (e.g. -k aws).
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 -m pytest -n 2 contrib/secret-stores/tests "$@"
