package io.csi4j.ports.service;

import io.csi4j.domain.volume.Parameters;
import java.util.TreeMap;

/** Removes the backend-selection parameter, which is routing information, not a volume property. */
final class BackendSelectionKey {

    private BackendSelectionKey() {}

    static Parameters strip(Parameters parameters) {
        TreeMap<String, String> rest = new TreeMap<>(parameters.values());
        rest.remove(BackendSelection.PARAMETER);
        return new Parameters(rest);
    }
}
