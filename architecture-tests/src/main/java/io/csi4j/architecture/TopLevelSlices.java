package io.csi4j.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Cuts a code base into its top-level parts: {@code domain}, {@code ports.in}, {@code ports.out},
 * {@code ports.service}, {@code adapters.<name>}, {@code bootstrap}, and any other package right under the
 * base. Classes outside the base package, or right in it, belong to no part.
 */
final class TopLevelSlices implements SliceAssignment {

    /** Parts whose children are parts of their own. */
    private static final Set<String> GROUPS = Set.of("ports", "adapters");

    private final Layout layout;

    TopLevelSlices(Layout layout) {
        this.layout = layout;
    }

    @Override
    public SliceIdentifier getIdentifierOf(JavaClass type) {
        String prefix = layout.base() + ".";
        String pkg = type.getPackageName();
        if (!pkg.startsWith(prefix)) {
            return SliceIdentifier.ignore();
        }
        List<String> parts = Arrays.asList(pkg.substring(prefix.length()).split("\\."));
        int depth = parts.size() > 1 && GROUPS.contains(parts.getFirst()) ? 2 : 1;
        return SliceIdentifier.of(String.join(".", parts.subList(0, depth)));
    }

    @Override
    public String getDescription() {
        return "top-level parts of " + layout.base()
                + " (domain, ports.in, ports.out, ports.service, adapters.<name>, bootstrap, ...)";
    }
}
