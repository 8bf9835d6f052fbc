#!/usr/bin/env bash
# JMH benchmark of the label read decision against AuthzForce (XACML 3) on the same decisions, one thread.
# Usage: bench/label-jmh.sh [forks] [warm-up iterations of 1 s] [measurement iterations of 2 s]   (default 1 2 3)
# Prints JMH's table and one JSON line with decisions per second and the ratio. Figures: docs/benchmarks.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ]; then
  for home in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -x "$home/bin/javac" ]; then export JAVA_HOME="$home"; break; fi
  done
fi
export PATH="$JAVA_HOME/bin:$PATH"
mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
exec "$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  org.kizuna.label.bench.LabelBench "${1:-1}" "${2:-2}" "${3:-3}"
