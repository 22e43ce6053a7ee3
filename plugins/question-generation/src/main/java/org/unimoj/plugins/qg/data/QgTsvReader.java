package org.unimoj.plugins.qg.data;

import java.nio.file.Path;
import org.unimoj.data.io.LineReader;
import org.unimoj.data.io.LineRecordReader;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.io.RecordProblem;
import org.unimoj.data.io.TabFields;
import org.unimoj.data.io.Utf8;

/**
 * Streams a question-generation TSV in the layout of the seq2seq reference code: {@code src \t tgt}
 * (the header {@code src\ttgt} is optional) with {@code src} = {@code paragraph [SEP] answer} (the
 * last {@code " [SEP] "} separates them) and {@code tgt} the question. Ids are line numbers; the
 * answer's position is its first occurrence in the paragraph (-1 when absent).
 */
public final class QgTsvReader extends LineRecordReader<QgExample> {

    /** What separates paragraph and answer in {@code src}. */
    public static final String SEPARATOR = " [SEP] ";

    private final TabFields fields = new TabFields();

    private QgTsvReader(Path file, ReadOptions options) {
        super(file, options);
    }

    public static QgTsvReader open(Path file, ReadOptions options) {
        return new QgTsvReader(file, options);
    }

    @Override
    protected boolean isHeader(LineReader line) {
        return line.lenientText().equals("src\ttgt");
    }

    @Override
    protected QgExample parseLine(byte[] b, int from, int to) throws RecordProblem {
        int n = fields.split(b, from, to);
        if (n != 2) {
            throw new RecordProblem("line", n + " tab-separated fields; expected 2 (src = paragraph [SEP] answer, tgt = question)");
        }
        String src = field(b, 0, "src");
        String question = field(b, 1, "tgt");
        int cut = src.lastIndexOf(SEPARATOR.strip());
        if (cut < 0) {
            throw new RecordProblem("src", "no '[SEP]' between paragraph and answer");
        }
        String paragraph = src.substring(0, cut).strip();
        String answer = src.substring(cut + SEPARATOR.strip().length()).strip();
        if (paragraph.isEmpty()) {
            throw new RecordProblem("src", "empty paragraph before [SEP]");
        }
        if (answer.isEmpty()) {
            throw new RecordProblem("src", "empty answer after [SEP]");
        }
        long line = lines.lineNumber();
        return new QgExample(String.valueOf(line), paragraph, answer, paragraph.indexOf(answer), question, file.toString(), line);
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
