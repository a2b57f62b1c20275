package io.csi4j.adapters.hammerspace;

import io.csi4j.adapters.hammerspace.rest.HammerspaceApi;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.BackendName;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Clock;

/** What the parts of the backend share: its name and configuration, the API, the share maker, exports, catalog. */
record Context(BackendName name, HammerspaceBackendConfig config, HammerspaceApi api, ShareProvisioner shares,
        Exports exports, Catalog catalog, ShareAccess access, Clock clock) {

    /** The local directory of a share's root (mounted on the controller if needed). */
    Either<Failure, Path> open(String share) {
        return exports.location(share).flatMap(access::open);
    }
}
