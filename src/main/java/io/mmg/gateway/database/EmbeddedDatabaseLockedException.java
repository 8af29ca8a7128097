package io.mmg.gateway.database;

import java.nio.file.Path;

/** The embedded database's folder is locked: another gateway (or another embedded PostgreSQL) is using it. */
public class EmbeddedDatabaseLockedException extends IllegalStateException {

    private final Path dataDir;

    public EmbeddedDatabaseLockedException(Path dataDir, Throwable cause) {
        super("The embedded database folder " + dataDir + " is locked by another process", cause);
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
