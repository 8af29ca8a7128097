package io.mmg.gateway.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Properties;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hears every instance's status changes: one connection of its own (outside the pool) LISTENs on
 * {@value #CHANNEL}, where the payment_status_notify trigger (V94) announces each status event when its transaction
 * commits. A lost connection is opened again after gateway.live.listener-retry, and then every followed payment is
 * read again (LiveSubscriptions.refreshAll), since NOTIFY keeps nothing for a listener that was away.
 */
@Component
public class PaymentStatusListener implements SmartLifecycle {

    static final String CHANNEL = "payment_status";
    private static final Logger LOG = LoggerFactory.getLogger(PaymentStatusListener.class);
    private static final int WAIT_MS = 500;
    private static final long CHECK_EVERY_NANOS = 10_000_000_000L;

    private final HikariDataSource dataSource;
    private final LiveSubscriptions subscriptions;
    private final LiveSettings settings;
    private final ObjectMapper json;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Connection connection;
    private volatile boolean listening;

    public PaymentStatusListener(HikariDataSource dataSource, LiveSubscriptions subscriptions, LiveSettings settings,
                                 ObjectMapper json) {
        this.dataSource = dataSource;
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.json = json;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "live-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        closeConnection();
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** True while the LISTEN connection is up (tests, health). */
    public boolean isListening() {
        return listening;
    }

    /** Drops the connection as a network failure would; the loop opens a new one (tests of the reconnect). */
    public void dropConnection() {
        closeConnection();
    }

    private void run() {
        boolean firstConnect = true;
        while (running) {
            try (Connection c = open()) {
                connection = c;
                try (Statement listen = c.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                if (!firstConnect) {
                    LOG.info("Live status: listening again; reading every followed payment");
                }
                firstConnect = false;
                subscriptions.refreshAll();
                receive(c);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("Live status: the LISTEN connection failed ({}); retrying in {}", e.getMessage(),
                            settings.listenerRetry());
                }
            } finally {
                listening = false;
                connection = null;
            }
            pause();
        }
    }

    private void receive(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long lastCheck = System.nanoTime();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(WAIT_MS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    handle(notification.getParameter());
                }
            }
            if (System.nanoTime() - lastCheck > CHECK_EVERY_NANOS) {
                // getNotifications does not notice a peer that vanished without closing: ask something.
                try (Statement check = c.createStatement()) {
                    check.execute("SELECT 1");
                }
                lastCheck = System.nanoTime();
            }
        }
    }

    private void handle(String payload) {
        try {
            JsonNode change = json.readTree(payload);
            subscriptions.changed(new PaymentUpdate(UUID.fromString(change.path("id").asText()),
                    change.path("status").asText(), change.path("reason").isNull() ? null
                    : change.path("reason").asText(), OffsetDateTime.parse(change.path("at").asText()).toInstant(),
                    change.path("version").asLong()));
        } catch (Exception e) {
            LOG.warn("Live status: ignored a notification that could not be read: {}", e.getMessage());
        }
    }

    private Connection open() throws SQLException {
        Properties properties = new Properties();
        if (dataSource.getUsername() != null) {
            properties.setProperty("user", dataSource.getUsername());
        }
        if (dataSource.getPassword() != null) {
            properties.setProperty("password", dataSource.getPassword());
        }
        properties.setProperty("ApplicationName", "mmg-live-listener");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(dataSource.getJdbcUrl(), properties);
    }

    private void closeConnection() {
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a broken connection: nothing to do
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(settings.listenerRetry().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
