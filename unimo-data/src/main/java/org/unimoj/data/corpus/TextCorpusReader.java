package org.unimoj.data.corpus;

import java.nio.file.Path;
import org.unimoj.api.data.TextRecord;
import org.unimoj.data.io.LineRecordReader;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.io.RecordProblem;
import org.unimoj.data.io.Utf8;

/**
 * Streams a plain-text corpus, one sentence a line, as {@link TextRecord}s whose id is
 * {@code <file name>:<line>}. Lines must be valid UTF-8 without control characters; empty lines
 * are document separators (counted in the notes), white-space-only lines are bad records.
 */
public final class TextCorpusReader extends LineRecordReader<TextRecord> {

    private final String name;

    private TextCorpusReader(Path file, ReadOptions options) {
        super(file, options);
        this.name = file.getFileName().toString();
    }

    public static TextCorpusReader open(Path file, ReadOptions options) {
        return new TextCorpusReader(file, options);
    }

    @Override
    protected boolean emptyLinesSeparate() {
        return true;
    }

    @Override
    protected TextRecord parseLine(byte[] b, int from, int to) throws RecordProblem {
        String text = utf8.decode(b, from, to, "text");
        if (text.isBlank()) {
            throw new RecordProblem("text", "only white space");
        }
        Utf8.checkClean(text, "text");
        return new TextRecord(name + ":" + lines.lineNumber(), text.strip());
    }
}
