package io.csi4j.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The violating and clean fixture classes under {@value #ROOT}, imported once per test run. Each fixture is a
 * package that stands for a whole code base: {@code <ROOT>.<fixture>.domain}, {@code .ports.in}, and so on.
 */
final class Fixtures {

    static final String ROOT = "io.csi4j.fixture";

    private static final JavaClasses ALL = new ClassFileImporter().importPackages(ROOT);

    private Fixtures() {}

    /** The base package of one fixture. */
    static String base(String fixture) {
        return ROOT + "." + fixture;
    }

    /** Every fixture class. */
    static JavaClasses all() {
        return ALL;
    }

    /** The classes of one fixture and nothing else. */
    static JavaClasses classesOf(String fixture) {
        return ALL.that(resideInAPackage(base(fixture) + ".."));
    }
}
