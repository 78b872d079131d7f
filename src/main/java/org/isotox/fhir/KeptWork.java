package org.isotox.fhir;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work that follows a committed write and must not be lost with it: the write's audit event, the stopping rule after a
 * course changed, the RECIST time-point responses after a measurement. The work is kept, as one row of
 * {@value #TABLE} (its {@link Kind} and a text payload), in the write's own transaction as it commits (plain JDBC on
 * that transaction's connection: nothing of HAPI's session), so it commits with the write or not at all. After the
 * commit it is done ({@link AfterCommit#runOrLeaveKept}) and its row taken out in the same transaction; when that fails
 * (twice) the client is still answered its write's outcome, and the row stays for {@link #doKeptBefore}: at start-up
 * (after a crash) and every few minutes. Whoever deletes a row first does its work, so a request, a sweep and a second
 * server on the same database never do it twice.
 */
@Component
public class KeptWork {

    public static final String TABLE = "isotox_kept_work";
    private static final Logger LOG = LoggerFactory.getLogger(KeptWork.class);
    private static final int BATCH = 100;

    /** A kind of kept work: its name in the table, and how to do it from its payload (in a transaction of its own). */
    public interface Kind {
        String name();

        void run(String payload);
    }

    private record Kept(long id, String kind, String payload) {}

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final AfterCommit afterCommit;
    private final ObjectProvider<Kind> kinds;
    private final TransactionTemplate ownTransaction;

    KeptWork(DataSource dataSource, AfterCommit afterCommit, ObjectProvider<Kind> kinds, PlatformTransactionManager transactions) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.afterCommit = afterCommit;
        this.kinds = kinds;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        createTable();
    }

    /**
     * Keeps the work of {@code kind} on the payload {@code payload} gives when the running write transaction commits
     * (read then, so that it can take in all of the transaction's writes), and does it after the commit. Outside a
     * transaction the work is done right away.
     */
    public void keepUntilDone(Kind kind, Supplier<String> payload) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            afterCommit.run(() -> kind.run(payload.get()));
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                String value = payload.get();
                long id = keep(kind, value);
                afterCommit.runOrLeaveKept(() -> doIfClaimed(id, kind, value));
            }
        });
    }

    /** Does, each in a transaction of its own, the work kept before {@code keptBefore}; returns how many rows it took out. */
    public int doKeptBefore(Instant keptBefore) {
        Map<String, Kind> byName = kinds.orderedStream().collect(Collectors.toMap(Kind::name, Function.identity()));
        int done = 0;
        List<Kept> batch;
        do {
            batch = jdbc.query("select id, kind, payload from " + TABLE + " where kept_at < ? order by id fetch first "
                            + BATCH + " rows only",
                    (row, n) -> new Kept(row.getLong("id"), row.getString("kind"), row.getString("payload")),
                    Timestamp.from(keptBefore));
            for (Kept kept : batch) {
                Kind kind = byName.get(kept.kind());
                if (kind == null) {
                    LOG.error("Kept work {} is of an unknown kind '{}'; it stays kept", kept.id(), kept.kind());
                    return done;
                }
                try {
                    ownTransaction.executeWithoutResult(status -> doIfClaimed(kept.id(), kind, kept.payload()));
                    done++;
                } catch (RuntimeException failure) {
                    LOG.error("Kept work {} ({}) failed again; it stays kept", kept.id(), kept.kind(), failure);
                    return done;
                }
            }
        } while (batch.size() == BATCH);
        return done;
    }

    /** How many pieces of work kept before {@code keptBefore} are not done yet. */
    public int countKeptBefore(Instant keptBefore) {
        Integer rows = jdbc.queryForObject("select count(*) from " + TABLE + " where kept_at < ?", Integer.class,
                Timestamp.from(keptBefore));
        return rows == null ? 0 : rows;
    }

    private long keep(Kind kind, String payload) {
        if (!TransactionSynchronizationManager.hasResource(dataSource)) {
            throw new IllegalStateException("Work is kept only on the connection of the write's own transaction");
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement(
                    "insert into " + TABLE + " (kind, kept_at, payload) values (?, ?, ?)", new String[] {"id"});
            insert.setString(1, kind.name());
            insert.setTimestamp(2, Timestamp.from(Instant.now()));
            insert.setString(3, payload);
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    /** In the running transaction: takes the row out and, when this caller is the one that did, does the work. */
    private void doIfClaimed(long id, Kind kind, String payload) {
        if (jdbc.update("delete from " + TABLE + " where id = ?", id) == 1) {
            kind.run(payload);
        }
    }

    private void createTable() {
        try {
            jdbc.execute("create table if not exists " + TABLE + " (id bigint generated by default as identity primary key,"
                    + " kind varchar(64) not null, kept_at timestamp not null, payload text not null)");
        } catch (DataAccessException raced) {
            // another server on the same database created it at the same moment
            jdbc.queryForObject("select count(*) from " + TABLE, Integer.class);
        }
    }
}
