package io.csi4j.adapters.grpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Failure;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointTest {

    @Test
    void theThreeSlashUnixFormNamesAnAbsoluteSocket() {
        assertThat(Endpoint.parse("unix:///csi/csi.sock").get()).isEqualTo(new Endpoint.Unix(Path.of("/csi/csi.sock")));
    }

    @Test
    void theOneSlashUnixFormIsAcceptedDefensively() {
        assertThat(Endpoint.parse("unix:/var/lib/kubelet/plugins/csi4j/csi.sock").get())
                .isEqualTo(new Endpoint.Unix(Path.of("/var/lib/kubelet/plugins/csi4j/csi.sock")));
    }

    @Test
    void tcpEndpointsNameHostAndPort() {
        assertThat(Endpoint.parse("tcp://127.0.0.1:10000").get()).isEqualTo(new Endpoint.Tcp("127.0.0.1", 10000));
        assertThat(Endpoint.parse("tcp://[::1]:0").get()).isEqualTo(new Endpoint.Tcp("::1", 0));
        assertThat(Endpoint.parse("tcp://localhost:9000").get().uri()).isEqualTo("tcp://localhost:9000");
    }

    @Test
    void theUriRoundTrips() {
        assertThat(Endpoint.parse("unix:///csi/csi.sock").get().uri()).isEqualTo("unix:///csi/csi.sock");
        assertThat(Endpoint.parse("tcp://[::1]:7").get().uri()).isEqualTo("tcp://[::1]:7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "/csi/csi.sock", "csi.sock", "unix://", "unix:///", "unix://host/csi.sock",
            "unix:relative.sock", "unix:///csi/", "http://localhost:80", "tcp://localhost", "tcp://:80",
            "tcp://localhost:http", "tcp://localhost:70000", "tcp://host:80/path", "npipe:////./pipe/csi"})
    void anythingElseIsAClearError(String value) {
        var parsed = Endpoint.parse(value);

        assertThat(parsed.isLeft()).as(value).isTrue();
        assertThat(parsed.getLeft()).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(parsed.getLeft().message()).contains("CSI endpoint").contains("unix:///");
    }

    @Test
    void aMissingEndpointIsAClearError() {
        assertThat(Endpoint.parse(null).getLeft().message()).contains("empty");
    }
}
