package org.unimoj.data.glue;

import java.util.Objects;

/**
 * Where text, pair text, label and id are in a TSV. With a header the columns are found by name
 * (a labelled column missing from the header means an unlabeled test file); without one, by
 * 0-based index (-1: absent).
 *
 * @param name         for messages
 * @param header       whether the first line names the columns: {@code YES}, {@code NO}, or
 *                     {@code DETECT} (a header when the first field equals {@code idName})
 * @param idName       header name of the id column, or null
 * @param textName     header name of the text column
 * @param pairName     header name of the second text, or null
 * @param labelName    header name of the label column, or null
 * @param columns      fields per line without a header
 * @param textIndex    without a header
 * @param pairIndex    without a header, -1 for none
 * @param labelIndex   without a header, -1 for none
 * @param labels       what the labels look like
 */
public record GlueLayout(String name, Header header, String idName, String textName, String pairName, String labelName,
                         int columns, int textIndex, int pairIndex, int labelIndex, LabelKind labels) {

    public enum Header { YES, NO, DETECT }

    public GlueLayout {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(labels, "labels");
    }

    /** SST-2: {@code sentence \t label} with a header; test: {@code index \t sentence}. */
    public static final GlueLayout SST2 = new GlueLayout("SST-2", Header.YES, "index", "sentence", null, "label", 0, -1, -1, -1, LabelKind.BINARY);

    /**
     * CoLA: train and dev without a header, {@code source \t label \t original-label \t sentence};
     * test with a header {@code index \t sentence}.
     */
    public static final GlueLayout COLA = new GlueLayout("CoLA", Header.DETECT, "index", "sentence", null, "label", 4, 3, -1, 1, LabelKind.BINARY);

    /**
     * MNLI: a header; {@code sentence1}, {@code sentence2}, {@code gold_label} among 12 (train),
     * 16 (dev_matched, dev_mismatched) or 10 (test, no label) columns.
     */
    public static final GlueLayout MNLI = new GlueLayout("MNLI", Header.YES, "index", "sentence1", "sentence2", "gold_label", 0, -1, -1, -1, LabelKind.NLI);

    /** STS-B: a header; {@code sentence1}, {@code sentence2}, {@code score} (absent in test). */
    public static final GlueLayout STSB = new GlueLayout("STS-B", Header.YES, "index", "sentence1", "sentence2", "score", 0, -1, -1, -1, LabelKind.SCORE);

    /** No header, {@code sentence \t label} (e.g. ../shared/data/sentence-classification/CoLA). */
    public static final GlueLayout SENTENCE_TAB_LABEL = columns("sentence\\tlabel", 2, 0, -1, 1, LabelKind.BINARY);

    /** No header, {@code label \t sentence} (e.g. ../shared/data/sentence-classification/SST2). */
    public static final GlueLayout LABEL_TAB_SENTENCE = columns("label\\tsentence", 2, 1, -1, 0, LabelKind.BINARY);

    /** A header-less layout mapped by column index. */
    public static GlueLayout columns(String name, int columns, int textIndex, int pairIndex, int labelIndex, LabelKind labels) {
        if (textIndex < 0 || textIndex >= columns || pairIndex >= columns || labelIndex >= columns) {
            throw new IllegalArgumentException("layout " + name + ": column index outside 0.." + (columns - 1));
        }
        return new GlueLayout(name, Header.NO, null, null, null, null, columns, textIndex, pairIndex, labelIndex, labels);
    }
}
