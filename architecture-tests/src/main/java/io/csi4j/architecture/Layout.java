package io.csi4j.architecture;

import java.util.Objects;
import java.util.regex.Pattern;

/** The package patterns of one csi4j code base: domain, ports, adapters and bootstrap under one base package. */
record Layout(String base) {

    private static final Pattern PACKAGE = Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
            + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

    Layout {
        requirePackageName("base", base);
    }

    static String requirePackageName(String what, String name) {
        Objects.requireNonNull(name, () -> "'" + what + "' must not be null");
        if (!PACKAGE.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + what + "' is not a Java package name: " + name);
        }
        return name;
    }

    String everything() {
        return base + "..";
    }

    String domain() {
        return base + ".domain..";
    }

    String ports() {
        return base + ".ports..";
    }

    String inPorts() {
        return base + ".ports.in..";
    }

    String outPorts() {
        return base + ".ports.out..";
    }

    String services() {
        return base + ".ports.service..";
    }

    String adapters() {
        return base + ".adapters..";
    }

    /** One slice per adapter: {@code <base>.adapters.<name>..}. */
    String eachAdapter() {
        return base + ".adapters.(*)..";
    }

    String grpcAdapter() {
        return base + ".adapters.grpc..";
    }

    /** The library that runs host tools for the host adapters ({@code host-exec}): used by adapters only. */
    String hostExec() {
        return base + ".hostexec..";
    }

    /** The metrics recorders ({@code metrics} module): interfaces adapters record into, the registry is bootstrap's. */
    String metrics() {
        return base + ".metrics..";
    }

    String bootstrap() {
        return base + ".bootstrap..";
    }

    /** The CSI messages and stubs generated from csi.proto (owned by the gRPC adapter module). */
    String csiMessages() {
        return base + ".csi..";
    }

    /** True when {@code name} is the package of one adapter, {@code <base>.adapters.<name>} or below it. */
    boolean isInsideAnAdapter(String name) {
        return name.startsWith(base + ".adapters.");
    }

    /** True when {@code name} is the base package, a parent of it, or a package below it. */
    boolean overlaps(String name) {
        return name.equals(base) || base.startsWith(name + ".") || name.startsWith(base + ".");
    }
}
