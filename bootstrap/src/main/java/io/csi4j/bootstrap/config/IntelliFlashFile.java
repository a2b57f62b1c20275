package io.csi4j.bootstrap.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.csi4j.domain.id.BackendName;
import io.vavr.control.Either;
import java.util.Locale;
import java.util.Map;

/**
 * An original IntelliFlash driver configuration file (top-level {@code arrays:} and CHAP keys, no
 * {@code backends:}), read unchanged as one backend named {@value SettingsLoader#INTELLIFLASH_BACKEND}. Its type
 * follows the driver it replaces: {@code intelliflash-block} under the block driver's name or with
 * {@code CSI4J_INTELLIFLASH_PROTOCOL=block}, else {@code intelliflash-file}. Its keys keep their paths in error
 * messages ({@code arrays.array1.restIp}).
 */
final class IntelliFlashFile {

    static final String PROTOCOL_ENV = "CSI4J_INTELLIFLASH_PROTOCOL";

    private IntelliFlashFile() {}

    static Either<ConfigError, BackendSettings> backend(ConfigTree tree, String driverName, Map<String, String> env) {
        String protocol = env.getOrDefault(PROTOCOL_ENV, "").toLowerCase(Locale.ROOT);
        if (!protocol.isEmpty() && !protocol.equals("block") && !protocol.equals("file")) {
            return Either.left(new ConfigError("(environment)", PROTOCOL_ENV, "'" + protocol + "' is neither file nor block"));
        }
        boolean block = protocol.equals("block")
                || (protocol.isEmpty() && driverName.equals(SettingsLoader.INTELLIFLASH_BLOCK_DRIVER));
        String type = block ? "intelliflash-block" : "intelliflash-file";
        ObjectNode options = JsonNodeFactory.instance.objectNode().put("type", type);
        ObjectNode all = JsonNodeFactory.instance.objectNode();
        tree.copyInto(all);
        SettingsLoader.INTELLIFLASH_KEYS.forEach(k -> {
            if (all.has(k)) {
                options.set(k, all.get(k));
            }
        });
        return Either.right(new BackendSettings(new BackendName(SettingsLoader.INTELLIFLASH_BACKEND), type,
                new ConfigTree(tree.source(), "", options)));
    }
}
