package io.gradsweep.core.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 text one line at a time with a bound on the line length, so that a binary or
 * otherwise bogus file fails after at most {@link #MAX_LINE} characters instead of being read
 * whole into one String (BufferedReader.readLine has no bound).
 */
final class TextLines implements Closeable {
    /** Longer than any sane CSV row (a 28x28 image row is under 4 kB). */
    static final int MAX_LINE = 1 << 20;

    private final String source;
    private final Reader reader;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int end;
    private int lineNumber;
    private final StringBuilder line = new StringBuilder();

    TextLines(String source, InputStream in) {
        this.source = source;
        // REPORT, not the default REPLACE: a binary file should fail as "not text", not parse as garbage
        this.reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** The 1-based number of the line last returned by {@link #next}. */
    int lineNumber() {
        return lineNumber;
    }

    /** The next line without its terminator (\n, \r\n or \r), or null at the end. */
    String next() throws IOException {
        line.setLength(0);
        boolean any = false;
        while (true) {
            if (pos == end && !fill()) {
                if (!any) {
                    return null;
                }
                lineNumber++;
                return line.toString();
            }
            any = true;
            char c = buf[pos++];
            if (c == '\n' || c == '\r') {
                if (c == '\r' && (pos < end || fill()) && buf[pos] == '\n') {
                    pos++;
                }
                lineNumber++;
                return line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw new DataFormatException(source + " line " + (lineNumber + 1) + ": longer than " + MAX_LINE
                        + " characters; is this really a text (CSV) file?");
            }
            line.append(c);
        }
    }

    private boolean fill() throws IOException {
        int n;
        try {
            n = reader.read(buf, 0, buf.length);
        } catch (CharacterCodingException e) {
            throw new DataFormatException(source + " near line " + (lineNumber + 1)
                    + ": not UTF-8 text; is this really a text (CSV) file?");
        }
        if (n <= 0) {
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
