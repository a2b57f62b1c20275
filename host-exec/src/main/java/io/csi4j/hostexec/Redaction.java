package io.csi4j.hostexec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** Replaces sensitive values in text that may reach a message or a log. */
public final class Redaction {

    public static final String MASK = "***";

    private static final Pattern SENSITIVE_KEY =
            Pattern.compile("pass|pw|secret|cred|key|token|auth|user|domain", Pattern.CASE_INSENSITIVE);

    private Redaction() {}

    public static String scrub(String text, List<String> secrets) {
        String result = text;
        // Longest first, so that a secret containing a shorter one is masked whole.
        List<String> ordered = new ArrayList<>(secrets);
        ordered.sort(Comparator.comparingInt(String::length).reversed());
        for (String secret : ordered) {
            if (!secret.isEmpty()) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }

    /**
     * The secrets of a mount option list: the joined {@code -o} argument, every option, and every value of a
     * {@code key=value} option. Which keys hold credentials is up to each filesystem helper, so every value is
     * treated as sensitive; only one- and two-character values of harmless-looking keys ({@code vers=3}) are
     * left alone, because masking them would garble all other text.
     */
    public static List<String> ofMountOptions(List<String> options) {
        List<String> secrets = new ArrayList<>();
        if (!options.isEmpty()) {
            secrets.add(String.join(",", options));
        }
        for (String option : options) {
            secrets.add(option);
            int eq = option.indexOf('=');
            if (eq >= 0 && eq + 1 < option.length()) {
                String value = option.substring(eq + 1);
                if (value.length() >= 3 || SENSITIVE_KEY.matcher(option.substring(0, eq)).find()) {
                    secrets.add(value);
                }
            }
        }
        return secrets;
    }
}
