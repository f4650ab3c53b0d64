package dev.practicetracker.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperationClassTest {

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "POST, /skills, WRITES",
            "PATCH, /skills/{id}, WRITES",
            "DELETE, /practice-logs/1, WRITES",
            "PUT, /skills/{id}/roadmap, WRITES",
            "GET, /skills, none",
            "GET, /progress/skills/1/calendar.svg, none",
            "HEAD, /skills/1, none",
            "POST, /practice-logs/import, IMPORTS_EXPORTS",
            "GET, /practice-logs/export, IMPORTS_EXPORTS",
            "GET, /users/me/export, IMPORTS_EXPORTS",
            "POST, /practice-logs/admin/republish, ADMIN",
            "POST, /progress/admin/rebuild, ADMIN",
            "GET, /public/progress/abc.svg, PUBLIC_IMAGES",
            "GET, /practice-logs/exports, none",
            "GET, /publications, none" })
    void eachRequestIsInTheClassItsMethodAndPathSay(String method, String path, OperationClass expected) {
        assertThat(OperationClass.of(method, path)).isEqualTo(Optional.ofNullable(expected));
    }
}
