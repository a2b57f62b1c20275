package io.csi4j.adapters.iscsi;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Failure;
import io.csi4j.hostexec.CommandResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IscsiadmErrorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "24|iscsiadm: initiator reported error (24 - iSCSI login failed due to authorization failure)|Unauthenticated",
        "19|iscsiadm: initiator reported error (19 - encountered non-retryable iSCSI login failure)|FailedPrecondition",
        "8|iscsiadm: initiator reported error (8 - connection timed out)|Unavailable",
        "11|iscsiadm: Could not perform SendTargets discovery: iSCSI PDU timed out|Unavailable",
        "4|iscsiadm: cannot make connection to 192.168.77.9: No route to host|Unavailable",
        "20|iscsiadm: can not connect to iSCSI daemon (111)!|Unavailable",
        "21|iscsiadm: No records found|NotFound",
        "12|iscsiadm: could not find transport tcp|FailedPrecondition",
        "13|iscsiadm: must be root|PermissionDenied",
        "1|something new|FailedPrecondition"})
    void exitStatusesBecomeTypedFailuresNeverDefects(int exit, String stderr, String expected) {
        Failure f = IscsiadmErrors.classify(new CommandResult("iscsiadm -m node --login", exit, "", stderr));

        assertThat(f.getClass().getSimpleName()).isEqualTo(expected);
        assertThat(f.message()).contains("exit " + exit);
    }
}
