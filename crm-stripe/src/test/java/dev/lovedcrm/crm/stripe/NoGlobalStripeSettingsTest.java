package dev.lovedcrm.crm.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module builds its own StripeClient: no source touches the global {@code Stripe.*} settings (reading the
 * constant {@code Stripe.API_VERSION} is fine).
 */
class NoGlobalStripeSettingsTest {

    @Test
    void noSourceUsesTheGlobalStripeClass() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).isNotEmpty();
        for (Path source : sources) {
            String text = Files.readString(source);
            assertThat(text).as(source.toString())
                    .doesNotContainPattern("(?<![\\w.])Stripe\\.(api|set|override|enable|connect|upload|max)");
        }
    }
}
