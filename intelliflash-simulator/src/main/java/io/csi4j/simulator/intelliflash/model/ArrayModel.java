package io.csi4j.simulator.intelliflash.model;

import io.csi4j.simulator.intelliflash.api.ZebiError;
import io.csi4j.simulator.intelliflash.data.DataStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Everything one simulated array holds, behind one lock: pools, projects, shares, volumes, snapshots and SAN
 * objects, with the data on disk. Methods call {@link #locked} so each REST call sees and leaves a consistent
 * state, as the array's own transactions do.
 */
public final class ArrayModel {

    private final ReentrantLock lock = new ReentrantLock();
    private final Clock clock;
    public final DataStore data;
    public final String guid = UUID.randomUUID().toString();
    public final String dataIp;
    public final Map<String, Pool> pools = new LinkedHashMap<>();
    public final Map<String, Project> projects = new TreeMap<>();
    public final Map<String, Dataset> datasets = new TreeMap<>();
    public final San san = new San();
    /** The lowest LUN number the array chooses for a view (see {@code SimulatorConfig.firstLun}). */
    public int firstLun;
    private long luCounter = 0x2A8200004FF35C28L;

    public ArrayModel(DataStore data, String dataIp, Clock clock) {
        this.data = data;
        this.dataIp = dataIp;
        this.clock = clock;
    }

    public <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    public Clock clock() {
        return clock;
    }

    public String nextLuId() {
        luCounter++;
        return "600144F0" + String.format("%024X", luCounter);
    }

    public Pool pool(String name) {
        Pool p = pools.get(name);
        if (p == null) {
            throw ZebiError.notFound("pool " + name);
        }
        return p;
    }

    public Project project(String pool, String name) {
        pool(pool);
        Project p = projects.get(Names.projectPath(pool, name));
        if (p == null) {
            throw ZebiError.notFound("project " + pool + "/" + name);
        }
        return p;
    }

    public Project projectByPath(String path) {
        Project p = projects.get(path);
        if (p == null) {
            throw ZebiError.notFound("project " + path);
        }
        return p;
    }

    public Project projectOf(Dataset d) {
        return project(d.pool, d.project);
    }

    public Optional<Dataset> find(String path) {
        return Optional.ofNullable(datasets.get(path));
    }

    public Share share(String path) {
        if (datasets.get(path) instanceof Share s) {
            return s;
        }
        throw ZebiError.notFound("share " + path);
    }

    public Volume volume(String path) {
        if (datasets.get(path) instanceof Volume v) {
            return v;
        }
        throw ZebiError.notFound("volume " + path);
    }

    /** Splits {@code <dataset>@<snapshot>} and finds the snapshot. */
    public Snapshot snapshot(String snapshotPath) {
        int at = snapshotPath.indexOf('@');
        if (at <= 0) {
            throw ZebiError.invalid("'" + snapshotPath + "' is not a snapshot path <dataset>@<snapshot>");
        }
        Dataset d = datasets.get(snapshotPath.substring(0, at));
        Snapshot s = d == null ? null : d.snapshots.get(snapshotPath.substring(at + 1));
        if (s == null) {
            throw ZebiError.notFound("snapshot " + snapshotPath);
        }
        return s;
    }

    public List<Dataset> inProject(String pool, String project) {
        String prefix = Names.projectPath(pool, project) + "/";
        List<Dataset> out = new ArrayList<>();
        datasets.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.add(v);
            }
        });
        return out;
    }

    /** What a pool's datasets take: file data of shares, reservations, and the full size of thick volumes. */
    public long used(String pool) {
        long used = 0;
        for (Dataset d : datasets.values()) {
            if (!d.pool.equals(pool)) {
                continue;
            }
            if (d instanceof Share s) {
                used += Math.max(s.reservation, data.used(s.path()));
            } else if (d instanceof Volume v && !v.thin) {
                used += v.volSize;
            }
        }
        return used;
    }

    public long available(String pool) {
        return Math.max(0, pool(pool).totalSize() - used(pool));
    }

    public boolean nfsExposed(Share s) {
        return s.nfsOverride ? s.nfsOn : projectOf(s).nfsOn;
    }

    public List<Acl> nfsAcls(Share s) {
        return s.nfsOverride ? s.nfsAcls : projectOf(s).nfsAcls;
    }

    public boolean smbExposed(Share s) {
        return s.smbOverride ? s.smbOn : projectOf(s).smbOn;
    }
}
