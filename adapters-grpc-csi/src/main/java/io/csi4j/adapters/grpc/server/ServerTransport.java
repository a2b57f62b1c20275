package io.csi4j.adapters.grpc.server;

import io.csi4j.domain.failure.Failure;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.vavr.control.Either;
import java.util.concurrent.TimeUnit;

/**
 * Netty's event loops and, for a unix endpoint, the socket file. One acceptor and one I/O thread are enough: the
 * socket carries little traffic and handlers run on their own executor. Both groups use epoll, which grpc needs
 * for a domain socket (and then for both groups, CSI §7.1).
 */
record ServerTransport(Endpoint endpoint, EventLoopGroup boss, EventLoopGroup worker, boolean staleRemoved) {

    static Either<Failure, ServerTransport> prepare(Endpoint endpoint) {
        boolean staleRemoved = false;
        if (endpoint instanceof Endpoint.Unix u) {
            Either<Failure, Boolean> ready = SocketFile.prepare(u.socket());
            if (ready.isLeft()) {
                return Either.left(ready.getLeft());
            }
            staleRemoved = ready.get();
        }
        return Either.right(new ServerTransport(endpoint, group("csi-accept-"), group("csi-io-"), staleRemoved));
    }

    /** Stops the event loops and removes the socket file. */
    Either<Failure, Boolean> close() {
        long waitMs = CsiServer.FORCED_STOP_WAIT.toMillis();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(waitMs);
        worker.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(waitMs);
        return endpoint instanceof Endpoint.Unix u ? SocketFile.remove(u.socket()) : Either.right(false);
    }

    private static EventLoopGroup group(String threadPrefix) {
        return new MultiThreadIoEventLoopGroup(1, HandlerExecutor.daemonThreads(threadPrefix),
                EpollIoHandler.newFactory());
    }
}
