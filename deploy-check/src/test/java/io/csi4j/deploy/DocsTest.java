package io.csi4j.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.metrics.CommandRecorder;
import io.csi4j.metrics.MeterNames;
import io.csi4j.metrics.Recorders;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The operator documentation names what the code really exposes. */
class DocsTest {

    private static final Path DOCS = Repository.root().resolve("docs");

    /** Every csi4j meter, under the name Prometheus shows it, is documented in docs/observability.md. */
    @Test
    void observabilityDocumentsEveryMeterUnderItsPrometheusName() throws IOException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Recorders recorders = Recorders.into(registry);
        recorders.rpc().started("csi.v1.Identity", "Probe").finished("OK");
        recorders.commands().ran("mount", CommandRecorder.Outcome.OK, 1);
        recorders.rest("b").request("GET", "/x").answered(200);
        recorders.operationsInFlight(() -> 0);

        // A timer's maximum is a family of its own (<timer>_max), documented with the timer.
        Set<String> families = Pattern.compile("(?m)^# TYPE (\\S+) ").matcher(registry.scrape()).results()
                .map(r -> r.group(1)).filter(f -> !f.endsWith("_max"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(families).as("one family per meter in MeterNames").hasSize(MeterNames.ALL.size());
        String doc = Files.readString(DOCS.resolve("observability.md"));
        assertThat(families).allSatisfy(f -> assertThat(doc).as("docs/observability.md").contains("`" + f + "`"));
    }

    /** Every page the install guides link to exists. */
    @Test
    void relativeLinksInTheDocsResolve() throws IOException {
        Pattern link = Pattern.compile("\\]\\(((?!https?:)[^)#]+)(#[^)]*)?\\)");
        try (var pages = Files.walk(DOCS)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).toList()) {
                link.matcher(Files.readString(page)).results().map(r -> r.group(1)).forEach(target ->
                        assertThat(page.getParent().resolve(target)).as("link %s in %s", target, page).exists());
            }
        }
    }
}
