package dev.lovedcrm.crm.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void derivesFromNamesFoldingAccents() {
        assertThat(Slugs.derive("Agência São Paulo")).isEqualTo("agencia-sao-paulo");
        assertThat(Slugs.derive("  Ação & Reação — Marketing!! ")).isEqualTo("acao-reacao-marketing");
        assertThat(Slugs.derive("Ünïcödé Çafé")).isEqualTo("unicode-cafe");
    }

    @Test
    void derivedSlugsAreAlwaysAcceptable() {
        for (String name : new String[] {"AB", "Admin", "API", "!!", "x".repeat(300), "ÇÇ"}) {
            String slug = Slugs.derive(name);
            assertThat(Slugs.problem(slug)).as(name + " -> " + slug).isNull();
            assertThat(Slugs.problem(Slugs.candidate(slug, 999))).as("suffixed " + slug).isNull();
        }
    }

    @Test
    void numbersCollisions() {
        assertThat(Slugs.candidate("acme", 1)).isEqualTo("acme");
        assertThat(Slugs.candidate("acme", 2)).isEqualTo("acme-2");
    }

    @Test
    void validatesExplicitSlugs() {
        assertThat(Slugs.problem("acme_01-x")).isNull();
        assertThat(Slugs.problem("ab")).contains("3 to 100");
        assertThat(Slugs.problem("a".repeat(101))).contains("3 to 100");
        assertThat(Slugs.problem("-acme")).isNotNull();
        assertThat(Slugs.problem("acme_")).isNotNull();
        assertThat(Slugs.problem("Acme")).isNotNull();
        assertThat(Slugs.problem("ac me")).isNotNull();
        assertThat(Slugs.problem("agência")).isNotNull();
        for (String reserved : new String[] {"admin", "api", "www", "app", "dashboard", "settings", "help", "support"}) {
            assertThat(Slugs.problem(reserved)).isEqualTo("is reserved");
        }
    }
}
