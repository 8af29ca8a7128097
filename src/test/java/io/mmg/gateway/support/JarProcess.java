package io.mmg.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The packaged gateway jar ({@code target/*.jar}, built by {@code package}) run as a real process, as an operator
 * runs it: {@code java -jar}, on a port of its own, its output in a log file. {@link #kill()} is {@code kill -9}
 * ({@link Process#destroyForcibly()} sends SIGKILL on Linux): no shutdown hook, no graceful stop, whatever was in
 * flight is cut. {@link #start()} again runs the same command, so a restart finds what the last run left.
 */
public final class JarProcess implements AutoCloseable {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static {
        // A test JVM that dies must not leave gateways behind on the build machine.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
    }

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path logDir;
    private final int port;
    private Process process;
    private int starts;

    private JarProcess(String name, List<String> command, Map<String, String> environment, Path logDir, int port) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.logDir = logDir;
        this.port = port;
    }

    /**
     * @param name        for the log file ({@code <logDir>/<name>-<start>.log})
     * @param jvmOptions  e.g. {@code -Xmx512m}
     * @param arguments   Spring Boot arguments, {@code --server.port} is added
     * @param environment variables set for the process (on top of this JVM's, which it inherits)
     */
    public static JarProcess of(String name, List<String> jvmOptions, List<String> arguments,
                                Map<String, String> environment, Path logDir) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(packagedJar().toString());
        command.add("--server.port=" + port);
        command.addAll(arguments);
        return new JarProcess(name, command, environment, logDir, port);
    }

    /** The jar {@code package} built: failsafe passes its path; run from an IDE, the one in target/. */
    public static Path packagedJar() {
        String configured = System.getProperty("faults.jar");
        if (configured != null && Files.isRegularFile(Path.of(configured))) {
            return Path.of(configured);
        }
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(path -> path.toString().endsWith(".jar") && !path.toString().endsWith("-plain.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No target/*.jar: run ./mvnw package first"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public synchronized void start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is running already");
        }
        starts++;
        try {
            Files.createDirectories(logDir);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile().toFile());
            builder.environment().putAll(environment);
            process = builder.start();
            RUNNING.add(process);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /** Waits until {@code /actuator/health/readiness} answers 200; fails at once if the process died. */
    public void awaitReady(Duration atMost) {
        Instant deadline = Instant.now().plus(atMost);
        while (Instant.now().isBefore(deadline)) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logFile());
            }
            if (ready()) {
                return;
            }
            sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException(name + " not ready after " + atMost + "; see " + logFile());
    }

    public void startAndAwaitReady() {
        start();
        awaitReady(Duration.ofSeconds(120));
    }

    /** kill -9: the process gets no chance to finish anything. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RUNNING.remove(process);
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public Path logFile() {
        return logDir.resolve(name + "-" + starts + ".log");
    }

    @Override
    public void close() {
        kill();
    }

    private boolean ready() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
