package dev.lovedcrm.crm.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebsitesTest {

    @Test
    void normalisesToHttps() {
        assertThat(Websites.normalize("agencia.com.br")).isEqualTo("https://agencia.com.br");
        assertThat(Websites.normalize("http://agencia.com.br/sobre")).isEqualTo("https://agencia.com.br/sobre");
        assertThat(Websites.normalize(" HTTPS://Agencia.com.br ")).isEqualTo("https://Agencia.com.br");
    }

    @Test
    void refusesWhatIsNotAWebAddress() {
        assertThat(Websites.normalize("ftp://agencia.com.br")).isNull();
        assertThat(Websites.normalize("javascript:alert(1)")).isNull();
        assertThat(Websites.normalize("not a url")).isNull();
        assertThat(Websites.normalize("localhost")).isNull();
        assertThat(Websites.normalize("https://user:pw@agencia.com.br")).isNull();
    }
}
