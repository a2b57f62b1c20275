package io.csi4j.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;

/**
 * The architecture rules of csi4j (the hexagon's arrows and the general coding rules) for the code base under
 * one base package: {@code Csi4jArchitecture.of("io.csi4j").all()} checks csi4j itself, and
 * {@link #forAdapter(String)} gives an adapter written elsewhere the rules that apply to it.
 *
 * <p>Each forbidden dependency is reported by exactly one rule: the core rules alone judge domain and ports
 * (by allow-list), the confinement rules judge only the classes around the core. Every rule passes on
 * packages that have nothing to check yet, so the rules hold while the code base grows.
 */
public final class Csi4jArchitecture {

    /** The base package of csi4j itself. */
    public static final String CSI4J = "io.csi4j";

    private final Layout layout;
    private final CoreRules core;
    private final StructureRules structure;
    private final TechnologyRules technologies;
    private final CodingRules coding;

    private Csi4jArchitecture(Layout layout) {
        this.layout = layout;
        this.core = new CoreRules(layout);
        this.structure = new StructureRules(layout);
        this.technologies = new TechnologyRules(layout);
        this.coding = new CodingRules(resideInAPackage(layout.everything())
                .and(not(resideInAPackage(layout.csiMessages())))
                .as("reside in %s except the generated %s", layout.everything(), layout.csiMessages()));
    }

    /** The rules for a code base laid out like csi4j under {@code basePackage} (for csi4j: {@value #CSI4J}). */
    public static Csi4jArchitecture of(String basePackage) {
        return new Csi4jArchitecture(new Layout(basePackage));
    }

    /** The rules for one adapter, in a package of its own, that plugs into csi4j ({@value #CSI4J}). */
    public static AdapterArchitecture forAdapter(String adapterPackage) {
        return of(CSI4J).adapter(adapterPackage);
    }

    /** The rules for one adapter, in a package of its own, that plugs into this code base. */
    public AdapterArchitecture adapter(String adapterPackage) {
        return new AdapterArchitecture(layout, adapterPackage);
    }

    /** {@code domain} depends only on the JDK (without host access), vavr, Immutables, JSpecify and itself. */
    public ArchRule domainIsPure() {
        return core.domainIsPure();
    }

    /** {@code ports} depends only on what the domain may use, slf4j, the domain and itself. */
    public ArchRule portsArePure() {
        return core.portsArePure();
    }

    public ArchRule inPortsDoNotDependOnOutPorts() {
        return core.inPortsDoNotDependOnOutPorts();
    }

    public ArchRule outPortsDoNotDependOnInPorts() {
        return core.outPortsDoNotDependOnInPorts();
    }

    /** Nothing outside {@code ports.service} and {@code bootstrap} depends on {@code ports.service}. */
    public ArchRule servicesAreUsedOnlyByBootstrap() {
        return structure.servicesAreUsedOnlyByBootstrap();
    }

    /** No {@code adapters.<a>} depends on an {@code adapters.<b>}. */
    public ArchRule adaptersAreIndependent() {
        return structure.adaptersAreIndependent();
    }

    /** {@code hostexec} (running host tools, shared by host adapters) depends only on libraries and the domain. */
    public ArchRule hostExecIsALibraryForAdapters() {
        return structure.hostExecIsALibraryForAdapters();
    }

    public ArchRule adaptersDoNotDependOnBootstrap() {
        return structure.adaptersDoNotDependOnBootstrap();
    }

    /** No cycle between domain, ports.in, ports.out, ports.service, adapters.<name>, bootstrap and the rest. */
    public ArchRule topLevelPartsAreFreeOfCycles() {
        return structure.topLevelPartsAreFreeOfCycles();
    }

    /** gRPC, protobuf and the generated CSI messages are used only in {@code adapters.grpc} and bootstrap. */
    public ArchRule grpcAndProtobufOnlyInGrpcAdapter() {
        return technologies.grpcAndProtobufOnlyInGrpcAdapter();
    }

    /** Dagger and {@code @Inject} appear only in bootstrap and in adapters' {@code @Module} classes. */
    public ArchRule daggerOnlyInBootstrapAndAdapterModules() {
        return technologies.daggerOnlyInBootstrapAndAdapterModules();
    }

    /** Prometheus (registry, exposition, client) appears only in bootstrap. */
    public ArchRule metricsRegistriesOnlyInBootstrap() {
        return technologies.metricsRegistriesOnlyInBootstrap();
    }

    /** The general coding rules for every class except the generated protobuf ones. */
    public CodingRules codingRules() {
        return coding;
    }

    /** Every rule, in the order above. */
    public List<ArchRule> all() {
        return Stream.concat(
                        Stream.of(domainIsPure(), portsArePure(), inPortsDoNotDependOnOutPorts(),
                                outPortsDoNotDependOnInPorts(), servicesAreUsedOnlyByBootstrap(),
                                adaptersAreIndependent(), hostExecIsALibraryForAdapters(),
                                adaptersDoNotDependOnBootstrap(),
                                topLevelPartsAreFreeOfCycles(), grpcAndProtobufOnlyInGrpcAdapter(),
                                daggerOnlyInBootstrapAndAdapterModules(), metricsRegistriesOnlyInBootstrap()),
                        coding.all().stream())
                .toList();
    }
}
