package org.unimoj.data.captions;

import java.nio.file.Path;
import org.unimoj.api.data.Caption;
import org.unimoj.data.io.LineRecordReader;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.io.RecordProblem;
import org.unimoj.data.io.Utf8;

/**
 * Streams a Flickr8k/Flickr30k token file ({@code Flickr8k.token.txt}, {@code results_20130124.token}):
 * one caption a line, {@code <image file>#<n><TAB><caption>}. The real Flickr8k file separates a
 * few lines with a space instead of the tab; those are read too and counted in the notes. The
 * caption id is {@code <image file>#<n>}, the image id the image file name as written.
 */
public final class Flickr8kTokenReader extends LineRecordReader<Caption> {

    private long spaceSeparated;

    private Flickr8kTokenReader(Path file, ReadOptions options) {
        super(file, options);
    }

    public static Flickr8kTokenReader open(Path file, ReadOptions options) {
        return new Flickr8kTokenReader(file, options);
    }

    @Override
    protected Caption parseLine(byte[] b, int from, int to) throws RecordProblem {
        String line = utf8.decode(b, from, to, "line");
        int hash = line.indexOf('#');
        if (hash <= 0) {
            throw new RecordProblem("id", "no '<image>#<n>' id at the start of the line");
        }
        int tab = line.indexOf('\t');
        int sep;
        if (tab > hash) {
            sep = tab;
        } else {
            sep = line.indexOf(' ', hash);
            if (sep < 0) {
                throw new RecordProblem("caption", "missing: no tab or space after the id");
            }
            spaceSeparated++;
        }
        String image = line.substring(0, hash);
        String n = line.substring(hash + 1, sep);
        if (n.isEmpty() || !n.chars().allMatch(Character::isDigit)) {
            throw new RecordProblem("id", "'" + line.substring(0, sep) + "' does not end in #<number>");
        }
        if (image.isBlank() || !image.equals(image.strip())) {
            throw new RecordProblem("id", "bad image name '" + image + "'");
        }
        String caption = line.substring(sep + 1).strip();
        if (caption.isEmpty()) {
            throw new RecordProblem("caption", "empty");
        }
        Utf8.checkClean(caption, "caption");
        return new Caption(image + "#" + n, image, caption);
    }

    @Override
    protected java.util.List<String> notes() {
        java.util.List<String> notes = new java.util.ArrayList<>(super.notes());
        if (spaceSeparated > 0) {
            notes.add(spaceSeparated + " line(s) of " + file + " separate id and caption with a space instead of a tab");
        }
        return notes;
    }
}
