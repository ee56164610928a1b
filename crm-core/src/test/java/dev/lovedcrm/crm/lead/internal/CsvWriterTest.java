package dev.lovedcrm.crm.lead.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.lead.LeadFilter;
import dev.lovedcrm.crm.lead.LeadSelection;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void formulaCellsAreNeutralisedAndSpecialCharactersQuoted() {
        assertThat(CsvWriter.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvWriter.cell("+55 11")).isEqualTo("'+55 11");
        assertThat(CsvWriter.cell("-2")).isEqualTo("'-2");
        assertThat(CsvWriter.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.cell("\tx")).isEqualTo("'\tx");
        assertThat(CsvWriter.cell("\rx")).isEqualTo("\"'\rx\"");
        assertThat(CsvWriter.cell("=A1,\"B\"")).isEqualTo("\"'=A1,\"\"B\"\"\"");
        assertThat(CsvWriter.cell("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(CsvWriter.cell("plain text")).isEqualTo("plain text");
        assertThat(CsvWriter.cell("a=b")).isEqualTo("a=b");
        assertThat(CsvWriter.cell(null)).isEmpty();
        assertThat(CsvWriter.cell("")).isEmpty();
    }

    @Test
    void recordsEndWithCrlf() {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);
        csv.record(List.of("a", "b"));
        csv.record(Arrays.asList(null, "c,d"));
        assertThat(out).hasToString("a,b\r\n,\"c,d\"\r\n");
    }

    @Test
    void aSelectionIsAFilterOrOneToAThousandDistinctIds() {
        LeadId id = LeadId.generate();
        assertThat(LeadSelection.ids(List.of(id, id)).ids()).containsExactly(id);
        assertThat(LeadSelection.of(LeadFilter.all()).byFilter()).isTrue();
        Assertions.assertThatThrownBy(() -> new LeadSelection(null, null)).isInstanceOf(ValidationException.class);
        Assertions.assertThatThrownBy(() -> new LeadSelection(LeadFilter.all(), List.of(id)))
                .isInstanceOf(ValidationException.class);
        assertThat(LeadSelection.ids(java.util.Collections.nCopies(1001, id)).ids()).hasSize(1);
    }
}
