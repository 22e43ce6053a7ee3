package org.unimoj.data.glue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.unimoj.api.data.LabeledText;
import org.unimoj.data.io.DataError;
import org.unimoj.data.io.LineReader;
import org.unimoj.data.io.LineRecordReader;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.io.RecordProblem;
import org.unimoj.data.io.TabFields;
import org.unimoj.data.io.Utf8;

/**
 * Streams a GLUE-style TSV in a given {@link GlueLayout}. Fields are split at every tab with no
 * quote processing (as GLUE's own readers do: MNLI's sentences contain quotes). Checked: the
 * field count of every line against the header (or the layout), non-empty text, labels of the
 * layout's {@link LabelKind}, unique ids.
 */
public final class GlueTsvReader extends LineRecordReader<LabeledText> {

    private final GlueLayout layout;
    private final TabFields fields = new TabFields();
    private final Set<String> seen = new HashSet<>();
    private int columns;
    private int idCol = -1;
    private int textCol;
    private int pairCol = -1;
    private int labelCol = -1;
    private List<String> headerNames;

    private GlueTsvReader(Path file, ReadOptions options, GlueLayout layout) {
        super(file, options);
        this.layout = layout;
        if (layout.header() == GlueLayout.Header.NO) {
            byIndex();
        }
    }

    public static GlueTsvReader open(Path file, GlueLayout layout, ReadOptions options) {
        return new GlueTsvReader(file, options, layout);
    }

    private void byIndex() {
        columns = layout.columns();
        textCol = layout.textIndex();
        pairCol = layout.pairIndex();
        labelCol = layout.labelIndex();
        idCol = -1;
    }

    @Override
    protected boolean isHeader(LineReader line) throws RecordProblem {
        int n = fields.split(line.buffer(), line.start(), line.end());
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(fields.ascii(i).strip());
        }
        switch (layout.header()) {
            case NO:
                return false;
            case DETECT:
                if (!names.get(0).equals(layout.idName())) {
                    byIndex();
                    return false;
                }
                break;
            default:
                break;
        }
        headerNames = names;
        columns = n;
        idCol = layout.idName() == null ? -1 : names.indexOf(layout.idName());
        textCol = names.indexOf(layout.textName());
        if (textCol < 0) {
            throw DataError.ofFile(file, "header " + names + " has no '" + layout.textName() + "' column (" + layout.name() + " layout)");
        }
        if (layout.pairName() != null) {
            pairCol = names.indexOf(layout.pairName());
            if (pairCol < 0) {
                throw DataError.ofFile(file, "header " + names + " has no '" + layout.pairName() + "' column (" + layout.name() + " layout)");
            }
        }
        labelCol = layout.labelName() == null ? -1 : names.indexOf(layout.labelName());
        return true;
    }

    @Override
    protected LabeledText parseLine(byte[] b, int from, int to) throws RecordProblem {
        int n = fields.split(b, from, to);
        if (n != columns) {
            throw new RecordProblem("line", n + " tab-separated fields; expected " + columns
                    + (headerNames != null ? " as the header " + headerNames : " (" + layout.name() + " layout)"));
        }
        String text = text(textCol);
        String pair = pairCol >= 0 ? text(pairCol) : null;
        String label = null;
        if (labelCol >= 0) {
            label = utf8.decode(b, fields.start(labelCol), fields.end(labelCol), name(labelCol)).strip();
            layout.labels().check(label, name(labelCol));
        }
        String id = idCol >= 0 ? utf8.decode(b, fields.start(idCol), fields.end(idCol), name(idCol)).strip() : String.valueOf(lines.lineNumber());
        if (id.isEmpty()) {
            throw new RecordProblem(name(idCol), "empty");
        }
        if (!seen.add(id)) {
            throw new RecordProblem(name(idCol), "duplicate id '" + id + "'");
        }
        return new LabeledText(id, text, pair, label);
    }

    private String text(int col) throws RecordProblem {
        String s = utf8.decode(fields.buffer(), fields.start(col), fields.end(col), name(col));
        if (s.isBlank()) {
            throw new RecordProblem(name(col), "empty");
        }
        Utf8.checkClean(s, name(col));
        return s.strip();
    }

    private String name(int col) {
        if (headerNames != null) {
            return headerNames.get(col);
        }
        if (col == textCol) return "sentence (column " + (col + 1) + ")";
        if (col == pairCol) return "sentence2 (column " + (col + 1) + ")";
        if (col == labelCol) return "label (column " + (col + 1) + ")";
        return "column " + (col + 1);
    }

    /** Whether the file carries labels (false for GLUE test files). */
    public boolean labeled() {
        return labelCol >= 0;
    }
}
