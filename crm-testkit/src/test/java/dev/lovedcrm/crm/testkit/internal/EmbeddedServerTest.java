package dev.lovedcrm.crm.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data directories left by JVMs that were killed are removed; live and recent ones are kept. */
class EmbeddedServerTest {

    @TempDir
    Path parent;

    @Test
    void removesOnlyStaleUnlockedDataDirectories() throws IOException {
        Path stale = dataDirectory("stale", Duration.ofHours(2));
        Path recent = dataDirectory("recent", Duration.ofMinutes(1));
        Path live = dataDirectory("live", Duration.ofHours(2));
        Path foreign = Files.createDirectory(parent.resolve("someone-else"));
        Files.setLastModifiedTime(foreign, FileTime.from(Instant.now().minus(Duration.ofDays(1))));

        try (FileChannel channel = FileChannel.open(live.resolve("epg-lock"), StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            assertThat(lock.isValid()).as("held, as by a running zonky server").isTrue();
            EmbeddedServer.removeStale(parent);
        }

        assertThat(stale).doesNotExist();
        assertThat(recent).exists();
        assertThat(live).exists();
        assertThat(foreign).exists();
    }

    private Path dataDirectory(String name, Duration age) throws IOException {
        Path directory = Files.createDirectory(parent.resolve(EmbeddedServer.PREFIX + name));
        Files.createDirectory(directory.resolve("base"));
        Files.writeString(directory.resolve("base").resolve("file"), "data");
        Files.writeString(directory.resolve("epg-lock"), "");
        Files.setLastModifiedTime(directory, FileTime.from(Instant.now().minus(age)));
        return directory;
    }
}
