package io.csi4j.adapters.intelliflash.lowtier;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Access to the pre-made parent share of the low tier from the controller, which makes and removes one folder per
 * volume in it (no REST calls). Bootstrap implements it by mounting the share over NFS for the duration of the work;
 * tests give a local directory.
 */
public interface ParentShares {

    /** Runs {@code work} on the share {@code server:export} as a local directory, and releases it afterwards. */
    <T> Either<Failure, T> withShare(String server, String export, List<String> options,
            Function<Path, Either<Failure, T>> work);
}
