package io.csi4j.bootstrap;

import io.csi4j.bootstrap.config.LogFormat;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Chooses the log format before the first logger is made (text, or one JSON object per line for log
 * collectors) and routes gRPC's java.util.logging output through SLF4J, so everything goes to stdout once.
 */
final class Logging {

    static final String CONFIG_PROPERTY = "logback.configurationFile";

    private Logging() {}

    static void configure(LogFormat format) {
        if (System.getProperty(CONFIG_PROPERTY) == null) {
            System.setProperty(CONFIG_PROPERTY, format == LogFormat.JSON ? "logback-json.xml" : "logback-text.xml");
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
