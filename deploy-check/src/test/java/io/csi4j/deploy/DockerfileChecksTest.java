package io.csi4j.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Dockerfile checks catch what they exist for. */
class DockerfileChecksTest {

    private static final String SAMPLE = """
            ARG BASE=debian:12.12-slim
            ARG JDK=eclipse-temurin
            FROM maven:3.9 AS build
            COPY pom.xml \\
                 domain ./
            FROM ${JDK} AS runtime
            COPY --from=image /x /y
            # COPY --from=nowhere /a /b
            FROM ${BASE}
            COPY --from=runtime /opt /opt
            """;

    private final Dockerfile file = Dockerfile.parse(SAMPLE);

    @Test
    void aCopyFromAStageDefinedLaterOrNeverIsReported() {
        assertThat(file.copiesFromUndefinedStages()).singleElement().asString().contains("stage image");
    }

    @Test
    void continuationLinesAndCommentsAreHandled() {
        assertThat(file.stages()).hasSize(3);
        assertThat(file.contextSources(file.stages().getFirst())).containsExactly("pom.xml", "domain");
    }

    @Test
    void anImageWithoutATagAfterExpansionIsReported() {
        assertThat(file.unpinnedImages()).containsExactly("eclipse-temurin");
        assertThat(Dockerfile.parse("FROM a/b:latest\n").unpinnedImages()).containsExactly("a/b:latest");
        assertThat(Dockerfile.parse("FROM a/b@sha256:" + "0".repeat(64) + "\n").unpinnedImages()).isEmpty();
    }
}
