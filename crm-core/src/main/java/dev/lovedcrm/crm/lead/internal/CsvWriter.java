package dev.lovedcrm.crm.lead.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * A small RFC 4180 writer: fields separated by commas, records ended by CRLF; a field holding a comma, a double
 * quote, CR or LF is enclosed in double quotes with its quotes doubled. Formula-injection safe: a cell starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, tab or CR is prefixed with a single quote, so spreadsheets show it as
 * text (OWASP's advice for CSV injection).
 */
public final class CsvWriter {

    private final Writer out;

    /**
     * A writer over a character stream (the caller chooses the encoding and closes it).
     *
     * @param out the stream
     */
    public CsvWriter(Writer out) {
        this.out = out;
    }

    /**
     * Writes one record; {@code null} cells are written empty.
     *
     * @param cells the cells
     * @throws UncheckedIOException when the stream fails
     */
    public void record(List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(cells.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Flushes the stream.
     *
     * @throws UncheckedIOException when the stream fails
     */
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One cell as written: neutralised, then quoted when needed.
     *
     * @param value the value, or {@code null}
     * @return the text
     */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        String safe = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
        boolean quote = false;
        for (int i = 0; i < safe.length() && !quote; i++) {
            char c = safe.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
