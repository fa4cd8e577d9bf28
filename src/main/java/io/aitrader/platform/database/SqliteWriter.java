package io.aitrader.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

/**
 * SQLite's one writer connection per data source, kept out of the pool while the service runs. SQLite empties a
 * connection's page cache whenever another connection has written since its last transaction, so writers taking
 * turns on the pool's connections would re-read every page a commit touches; the one writer finds the indexes of the
 * engine's commits and claims where its last transaction left them, in a page cache of {@link #CACHE_KB} KB. Used
 * only under {@link Jdbc}'s write lock; a writer whose transaction failed is closed and the next one takes a fresh
 * connection.
 */
final class SqliteWriter {

    /** The writer's page cache: the engine's working set of a large job (the pool's readers keep SQLite's 2 MB). */
    static final int CACHE_KB = 32 * 1024;

    /** Whether a data source is SQLite, learnt from its first connection. */
    private static final Map<DataSource, Boolean> SQLITE = new ConcurrentHashMap<>();

    private static final Map<DataSource, Connection> WRITERS = new ConcurrentHashMap<>();

    private SqliteWriter() {
    }

    static boolean isSqlite(DataSource dataSource) throws SQLException {
        Boolean sqlite = SQLITE.get(dataSource);
        if (sqlite == null) {
            try (Connection conn = dataSource.getConnection()) {
                sqlite = conn.getMetaData().getURL().startsWith("jdbc:sqlite:");
            }
            SQLITE.put(dataSource, sqlite);
        }
        return sqlite;
    }

    /** The data source's writer, opened on first use or after the last one failed or its pool closed it. */
    static Connection of(DataSource dataSource) throws SQLException {
        Connection writer = WRITERS.get(dataSource);
        if (writer != null && !writer.isClosed()) {
            return writer;
        }
        WRITERS.values().removeIf(SqliteWriter::closed); // writers of data sources shut down since
        Connection conn = dataSource.getConnection();
        try (Statement st = conn.createStatement()) {
            st.execute("PRAGMA cache_size = -" + CACHE_KB);
        } catch (SQLException e) {
            close(conn);
            throw e;
        }
        WRITERS.put(dataSource, conn);
        return conn;
    }

    /** The writer's transaction failed: the connection goes, and the next transaction takes a fresh one. */
    static void discard(DataSource dataSource) {
        Connection writer = WRITERS.remove(dataSource);
        if (writer != null) {
            close(writer);
        }
    }

    private static boolean closed(Connection conn) {
        try {
            return conn.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static void close(Connection conn) {
        try {
            conn.close();
        } catch (SQLException e) {
            // a broken connection: the pool discards it
        }
    }
}
