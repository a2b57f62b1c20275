package io.csi4j.simulator.intelliflash.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The array's SAN objects: initiators and their groups, iSCSI targets and target groups. */
public final class San {

    /** A remote initiator, in at most one initiator group, with optional CHAP credentials. */
    public static final class Initiator {
        public final String name;
        public String group = "";
        public String chapUser;
        public String chapSecret;

        public Initiator(String name, String chapUser, String chapSecret) {
            this.name = name;
            this.chapUser = chapUser;
            this.chapSecret = chapSecret;
        }
    }

    /** An iSCSI target: IQN, group, authentication and the portals it listens on. */
    public record Target(String name, String suffix, String alias, String group, String authMode, String chapName,
            String chapSecret, java.util.List<String> bindings) {}

    public final Map<String, Initiator> initiators = new LinkedHashMap<>();
    public final Map<String, Boolean> initiatorGroups = new LinkedHashMap<>();
    /** Target group name to the pool it belongs to. */
    public final Map<String, String> targetGroups = new LinkedHashMap<>();
    public final Map<String, Target> targets = new LinkedHashMap<>();

    public Optional<Initiator> initiator(String name) {
        return Optional.ofNullable(initiators.get(name));
    }
}
