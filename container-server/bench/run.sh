#!/bin/sh
# Re-runs the container measurements of issue 3 (see README.md here), from the repository root's reactor.
# Usage: container-server/bench/run.sh updates [N] [CLIENTS]  |  container-server/bench/run.sh listing [ROWS]
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cp_file="$root/container-server/target/bench.classpath"
# compiling in the same reactor run makes sibling modules resolve to their target/classes (nothing installed)
mvn -B -o -q -f "$root/pom.xml" -pl container-server -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
work=$(mktemp -d "${TMPDIR:-/tmp}/cairn-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
java -Djava.util.logging.config.file="$root/container-server/bench/logging.properties" -cp "$root/container-server/target/classes:$root/container-server/target/test-classes:$(cat "$cp_file")" \
  io.cairn.container.bench.ContainerBench "$work" "$@"
