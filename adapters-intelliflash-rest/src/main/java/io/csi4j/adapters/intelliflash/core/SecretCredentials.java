package io.csi4j.adapters.intelliflash.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.csi4j.adapters.intelliflash.rest.Credentials;
import io.csi4j.domain.volume.Secrets;
import java.util.Map;
import java.util.Optional;

/**
 * Array credentials from StorageClass secrets ("StorageClass Secrets" of the original drivers), which override
 * the configured ones for that call. Two forms: keys {@code username} and {@code password} (for every array), or
 * — as the original drivers read them — a single key whose value is a configuration YAML with an
 * {@code arrays:} map, of which the entry for this array's name supplies {@code username} and {@code password}.
 */
final class SecretCredentials {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SecretCredentials() {}

    static Optional<Credentials> find(Secrets secrets, String configName) {
        Map<String, String> s = secrets.reveal();
        if (s.containsKey("username") && s.containsKey("password")) {
            return Optional.of(new Credentials(s.get("username"), s.get("password")));
        }
        if (s.size() != 1) {
            return Optional.empty();
        }
        try {
            JsonNode entry = YAML.readTree(s.values().iterator().next()).path("arrays").path(configName);
            if (entry.hasNonNull("username") && entry.hasNonNull("password")) {
                return Optional.of(new Credentials(entry.get("username").asText(), entry.get("password").asText()));
            }
        } catch (java.io.IOException e) {
            // Not a configuration document: the secret is meant for something else.
        }
        return Optional.empty();
    }
}
