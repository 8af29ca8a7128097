package io.mmg.gateway.batch;

import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.Failures;
import io.mmg.gateway.security.ClientDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Payout files dropped by an ERP into inbox/&lt;client id&gt;/ (routes/batches.yaml picks them up).
 * A file that cannot become a batch, or whose batch is rejected, fails: the route moves it to failed/
 * and this bean writes why to outbox/&lt;client id&gt;/&lt;file&gt;.errors.txt.
 */
@Component("batchFiles")
public class BatchFiles {

    private static final Logger log = LoggerFactory.getLogger(BatchFiles.class);

    private final BatchImports imports;
    private final BatchResults results;
    private final ClientDirectory clients;
    private final BatchSettings settings;

    public BatchFiles(BatchImports imports, BatchResults results, ClientDirectory clients, BatchSettings settings) {
        this.imports = imports;
        this.results = results;
        this.clients = clients;
        this.settings = settings;
    }

    public void importFile(Exchange exchange) throws IOException {
        UUID clientId = clientOf(exchange);
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        BatchSummary summary;
        try (InputStream content = exchange.getMessage().getBody(InputStream.class)) {
            summary = imports.importCsv(clientId, "FILE", name, content, null);
        }
        log.info("Payout file of client {} read as batch {}: {} rows, {} valid, {} invalid, {}", clientId,
                summary.batchId(), summary.totalRows(), summary.validRows(), summary.invalidRows(), summary.status());
        if (summary.invalidRows() > 0 || summary.status() == BatchStatus.REJECTED) {
            results.publish(summary.batchId());   // the per-row report, next to where the result will be
        }
        if (summary.status() == BatchStatus.REJECTED) {
            throw new BatchRejectedException(summary);
        }
    }

    /** Writes why a file failed next to its results, for the ERP that dropped it. */
    public void reportFailure(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String why = Failures.find(failure, ApiException.class).map(Throwable::getMessage)
                .orElse("The file could not be read; it has been logged");
        String parent = lastSegment(exchange.getMessage().getHeader(Exchange.FILE_PARENT, String.class));
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Path folder = settings.outbox().resolve(parent);
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(name + ".errors.txt"), why + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.warn("Payout file {} of {} moved to failed/: {}", name, parent, why);
    }

    private UUID clientOf(Exchange exchange) {
        String folder = lastSegment(exchange.getMessage().getHeader(Exchange.FILE_PARENT, String.class));
        try {
            UUID clientId = UUID.fromString(folder);
            if (clients.exists(clientId)) {
                return clientId;
            }
        } catch (IllegalArgumentException notAnId) {
            // answered below
        }
        throw new CsvFormatException("Files go in inbox/<client id>/; '" + folder + "' is not a known client id");
    }

    private static String lastSegment(String path) {
        return path == null ? "unknown" : Path.of(path).getFileName().toString();
    }

    /** The file became a batch, but nothing of it will be paid. */
    static class BatchRejectedException extends ApiException {
        BatchRejectedException(BatchSummary summary) {
            super(io.mmg.gateway.api.ErrorCode.INVALID_FILE, "Batch " + summary.batchId() + " rejected: "
                    + summary.statusReason() + " (" + summary.invalidRows() + " invalid row(s) of " + summary.totalRows()
                    + "; see the .result.csv)");
        }
    }
}
