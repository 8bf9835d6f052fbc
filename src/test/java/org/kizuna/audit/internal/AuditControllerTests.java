package org.kizuna.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kizuna.testing.ControllerSlice.SignedIn.user;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kizuna.audit.AuditLog;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Role;
import org.kizuna.testing.ControllerSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The audit trail's entries on their own: they say who read what, so only a user with the auditor role
 * gets any, and then only those the auditor may read (the log decides, for the auditor as a reader); a page
 * is 1 to 1000 entries from an index of 0 or more. (The log is a stand-in here; what it holds and whom it
 * shows it to is AuditTrailTests' and AuditSideChannelTests'.)
 */
@ControllerSlice(AuditController.class)
class AuditControllerTests {

    static final KizunaUser JPN_AUDITOR = user("jpn.auditor", "JPN", "SECRET", Role.VIEWER, Role.AUDITOR);
    static final KizunaUser JPN_OFFICER = ControllerSlice.SignedIn.JPN_OFFICER;

    @Autowired MockMvcTester mvc;

    @Autowired ControllerSlice.SignedIn signedIn;

    @MockitoBean AuditLog log;

    @BeforeEach
    void auditor() {
        signedIn.as(JPN_AUDITOR);
    }

    @Test
    void anAuditorReadsTheEntriesTheAuditorMayRead() {
        when(log.entries(anyLong(), anyInt(), eq(JPN_AUDITOR.reader()))).thenReturn(List.of());
        assertThat(mvc.get().uri("/api/v1/audit/entries?from=5&limit=20")).hasStatusOk().bodyJson().isLenientlyEqualTo("[]");
        verify(log).flush();
        verify(log).entries(5, 20, JPN_AUDITOR.reader());
    }

    @Test
    void aUserWithoutTheAuditorRoleGetsNoEntryAtAll() {
        signedIn.as(JPN_OFFICER);
        assertThat(mvc.get().uri("/api/v1/audit/entries")).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.title").asString().isEqualTo("Not an auditor");
        verify(log, never()).entries(anyLong(), anyInt(), org.mockito.ArgumentMatchers.any());
    }

    @Test
    void aPageIsOneToAThousandEntriesFromAnIndexOfZeroOrMore() {
        for (String bad : List.of("from=-1", "limit=0", "limit=1001")) {
            String expected = bad.startsWith("from") ? "from: must be 0 or more" : "limit: must be between 1 and 1000";
            assertThat(mvc.get().uri("/api/v1/audit/entries?" + bad)).as(bad).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson().extractingPath("$.detail").asString().isEqualTo(expected);
        }
        verify(log, never()).entries(anyLong(), anyInt(), org.mockito.ArgumentMatchers.any());
    }
}
