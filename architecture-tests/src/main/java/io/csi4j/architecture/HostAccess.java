package io.csi4j.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.List;

/**
 * JDK classes that reach the host operating system or the network: files, processes, channels, sockets,
 * HTTP and native calls. The core (domain and ports) must reach the host only through out-ports.
 */
final class HostAccess {

    private static final List<String> CLASSES = List.of(
            "java.io.File",
            "java.io.FileInputStream",
            "java.io.FileOutputStream",
            "java.io.FileReader",
            "java.io.FileWriter",
            "java.io.RandomAccessFile",
            "java.lang.Process",
            "java.lang.ProcessBuilder",
            "java.lang.ProcessHandle",
            "java.lang.Runtime",
            "java.net.HttpURLConnection",
            "java.net.ServerSocket",
            "java.net.Socket",
            "java.net.URLConnection",
            "java.nio.file.Files");

    private static final List<String> PACKAGES = List.of("java.lang.foreign", "java.net.http", "java.nio.channels");

    private HostAccess() {}

    static DescribedPredicate<JavaClass> jdkHostAccess() {
        return DescribedPredicate.describe(
                "JDK classes that touch the host or the network (files, processes, sockets, channels, HTTP,"
                        + " native calls)",
                HostAccess::touchesHost);
    }

    private static boolean touchesHost(JavaClass type) {
        JavaClass component = type.getBaseComponentType();
        String name = component.getName();
        String pkg = component.getPackageName();
        return CLASSES.stream().anyMatch(banned -> name.equals(banned) || name.startsWith(banned + "$"))
                || PACKAGES.stream().anyMatch(banned -> pkg.equals(banned) || pkg.startsWith(banned + "."));
    }
}
