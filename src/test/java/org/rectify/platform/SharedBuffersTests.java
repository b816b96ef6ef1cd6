package org.rectify.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SharedBuffersTests {

    private static final long GB = 1024L * 1024 * 1024;

    @Test
    void a_county_server_of_4_gb_gives_postgresql_a_quarter_of_it() {
        assertThat(SharedBuffers.forMemory(4 * GB)).isEqualTo("1024MB");
    }

    @Test
    void a_small_machine_keeps_postgresqls_default_and_a_large_one_stops_at_2_gb() {
        assertThat(SharedBuffers.forMemory(GB / 4)).isEqualTo("128MB");
        assertThat(SharedBuffers.forMemory(64 * GB)).isEqualTo("2048MB");
    }
}
