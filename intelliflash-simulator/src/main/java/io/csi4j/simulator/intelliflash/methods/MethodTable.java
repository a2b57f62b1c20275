package io.csi4j.simulator.intelliflash.methods;

import io.csi4j.simulator.intelliflash.api.Method;
import io.csi4j.simulator.intelliflash.model.ArrayModel;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every REST method the simulator implements, by name, each run under the model's lock. */
public final class MethodTable {

    private final Map<String, Method> methods = new TreeMap<>();

    public MethodTable(ArrayModel model) {
        SystemMethods.register(model, this);
        ProjectMethods.register(model, this);
        ShareMethods.register(model, this);
        AclMethods.register(model, this);
        VolumeMethods.register(model, this);
        SanMethods.register(model, this);
        SnapshotMethods.register(model, this);
    }

    void add(ArrayModel model, String name, Method method) {
        methods.put(name, args -> model.locked(() -> method.call(args)));
    }

    public Optional<Method> get(String name) {
        return Optional.ofNullable(methods.get(name));
    }

    public java.util.Set<String> names() {
        return methods.keySet();
    }
}
