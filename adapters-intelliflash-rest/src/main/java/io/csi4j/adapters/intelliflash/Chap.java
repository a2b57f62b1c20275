package io.csi4j.adapters.intelliflash;

import java.util.Optional;

/**
 * CHAP for iSCSI logins (top-level keys of the original configuration): the controller registers each node's
 * initiator with these credentials; nodes read them from their node-stage secret. {@link #toString()} hides them.
 *
 * @param initiatorGroup the group node initiators go to when a mapping has to be made and no host group is set
 */
public record Chap(boolean enabled, String user, String secret, Optional<String> initiatorGroup) {

    public static final Chap NONE = new Chap(false, "", "", Optional.empty());

    @Override
    public String toString() {
        return "Chap[enabled=" + enabled + ", user=(redacted), secret=(redacted), initiatorGroup=" + initiatorGroup + "]";
    }
}
