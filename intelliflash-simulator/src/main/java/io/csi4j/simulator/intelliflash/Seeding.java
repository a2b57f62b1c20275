package io.csi4j.simulator.intelliflash;

import io.csi4j.simulator.intelliflash.model.ArrayModel;
import io.csi4j.simulator.intelliflash.model.Names;
import io.csi4j.simulator.intelliflash.model.Pool;
import io.csi4j.simulator.intelliflash.model.Project;
import io.csi4j.simulator.intelliflash.model.San;
import io.csi4j.simulator.intelliflash.model.View;
import java.util.List;

/** Puts the configured pools, projects and example SAN objects into a fresh array, as an administrator would. */
final class Seeding {

    private Seeding() {}

    static void seed(ArrayModel m, SimulatorConfig c) {
        m.locked(() -> {
            m.firstLun = c.firstLun();
            for (Pool p : c.pools()) {
                m.pools.put(Names.check("pool", p.name()), p);
            }
            for (String entry : c.projects()) {
                int slash = entry.indexOf('/');
                if (slash <= 0 || !m.pools.containsKey(entry.substring(0, slash))) {
                    throw new IllegalArgumentException("project '" + entry + "' must be <pool>/<project> of a configured pool");
                }
                Project p = new Project(entry.substring(0, slash), Names.check("project", entry.substring(slash + 1)));
                m.projects.put(p.path(), p);
            }
            if (c.seedSan() && !c.pools().isEmpty()) {
                m.san.targetGroups.put(SimulatorConfig.TARGET_GROUP, c.pools().getFirst().name());
                String iqn = "iqn.2012-02.com.tegile:" + SimulatorConfig.TARGET_SUFFIX;
                m.san.targets.put(iqn, new San.Target(iqn, SimulatorConfig.TARGET_SUFFIX, "csi",
                        SimulatorConfig.TARGET_GROUP, "none", "", "", List.of(c.dataIp() + ":3260")));
                m.san.initiatorGroups.put(SimulatorConfig.HOST_GROUP, true);
                m.projects.values().forEach(p -> p.defaultViews.add(new View(SimulatorConfig.HOST_GROUP,
                        SimulatorConfig.TARGET_GROUP, -1, false)));
            }
            return null;
        });
    }
}
