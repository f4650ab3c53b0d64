package dev.practicetracker.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StackSettingsTest {

    @ParameterizedTest
    @EnumSource(Service.class)
    void thisJdkStartsEachServiceWithItsDefaultFlags(Service service) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(settings(StackSettings.DEFAULT_JVM_OPTIONS).jvmOptions(service));
        command.add("-version");
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes());

        assertThat(java.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as(output).isZero();
    }

    @Test
    void aServicesOwnFlagsComeFirstSoTheSharedOnesWin() {
        List<String> options = settings(" -Xmx1g  -XX:NewRatio=3 ").jvmOptions(Service.PROGRESS);

        assertThat(options).containsExactly("-XX:NewRatio=1", "-XX:SurvivorRatio=2", "-Xmx1g", "-XX:NewRatio=3");
        assertThat(settings("-Xmx1g").jvmOptions(Service.PRACTICE_LOG)).containsExactly("-Xmx1g");
        assertThat(settings("-XX:CompileThresholdScaling=2").jvmOptions(Service.EVIDENCE))
                .containsExactly("-XX:CompileThresholdScaling=10", "-XX:CompileThresholdScaling=2");
    }

    @Test
    void aStackIsDurableUnlessAskedToLoseCommitsAndKeepsEverythingElse() {
        StackSettings durable = settings("-Xmx1g");
        StackSettings losing = durable.losingCommitsOnCrash();

        assertThat(durable.durable()).isTrue();
        assertThat(losing.durable()).isFalse();
        assertThat(losing).usingRecursiveComparison().ignoringFields("durable").isEqualTo(durable);
    }

    @Test
    void theSharedFlagsAreTheServicesFlagsWithoutTheirOwn() {
        assertThat(settings(" -Xmx1g  -XX:NewRatio=3 ").sharedJvmOptions()).containsExactly("-Xmx1g", "-XX:NewRatio=3");
    }

    private static StackSettings settings(String sharedJvmOptions) {
        return new StackSettings(Path.of("."), Path.of(".local"), 54329, 29092, 29093, Map.of(), false, sharedJvmOptions, false);
    }

    @Test
    void theDefaultsTrimTheNativeHeapOnAJdkThatCan() throws Exception {
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+PrintFlagsFinal", "-version").redirectErrorStream(true).start();
        boolean jdkCanTrim = new String(java.getInputStream().readAllBytes()).contains(" TrimNativeHeapInterval ");
        java.waitFor(30, TimeUnit.SECONDS);

        assertThat(StackSettings.DEFAULT_JVM_OPTIONS.contains("-XX:TrimNativeHeapInterval=")).isEqualTo(jdkCanTrim);
    }
}
