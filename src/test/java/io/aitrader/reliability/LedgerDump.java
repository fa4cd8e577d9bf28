package io.aitrader.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.aitrader.testing.Await;

/** Reads a data directory's jobs.db from the test process: ledger contents, counts, checksums and full dumps. */
public final class LedgerDump {

    private LedgerDump() {
    }

    public static Path database(Path dataDir) {
        return dataDir.resolve("jobs.db");
    }

    public static Connection open(Path dataDir) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + database(dataDir) + "?busy_timeout=5000");
    }

    /** One line per committed model-day (see {@link PortableLedger}): what must be equal between two runs. */
    public static List<String> ledger(Path dataDir) throws SQLException {
        try (Connection conn = open(dataDir)) {
            return PortableLedger.lines(conn);
        }
    }

    public static long count(Path dataDir, String sql) throws SQLException {
        try (Connection conn = open(dataDir);
                Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static String integrity(Path dataDir) throws SQLException {
        try (Connection conn = open(dataDir);
                Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Every row of every table, in primary-key order: a logical image of the database. */
    public static Map<String, List<String>> everything(Path dataDir) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Connection conn = open(dataDir); Statement st = conn.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String table : names) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY 1, 2")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.append(rs.getString(i)).append('\u241f');
                        }
                        rows.add(row.toString());
                    }
                }
                tables.put(table, rows);
            }
        }
        return tables;
    }

    /**
     * Moves every committed page from the WAL into the main file and empties the WAL, so that the files' bytes
     * change only if something writes afterwards. Retries while the app holds a read snapshot.
     */
    public static void checkpoint(Path dataDir) throws SQLException {
        try (Connection conn = open(dataDir); Statement st = conn.createStatement()) {
            Await.until(Duration.ofSeconds(5), Duration.ofMillis(100), () -> {
                try (ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                    rs.next();
                    return rs.getInt(1) == 0; // 1: busy
                }
            }, "the WAL to be checkpointed");
        }
    }

    /** SHA-256 of jobs.db and of its WAL (an absent WAL counts as an empty one). */
    public static String fileChecksums(Path dataDir) throws IOException {
        Path db = database(dataDir);
        return sha256(db) + " / wal " + sha256(db.resolveSibling("jobs.db-wal"));
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0;) {
                    digest.update(buffer, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
