package io.csi4j.adapters.hammerspace;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Listing tokens: the last id of the page, so a listing in id order resumes after it even when that object was
 * deleted meanwhile (CSI §3.7). A token this backend did not issue is InvalidToken (ABORTED, the CO starts over).
 */
final class PageTokens {

    private static final String PREFIX = "hs1.";

    private PageTokens() {}

    static String encode(String lastId) {
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(lastId.getBytes(StandardCharsets.UTF_8));
    }

    /** The id a token resumes after; empty for the first page. */
    static Either<Failure, Optional<String>> decode(String token, Predicate<String> isId, String what) {
        if (token.isEmpty()) {
            return Either.right(Optional.empty());
        }
        try {
            if (token.startsWith(PREFIX)) {
                String id = new String(Base64.getUrlDecoder().decode(token.substring(PREFIX.length())),
                        StandardCharsets.UTF_8);
                if (isId.test(id)) {
                    return Either.right(Optional.of(id));
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64: InvalidToken below
        }
        return Either.left(new Failure.InvalidToken("starting_token was not issued by the Hammerspace " + what
                + " listing"));
    }
}
