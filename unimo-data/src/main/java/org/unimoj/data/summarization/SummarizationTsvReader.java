package org.unimoj.data.summarization;

import java.nio.file.Path;
import org.unimoj.api.data.SourceTarget;
import org.unimoj.data.io.LineReader;
import org.unimoj.data.io.LineRecordReader;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.io.RecordProblem;
import org.unimoj.data.io.TabFields;
import org.unimoj.data.io.Utf8;

/**
 * Streams a {@code src \t tgt} TSV (the header line {@code src\ttgt} is optional) into
 * {@link SourceTarget}s whose id is the line number. Checked: exactly two fields, both non-empty
 * valid UTF-8.
 */
public final class SummarizationTsvReader extends LineRecordReader<SourceTarget> {

    private final TabFields fields = new TabFields();

    private SummarizationTsvReader(Path file, ReadOptions options) {
        super(file, options);
    }

    public static SummarizationTsvReader open(Path file, ReadOptions options) {
        return new SummarizationTsvReader(file, options);
    }

    @Override
    protected boolean isHeader(LineReader line) {
        return line.lenientText().equals("src\ttgt");
    }

    @Override
    protected SourceTarget parseLine(byte[] b, int from, int to) throws RecordProblem {
        int n = fields.split(b, from, to);
        if (n != 2) {
            throw new RecordProblem("line", n + " tab-separated fields; expected 2 (src, tgt)");
        }
        String src = field(b, 0, "src");
        String tgt = field(b, 1, "tgt");
        return new SourceTarget(String.valueOf(lines.lineNumber()), src, tgt);
    }

    private String field(byte[] b, int i, String name) throws RecordProblem {
        String s = utf8.decode(b, fields.start(i), fields.end(i), name);
        if (s.isBlank()) {
            throw new RecordProblem(name, "empty");
        }
        Utf8.checkClean(s, name);
        return s.strip();
    }
}
