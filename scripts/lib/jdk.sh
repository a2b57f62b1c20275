# Finds a JDK 21 or newer and Maven, for the csi4j scripts. Source it; it exports JAVA_HOME and MAVEN_OPTS
# and puts that JDK first on PATH, or stops with a message saying what to install.

csi4j_java_major() {
  # Prints the major version of the java binary $1, or nothing.
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1 | cut -d. -f1
}

csi4j_find_jdk() {
  local candidates=() c best="" best_major=0 major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for c in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -d "$c" ] && candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    major=$(csi4j_java_major "$c/bin/java")
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$c"; best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "csi4j needs a JDK 21 or newer, and none was found." >&2
    if command -v java >/dev/null 2>&1; then
      echo "  The default java is version $(csi4j_java_major "$(command -v java)") ($(readlink -f "$(command -v java)"))." >&2
    fi
    echo "  Looked in \$JAVA_HOME, the javac on PATH, /usr/lib/jvm, /opt/java, /opt/jdk*, ~/.sdkman and ~/.jdks." >&2
    echo "  Install one (for example Eclipse Temurin 21 or 25 from https://adoptium.net, or openjdk-21-jdk where" >&2
    echo "  your distribution has it) and set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
  CSI4J_JAVA_MAJOR="$best_major"
  # Maven 3.8's bundled Guava calls sun.misc.Unsafe; JDK 23+ warns unless told otherwise (JDK 17 rejects the flag).
  if [ "$best_major" -ge 23 ]; then
    case " ${MAVEN_OPTS:-} " in
      *--sun-misc-unsafe-memory-access*) ;;
      *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
    esac
  fi
}

csi4j_find_maven() {
  if ! command -v mvn >/dev/null 2>&1; then
    echo "csi4j builds with Apache Maven 3.8.7 or newer, and 'mvn' is not on PATH." >&2
    echo "  Install it (Debian/Ubuntu: apt-get install maven) or put its bin directory on PATH." >&2
    return 1
  fi
}
