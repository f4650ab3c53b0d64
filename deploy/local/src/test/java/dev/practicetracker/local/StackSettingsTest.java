package dev.practicetracker.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void thisJdkStartsWithTheDefaultServiceFlags() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(Arrays.asList(StackSettings.DEFAULT_JVM_OPTIONS.split(" ")));
        command.add("-version");
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes());

        assertThat(java.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as(output).isZero();
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
