package org.rectify.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class StalePostmasterTests {

    @TempDir
    Path dataDir;

    @Test
    void a_server_left_running_by_a_killed_run_is_stopped_and_its_pid_file_removed() throws Exception {
        Path postgres = Files.copy(Path.of("/bin/sleep"), dataDir.resolve("postgres")); // looks like a server
        postgres.toFile().setExecutable(true);
        Process leftover = new ProcessBuilder(postgres.toString(), "120").start();
        Files.writeString(dataDir.resolve("postmaster.pid"), leftover.pid() + "\n" + dataDir + "\n");

        StalePostmaster.stopIfRunning(dataDir);

        assertThat(leftover.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void a_process_that_reused_the_pid_is_left_alone() throws Exception {
        Process unrelated = new ProcessBuilder("sleep", "120").start();
        Files.writeString(dataDir.resolve("postmaster.pid"), unrelated.pid() + "\n");

        StalePostmaster.stopIfRunning(dataDir);

        assertThat(unrelated.isAlive()).isTrue();
        unrelated.destroy();
    }

    @Test
    void a_pid_file_of_a_process_that_is_gone_is_just_removed() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(dataDir.resolve("postmaster.pid"), gone.pid() + "\n");

        StalePostmaster.stopIfRunning(dataDir);

        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void no_pid_file_means_nothing_to_do() throws Exception {
        StalePostmaster.stopIfRunning(dataDir);
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
    }
}
