package io.csi4j.metrics;

/** Records nothing: what a process with metrics off uses. Refers to no meter library class. */
enum NoRecorders implements Recorders, RpcRecorder, RpcRecorder.Call, CommandRecorder, RestRecorder, RestRecorder.Call {
    INSTANCE;

    @Override
    public RpcRecorder rpc() {
        return this;
    }

    @Override
    public CommandRecorder commands() {
        return this;
    }

    @Override
    public RestRecorder rest(String backend) {
        return this;
    }

    @Override
    public void operationsInFlight(java.util.function.IntSupplier count) {
        // nothing published
    }

    @Override
    public RpcRecorder.Call started(String service, String method) {
        return this;
    }

    @Override
    public void finished(String code) {
        // nothing recorded
    }

    @Override
    public void ran(String program, Outcome outcome, long nanos) {
        // nothing recorded
    }

    @Override
    public RestRecorder.Call request(String method, String endpoint) {
        return this;
    }

    @Override
    public void answered(int status) {
        // nothing recorded
    }

    @Override
    public void failed(String reason) {
        // nothing recorded
    }
}
