package org.rectify;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A table kept by triggers holds exactly the rows a fresh computation of it gives: none missing, none too many. */
public final class KeptRows {

    private KeptRows() {
    }

    /** Both statements select the same columns; {@code fresh} must give some row, so an empty table cannot pass. */
    public static void assertKeptIsFresh(JdbcTemplate jdbc, String kept, String fresh, String after) {
        assertThat(jdbc.queryForObject("select count(*) from (" + fresh + ") d", Long.class)).as(after).isPositive();
        assertThat(jdbc.queryForList("(" + fresh + ") except all (" + kept + ")")).as("%s: rows missing", after).isEmpty();
        assertThat(jdbc.queryForList("(" + kept + ") except all (" + fresh + ")")).as("%s: rows too many", after).isEmpty();
    }
}
