package io.csi4j.bootstrap;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import io.csi4j.bootstrap.config.LogFormat;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Applies the chosen log format (text, or one JSON object per line for log collectors) once the settings are known,
 * and routes gRPC's java.util.logging output through SLF4J, so everything goes to stdout once. Anything that logged
 * earlier (a class initialised while the configuration was read) used the default text configuration; logback is
 * reconfigured here, so the choice holds whatever ran first.
 */
final class Logging {

    static final String CONFIG_PROPERTY = "logback.configurationFile";

    private Logging() {}

    static void configure(LogFormat format) {
        if (System.getProperty(CONFIG_PROPERTY) == null) {
            System.setProperty(CONFIG_PROPERTY, format == LogFormat.JSON ? "logback-json.xml" : "logback-text.xml");
        }
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            context.reset();
            try {
                new ContextInitializer(context).autoConfig();
            } catch (JoranException e) {
                // The configurations are ours and inside the jar; a broken one must not stop the driver.
                context.reset();
            }
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
