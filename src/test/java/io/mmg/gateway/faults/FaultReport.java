package io.mmg.gateway.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;

/**
 * The figures of a fault run (what was tried, how often, what held), printed and appended to
 * {@code target/fault-runs/figures.txt}: the source of the table in docs/reliability.md.
 */
final class FaultReport {

    private FaultReport() {
    }

    static void record(String scenario, Map<String, ?> figures) {
        String line = Instant.now() + " [" + FaultForm.describe() + "] " + scenario + " " + figures;
        System.out.println("FAULT FIGURES " + line);
        Path file = Path.of("target", "fault-runs", "figures.txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
