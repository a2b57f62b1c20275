package io.csi4j.bootstrap.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import io.csi4j.bootstrap.backends.BackendFactory;
import io.csi4j.bootstrap.backends.HammerspaceBackendFactory;
import io.csi4j.bootstrap.backends.IntelliFlashBlockBackendFactory;
import io.csi4j.bootstrap.backends.IntelliFlashFileBackendFactory;
import io.csi4j.bootstrap.backends.LocalBackendFactory;

/**
 * The backend types this build knows, keyed by their {@code type:} value. A new storage system is one factory
 * and one binding here.
 */
@Module
public interface FactoriesModule {

    @Binds
    @IntoMap
    @StringKey("local")
    BackendFactory local(LocalBackendFactory factory);

    @Binds
    @IntoMap
    @StringKey("intelliflash-file")
    BackendFactory intelliFlashFile(IntelliFlashFileBackendFactory factory);

    @Binds
    @IntoMap
    @StringKey("intelliflash-block")
    BackendFactory intelliFlashBlock(IntelliFlashBlockBackendFactory factory);

    @Binds
    @IntoMap
    @StringKey(HammerspaceBackendFactory.TYPE)
    BackendFactory hammerspace(HammerspaceBackendFactory factory);
}
