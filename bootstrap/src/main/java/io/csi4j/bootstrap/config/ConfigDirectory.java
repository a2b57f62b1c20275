package io.csi4j.bootstrap.config;

import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A configuration given as a directory, as the original IntelliFlash drivers take it (their secret is mounted at
 * {@code /opt/intelliflash/etc}): the first {@code *.yaml} or {@code *.yml} file in it, in name order. Entries
 * starting with a dot (Kubernetes' {@code ..data} links) are skipped.
 */
final class ConfigDirectory {

    private ConfigDirectory() {}

    static Either<ConfigError, Path> resolve(Path given) {
        if (!Files.isDirectory(given)) {
            return Either.right(given);
        }
        try (Stream<Path> entries = Files.list(given)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .findFirst()
                    .<Either<ConfigError, Path>>map(Either::right)
                    .orElseGet(() -> Either.left(new ConfigError(given.toString(), "(directory)",
                            "holds no *.yaml or *.yml file")));
        } catch (IOException e) {
            return Either.left(new ConfigError(given.toString(), "(directory)", "cannot list it: " + e.getMessage()));
        }
    }
}
