package io.csi4j.testnode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The guest's command channel (a virtio-serial port behind a unix socket on the host): one shell command per
 * line; the guest answers its output, then {@code __TN_RC__ <status>}. Used to look at what the guest's kernel
 * reports (mount table, sessions, data) and to start the node's services, never to do the plugin's work.
 */
final class Agent implements AutoCloseable {

    /** What a command printed and how it ended. */
    record Result(int rc, String output) {
        boolean ok() {
            return rc == 0;
        }
    }

    private final SocketChannel channel;
    private final BufferedReader in;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-node-agent");
        t.setDaemon(true);
        return t;
    });

    private Agent(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
    }

    /** Connects to the socket qemu serves, waiting up to {@code wait} for it to appear. */
    static Agent connect(Path socket, Duration wait) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                channel.connect(UnixDomainSocketAddress.of(socket));
                return new Agent(channel);
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the guest's command channel " + socket + " did not open within " + wait, e);
                }
                Thread.sleep(200);
            }
        }
    }

    /** Runs {@code command} (one line of sh) in the guest and waits up to {@code timeout} for it. */
    synchronized Result run(String command, Duration timeout) {
        if (command.contains("\n")) {
            throw new IllegalArgumentException("one line per command: " + command);
        }
        try {
            channel.write(StandardCharsets.UTF_8.encode(command + "\n"));
            Future<Result> answer = reader.submit(this::readAnswer);
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the guest did not finish `" + command + "` within " + timeout
                    + "; the guest is stuck", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the guest's command channel broke during `" + command + "`", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    Result run(String command) {
        return run(command, Duration.ofSeconds(120));
    }

    /** Runs {@code command} and returns its output; fails when it fails. */
    String must(String command) {
        Result r = run(command);
        if (!r.ok()) {
            throw new IllegalStateException("`" + command + "` failed in the guest (rc " + r.rc() + "): " + r.output());
        }
        return r.output();
    }

    private Result readAnswer() throws IOException {
        StringBuilder out = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith("__TN_RC__ ")) {
                return new Result(Integer.parseInt(line.substring("__TN_RC__ ".length()).strip()), out.toString());
            }
            out.append(line).append('\n');
        }
        throw new IOException("the guest closed its command channel");
    }

    /** Asks the guest to power off (it ends the channel). */
    void powerOff() {
        try {
            channel.write(StandardCharsets.UTF_8.encode("__TN_POWEROFF__\n"));
        } catch (IOException ignored) {
            // Already gone: the caller kills qemu if it does not end.
        }
    }

    @Override
    public void close() throws IOException {
        reader.shutdownNow();
        channel.close();
    }
}
