package io.csi4j.testnode;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes the one {@link TestNode} of the run (started by the first class that needs it, closed when
 * the run ends), or skips them, saying why, where the test node cannot run.
 */
final class TestNodeExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestNode.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<String> missing = Prerequisites.missing();
        assumeTrue(missing.isEmpty(), () -> "qemu test node skipped: " + missing.orElse(""));
        node(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestNode.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return node(context);
    }

    private static TestNode node(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(TestNode.class, key -> {
            try {
                return TestNode.start();
            } catch (Exception e) {
                throw new IllegalStateException("the qemu test node did not start: " + e.getMessage(), e);
            }
        }, TestNode.class);
    }
}
