package io.csi4j.ports.service.node;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.ports.out.host.ChapCredentials;
import io.vavr.control.Either;
import java.util.Optional;

/**
 * CHAP credentials from the node-stage secrets, under open-iscsi's own names: {@value #USERNAME} and
 * {@value #PASSWORD}, and for mutual CHAP {@value #USERNAME_IN} and {@value #PASSWORD_IN}. A missing one is
 * InvalidArgument naming the key (never the value).
 */
final class ChapSecrets {

    static final String USERNAME = "node.session.auth.username";
    static final String PASSWORD = "node.session.auth.password";
    static final String USERNAME_IN = "node.session.auth.username_in";
    static final String PASSWORD_IN = "node.session.auth.password_in";

    private ChapSecrets() {}

    static Either<Failure, ChapCredentials> from(Secrets secrets) {
        Optional<String> user = nonEmpty(secrets, USERNAME);
        Optional<String> password = nonEmpty(secrets, PASSWORD);
        Optional<String> userIn = nonEmpty(secrets, USERNAME_IN);
        Optional<String> passwordIn = nonEmpty(secrets, PASSWORD_IN);
        if (user.isEmpty() || password.isEmpty()) {
            return Either.left(Failure.invalidArgument("the volume uses CHAP but the node-stage secrets lack '"
                    + (user.isEmpty() ? USERNAME : PASSWORD) + "'"));
        }
        if (userIn.isPresent() != passwordIn.isPresent()) {
            return Either.left(Failure.invalidArgument("mutual CHAP needs both '" + USERNAME_IN + "' and '"
                    + PASSWORD_IN + "' in the node-stage secrets"));
        }
        return Either.right(new ChapCredentials(user.get(), password.get(), userIn, passwordIn));
    }

    private static Optional<String> nonEmpty(Secrets secrets, String key) {
        return secrets.get(key).filter(v -> !v.isEmpty());
    }
}
