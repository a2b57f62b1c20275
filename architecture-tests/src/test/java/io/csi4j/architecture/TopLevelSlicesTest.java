package io.csi4j.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.csi4j.fixture.acme.clean.rest.FooClient;
import io.csi4j.fixture.clean.adapters.local.LocalModule;
import io.csi4j.fixture.clean.bootstrap.Wiring;
import io.csi4j.fixture.clean.domain.Widget;
import io.csi4j.fixture.clean.ports.out.WidgetStore;
import io.csi4j.fixture.clean.ports.service.MakeWidgetService;
import org.junit.jupiter.api.Test;

class TopLevelSlicesTest {

    private final TopLevelSlices slices = new TopLevelSlices(new Layout(Fixtures.base("clean")));

    @Test
    void portsAndAdaptersSplitIntoOnePartPerChild() {
        assertThat(sliceOf(WidgetStore.class)).isEqualTo(SliceIdentifier.of("ports.out"));
        assertThat(sliceOf(MakeWidgetService.class)).isEqualTo(SliceIdentifier.of("ports.service"));
        assertThat(sliceOf(LocalModule.class)).isEqualTo(SliceIdentifier.of("adapters.local"));
    }

    @Test
    void otherTopLevelPackagesAreOnePartEach() {
        assertThat(sliceOf(Widget.class)).isEqualTo(SliceIdentifier.of("domain"));
        assertThat(sliceOf(Wiring.class)).isEqualTo(SliceIdentifier.of("bootstrap"));
    }

    @Test
    void classesOutsideTheBaseBelongToNoPart() {
        assertThat(sliceOf(FooClient.class)).isEqualTo(SliceIdentifier.ignore());
    }

    private SliceIdentifier sliceOf(Class<?> type) {
        JavaClass imported = Fixtures.all().get(type);
        return slices.getIdentifierOf(imported);
    }
}
