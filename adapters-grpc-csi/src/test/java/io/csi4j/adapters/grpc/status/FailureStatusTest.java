package io.csi4j.adapters.grpc.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Failure;
import io.grpc.Status.Code;
import io.grpc.StatusRuntimeException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FailureStatusTest {

    /** The contract's table (CSI §1.9 and the brief): one code per failure case. */
    private static final Map<Class<? extends Failure>, Code> EXPECTED = Map.ofEntries(
            Map.entry(Failure.InvalidArgument.class, Code.INVALID_ARGUMENT),
            Map.entry(Failure.NotFound.class, Code.NOT_FOUND),
            Map.entry(Failure.AlreadyExists.class, Code.ALREADY_EXISTS),
            Map.entry(Failure.OperationPending.class, Code.ABORTED),
            Map.entry(Failure.InvalidToken.class, Code.ABORTED),
            Map.entry(Failure.OutOfRange.class, Code.OUT_OF_RANGE),
            Map.entry(Failure.CapacityExhausted.class, Code.RESOURCE_EXHAUSTED),
            Map.entry(Failure.FailedPrecondition.class, Code.FAILED_PRECONDITION),
            Map.entry(Failure.Unavailable.class, Code.UNAVAILABLE),
            Map.entry(Failure.Unauthenticated.class, Code.UNAUTHENTICATED),
            Map.entry(Failure.PermissionDenied.class, Code.PERMISSION_DENIED),
            Map.entry(Failure.Unsupported.class, Code.UNIMPLEMENTED),
            Map.entry(Failure.Timeout.class, Code.DEADLINE_EXCEEDED),
            Map.entry(Failure.Defect.class, Code.INTERNAL));

    static Stream<Arguments> everyFailureCase() {
        return Arrays.stream(Failure.class.getPermittedSubclasses()).map(c -> Arguments.of(c.getSimpleName(), c));
    }

    @Test
    void theTableCoversEveryFailureCase() {
        Set<Class<?>> cases = Arrays.stream(Failure.class.getPermittedSubclasses()).collect(Collectors.toSet());
        assertThat(cases).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFailureCase")
    void eachFailureCaseMapsToItsCodeWithItsMessageAndNoDetails(String name, Class<?> type) throws Exception {
        Failure failure = (Failure) type.getDeclaredConstructor(String.class).newInstance("why it failed");

        StatusRuntimeException e = FailureStatus.exception(failure);

        assertThat(e.getStatus().getCode()).isEqualTo(EXPECTED.get(type));
        assertThat(e.getStatus().getDescription()).isEqualTo("why it failed");
        assertThat(e.getTrailers()).isNull();
    }

    @Test
    void aFailureWithoutMessageStillGetsReadableText() {
        assertThat(FailureStatus.status(new Failure.OperationPending("")).getDescription())
                .isEqualTo("operation pending");
    }

    @Test
    void retryableConditionsAreNeverInternal() {
        Stream.of(new Failure.OperationPending("x"), new Failure.Unavailable("x"), new Failure.Timeout("x"),
                        new Failure.CapacityExhausted("x"), new Failure.InvalidToken("x"))
                .forEach(f -> assertThat(FailureStatus.code(f)).isNotEqualTo(Code.INTERNAL));
    }
}
