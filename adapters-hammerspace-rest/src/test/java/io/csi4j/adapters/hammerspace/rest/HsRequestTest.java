package io.csi4j.adapters.hammerspace.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Paths carry the names, percent-encoded; templates carry placeholders in their place and no query. */
class HsRequestTest {

    @Test
    void variableSegmentsAreEncodedInThePathAndNamedInTheTemplate() {
        HsRequest r = HsRequest.post("share-snapshots", "snapshot-delete").var("share", "a/b c")
                .var("snapshot", "2024-01-01").query("x", "y z").build();

        assertThat(r.path()).isEqualTo("/share-snapshots/snapshot-delete/a%2Fb%20c/2024-01-01?x=y+z");
        assertThat(r.template()).isEqualTo("/share-snapshots/snapshot-delete/{share}/{snapshot}");
    }

    @Test
    void fixedWordsAfterAVariableAndATrailingSlashStayInTheTemplate() {
        assertThat(HsRequest.post("shares").var("name", "pvc-1").word("objective-set").query("path", "/").build()
                .template()).isEqualTo("/shares/{name}/objective-set");
        assertThat(HsRequest.get("data-portals").trailingSlash().build().template()).isEqualTo("/data-portals/");
        assertThat(HsRequest.get("cntl", "state").build().template()).isEqualTo("/cntl/state");
    }
}
