package io.csi4j.bootstrap.wiring;

import dagger.Component;
import io.csi4j.bootstrap.backends.BackendFactory;
import java.util.Map;

/** The backend factories, available before the configuration is read (it is validated against their types). */
@Component(modules = FactoriesModule.class)
public interface FactoriesComponent {

    Map<String, BackendFactory> factories();
}
