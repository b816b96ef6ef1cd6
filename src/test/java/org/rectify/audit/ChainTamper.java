package org.rectify.audit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What an intruder with the database owner's rights does to the chain, on its own connection: the append-only
 * triggers switched off around each statement (the owner may; the application's role may not), and the chain's
 * advisory lock held so the application appends nothing meanwhile. {@link #close()} puts every entry back.
 */
final class ChainTamper implements AutoCloseable {

    private final Connection c;
    private final List<AuditEntry> original;
    private final int anchors;

    ChainTamper(DataSource owner) throws SQLException {
        c = owner.getConnection();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("select pg_advisory_lock(" + 0x6175646974L + ")");
        }
        original = entries();
        anchors = count("select count(*) from audit_anchor");
    }

    List<AuditEntry> entries() throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select seq, at, actor, action, object, change, digest, prev_hash, hash "
                     + "from audit_entry order by seq")) {
            while (r.next()) {
                out.add(new AuditEntry(r.getLong(1), r.getObject(2, java.time.OffsetDateTime.class).toInstant(), r.getString(3), r.getString(4),
                        r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9)));
            }
        }
        return out;
    }

    void execute(String sql, Object... args) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement(); PreparedStatement p = c.prepareStatement(sql)) {
            s.execute("alter table audit_entry disable trigger user");
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            p.executeUpdate();
            s.execute("alter table audit_entry enable trigger user");
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    void insert(AuditEntry e) throws SQLException {
        if (c.getAutoCommit()) {
            execute(INSERT, e.seq(), e.at().atOffset(java.time.ZoneOffset.UTC), e.actor(), e.action(), e.object(),
                    e.change(), e.digest(), e.prevHash(), e.hash());
            return;
        }
        try (PreparedStatement p = c.prepareStatement(INSERT)) {
            Object[] args = {e.seq(), e.at().atOffset(java.time.ZoneOffset.UTC), e.actor(), e.action(), e.object(),
                    e.change(), e.digest(), e.prevHash(), e.hash()};
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            p.executeUpdate();
        }
    }

    private static final String INSERT = "insert into audit_entry (seq, at, actor, action, object, change, digest, "
            + "prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private int count(String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    List<AuditEntry> original() {
        return original;
    }

    @Override
    public void close() throws SQLException {
        try {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("alter table audit_entry disable trigger user");
                s.execute("delete from audit_entry");
                for (AuditEntry e : original) {
                    insert(e);
                }
                s.execute("alter table audit_entry enable trigger user");
                c.commit();
            } finally {
                c.setAutoCommit(true);
            }
            if (count("select count(*) from audit_anchor") != anchors) {
                throw new IllegalStateException("a test left anchors behind");
            }
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("select pg_advisory_unlock_all()");
            }
            c.close();
        }
    }
}
