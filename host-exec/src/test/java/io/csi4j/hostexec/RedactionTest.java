package io.csi4j.hostexec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void everyMountOptionAndLongValueIsASecret() {
        List<String> secrets =
                Redaction.ofMountOptions(List.of("username=alice", "password=s3cr3t!", "vers=3", "pw=ab"));

        String scrubbed = Redaction.scrub("-o username=alice,password=s3cr3t!,vers=3,pw=ab; bad password s3cr3t!; "
                + "user alice; pw ab; version 3", secrets);

        assertThat(scrubbed).doesNotContain("s3cr3t!", "alice", " ab").contains("version 3");
    }

    @Test
    void aLongerSecretContainingAShorterOneIsMaskedWhole() {
        assertThat(Redaction.scrub("token abcdef and abc", List.of("abc", "abcdef")))
                .isEqualTo("token *** and ***");
    }
}
